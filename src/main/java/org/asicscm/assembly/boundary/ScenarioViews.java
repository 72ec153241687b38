package org.asicscm.assembly.boundary;

import static org.asicscm.assembly.boundary.AssemblyViews.CODE;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.asicscm.assembly.boundary.FactoryViews.PlannedOrderView;
import org.asicscm.assembly.control.Scenarios;
import org.asicscm.assembly.control.SchedulingService;
import org.asicscm.assembly.control.WhatIf;
import org.asicscm.assembly.entity.PlanScenario;

/** What-if scenarios as the API takes and gives them. */
public final class ScenarioViews {
    private ScenarioViews() {}

    /**
     * A named set of changes to try on the plan; from defaults to today at the factory furthest
     * behind, horizonDays to 90.
     */
    public record ScenarioRequest(
            @NotBlank @Size(max = 120) String name,
            LocalDate from,

            @Min(1) @Max(SchedulingService.LONGEST_HORIZON_DAYS)
            Integer horizonDays,

            @Size(max = 20) List<@Valid @NotNull ClosureChange> closures,
            @Size(max = 50) List<@Valid @NotNull OrderChange> orders,
            @Size(max = 10) List<@Valid @NotNull LineChange> lines,
            @Size(max = 50) List<@Valid @NotNull ReceiptChange> receiptDelays) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ScenarioRequest(
                String name,
                LocalDate from,
                Integer horizonDays,
                List<ClosureChange> closures,
                List<OrderChange> orders,
                List<LineChange> lines,
                List<ReceiptChange> receiptDelays) {
            this.name = name;
            this.from = from;
            this.horizonDays = horizonDays;
            this.closures = closures;
            this.orders = orders;
            this.lines = lines;
            this.receiptDelays = receiptDelays;
        }

        WhatIf.Scenario changes() {
            return new WhatIf.Scenario(
                    from,
                    horizonDays == null ? SchedulingService.DEFAULT_HORIZON_DAYS : horizonDays,
                    closures == null
                            ? null
                            : closures.stream()
                                    .map(c -> new WhatIf.Closure(c.factoryId(), c.lineId(), c.firstDay(), c.lastDay()))
                                    .toList(),
                    orders == null
                            ? null
                            : orders.stream()
                                    .map(o -> new WhatIf.ExtraOrder(
                                            o.orderNumber(), o.product(), o.machines(), o.dueDate(), o.priority()))
                                    .toList(),
                    lines == null
                            ? null
                            : lines.stream()
                                    .map(l -> new WhatIf.ExtraLine(
                                            l.factoryId(), l.code(), l.boardsPerShift(), l.shiftsPerDay()))
                                    .toList(),
                    receiptDelays == null
                            ? null
                            : receiptDelays.stream()
                                    .map(d -> new WhatIf.ReceiptDelay(d.poNumber(), d.line(), d.expectedOn()))
                                    .toList());
        }
    }

    /** The factory closed, or only its line lineId, from firstDay to lastDay. */
    public record ClosureChange(
            @NotBlank @Size(max = 36) String factoryId,
            @Size(max = 36) String lineId,
            @NotNull LocalDate firstDay,
            @NotNull LocalDate lastDay) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ClosureChange(String factoryId, String lineId, LocalDate firstDay, LocalDate lastDay) {
            this.factoryId = factoryId;
            this.lineId = lineId;
            this.firstDay = firstDay;
            this.lastDay = lastDay;
        }
    }

    /** An order not yet taken; its dies are taken to be there. */
    public record OrderChange(
            @Size(max = 40) String orderNumber,
            @NotBlank @Size(max = 40) String product,
            @NotNull @Min(1) @Max(100_000) Integer machines,
            @NotNull LocalDate dueDate,
            @NotNull @Min(1) @Max(9) Integer priority) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public OrderChange(String orderNumber, String product, Integer machines, LocalDate dueDate, Integer priority) {
            this.orderNumber = orderNumber;
            this.product = product;
            this.machines = machines;
            this.dueDate = dueDate;
            this.priority = priority;
        }
    }

    /** A line that does not exist yet, building any product. */
    public record LineChange(
            @NotBlank @Size(max = 36) String factoryId,

            @NotBlank @Size(max = 20) @Pattern(regexp = CODE)
            String code,

            @NotNull @Min(1) @Max(100_000) Integer boardsPerShift,
            @NotNull @Min(1) @Max(3) Integer shiftsPerDay) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public LineChange(String factoryId, String code, Integer boardsPerShift, Integer shiftsPerDay) {
            this.factoryId = factoryId;
            this.code = code;
            this.boardsPerShift = boardsPerShift;
            this.shiftsPerDay = shiftsPerDay;
        }
    }

    /** The rest of line `line` of purchase order poNumber arriving on expectedOn instead. */
    public record ReceiptChange(
            @NotBlank @Size(max = 40) String poNumber,
            @NotNull @Min(1) @Max(10_000) Integer line,
            @NotNull LocalDate expectedOn) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ReceiptChange(String poNumber, Integer line, LocalDate expectedOn) {
            this.poNumber = poNumber;
            this.line = line;
            this.expectedOn = expectedOn;
        }
    }

    /** comparison: the plan with the changes against the plan a run would make now; none once applied. */
    public record ScenarioView(
            String id,
            String name,
            String createdBy,
            OffsetDateTime createdAt,
            String appliedBy,
            OffsetDateTime appliedAt,
            WhatIf.Scenario changes,
            WhatIf.Comparison comparison) {
        static ScenarioView of(Scenarios.Saved saved) {
            PlanScenario s = saved.scenario();
            return new ScenarioView(
                    s.id(),
                    s.name(),
                    s.createdBy(),
                    s.createdAt(),
                    s.appliedBy(),
                    s.appliedAt(),
                    saved.changes(),
                    saved.comparison());
        }
    }

    public record ScenarioSummary(
            String id,
            String name,
            String createdBy,
            OffsetDateTime createdAt,
            String appliedBy,
            OffsetDateTime appliedAt) {
        static ScenarioSummary of(PlanScenario s) {
            return new ScenarioSummary(s.id(), s.name(), s.createdBy(), s.createdAt(), s.appliedBy(), s.appliedAt());
        }
    }

    /** The scenario as applied, and where every order now lands. */
    public record AppliedView(ScenarioSummary scenario, List<PlannedOrderView> plan) {}
}
