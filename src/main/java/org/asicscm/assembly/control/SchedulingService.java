package org.asicscm.assembly.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asicscm.assembly.control.CapacityPlan.Job;
import org.asicscm.assembly.control.CapacityPlan.Outcome;
import org.asicscm.assembly.entity.AssemblyLine;
import org.asicscm.assembly.entity.BuildKit;
import org.asicscm.assembly.entity.BuildSchedule;
import org.asicscm.assembly.entity.ScheduleSlot;
import org.asicscm.materials.control.MaterialSupply;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;

/**
 * Puts build orders onto lines within their capacity, shift by shift, and keeps the plan true
 * when the calendar changes or dies go on hold. Only boards whose dies are on the floor and not
 * on hold are planned. Every change of an order's plan is an event.
 */
@Stateless
public class SchedulingService {
    public static final int DEFAULT_HORIZON_DAYS = 90;
    public static final int LONGEST_HORIZON_DAYS = 366;

    @PersistenceContext
    EntityManager em;

    @EJB
    AssemblyService assembly;

    @EJB
    LineCalendars calendars;

    @EJB
    MaterialSupply materials;

    @EJB
    PlanRecords records;

    @Inject
    Clock clock;

    /** Re-plans every order with boards to build from a day on, most urgent first. */
    public List<Outcome> planAll(LocalDate from, int horizonDays) {
        LocalDate firstDay = calendars.firstPlannableDay();
        if (from.isBefore(firstDay)) {
            throw new InvalidInputException(
                    "from", "must not be in the past (it is " + firstDay + " at the factory furthest behind)");
        }
        if (horizonDays < 1 || horizonDays > LONGEST_HORIZON_DAYS) {
            throw new InvalidInputException("horizonDays", "must be 1 to " + LONGEST_HORIZON_DAYS);
        }
        lockPlan();
        var kits = em.createNamedQuery(BuildKit.ALL, BuildKit.class).getResultList().stream()
                .filter(k -> !k.cancelled())
                .toList();
        return replan(kits, from, horizonDays, "plan run from " + from, false);
    }

    /**
     * Plans the boards of an order not yet scheduled onto one line from a start day, in the
     * capacity the other orders leave free.
     */
    public BuildSchedule scheduleOnLine(String buildOrderId, String lineId, LocalDate startDate) {
        // the plan before the kit, as a plan run takes them
        lockPlan();
        BuildKit kit = em.find(BuildKit.class, buildOrderId, LockModeType.PESSIMISTIC_WRITE);
        if (kit == null || kit.lines().isEmpty()) {
            throw new RuleViolationException(
                    "no-dies-allocated",
                    "buildOrderId",
                    "build order " + buildOrderId + " has no dies allocated on the floor yet");
        }
        AssemblyLine line = em.find(AssemblyLine.class, lineId);
        if (line == null) {
            throw new InvalidInputException("lineId", "no assembly line with id '" + lineId + "'");
        }
        if (startDate.isBefore(line.factory().today(clock))) {
            throw new InvalidInputException(
                    "startDate",
                    "must not be in the past (it is " + line.factory().today(clock) + " at "
                            + line.factory().code() + ")");
        }
        if (!line.capacityByProduct().isEmpty() && !line.capacityByProduct().containsKey(kit.product())) {
            throw new RuleViolationException(
                    "line-cannot-build",
                    "lineId",
                    "line " + line.code() + " is set up for "
                            + line.capacityByProduct().keySet() + ", not " + kit.product());
        }
        int scheduled = assembly.schedulesOf(kit.buildOrderId()).stream()
                .mapToInt(BuildSchedule::boards)
                .sum();
        int boards = kit.boardsBuildable() - scheduled;
        if (boards <= 0) {
            throw new RuleViolationException(
                    "nothing-to-schedule",
                    "buildOrderId",
                    "the dies on the floor for " + kit.orderNumber() + " make " + kit.boardsBuildable()
                            + " boards, all already scheduled",
                    Map.of("boardsBuildable", kit.boardsBuildable(), "boardsScheduled", scheduled));
        }
        CapacityPlan plan = capacityPlan(startDate, DEFAULT_HORIZON_DAYS, Set.of());
        var perBoard = materials.perBoard(Set.of(kit.buildOrderId()));
        Outcome outcome = plan.place(job(kit, boards, perBoard), Set.of(line.id()));
        if (outcome.slots().isEmpty() && !outcome.shortages().isEmpty()) {
            throw new RuleViolationException(
                    "no-parts",
                    "lineId",
                    "the parts for " + kit.orderNumber() + " are not at "
                            + line.factory().code() + " nor on their way" + " in the " + DEFAULT_HORIZON_DAYS
                            + " days from " + startDate,
                    Map.of(
                            "shortages",
                            outcome.shortages().stream()
                                    .map(sh -> Map.of(
                                            "item", sh.item(),
                                            "quantity", sh.quantity(),
                                            "neededOn", sh.neededOn().toString()))
                                    .toList()));
        }
        if (outcome.slots().isEmpty()) {
            throw new RuleViolationException(
                    "no-capacity",
                    "lineId",
                    "line " + line.code() + " has no free capacity in the " + DEFAULT_HORIZON_DAYS + " days from "
                            + startDate);
        }
        var schedule = records.write(kit, line, outcome.slots());
        records.scheduled(kit, schedule);
        records.lateness(kit, outcome);
        records.shortages(List.of(kit.buildOrderId()), List.of(outcome));
        return schedule;
    }

    /**
     * Throws away the plan of the given orders and places their buildable boards again, most
     * urgent first, into the capacity the other orders leave free.
     *
     * @param stayInFactory keep each order on the lines of the factories it was planned in: its
     *                      dies are consigned there and do not move to another factory by themselves
     */
    public List<Outcome> replan(
            Collection<BuildKit> kits, LocalDate from, int horizonDays, String reason, boolean stayInFactory) {
        var byOrder = new LinkedHashMap<String, BuildKit>();
        for (BuildKit kit : kits) {
            byOrder.put(kit.buildOrderId(), kit);
        }
        lockKits(byOrder.keySet());
        var lines = new HashMap<String, AssemblyLine>();
        em.createNamedQuery(AssemblyLine.ALL, AssemblyLine.class)
                .getResultList()
                .forEach(l -> lines.put(l.id(), l));
        var old = new PlanBefore(em, byOrder.keySet(), lines);
        var frozen = old.frozen(byOrder, lines, clock);
        CapacityPlan plan = capacityPlan(from, horizonDays, byOrder.keySet());
        var perBoard = materials.perBoard(byOrder.keySet());
        frozen.forEach((order, slots) -> slots.forEach(
                slot -> plan.occupy(slot, byOrder.get(order).product(), perBoard.getOrDefault(order, Map.of()))));
        var jobs = jobs(byOrder.values(), frozen, perBoard);
        var outcomes = plan.placeAll(jobs, job -> {
            if (!stayInFactory || !old.factories.containsKey(job.buildOrderId())) {
                return null;
            }
            var allowed = new HashSet<String>();
            lines.values().stream()
                    .filter(l -> old.factories
                            .get(job.buildOrderId())
                            .contains(l.factory().id()))
                    .forEach(l -> allowed.add(l.id()));
            return allowed;
        });
        var dropped = new ArrayList<String>();
        var planned = new HashSet<String>();
        for (Outcome outcome : outcomes) {
            BuildKit kit = byOrder.get(outcome.job().buildOrderId());
            planned.add(kit.buildOrderId());
            var kept = frozen.getOrDefault(kit.buildOrderId(), List.of());
            var slots = new ArrayList<>(kept);
            slots.addAll(outcome.slots());
            records.lateness(kit, outcome);
            if (old.unchanged(kit.buildOrderId(), slots)) {
                continue; // the same shifts as before: nothing to write, nothing to tell
            }
            dropped.addAll(old.schedules.getOrDefault(kit.buildOrderId(), List.of()));
            var schedules = records.write(kit, slots, lines);
            if (old.slots.containsKey(kit.buildOrderId())) {
                records.rescheduled(
                        kit, reason, outcome.placedBoards() + PlanBefore.boards(kept), schedules, outcome.plannedEnd());
            } else {
                schedules.forEach(s -> records.scheduled(kit, s));
            }
        }
        for (BuildKit kit : byOrder.values()) {
            String order = kit.buildOrderId();
            if (planned.contains(order) || !old.slots.containsKey(order)) {
                continue;
            }
            if (frozen.containsKey(order)) {
                // all its buildable boards sit in the frozen window: they stay, as they were
                if (!old.unchanged(order, frozen.get(order))) {
                    dropped.addAll(old.schedules.get(order));
                    records.write(kit, frozen.get(order), lines);
                }
            } else {
                // nothing buildable any more (dies consumed, released or on hold): the old plan goes
                dropped.addAll(old.schedules.get(order));
                records.rescheduled(kit, reason + "; no buildable boards left", 0, List.of(), null);
                kit.recordPlan(null, 0, 0);
            }
        }
        // the old plans that changed go in bulk: one plan run may throw away thousands of shifts
        records.drop(dropped);
        records.shortages(byOrder.keySet(), outcomes);
        return outcomes;
    }

    /** A slot from a row of ScheduleSlot.OF_ORDERS or VALUES_BETWEEN. */
    static CapacityPlan.Slot slot(Object[] row) {
        return new CapacityPlan.Slot(
                (String) row[1],
                (String) row[2],
                (LocalDate) row[3],
                ((Number) row[4]).intValue(),
                ((Number) row[5]).intValue());
    }

    /** Row locks on the kits, in one statement per chunk. */
    private void lockKits(Collection<String> buildOrderIds) {
        for (List<String> chunk : chunks(buildOrderIds)) {
            em.createNamedQuery(BuildKit.BY_IDS, BuildKit.class)
                    .setParameter("ids", chunk)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
        }
    }

    /** IN lists of at most 500: well inside every database's limit on bind parameters. */
    static List<List<String>> chunks(Collection<String> ids) {
        var all = new ArrayList<>(ids);
        var chunks = new ArrayList<List<String>>();
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }

    /**
     * Every line with its calendar, the parts at and on their way to each factory, and the load
     * and parts of every order not being re-planned. New work goes into no factory's frozen window.
     */
    private CapacityPlan capacityPlan(LocalDate from, int horizonDays, Set<String> replanned) {
        LocalDate to = from.plusDays(horizonDays - 1L);
        var assemblyLines =
                em.createNamedQuery(AssemblyLine.ALL, AssemblyLine.class).getResultList();
        var lines = calendars.forPlanning(assemblyLines, from, to);
        var plan = new CapacityPlan(lines, from, horizonDays, materials.availability(from, horizonDays));
        var products = new HashMap<String, String>();
        var kept = new ArrayList<CapacityPlan.Slot>();
        for (Object[] row : em.createNamedQuery(ScheduleSlot.VALUES_BETWEEN, Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList()) {
            var slot = slot(row);
            if (!replanned.contains(slot.buildOrderId())) {
                products.computeIfAbsent(
                        slot.buildOrderId(), id -> em.find(BuildKit.class, id).product());
                kept.add(slot);
            }
        }
        var perBoard = materials.perBoard(products.keySet());
        for (CapacityPlan.Slot slot : kept) {
            plan.occupy(slot, products.get(slot.buildOrderId()), perBoard.getOrDefault(slot.buildOrderId(), Map.of()));
        }
        return plan;
    }

    /** The orders' boards still to place: what they can build less what stays frozen. */
    static List<Job> jobs(
            Collection<BuildKit> kits,
            Map<String, List<CapacityPlan.Slot>> frozen,
            Map<String, Map<String, Double>> perBoard) {
        var jobs = new ArrayList<Job>();
        for (BuildKit kit : kits) {
            int left = kit.boardsBuildable() - PlanBefore.boards(frozen.getOrDefault(kit.buildOrderId(), List.of()));
            if (left > 0) {
                jobs.add(job(kit, left, perBoard));
            }
        }
        return jobs;
    }

    private static Job job(BuildKit kit, int boards, Map<String, Map<String, Double>> perBoard) {
        return new Job(
                kit.buildOrderId(),
                kit.orderNumber(),
                kit.product(),
                boards,
                kit.dueDate(),
                kit.priority(),
                perBoard.getOrDefault(kit.buildOrderId(), Map.of()));
    }

    /**
     * One plan change at a time, across every instance sharing the database. Taken before any
     * kit is locked, on every path, so that a plan run and a kit change cannot wait on each other.
     */
    public void lockPlan() {
        em.createNativeQuery("select name from planning_lock where name = 'schedule' for update")
                .getResultList();
    }
}
