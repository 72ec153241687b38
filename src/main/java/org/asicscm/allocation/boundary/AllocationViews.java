package org.asicscm.allocation.boundary;

import jakarta.validation.Valid;
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
import org.asicscm.allocation.entity.BuildOrder;
import org.asicscm.allocation.entity.ChipModel;
import org.asicscm.allocation.entity.DieAllocation;
import org.asicscm.allocation.entity.WaferLot;

/** Requests and answers of the allocation API; entities never leave the service. */
public final class AllocationViews {
    private AllocationViews() {
    }

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]*";

    public record ChipModelRequest(
            @NotBlank @Size(max = 32) @Pattern(regexp = CODE) String code,
            @NotBlank @Size(max = 16) String processNode,
            @Size(max = 200) String description) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ChipModelRequest(String code, String processNode, String description) {
            this.code = code;
            this.processNode = processNode;
            this.description = description;
        }
    }

    public record ChipModelView(String code, String processNode, String description) {
        static ChipModelView of(ChipModel m) {
            return new ChipModelView(m.code(), m.processNode(), m.description());
        }
    }

    public record BinRequest(
            @NotBlank @Size(max = 16) @Pattern(regexp = CODE) String bin,
            @NotNull @Min(0) @Max(10_000_000) Integer goodDies) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public BinRequest(String bin, Integer goodDies) {
            this.bin = bin;
            this.goodDies = goodDies;
        }
    }

    public record LotRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE) String lotNumber,
            @NotBlank @Size(max = 32) String chipModel,
            @NotNull @Min(1) @Max(50) Integer wafers,
            @NotEmpty @Size(max = 20) @Valid List<BinRequest> bins) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public LotRequest(String lotNumber, String chipModel, Integer wafers, List<BinRequest> bins) {
            this.lotNumber = lotNumber;
            this.chipModel = chipModel;
            this.wafers = wafers;
            this.bins = bins;
        }
    }

    public record BinView(String bin, int goodDies, int allocatedDies, int availableDies) {
    }

    public record LotView(String id, String lotNumber, String chipModel, int wafers, OffsetDateTime receivedAt,
                          String correlationId, boolean onHold, int goodDies, List<BinView> bins) {
        static LotView of(WaferLot lot) {
            return new LotView(lot.id(), lot.lotNumber(), lot.chipModel(), lot.waferCount(), lot.receivedAt(),
                    lot.correlationId(), lot.onHold(), lot.goodDies(), lot.bins().stream()
                    .map(b -> new BinView(b.bin(), b.goodDies(), b.allocatedDies(), b.available())).toList());
        }
    }

    public record BuildOrderRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE) String orderNumber,
            @NotBlank @Size(max = 80) String product,
            @NotBlank @Size(max = 32) String chipModel,
            @NotNull @Min(1) @Max(1000) Integer chipsPerBoard,
            @NotNull @Min(1) @Max(10) Integer boardsPerMachine,
            @NotNull @Min(1) @Max(100_000) Integer machines,
            @NotNull LocalDate dueDate,
            @Size(max = 40) String customerOrderRef) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public BuildOrderRequest(String orderNumber, String product, String chipModel, Integer chipsPerBoard, Integer boardsPerMachine, Integer machines, LocalDate dueDate, String customerOrderRef) {
            this.orderNumber = orderNumber;
            this.product = product;
            this.chipModel = chipModel;
            this.chipsPerBoard = chipsPerBoard;
            this.boardsPerMachine = boardsPerMachine;
            this.machines = machines;
            this.dueDate = dueDate;
            this.customerOrderRef = customerOrderRef;
        }
    }

    public record BuildOrderView(String id, String orderNumber, String product, String chipModel, int chipsPerBoard,
                                 int boardsPerMachine, int machines, int diesRequired, LocalDate dueDate,
                                 String customerOrderRef, String status, String correlationId) {
        static BuildOrderView of(BuildOrder o) {
            return new BuildOrderView(o.id(), o.orderNumber(), o.product(), o.chipModel(), o.chipsPerBoard(),
                    o.boardsPerMachine(), o.machines(), o.diesRequired(), o.dueDate(), o.customerOrderRef(),
                    o.status().name(), o.correlationId());
        }
    }

    public record AllocationRequest(
            @NotBlank @Size(max = 36) String lotId,
            @NotBlank @Size(max = 16) String bin,
            @NotNull @Min(1) @Max(10_000_000) Integer dies) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public AllocationRequest(String lotId, String bin, Integer dies) {
            this.lotId = lotId;
            this.bin = bin;
            this.dies = dies;
        }
    }

    public record AllocationView(String id, String buildOrderId, String lotId, String lotNumber, String bin, int dies,
                                 int diesConsumed, String status, OffsetDateTime allocatedAt,
                                 OffsetDateTime releasedAt) {
        static AllocationView of(DieAllocation a) {
            return new AllocationView(a.id(), a.buildOrderId(), a.lotBin().lot().id(), a.lotBin().lot().lotNumber(),
                    a.lotBin().bin(), a.dies(), a.diesConsumed(), a.status().name(), a.allocatedAt(), a.releasedAt());
        }
    }
}
