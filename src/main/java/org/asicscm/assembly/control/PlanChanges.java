package org.asicscm.assembly.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.asicscm.assembly.control.CapacityPlan.Outcome;
import org.asicscm.assembly.entity.AssemblyLine;
import org.asicscm.assembly.entity.BuildKit;
import org.asicscm.assembly.entity.CalendarClosure;
import org.asicscm.assembly.entity.Factory;
import org.asicscm.assembly.entity.ScheduleSlot;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.platform.InvalidInputException;

/**
 * Keeps the plan true when the world changes under it: a factory closes or a line goes down,
 * an order is cancelled or reduced, a lot goes on quality hold. Each re-plans only the orders
 * it touches.
 */
@Stateless
public class PlanChanges {

    @PersistenceContext
    EntityManager em;

    @EJB
    EventOutbox outbox;

    @EJB
    AssemblyService assembly;

    @EJB
    LineCalendars calendars;

    @EJB
    SchedulingService scheduling;

    @Inject
    Clock clock;

    /** What a closure did to the plan. */
    public record ClosureResult(CalendarClosure closure, List<Outcome> rescheduled) {}

    /**
     * Closes a whole factory (lineId null) or takes one line down for some days, and re-plans
     * every order that had boards on the closed capacity.
     */
    public ClosureResult close(String factoryId, String lineId, LocalDate firstDay, LocalDate lastDay, String reason) {
        Factory factory = assembly.factory(factoryId);
        AssemblyLine line = lineId == null ? null : calendars.lineOf(factoryId, lineId);
        if (lastDay.isBefore(firstDay)) {
            throw new InvalidInputException("lastDay", "must not be before firstDay");
        }
        if (lastDay.isBefore(factory.today(clock))) {
            throw new InvalidInputException(
                    "lastDay",
                    "must not be in the past (it is " + factory.today(clock) + " at " + factory.code() + ")");
        }
        scheduling.lockPlan();
        var closure = new CalendarClosure(factory, line, firstDay, lastDay, reason, now());
        em.persist(closure);
        em.flush();
        var affected = new HashSet<String>();
        for (ScheduleSlot slot : em.createNamedQuery(ScheduleSlot.BETWEEN, ScheduleSlot.class)
                .setParameter("from", firstDay)
                .setParameter("to", lastDay)
                .getResultList()) {
            AssemblyLine slotLine = slot.schedule().line();
            if (closure.closes(slotLine, slot.day())) {
                affected.add(slot.schedule().buildOrderId());
            }
        }
        String why = (line == null
                        ? "factory " + factory.code() + " closed"
                        : "line " + factory.code() + "/" + line.code() + " down")
                + " " + firstDay + " to " + lastDay + ": " + reason;
        var kits = affected.stream().map(id -> em.find(BuildKit.class, id)).toList();
        return new ClosureResult(
                closure,
                scheduling.replan(
                        kits, calendars.firstPlannableDay(), SchedulingService.DEFAULT_HORIZON_DAYS, why, true));
    }

    /** Reaction to BuildOrderCancelled: the order leaves the plan and frees its capacity. */
    public void orderCancelled(EventEnvelope event) {
        var cancelled = event.data(Events.BuildOrderCancelled.class);
        scheduling.lockPlan();
        BuildKit kit = em.find(BuildKit.class, cancelled.buildOrderId(), LockModeType.PESSIMISTIC_WRITE);
        if (kit == null) {
            // BuildOrderCreated not applied yet: fail, and the redelivery finds the kit
            throw new IllegalStateException("cancellation of " + cancelled.orderNumber() + " arrived before the order");
        }
        kit.cancel();
        assembly.schedulesOf(kit.buildOrderId()).forEach(em::remove);
        kit.recordPlan(null, 0, 0);
    }

    /**
     * Reaction to BuildOrderReduced, after the kit has shrunk: fewer boards to build, so a
     * planned order is planned again in its factory. The caller took {@link #scheduling.lockPlan()} first.
     */
    public void replanReduced(BuildKit kit) {
        if (!assembly.schedulesOf(kit.buildOrderId()).isEmpty()) {
            scheduling.replan(
                    List.of(kit),
                    calendars.firstPlannableDay(),
                    SchedulingService.DEFAULT_HORIZON_DAYS,
                    "order reduced to " + kit.machines() + " machines",
                    true);
        }
    }

    /** Reaction to LotHeld and LotReleased: dies of the lot stop or start counting for boards. */
    public void lotHoldChanged(EventEnvelope event, String lotId, String lotNumber, boolean onHold) {
        var kits = new ArrayList<>(em.createNamedQuery(BuildKit.WITH_LOT, BuildKit.class)
                .setParameter("lotId", lotId)
                .getResultList());
        // in id order, as a plan run locks them
        kits.sort(java.util.Comparator.comparing(BuildKit::buildOrderId));
        for (BuildKit kit : kits) {
            em.lock(kit, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(kit);
            kit.holdLot(lotId, onHold);
            if (onHold) {
                int planned = assembly.schedulesOf(kit.buildOrderId()).stream()
                        .flatMap(s -> s.slots().stream())
                        .filter(s ->
                                !s.day().isBefore(s.schedule().line().factory().today(clock)))
                        .mapToInt(ScheduleSlot::boards)
                        .sum();
                int atRisk = planned - kit.boardsBuildable();
                if (atRisk > 0) {
                    outbox.publish(
                            new Events.BuildAtRisk(
                                    kit.buildOrderId(),
                                    kit.orderNumber(),
                                    "dies of lot " + lotNumber + " are on quality hold",
                                    atRisk),
                            kit.correlationId(),
                            event.eventId());
                }
            }
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
