package org.asicscm.assembly.boundary;

import static org.asicscm.assembly.boundary.AssemblyViews.CODE;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.asicscm.assembly.entity.BoardDieSource;
import org.asicscm.assembly.entity.BuildKit;
import org.asicscm.assembly.entity.Hashboard;
import org.asicscm.assembly.entity.Machine;

/** Requests and answers of the floor: kits, hashboards (one or a tray), machines and what they are built of. */
public final class FloorViews {
    private FloorViews() {}

    public record KitLineView(
            String allocationId,
            String lotId,
            String lotNumber,
            String bin,
            int dies,
            int diesConsumed,
            boolean released) {}

    /** diesAvailableByBin: a board is built from one bin, so these say which bin can still make one. */
    public record KitView(
            String buildOrderId,
            String orderNumber,
            String chipModel,
            int chipsPerBoard,
            int boardsOrdered,
            int boardsCovered,
            int boardsBuildable,
            int boardsScrapped,
            int diesAvailable,
            Map<String, Integer> diesAvailableByBin,
            List<KitLineView> allocations) {
        static KitView of(BuildKit k) {
            return new KitView(
                    k.buildOrderId(),
                    k.orderNumber(),
                    k.chipModel(),
                    k.chipsPerBoard(),
                    k.boardsOrdered(),
                    k.boardsCovered(),
                    k.boardsBuildable(),
                    k.boardsScrapped(),
                    k.diesAvailable(),
                    k.diesAvailableByBin(),
                    k.lines().stream()
                            .map(l -> new KitLineView(
                                    l.allocationId(),
                                    l.lotId(),
                                    l.lotNumber(),
                                    l.bin(),
                                    l.dies(),
                                    l.diesConsumed(),
                                    l.released()))
                            .toList());
        }
    }

    public record BoardRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE)
            String serial,

            @NotBlank @Size(max = 36) String buildOrderId,
            @NotBlank @Size(max = 36) String lineId) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public BoardRequest(String serial, String buildOrderId, String lineId) {
            this.serial = serial;
            this.buildOrderId = buildOrderId;
            this.lineId = lineId;
        }
    }

    /** Boards that left the line together (a tray or panel), recorded all or none. */
    public record TrayRequest(
            @NotBlank @Size(max = 36) String buildOrderId,
            @NotBlank @Size(max = 36) String lineId,
            @NotEmpty @Size(max = 100) List<String> serials) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public TrayRequest(String buildOrderId, String lineId, List<String> serials) {
            this.buildOrderId = buildOrderId;
            this.lineId = lineId;
            this.serials = serials;
        }
    }

    public record DieSourceView(String allocationId, String lotId, String lotNumber, String bin, int dies) {
        static DieSourceView of(BoardDieSource s) {
            return new DieSourceView(s.allocationId(), s.lotId(), s.lotNumber(), s.bin(), s.dies());
        }
    }

    public record BoardView(
            String serial,
            String buildOrderId,
            String lineId,
            String chipModel,
            int dies,
            String status,
            String machineSerial,
            OffsetDateTime assembledAt,
            List<DieSourceView> dieSources) {
        static BoardView of(Hashboard b) {
            return new BoardView(
                    b.serial(),
                    b.buildOrderId(),
                    b.lineId(),
                    b.chipModel(),
                    b.dies(),
                    b.status().name(),
                    b.machineSerial(),
                    b.assembledAt(),
                    b.sources().stream().map(DieSourceView::of).toList());
        }
    }

    public record MachineRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE)
            String serial,

            @NotBlank @Size(max = 36) String buildOrderId,
            @NotEmpty @Size(max = 10) List<String> boardSerials,

            @NotBlank @Size(max = 40) @Pattern(regexp = CODE)
            String controlBoardSerial,

            @NotBlank @Size(max = 40) @Pattern(regexp = CODE)
            String psuSerial,

            @Size(max = 40) @Pattern(regexp = CODE) String controlBoardLot,
            @Size(max = 40) @Pattern(regexp = CODE) String psuLot) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public MachineRequest(
                String serial,
                String buildOrderId,
                List<String> boardSerials,
                String controlBoardSerial,
                String psuSerial,
                String controlBoardLot,
                String psuLot) {
            this.serial = serial;
            this.buildOrderId = buildOrderId;
            this.boardSerials = boardSerials;
            this.controlBoardSerial = controlBoardSerial;
            this.psuSerial = psuSerial;
            this.controlBoardLot = controlBoardLot;
            this.psuLot = psuLot;
        }
    }

    /** A board in a list: without its die sources, which {@code GET hashboards/{serial}} gives. */
    public record BoardSummaryView(
            String serial,
            String buildOrderId,
            String lineId,
            String chipModel,
            int dies,
            String status,
            String machineSerial,
            OffsetDateTime assembledAt) {
        static BoardSummaryView of(Hashboard b) {
            return new BoardSummaryView(
                    b.serial(),
                    b.buildOrderId(),
                    b.lineId(),
                    b.chipModel(),
                    b.dies(),
                    b.status().name(),
                    b.machineSerial(),
                    b.assembledAt());
        }
    }

    /** A machine in a list: without its boards, which {@code GET machines/{serial}} gives. */
    public record MachineSummaryView(
            String serial,
            String buildOrderId,
            String controlBoardSerial,
            String psuSerial,
            String status,
            OffsetDateTime assembledAt) {
        static MachineSummaryView of(Machine m) {
            return new MachineSummaryView(
                    m.serial(),
                    m.buildOrderId(),
                    m.controlBoardSerial(),
                    m.psuSerial(),
                    m.status().name(),
                    m.assembledAt());
        }
    }

    public record MachineView(
            String serial,
            String buildOrderId,
            String controlBoardSerial,
            String psuSerial,
            String status,
            OffsetDateTime assembledAt,
            List<BoardView> boards) {
        static MachineView of(Machine m, List<Hashboard> boards) {
            return new MachineView(
                    m.serial(),
                    m.buildOrderId(),
                    m.controlBoardSerial(),
                    m.psuSerial(),
                    m.status().name(),
                    m.assembledAt(),
                    boards.stream().map(BoardView::of).toList());
        }
    }
}
