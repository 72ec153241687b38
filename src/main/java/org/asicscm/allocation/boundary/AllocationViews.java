package org.asicscm.allocation.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.asicscm.allocation.control.AllocationPolicy;
import org.asicscm.allocation.control.DieAllocator;
import org.asicscm.allocation.control.ShortageReport;
import org.asicscm.allocation.control.WaferLots;
import org.asicscm.allocation.entity.Bin;
import org.asicscm.allocation.entity.BuildOrder;
import org.asicscm.allocation.entity.ChipModel;
import org.asicscm.allocation.entity.DieAllocation;
import org.asicscm.allocation.entity.DieReassignment;
import org.asicscm.allocation.entity.LotCorrection;
import org.asicscm.allocation.entity.Product;
import org.asicscm.allocation.entity.WaferLot;
import org.asicscm.events.Events;
import org.asicscm.platform.Codes;
import org.asicscm.platform.InvalidInputException;

/** Requests and answers of the allocation API; entities never leave the service. */
public final class AllocationViews {
    private AllocationViews() {}

    static final String CODE = Codes.PATTERN;
    static final Duration SHORTEST_RESERVATION = Duration.ofSeconds(1);
    static final Duration LONGEST_RESERVATION = Duration.ofDays(30);

    /** @return null for a firm allocation */
    static Duration reserveFor(String isoDuration) {
        if (isoDuration == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(isoDuration);
            if (duration.compareTo(SHORTEST_RESERVATION) >= 0 && duration.compareTo(LONGEST_RESERVATION) <= 0) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidInputException("reserveFor", "an ISO-8601 duration from PT1S to P30D, such as PT48H");
    }

    static AllocationPolicy policy(String name) {
        try {
            return AllocationPolicy.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("policy", "one of " + java.util.Arrays.toString(AllocationPolicy.values()));
        }
    }

    public record BinDefinitionRequest(
            @NotBlank @Size(max = 16) @Pattern(regexp = CODE)
            String name,

            @NotNull @Min(1) @Max(99) Integer rank,
            @NotNull @Min(1) @Max(10_000) Integer frequencyMhz,
            @NotNull @Min(1) @Max(5_000) Integer voltageMv,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("9999")
            BigDecimal efficiencyJth) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public BinDefinitionRequest(
                String name, Integer rank, Integer frequencyMhz, Integer voltageMv, BigDecimal efficiencyJth) {
            this.name = name;
            this.rank = rank;
            this.frequencyMhz = frequencyMhz;
            this.voltageMv = voltageMv;
            this.efficiencyJth = efficiencyJth;
        }

        Bin toBin() {
            return new Bin(name, rank, frequencyMhz, voltageMv, efficiencyJth);
        }
    }

    public record ChipModelRequest(
            @NotBlank @Size(max = 32) @Pattern(regexp = CODE)
            String code,

            @NotBlank @Size(max = 16) String processNode,
            @Size(max = 200) String description,
            @NotEmpty @Size(max = 20) @Valid List<BinDefinitionRequest> bins) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ChipModelRequest(String code, String processNode, String description, List<BinDefinitionRequest> bins) {
            this.code = code;
            this.processNode = processNode;
            this.description = description;
            this.bins = bins;
        }
    }

    public record BinDefinitionView(String name, int rank, int frequencyMhz, int voltageMv, BigDecimal efficiencyJth) {}

    public record ChipModelView(String code, String processNode, String description, List<BinDefinitionView> bins) {
        static ChipModelView of(ChipModel m) {
            return new ChipModelView(
                    m.code(),
                    m.processNode(),
                    m.description(),
                    m.bins().stream()
                            .map(b -> new BinDefinitionView(
                                    b.name(), b.rank(), b.frequencyMhz(), b.voltageMv(), b.efficiencyJth()))
                            .toList());
        }
    }

    public record ProductRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE)
            String code,

            @NotBlank @Size(max = 80) String name,
            @NotBlank @Size(max = 32) String chipModel,
            @NotNull @Min(1) @Max(1000) Integer chipsPerBoard,
            @NotNull @Min(1) @Max(10) Integer boardsPerMachine,
            @NotBlank @Size(max = 16) String minBin,
            @Size(max = 20) List<String> substitutes,

            @DecimalMin("0") @DecimalMax("50") @Digits(integer = 2, fraction = 2)
            BigDecimal scrapAllowancePercent) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ProductRequest(
                String code,
                String name,
                String chipModel,
                Integer chipsPerBoard,
                Integer boardsPerMachine,
                String minBin,
                List<String> substitutes,
                BigDecimal scrapAllowancePercent) {
            this.code = code;
            this.name = name;
            this.chipModel = chipModel;
            this.chipsPerBoard = chipsPerBoard;
            this.boardsPerMachine = boardsPerMachine;
            this.minBin = minBin;
            this.substitutes = substitutes;
            this.scrapAllowancePercent = scrapAllowancePercent;
        }
    }

    public record ProductView(
            String code,
            String name,
            String chipModel,
            int chipsPerBoard,
            int boardsPerMachine,
            String minBin,
            List<String> substitutes,
            BigDecimal scrapAllowancePercent) {
        static ProductView of(Product p) {
            return new ProductView(
                    p.code(),
                    p.name(),
                    p.chipModel(),
                    p.chipsPerBoard(),
                    p.boardsPerMachine(),
                    p.minBin(),
                    p.substitutes(),
                    p.scrapAllowancePercent());
        }
    }

    public record BinRequest(
            @NotBlank @Size(max = 16) @Pattern(regexp = CODE)
            String bin,

            @NotNull @Min(0) @Max(10_000_000) Integer goodDies) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public BinRequest(String bin, Integer goodDies) {
            this.bin = bin;
            this.goodDies = goodDies;
        }
    }

    public record LotRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE)
            String lotNumber,

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

    public record BinView(String bin, int goodDies, int allocatedDies, int availableDies) {}

    public record LotView(
            String id,
            String lotNumber,
            String chipModel,
            int wafers,
            OffsetDateTime receivedAt,
            String correlationId,
            boolean onHold,
            int goodDies,
            List<BinView> bins) {
        static LotView of(WaferLot lot) {
            return new LotView(
                    lot.id(),
                    lot.lotNumber(),
                    lot.chipModel(),
                    lot.waferCount(),
                    lot.receivedAt(),
                    lot.correlationId(),
                    lot.onHold(),
                    lot.goodDies(),
                    lot.bins().stream()
                            .map(b -> new BinView(b.bin(), b.goodDies(), b.allocatedDies(), b.available()))
                            .toList());
        }
    }

    public record BuildOrderRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE)
            String orderNumber,

            @NotBlank @Size(max = 40) String product,
            @NotNull @Min(1) @Max(100_000) Integer machines,
            @NotNull LocalDate dueDate,
            @Min(1) @Max(9) Integer priority,
            @Size(max = 40) String customerOrderRef) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public BuildOrderRequest(
                String orderNumber,
                String product,
                Integer machines,
                LocalDate dueDate,
                Integer priority,
                String customerOrderRef) {
            this.orderNumber = orderNumber;
            this.product = product;
            this.machines = machines;
            this.dueDate = dueDate;
            this.priority = priority;
            this.customerOrderRef = customerOrderRef;
        }
    }

    public record BuildOrderView(
            String id,
            String orderNumber,
            String product,
            String chipModel,
            int chipsPerBoard,
            int boardsPerMachine,
            int machines,
            int diesRequired,
            LocalDate dueDate,
            int priority,
            String customerOrderRef,
            String status,
            String correlationId,
            int boardsScrapped) {
        static BuildOrderView of(BuildOrder o) {
            return new BuildOrderView(
                    o.id(),
                    o.orderNumber(),
                    o.product(),
                    o.chipModel(),
                    o.chipsPerBoard(),
                    o.boardsPerMachine(),
                    o.machines(),
                    o.diesRequired(),
                    o.dueDate(),
                    o.priority(),
                    o.customerOrderRef(),
                    o.status().name(),
                    o.correlationId(),
                    o.boardsScrapped());
        }
    }

    public record AllocationRequest(
            @NotBlank @Size(max = 36) String lotId,
            @NotBlank @Size(max = 16) String bin,
            @NotNull @Min(1) @Max(10_000_000) Integer dies,
            @Size(max = 20) String reserveFor) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public AllocationRequest(String lotId, String bin, Integer dies, String reserveFor) {
            this.lotId = lotId;
            this.bin = bin;
            this.dies = dies;
            this.reserveFor = reserveFor;
        }
    }

    /** policy: OLDEST_LOT_FIRST or BEST_FIT; dies: all the order still needs when absent. */
    public record PolicyAllocationRequest(
            @NotBlank @Size(max = 20) String policy,
            @Min(1) @Max(10_000_000) Integer dies,
            Boolean partial,
            @Size(max = 20) String reserveFor) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public PolicyAllocationRequest(String policy, Integer dies, Boolean partial, String reserveFor) {
            this.policy = policy;
            this.dies = dies;
            this.partial = partial;
            this.reserveFor = reserveFor;
        }
    }

    public record AllocationView(
            String id,
            String buildOrderId,
            String lotId,
            String lotNumber,
            String bin,
            int dies,
            int diesConsumed,
            String status,
            OffsetDateTime allocatedAt,
            OffsetDateTime releasedAt,
            OffsetDateTime expiresAt) {
        static AllocationView of(DieAllocation a) {
            return new AllocationView(
                    a.id(),
                    a.buildOrderId(),
                    a.lotBin().lot().id(),
                    a.lotBin().lot().lotNumber(),
                    a.lotBin().bin(),
                    a.dies(),
                    a.diesConsumed(),
                    a.status().name(),
                    a.allocatedAt(),
                    a.releasedAt(),
                    a.expiresAt());
        }
    }

    public record PolicyRunView(
            String buildOrderId,
            String policy,
            int requested,
            int allocated,
            int shortBy,
            int heldDiesInAcceptableBins,
            List<String> explanation,
            List<AllocationView> allocations) {
        static PolicyRunView of(DieAllocator.PolicyRun run) {
            var plan = run.plan();
            return new PolicyRunView(
                    run.order().id(),
                    plan.policy().name(),
                    plan.requested(),
                    plan.allocated(),
                    plan.shortBy(),
                    run.heldDiesInAcceptableBins(),
                    plan.picks().stream().map(AllocationPolicy.Pick::why).toList(),
                    run.allocations().stream().map(AllocationView::of).toList());
        }
    }

    public record ReasonRequest(@NotBlank @Size(max = 300) String reason) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ReasonRequest(String reason) {
            this.reason = reason;
        }
    }

    public record ReduceRequest(
            @NotNull @Min(1) @Max(100_000) Integer machines,
            @NotBlank @Size(max = 300) String reason) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ReduceRequest(Integer machines, String reason) {
            this.machines = machines;
            this.reason = reason;
        }
    }

    public record ReassignmentRequest(
            @NotBlank @Size(max = 36) String fromOrderId,
            @NotBlank @Size(max = 36) String toOrderId,
            @NotNull @Min(1) @Max(10_000_000) Integer dies,
            @NotBlank @Size(max = 300) String reason) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ReassignmentRequest(String fromOrderId, String toOrderId, Integer dies, String reason) {
            this.fromOrderId = fromOrderId;
            this.toOrderId = toOrderId;
            this.dies = dies;
            this.reason = reason;
        }
    }

    public record ReassignmentView(
            String id, String fromOrderId, String toOrderId, int dies, String reason, OffsetDateTime reassignedAt) {
        static ReassignmentView of(DieReassignment r) {
            return new ReassignmentView(r.id(), r.fromOrderId(), r.toOrderId(), r.dies(), r.reason(), r.reassignedAt());
        }
    }

    public record CorrectionRequest(
            @NotBlank @Size(max = 300) String reason,
            @NotEmpty @Size(max = 20) @Valid List<BinRequest> bins) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public CorrectionRequest(String reason, List<BinRequest> bins) {
            this.reason = reason;
            this.bins = bins;
        }
    }

    public record CorrectionView(
            LotView lot, List<Events.BinCorrection> bins, List<Events.Withdrawal> withdrawals, int diesWithdrawn) {
        static CorrectionView of(WaferLots.Correction c) {
            return new CorrectionView(
                    LotView.of(c.lot()),
                    c.bins(),
                    c.withdrawals(),
                    c.withdrawals().stream().mapToInt(Events.Withdrawal::dies).sum());
        }
    }

    public record CorrectionLogView(
            String bin, int goodBefore, int goodAfter, int diesWithdrawn, String reason, OffsetDateTime correctedAt) {
        static CorrectionLogView of(LotCorrection c) {
            return new CorrectionLogView(
                    c.bin(), c.goodBefore(), c.goodAfter(), c.diesWithdrawn(), c.reason(), c.correctedAt());
        }
    }

    /** Free stock per bin against what the open orders still need, most urgent first. */
    public record ShortageView(List<BinShortageView> bins, List<OrderShortageView> ordersAtRisk) {
        static ShortageView of(ShortageReport.Result r) {
            return new ShortageView(
                    r.bins().stream()
                            .map(b -> new BinShortageView(
                                    b.chipModel(),
                                    b.bin(),
                                    b.freeDies(),
                                    b.heldDies(),
                                    b.coveringOpenOrders(),
                                    b.shortDies()))
                            .toList(),
                    r.ordersAtRisk().stream()
                            .map(o -> new OrderShortageView(
                                    o.buildOrderId(),
                                    o.orderNumber(),
                                    o.priority(),
                                    o.dueDate(),
                                    o.diesStillNeeded(),
                                    o.coverableFromStock(),
                                    o.uncoveredDies()))
                            .toList());
        }
    }

    public record BinShortageView(
            String chipModel, String bin, int freeDies, int heldDies, int coveringOpenOrders, int shortDies) {}

    public record OrderShortageView(
            String buildOrderId,
            String orderNumber,
            int priority,
            LocalDate dueDate,
            int diesStillNeeded,
            int coverableFromStock,
            int uncoveredDies) {}
}
