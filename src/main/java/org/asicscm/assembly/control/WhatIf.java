package org.asicscm.assembly.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.asicscm.allocation.entity.Product;
import org.asicscm.assembly.control.CapacityPlan.Job;
import org.asicscm.assembly.control.CapacityPlan.Outcome;
import org.asicscm.assembly.entity.AssemblyLine;
import org.asicscm.assembly.entity.BuildKit;
import org.asicscm.assembly.entity.Factory;
import org.asicscm.materials.control.MaterialSupply;
import org.asicscm.materials.entity.PurchaseOrderLine;
import org.asicscm.platform.InvalidInputException;

/**
 * Plans twice in memory, writing nothing: once as a plan run would now, once with a scenario's
 * changes (closures, extra orders, extra lines, receipts arriving on other days), and says what
 * the changes do: orders that finish on another day, orders that become late or stop being
 * late, and the load per line. Frozen windows hold in both.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class WhatIf {

    @PersistenceContext
    EntityManager em;

    @EJB
    LineCalendars calendars;

    @EJB
    MaterialSupply materials;

    @Inject
    Clock clock;

    /** A closure of a whole factory (lineId null) or of one line. */
    public record Closure(String factoryId, String lineId, LocalDate firstDay, LocalDate lastDay) {}

    /** An order not yet taken: its dies are assumed to be there. */
    public record ExtraOrder(String orderNumber, String product, int machines, LocalDate dueDate, int priority) {}

    public record ExtraLine(String factoryId, String code, int boardsPerShift, int shiftsPerDay) {}

    /** The rest of a purchase order line arriving on another day. */
    public record ReceiptDelay(String poNumber, int line, LocalDate expectedOn) {}

    public record Scenario(
            LocalDate from,
            int horizonDays,
            List<Closure> closures,
            List<ExtraOrder> orders,
            List<ExtraLine> lines,
            List<ReceiptDelay> receiptDelays) {
        public Scenario {
            closures = List.copyOf(Objects.requireNonNullElse(closures, List.of()));
            orders = List.copyOf(Objects.requireNonNullElse(orders, List.of()));
            lines = List.copyOf(Objects.requireNonNullElse(lines, List.of()));
            receiptDelays = List.copyOf(Objects.requireNonNullElse(receiptDelays, List.of()));
        }
    }

    /** An order whose plan the scenario changes; an extra order has no "now". */
    public record OrderChange(
            String buildOrderId,
            String orderNumber,
            LocalDate dueDate,
            LocalDate plannedEndNow,
            LocalDate plannedEndScenario,
            Long daysLateNow,
            long daysLateScenario,
            Integer unplacedNow,
            int unplacedScenario) {}

    public record LineLoad(String factoryCode, String lineCode, int boardsNow, int boardsScenario) {}

    public record Comparison(
            LocalDate from,
            int horizonDays,
            int orders,
            int lateNow,
            int lateScenario,
            List<OrderChange> moved,
            List<String> newlyLate,
            List<String> noLongerLate,
            List<OrderChange> added,
            List<LineLoad> load) {}

    /** Checks a scenario against what exists: 400 naming the first wrong field. */
    public void check(Scenario scenario) {
        if (scenario.from() != null && scenario.from().isBefore(calendars.firstPlannableDay())) {
            throw new InvalidInputException("from", "must not be in the past");
        }
        if (scenario.horizonDays() < 1 || scenario.horizonDays() > SchedulingService.LONGEST_HORIZON_DAYS) {
            throw new InvalidInputException("horizonDays", "must be 1 to " + SchedulingService.LONGEST_HORIZON_DAYS);
        }
        for (int i = 0; i < scenario.closures().size(); i++) {
            Closure closure = scenario.closures().get(i);
            factory("closures[" + i + "].factoryId", closure.factoryId());
            if (closure.lineId() != null) {
                AssemblyLine line = em.find(AssemblyLine.class, closure.lineId());
                if (line == null || !line.factory().id().equals(closure.factoryId())) {
                    throw new InvalidInputException(
                            "closures[" + i + "].lineId", "no line '" + closure.lineId() + "' at that factory");
                }
            }
            if (closure.lastDay().isBefore(closure.firstDay())) {
                throw new InvalidInputException("closures[" + i + "].lastDay", "must not be before firstDay");
            }
        }
        for (int i = 0; i < scenario.orders().size(); i++) {
            if (em.find(Product.class, scenario.orders().get(i).product()) == null) {
                throw new InvalidInputException(
                        "orders[" + i + "].product",
                        "no product '" + scenario.orders().get(i).product() + "'");
            }
        }
        for (int i = 0; i < scenario.lines().size(); i++) {
            factory("lines[" + i + "].factoryId", scenario.lines().get(i).factoryId());
        }
        for (int i = 0; i < scenario.receiptDelays().size(); i++) {
            receiptLine(i, scenario.receiptDelays().get(i));
        }
    }

    /** The purchase order line a delay names; 400 naming it if there is none or nothing is still to come. */
    public PurchaseOrderLine receiptLine(int i, ReceiptDelay delay) {
        PurchaseOrderLine line = materials
                .line(delay.poNumber(), delay.line())
                .orElseThrow(() -> new InvalidInputException(
                        "receiptDelays[" + i + "].line",
                        "no line " + delay.line() + " on purchase order '" + delay.poNumber() + "'"));
        if (line.open().signum() <= 0) {
            throw new InvalidInputException("receiptDelays[" + i + "].line", "the line has arrived in full");
        }
        return line;
    }

    private Factory factory(String field, String id) {
        Factory factory = id == null ? null : em.find(Factory.class, id);
        if (factory == null) {
            throw new InvalidInputException(field, "no factory '" + id + "'");
        }
        return factory;
    }

    public Comparison compare(Scenario scenario) {
        check(scenario);
        LocalDate from = scenario.from() == null ? calendars.firstPlannableDay() : scenario.from();
        var now = new Problem(from, scenario.horizonDays());
        var now0 = now.plan(null);
        var then = now.plan(scenario);
        var moved = new ArrayList<OrderChange>();
        var added = new ArrayList<OrderChange>();
        var newlyLate = new ArrayList<String>();
        var noLongerLate = new ArrayList<String>();
        for (Outcome outcome : then.values()) {
            Job job = outcome.job();
            Outcome before = now0.get(job.buildOrderId());
            if (before == null) {
                added.add(change(null, outcome));
                continue;
            }
            if (!Objects.equals(before.plannedEnd(), outcome.plannedEnd())
                    || before.unplacedBoards() != outcome.unplacedBoards()) {
                moved.add(change(before, outcome));
            }
            if (!before.late() && outcome.late()) {
                newlyLate.add(job.orderNumber());
            } else if (before.late() && !outcome.late()) {
                noLongerLate.add(job.orderNumber());
            }
        }
        return new Comparison(
                from,
                scenario.horizonDays(),
                now0.size(),
                (int) now0.values().stream().filter(Outcome::late).count(),
                (int) then.values().stream().filter(Outcome::late).count(),
                moved,
                newlyLate,
                noLongerLate,
                added,
                now.load(now0, then, scenario));
    }

    private static OrderChange change(Outcome before, Outcome after) {
        return new OrderChange(
                after.job().buildOrderId(),
                after.job().orderNumber(),
                after.job().dueDate(),
                before == null ? null : before.plannedEnd(),
                after.plannedEnd(),
                before == null ? null : before.daysLate(),
                after.daysLate(),
                before == null ? null : before.unplacedBoards(),
                after.unplacedBoards());
    }

    /** What both plans share, read once: lines, orders, frozen shifts and what each board takes. */
    private final class Problem {
        final LocalDate from;
        final int horizonDays;
        final LocalDate to;
        final List<AssemblyLine> assemblyLines;
        final List<BuildKit> kits = new ArrayList<>();
        final Map<String, List<CapacityPlan.Slot>> frozen;
        final Map<String, Map<String, Double>> perBoard;

        Problem(LocalDate from, int horizonDays) {
            this.from = from;
            this.horizonDays = horizonDays;
            this.to = from.plusDays(horizonDays - 1L);
            assemblyLines =
                    em.createNamedQuery(AssemblyLine.ALL, AssemblyLine.class).getResultList();
            var ids = new ArrayList<String>();
            for (BuildKit kit :
                    em.createNamedQuery(BuildKit.ALL, BuildKit.class).getResultList()) {
                if (!kit.cancelled() && kit.boardsBuildable() > 0) {
                    kits.add(kit);
                    ids.add(kit.buildOrderId());
                }
            }
            var byId = new HashMap<String, AssemblyLine>();
            assemblyLines.forEach(l -> byId.put(l.id(), l));
            var kitsById = new HashMap<String, BuildKit>();
            kits.forEach(k -> kitsById.put(k.buildOrderId(), k));
            // the same shifts a plan run would keep
            frozen = new PlanBefore(em, ids, byId).frozen(kitsById, byId, clock);
            perBoard = materials.perBoard(ids);
        }

        /** @param scenario null for the plan as a run would make it now */
        Map<String, Outcome> plan(Scenario scenario) {
            var lines = new ArrayList<CapacityPlan.Line>();
            for (CapacityPlan.Line line : calendars.forPlanning(assemblyLines, from, to)) {
                var closed = new ArrayList<LocalDate>();
                if (scenario != null) {
                    for (Closure closure : scenario.closures()) {
                        if (closure.factoryId().equals(line.factoryId())
                                && (closure.lineId() == null || closure.lineId().equals(line.id()))) {
                            closure.firstDay()
                                    .datesUntil(closure.lastDay().plusDays(1))
                                    .forEach(closed::add);
                        }
                    }
                }
                lines.add(line.closedAlso(closed));
            }
            var delays = new HashMap<String, LocalDate>();
            var jobs = new ArrayList<>(SchedulingService.jobs(kits, frozen, perBoard));
            var products = new HashMap<String, String>();
            kits.forEach(k -> products.put(k.buildOrderId(), k.product()));
            if (scenario != null) {
                for (int i = 0; i < scenario.lines().size(); i++) {
                    ExtraLine extra = scenario.lines().get(i);
                    Factory factory = em.find(Factory.class, extra.factoryId());
                    var closed = new ArrayList<>(factory.frozenDates(from, clock));
                    from.datesUntil(factory.today(clock)).forEach(closed::add);
                    lines.add(new CapacityPlan.Line(
                            "scenario-line-" + i,
                            extra.code(),
                            extra.shiftsPerDay(),
                            extra.boardsPerShift(),
                            Map.of(),
                            java.util.Set.copyOf(closed),
                            factory.id()));
                }
                for (int i = 0; i < scenario.orders().size(); i++) {
                    ExtraOrder extra = scenario.orders().get(i);
                    Product product = em.find(Product.class, extra.product());
                    jobs.add(new Job(
                            "scenario-order-" + i,
                            extra.orderNumber() == null ? "WHAT-IF-" + (i + 1) : extra.orderNumber(),
                            product.code(),
                            extra.machines() * product.boardsPerMachine(),
                            extra.dueDate(),
                            extra.priority(),
                            materials.perBoard(product.code(), LocalDate.now(clock), product.boardsPerMachine())));
                }
                for (int i = 0; i < scenario.receiptDelays().size(); i++) {
                    delays.put(
                            receiptLine(i, scenario.receiptDelays().get(i)).id(),
                            scenario.receiptDelays().get(i).expectedOn());
                }
            }
            var plan = new CapacityPlan(lines, from, horizonDays, materials.availability(from, horizonDays, delays));
            frozen.forEach((order, slots) -> slots.forEach(slot ->
                    plan.occupy(slot, products.getOrDefault(order, ""), perBoard.getOrDefault(order, Map.of()))));
            var outcomes = new LinkedHashMap<String, Outcome>();
            plan.placeAll(jobs).forEach(o -> outcomes.put(o.job().buildOrderId(), o));
            return outcomes;
        }

        List<LineLoad> load(Map<String, Outcome> now, Map<String, Outcome> then, Scenario scenario) {
            var boardsNow = boardsPerLine(now);
            var boardsThen = boardsPerLine(then);
            var load = new ArrayList<LineLoad>();
            for (AssemblyLine line : assemblyLines) {
                load.add(new LineLoad(
                        line.factory().code(),
                        line.code(),
                        boardsNow.getOrDefault(line.id(), 0),
                        boardsThen.getOrDefault(line.id(), 0)));
            }
            for (int i = 0; i < scenario.lines().size(); i++) {
                load.add(new LineLoad(
                        em.find(Factory.class, scenario.lines().get(i).factoryId())
                                .code(),
                        scenario.lines().get(i).code(),
                        0,
                        boardsThen.getOrDefault("scenario-line-" + i, 0)));
            }
            return load;
        }

        private Map<String, Integer> boardsPerLine(Map<String, Outcome> outcomes) {
            var boards = new HashMap<String, Integer>();
            frozen.values().forEach(slots -> slots.forEach(s -> boards.merge(s.lineId(), s.boards(), Integer::sum)));
            outcomes.values().forEach(o -> o.slots().forEach(s -> boards.merge(s.lineId(), s.boards(), Integer::sum)));
            return boards;
        }
    }
}
