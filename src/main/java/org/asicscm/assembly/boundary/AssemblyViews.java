package org.asicscm.assembly.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.asicscm.assembly.entity.AssemblyLine;
import org.asicscm.assembly.entity.BoardDieSource;
import org.asicscm.assembly.entity.BuildKit;
import org.asicscm.assembly.entity.BuildSchedule;
import org.asicscm.assembly.entity.Factory;
import org.asicscm.assembly.entity.Hashboard;
import org.asicscm.assembly.entity.Machine;
import org.asicscm.assembly.entity.SubDistrict;

/** Requests and answers of the assembly API. */
public final class AssemblyViews {
    private AssemblyViews() {
    }

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]*";

    public record FactoryRequest(
            @NotBlank @Size(max = 20) @Pattern(regexp = CODE) String code,
            @NotBlank @Size(max = 120) String name,
            @NotNull SubDistrict subDistrict) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public FactoryRequest(String code, String name, SubDistrict subDistrict) {
            this.code = code;
            this.name = name;
            this.subDistrict = subDistrict;
        }
    }

    public record LineView(String id, String factoryId, String code, int boardsPerShift, int shiftsPerDay) {
        static LineView of(AssemblyLine l) {
            return new LineView(l.id(), l.factory().id(), l.code(), l.boardsPerShift(), l.shiftsPerDay());
        }
    }

    public record FactoryView(String id, String code, String name, SubDistrict subDistrict) {
        static FactoryView of(Factory f) {
            return new FactoryView(f.id(), f.code(), f.name(), f.subDistrict());
        }
    }

    public record LineRequest(
            @NotBlank @Size(max = 20) @Pattern(regexp = CODE) String code,
            @NotNull @Min(1) @Max(100_000) Integer boardsPerShift,
            @NotNull @Min(1) @Max(3) Integer shiftsPerDay) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public LineRequest(String code, Integer boardsPerShift, Integer shiftsPerDay) {
            this.code = code;
            this.boardsPerShift = boardsPerShift;
            this.shiftsPerDay = shiftsPerDay;
        }
    }

    public record KitLineView(String allocationId, String lotId, String lotNumber, String bin, int dies,
                              int diesConsumed, boolean released) {
    }

    public record KitView(String buildOrderId, String orderNumber, String chipModel, int chipsPerBoard,
                          int boardsOrdered, int boardsCovered, int diesAvailable, List<KitLineView> allocations) {
        static KitView of(BuildKit k) {
            return new KitView(k.buildOrderId(), k.orderNumber(), k.chipModel(), k.chipsPerBoard(), k.boardsOrdered(),
                    k.boardsCovered(), k.diesAvailable(), k.lines().stream().map(l -> new KitLineView(l.allocationId(),
                    l.lotId(), l.lotNumber(), l.bin(), l.dies(), l.diesConsumed(), l.released())).toList());
        }
    }

    public record ScheduleRequest(
            @NotBlank @Size(max = 36) String buildOrderId,
            @NotBlank @Size(max = 36) String lineId,
            @NotNull LocalDate startDate) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ScheduleRequest(String buildOrderId, String lineId, LocalDate startDate) {
            this.buildOrderId = buildOrderId;
            this.lineId = lineId;
            this.startDate = startDate;
        }
    }

    public record ScheduleView(String id, String buildOrderId, String lineId, String lineCode, String factoryCode,
                               int boards, LocalDate startDate, LocalDate endDate) {
        static ScheduleView of(BuildSchedule s) {
            return new ScheduleView(s.id(), s.buildOrderId(), s.line().id(), s.line().code(),
                    s.line().factory().code(), s.boards(), s.startDate(), s.endDate());
        }
    }

    public record BoardRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE) String serial,
            @NotBlank @Size(max = 36) String buildOrderId,
            @NotBlank @Size(max = 36) String lineId) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public BoardRequest(String serial, String buildOrderId, String lineId) {
            this.serial = serial;
            this.buildOrderId = buildOrderId;
            this.lineId = lineId;
        }
    }

    public record DieSourceView(String allocationId, String lotId, String lotNumber, String bin, int dies) {
        static DieSourceView of(BoardDieSource s) {
            return new DieSourceView(s.allocationId(), s.lotId(), s.lotNumber(), s.bin(), s.dies());
        }
    }

    public record BoardView(String serial, String buildOrderId, String lineId, String chipModel, int dies,
                            String status, String machineSerial, OffsetDateTime assembledAt,
                            List<DieSourceView> dieSources) {
        static BoardView of(Hashboard b) {
            return new BoardView(b.serial(), b.buildOrderId(), b.lineId(), b.chipModel(), b.dies(), b.status().name(),
                    b.machineSerial(), b.assembledAt(), b.sources().stream().map(DieSourceView::of).toList());
        }
    }

    public record MachineRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE) String serial,
            @NotBlank @Size(max = 36) String buildOrderId,
            @NotEmpty @Size(max = 10) List<String> boardSerials,
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE) String controlBoardSerial,
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE) String psuSerial) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public MachineRequest(String serial, String buildOrderId, List<String> boardSerials, String controlBoardSerial, String psuSerial) {
            this.serial = serial;
            this.buildOrderId = buildOrderId;
            this.boardSerials = boardSerials;
            this.controlBoardSerial = controlBoardSerial;
            this.psuSerial = psuSerial;
        }
    }

    public record MachineView(String serial, String buildOrderId, String controlBoardSerial, String psuSerial,
                              String status, OffsetDateTime assembledAt, List<BoardView> boards) {
        static MachineView of(Machine m, List<Hashboard> boards) {
            return new MachineView(m.serial(), m.buildOrderId(), m.controlBoardSerial(), m.psuSerial(),
                    m.status().name(), m.assembledAt(), boards.stream().map(BoardView::of).toList());
        }
    }
}
