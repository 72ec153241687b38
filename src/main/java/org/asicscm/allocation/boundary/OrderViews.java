package org.asicscm.allocation.boundary;

import static org.asicscm.allocation.boundary.AllocationViews.CODE;
import static org.asicscm.allocation.boundary.AllocationViews.policy;
import static org.asicscm.allocation.boundary.AllocationViews.reserveFor;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.asicscm.allocation.control.AllocationPolicy;
import org.asicscm.allocation.control.DieAllocator;
import org.asicscm.allocation.control.ShortageReport;
import org.asicscm.allocation.entity.BuildOrder;
import org.asicscm.allocation.entity.DieAllocation;
import org.asicscm.allocation.entity.DieReassignment;

/** Requests and answers about build orders: their dies by hand or by policy, reassignments, and the shortage report. */
public final class OrderViews {
    private OrderViews() {}

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
            int boardsScrapped,
            /* the bill of materials version in force when the order was opened (null: the product had none) */
            Integer bomVersion) {
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
                    o.boardsScrapped(),
                    o.bomVersion());
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
