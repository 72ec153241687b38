package org.asicscm.assembly.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.asicscm.assembly.boundary.FactoryViews.PlannedOrderView;
import org.asicscm.assembly.control.PlanReports;
import org.asicscm.assembly.control.SchedulingService;
import org.asicscm.assembly.entity.BuildSchedule;

/** Requests and answers of the plan: schedule runs, an order's schedule, the load per line and day, and the orders at risk. */
public final class PlanViews {
    private PlanViews() {}

    public record PlanRunRequest(
            LocalDate from,

            @Min(1) @Max(SchedulingService.LONGEST_HORIZON_DAYS)
            Integer horizonDays) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public PlanRunRequest(LocalDate from, Integer horizonDays) {
            this.from = from;
            this.horizonDays = horizonDays;
        }
    }

    public record PlanRunView(
            LocalDate from,
            int horizonDays,
            int orders,
            int lateOrders,
            long elapsedMillis,
            List<PlannedOrderView> plan) {}

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

    public record ShiftView(LocalDate day, int shift, int boards) {}

    public record ScheduleView(
            String id,
            String buildOrderId,
            String lineId,
            String lineCode,
            String factoryCode,
            int boards,
            LocalDate startDate,
            LocalDate endDate,
            List<ShiftView> shifts) {
        static ScheduleView of(BuildSchedule s) {
            return new ScheduleView(
                    s.id(),
                    s.buildOrderId(),
                    s.line().id(),
                    s.line().code(),
                    s.line().factory().code(),
                    s.boards(),
                    s.startDate(),
                    s.endDate(),
                    s.slots().stream()
                            .map(slot -> new ShiftView(slot.day(), slot.shift(), slot.boards()))
                            .toList());
        }
    }

    /** A line's day in the plan: boards planned, share of capacity, and for which orders. */
    public record LineDayView(
            String lineId,
            String factoryCode,
            String lineCode,
            LocalDate day,
            boolean open,
            int shifts,
            int boards,
            int percentOfCapacity,
            Map<String, Integer> boardsByOrder,
            List<ShiftLoadView> shiftLoads,
            List<PlanReports.Shortage> shortages) {
        static LineDayView of(PlanReports.LineDay d) {
            return new LineDayView(
                    d.lineId(),
                    d.factoryCode(),
                    d.lineCode(),
                    d.day(),
                    d.open(),
                    d.shifts(),
                    d.boards(),
                    d.percentOfCapacity(),
                    d.boardsByOrder(),
                    d.shiftLoads().stream()
                            .map(s -> new ShiftLoadView(s.shift(), s.boards(), s.percentOfCapacity()))
                            .toList(),
                    d.shortages());
        }
    }

    /** percentOfCapacity: the orders' shares of the shift's capacity for their products, summed. */
    public record ShiftLoadView(int shift, int boards, int percentOfCapacity) {}

    /** An order the plan cannot deliver as promised, with the reasons in words. */
    public record OrderAtRiskView(
            String buildOrderId,
            String orderNumber,
            int priority,
            LocalDate dueDate,
            LocalDate plannedEnd,
            int daysLate,
            int boardsOrdered,
            int boardsWithoutDies,
            int boardsOnHold,
            int unplacedBoards,
            List<PlanReports.Shortage> shortages,
            List<String> reasons) {
        static OrderAtRiskView of(PlanReports.OrderAtRisk o) {
            return new OrderAtRiskView(
                    o.buildOrderId(),
                    o.orderNumber(),
                    o.priority(),
                    o.dueDate(),
                    o.plannedEnd(),
                    o.daysLate(),
                    o.boardsOrdered(),
                    o.boardsWithoutDies(),
                    o.boardsOnHold(),
                    o.unplacedBoards(),
                    o.shortages(),
                    o.reasons());
        }
    }
}
