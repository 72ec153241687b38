package org.asicscm.assembly.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asicscm.assembly.control.CapacityPlan.Outcome;
import org.asicscm.assembly.entity.AssemblyLine;
import org.asicscm.assembly.entity.BuildKit;
import org.asicscm.assembly.entity.BuildSchedule;
import org.asicscm.assembly.entity.PlanShortage;
import org.asicscm.events.Events;
import org.asicscm.events.control.EventOutbox;

/**
 * What a plan writes and tells: an order's schedules, the events of its plan, its lateness and
 * its shortages. The scheduler decides; this keeps the record, in the scheduler's transaction.
 */
@Stateless
public class PlanRecords {

    @PersistenceContext
    EntityManager em;

    @EJB
    EventOutbox outbox;

    @Inject
    Clock clock;

    /** The order's shifts, one schedule per line. */
    public List<BuildSchedule> write(BuildKit kit, List<CapacityPlan.Slot> slots, Map<String, AssemblyLine> lines) {
        var byLine = new LinkedHashMap<String, List<CapacityPlan.Slot>>();
        slots.forEach(
                s -> byLine.computeIfAbsent(s.lineId(), k -> new ArrayList<>()).add(s));
        var schedules = new ArrayList<BuildSchedule>();
        byLine.forEach((lineId, ofLine) -> schedules.add(write(kit, lines.get(lineId), ofLine)));
        return schedules;
    }

    public BuildSchedule write(BuildKit kit, AssemblyLine line, List<CapacityPlan.Slot> slots) {
        var schedule = new BuildSchedule(
                kit.buildOrderId(),
                line,
                slots.stream()
                        .map(s -> new BuildSchedule.CapacityShare(s.day(), s.shift(), s.boards()))
                        .toList(),
                now());
        em.persist(schedule);
        return schedule;
    }

    /** Old schedules and their shifts, in bulk: one plan run may throw away thousands of shifts. */
    public void drop(Collection<String> scheduleIds) {
        for (List<String> chunk : SchedulingService.chunks(scheduleIds)) {
            em.createNamedQuery(BuildSchedule.DELETE_SLOTS)
                    .setParameter("ids", chunk)
                    .executeUpdate();
            em.createNamedQuery(BuildSchedule.DELETE).setParameter("ids", chunk).executeUpdate();
        }
    }

    /** An order planned for the first time: an event per schedule. */
    public void scheduled(BuildKit kit, BuildSchedule schedule) {
        AssemblyLine line = schedule.line();
        outbox.publish(
                new Events.BuildScheduled(
                        schedule.id(),
                        kit.buildOrderId(),
                        line.id(),
                        line.factory().code(),
                        line.code(),
                        schedule.boards(),
                        schedule.startDate(),
                        schedule.endDate()),
                kit.correlationId(),
                null);
    }

    /** An order planned before whose plan changed: one event for all its schedules (none: the plan went). */
    public void rescheduled(
            BuildKit kit, String reason, int placedBoards, List<BuildSchedule> schedules, LocalDate plannedEnd) {
        outbox.publish(
                new Events.BuildRescheduled(
                        kit.buildOrderId(),
                        kit.orderNumber(),
                        reason,
                        placedBoards,
                        schedules.stream()
                                .map(BuildSchedule::startDate)
                                .min(LocalDate::compareTo)
                                .orElse(null),
                        plannedEnd,
                        schedules.stream()
                                .map(s -> s.line().factory().code() + "/"
                                        + s.line().code())
                                .toList()),
                kit.correlationId(),
                null);
    }

    /** The order's planned end and lateness; BuildFlaggedLate when it becomes late or later. */
    public void lateness(BuildKit kit, Outcome outcome) {
        if (kit.recordPlan(outcome.plannedEnd(), (int) outcome.daysLate(), outcome.unplacedBoards())
                && outcome.late()) {
            outbox.publish(
                    new Events.BuildFlaggedLate(
                            kit.buildOrderId(),
                            kit.orderNumber(),
                            kit.dueDate(),
                            outcome.plannedEnd(),
                            outcome.daysLate(),
                            outcome.unplacedBoards()),
                    kit.correlationId(),
                    null);
        }
    }

    /** The parts each order lacked, as this planning found them; what an earlier one found goes. */
    public void shortages(Collection<String> buildOrderIds, List<Outcome> outcomes) {
        for (List<String> chunk : SchedulingService.chunks(buildOrderIds)) {
            em.createNamedQuery(PlanShortage.DELETE_OF_ORDERS)
                    .setParameter("ids", chunk)
                    .executeUpdate();
        }
        for (Outcome outcome : outcomes) {
            for (CapacityPlan.Shortage shortage : outcome.shortages()) {
                em.persist(new PlanShortage(
                        outcome.job().buildOrderId(),
                        shortage.item(),
                        shortage.factoryId(),
                        shortage.quantity(),
                        shortage.neededOn(),
                        now()));
            }
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
