package org.asicscm.assembly.boundary;

import static org.asicscm.assembly.boundary.AssemblyViews.CODE;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.asicscm.assembly.control.CapacityPlan;
import org.asicscm.assembly.control.ConsignmentService;
import org.asicscm.assembly.entity.AssemblyLine;
import org.asicscm.assembly.entity.CalendarClosure;
import org.asicscm.assembly.entity.ConsignmentCount;
import org.asicscm.assembly.entity.ConsignmentMovement;
import org.asicscm.assembly.entity.Factory;

/** Requests and answers about factories: where they are, their lines and calendars, and the dies consigned to them. */
public final class FactoryViews {
    private FactoryViews() {}

    /**
     * Where the factory is: by default Bao'an, Shenzhen (subDistrict one of Bao'an's, e.g. XIXIANG);
     * elsewhere give country, city and district (e.g. CN, Dongguan, Chang'an) and, outside the
     * countries with a usual zone, timeZone.
     */
    public record FactoryRequest(
            @NotBlank @Size(max = 20) @Pattern(regexp = CODE)
            String code,

            @NotBlank @Size(max = 120) String name,

            @Size(min = 2, max = 2) @Pattern(regexp = "[A-Za-z]{2}")
            String country,

            @Size(min = 1, max = 60) String city,
            @Size(min = 1, max = 60) String district,
            @Size(min = 1, max = 60) String subDistrict,
            @Size(min = 1, max = 40) String timeZone) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public FactoryRequest(
                String code,
                String name,
                String country,
                String city,
                String district,
                String subDistrict,
                String timeZone) {
            this.code = code;
            this.name = name;
            this.country = country;
            this.city = city;
            this.district = district;
            this.subDistrict = subDistrict;
            this.timeZone = timeZone;
        }
    }

    /** capacityByProduct: boards per shift for each product set up; empty means any product at boardsPerShift. */
    public record LineView(
            String id,
            String factoryId,
            String code,
            int boardsPerShift,
            int shiftsPerDay,
            java.util.Map<String, Integer> capacityByProduct) {
        static LineView of(AssemblyLine l) {
            return new LineView(
                    l.id(),
                    l.factory().id(),
                    l.code(),
                    l.boardsPerShift(),
                    l.shiftsPerDay(),
                    new java.util.TreeMap<>(l.capacityByProduct()));
        }
    }

    public record CapacityRequest(
            @NotBlank @Size(max = 40) String product,
            @NotNull @Min(1) @Max(100_000) Integer boardsPerShift) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public CapacityRequest(String product, Integer boardsPerShift) {
            this.product = product;
            this.boardsPerShift = boardsPerShift;
        }
    }

    /** lineId absent: the whole factory closes (e.g. the Spring Festival); present: that line is down. */
    public record ClosureRequest(
            @Size(max = 36) String lineId,
            @NotNull LocalDate firstDay,
            @NotNull LocalDate lastDay,
            @NotBlank @Size(max = 300) String reason) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ClosureRequest(String lineId, LocalDate firstDay, LocalDate lastDay, String reason) {
            this.lineId = lineId;
            this.firstDay = firstDay;
            this.lastDay = lastDay;
            this.reason = reason;
        }
    }

    public record ClosureView(
            String id, String factoryId, String lineId, LocalDate firstDay, LocalDate lastDay, String reason) {
        static ClosureView of(CalendarClosure c) {
            return new ClosureView(c.id(), c.factoryId(), c.lineId(), c.firstDay(), c.lastDay(), c.reason());
        }
    }

    /** Where the plan puts an order after a run or a closure. */
    public record PlannedOrderView(
            String buildOrderId,
            String orderNumber,
            int priority,
            LocalDate dueDate,
            int boards,
            int placedBoards,
            int unplacedBoards,
            LocalDate plannedEnd,
            long daysLate,
            boolean late,
            List<CapacityPlan.Shortage> shortages) {
        static PlannedOrderView of(CapacityPlan.Outcome o) {
            var job = o.job();
            return new PlannedOrderView(
                    job.buildOrderId(),
                    job.orderNumber(),
                    job.priority(),
                    job.dueDate(),
                    job.boards(),
                    o.placedBoards(),
                    o.unplacedBoards(),
                    o.plannedEnd(),
                    o.daysLate(),
                    o.late(),
                    o.shortages());
        }
    }

    public record ClosureResultView(ClosureView closure, List<PlannedOrderView> rescheduled) {}

    /** kind: CONSIGNED (dies sent to the factory) or SCRAPPED (dies the factory reports lost or damaged). */
    public record MovementRequest(
            @NotBlank @Size(max = 32) String chipModel,

            @NotBlank @Size(max = 9) @Pattern(regexp = "CONSIGNED|SCRAPPED")
            String kind,

            @NotNull @Min(1) @Max(10_000_000) Integer dies,
            @NotBlank @Size(max = 80) String reference) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public MovementRequest(String chipModel, String kind, Integer dies, String reference) {
            this.chipModel = chipModel;
            this.kind = kind;
            this.dies = dies;
            this.reference = reference;
        }
    }

    public record MovementView(
            String id, String chipModel, String kind, int dies, String reference, OffsetDateTime recordedAt) {
        static MovementView of(ConsignmentMovement m) {
            return new MovementView(m.id(), m.chipModel(), m.kind().name(), m.dies(), m.reference(), m.recordedAt());
        }
    }

    public record CountRequest(
            @NotBlank @Size(max = 32) String chipModel,
            @NotNull @Min(0) @Max(100_000_000) Integer diesOnHand,
            @DecimalMin("0") @DecimalMax("100") java.math.BigDecimal tolerancePercent) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public CountRequest(String chipModel, Integer diesOnHand, java.math.BigDecimal tolerancePercent) {
            this.chipModel = chipModel;
            this.diesOnHand = diesOnHand;
            this.tolerancePercent = tolerancePercent;
        }
    }

    public record CountView(
            String chipModel,
            int diesCounted,
            int diesExpected,
            int difference,
            int toleranceDies,
            boolean flagged,
            OffsetDateTime countedAt) {
        static CountView of(ConsignmentCount c) {
            return c == null
                    ? null
                    : new CountView(
                            c.chipModel(),
                            c.diesCounted(),
                            c.diesExpected(),
                            c.difference(),
                            c.toleranceDies(),
                            c.flagged(),
                            c.countedAt());
        }
    }

    public record BalanceView(
            String chipModel, int consigned, int inBoards, int scrapped, int expectedOnHand, CountView latestCount) {
        static BalanceView of(ConsignmentService.Balance b) {
            return new BalanceView(
                    b.chipModel(),
                    b.consigned(),
                    b.inBoards(),
                    b.scrapped(),
                    b.expectedOnHand(),
                    CountView.of(b.latestCount()));
        }
    }

    /** today: the factory's own date now, the first day a plan may use there. */
    public record FactoryView(
            String id,
            String code,
            String name,
            String country,
            String city,
            String district,
            String subDistrict,
            String timeZone,
            LocalDate today,
            int frozenDays,
            boolean negativePartsAllowed) {
        static FactoryView of(Factory f, Clock clock) {
            var at = f.location();
            return new FactoryView(
                    f.id(),
                    f.code(),
                    f.name(),
                    at.country(),
                    at.city(),
                    at.district(),
                    at.subDistrict(),
                    at.timeZone().getId(),
                    f.today(clock),
                    f.frozenDays(),
                    f.negativePartsAllowed());
        }
    }

    public record LineRequest(
            @NotBlank @Size(max = 20) @Pattern(regexp = CODE)
            String code,

            @NotNull @Min(1) @Max(100_000) Integer boardsPerShift,
            @NotNull @Min(1) @Max(3) Integer shiftsPerDay) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public LineRequest(String code, Integer boardsPerShift, Integer shiftsPerDay) {
            this.code = code;
            this.boardsPerShift = boardsPerShift;
            this.shiftsPerDay = shiftsPerDay;
        }
    }

    /** days: from the factory's today, the days a re-plan leaves as they are (0 for none). */
    public record FrozenWindowRequest(
            @NotNull @Min(0) @Max(Factory.MOST_FROZEN_DAYS) Integer days) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public FrozenWindowRequest(Integer days) {
            this.days = days;
        }
    }

    /** allowed: parts may be used beyond the record; what it lacks is kept as a shortfall until a count. */
    public record NegativePartsRequest(@NotNull Boolean allowed) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public NegativePartsRequest(Boolean allowed) {
            this.allowed = allowed;
        }
    }
}
