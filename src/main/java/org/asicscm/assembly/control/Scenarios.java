package org.asicscm.assembly.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.asicscm.assembly.control.CapacityPlan.Outcome;
import org.asicscm.assembly.control.WhatIf.Closure;
import org.asicscm.assembly.control.WhatIf.ExtraLine;
import org.asicscm.assembly.control.WhatIf.ReceiptDelay;
import org.asicscm.assembly.control.WhatIf.Scenario;
import org.asicscm.assembly.entity.PlanScenario;
import org.asicscm.materials.control.Purchasing;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;

/**
 * What-if scenarios kept by name: compared with the plan as often as asked, without changing
 * anything, and applied once, as one transaction: the lines are added, the closures made, the
 * receipts moved and the whole plan run again.
 */
@Stateless
public class Scenarios {
    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    @EJB
    WhatIf whatIf;

    @EJB
    AssemblyService assembly;

    @EJB
    PlanChanges planChanges;

    @EJB
    SchedulingService scheduling;

    @EJB
    LineCalendars calendars;

    @EJB
    Purchasing purchasing;

    @Inject
    Clock clock;

    public record Saved(PlanScenario scenario, Scenario changes, WhatIf.Comparison comparison) {}

    public record Applied(PlanScenario scenario, List<Outcome> plan) {}

    public Saved save(String name, Scenario changes, String actor) {
        var comparison = whatIf.compare(changes);
        var scenario = new PlanScenario(name, JSON.toJson(changes), actor, now());
        em.persist(scenario);
        return new Saved(scenario, changes, comparison);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Saved compare(String id) {
        PlanScenario scenario = find(id, LockModeType.NONE);
        Scenario changes = changes(scenario);
        return new Saved(scenario, changes, scenario.applied() ? null : whatIf.compare(changes));
    }

    public Applied apply(String id, String actor) {
        // the plan before the scenario, as every plan change takes them
        scheduling.lockPlan();
        PlanScenario scenario = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (scenario.applied()) {
            throw new RuleViolationException(
                    "already-applied",
                    "id",
                    "scenario " + scenario.name() + " was applied by " + scenario.appliedBy() + " on "
                            + scenario.appliedAt());
        }
        Scenario changes = changes(scenario);
        if (!changes.orders().isEmpty()) {
            throw new RuleViolationException(
                    "scenario-has-orders",
                    "orders",
                    "an order is taken at the order desk (POST build-orders), not by applying a what-if; save the"
                            + " scenario without its orders to apply the rest");
        }
        whatIf.check(changes);
        for (ExtraLine line : changes.lines()) {
            assembly.addLine(line.factoryId(), line.code(), line.boardsPerShift(), line.shiftsPerDay());
        }
        for (Closure closure : changes.closures()) {
            planChanges.close(
                    closure.factoryId(),
                    closure.lineId(),
                    closure.firstDay(),
                    closure.lastDay(),
                    "scenario " + scenario.name());
        }
        for (int i = 0; i < changes.receiptDelays().size(); i++) {
            ReceiptDelay delay = changes.receiptDelays().get(i);
            purchasing.expectOn(whatIf.receiptLine(i, delay).id(), delay.expectedOn());
        }
        LocalDate from = changes.from() == null ? calendars.firstPlannableDay() : changes.from();
        var plan = scheduling.planAll(from, changes.horizonDays());
        scenario.applied(actor, now());
        return new Applied(scenario, plan);
    }

    private PlanScenario find(String id, LockModeType lock) {
        PlanScenario scenario = em.find(PlanScenario.class, id, lock);
        if (scenario == null) {
            throw new UnknownEntityException("scenario", id);
        }
        return scenario;
    }

    private static Scenario changes(PlanScenario scenario) {
        return JSON.fromJson(scenario.body(), Scenario.class);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
