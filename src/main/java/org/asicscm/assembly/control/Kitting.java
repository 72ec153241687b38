package org.asicscm.assembly.control;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.asicscm.assembly.entity.BuildKit;
import org.asicscm.assembly.entity.KitLine;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.EventType;
import org.asicscm.events.Events;
import org.asicscm.platform.UnknownEntityException;

/**
 * Kitting: each build order's kit on the floor holds the dies allocation gave it, lot by lot and
 * bin by bin, and gives back what allocation takes away (released, expired, moved, corrected).
 * It changes only on allocation's events, so the floor never sees dies the planners do not.
 */
@Stateless
public class Kitting {

    @PersistenceContext
    EntityManager em;

    @EJB
    KitRegistry kits;

    public BuildKit kit(String buildOrderId) {
        BuildKit kit = em.find(BuildKit.class, buildOrderId);
        if (kit == null) {
            throw new UnknownEntityException("build kit (no dies allocated yet)", buildOrderId);
        }
        return kit;
    }

    /** Reaction to BuildOrderCreated: the order is known on the floor before any die arrives. */
    public void buildOrderCreated(EventEnvelope event) {
        openedKit(event.data(Events.BuildOrderCreated.class).order(), event.correlationId());
    }

    /** Reaction to DiesAllocated: the order's kit on the floor grows. */
    public void diesAllocated(EventEnvelope event) {
        var allocated = event.data(Events.DiesAllocated.class);
        openedKit(allocated.order(), event.correlationId())
                .addAllocation(
                        allocated.allocationId(),
                        allocated.lotId(),
                        allocated.lotNumber(),
                        allocated.bin(),
                        allocated.dies(),
                        event.occurredAt());
    }

    /** Reaction to AllocationReleased and AllocationExpired: the allocation's unconsumed dies leave the kit. */
    public void allocationEnded(EventEnvelope event) {
        String buildOrderId;
        String allocationId;
        if (event.type() == EventType.ALLOCATION_EXPIRED) {
            var expired = event.data(Events.AllocationExpired.class);
            buildOrderId = expired.buildOrderId();
            allocationId = expired.allocationId();
        } else {
            var released = event.data(Events.AllocationReleased.class);
            buildOrderId = released.buildOrderId();
            allocationId = released.allocationId();
        }
        kitLine(buildOrderId, allocationId).release();
    }

    /** Reaction to DiesReassigned: dies leave the lower-priority order's kit and join the other's. */
    public void diesReassigned(EventEnvelope event) {
        var reassigned = event.data(Events.DiesReassigned.class);
        BuildKit to = openedKit(reassigned.to(), event.correlationId());
        for (Events.DieMove move : reassigned.moves()) {
            kitLine(reassigned.fromOrderId(), move.fromAllocationId()).withdraw(move.dies());
            to.addAllocation(
                    move.toAllocationId(), move.lotId(), move.lotNumber(), move.bin(), move.dies(), event.occurredAt());
        }
    }

    /** Reaction to BuildOrderReduced: surplus dies leave the kit; the order is then smaller. */
    public BuildKit orderReduced(EventEnvelope event) {
        var reduced = event.data(Events.BuildOrderReduced.class);
        for (Events.Withdrawal withdrawal : reduced.withdrawals()) {
            kitLine(withdrawal.buildOrderId(), withdrawal.allocationId()).withdraw(withdrawal.dies());
        }
        BuildKit kit = openedKit(reduced.order(), event.correlationId());
        kit.reduceTo(reduced.order().machines());
        return kit;
    }

    /** Reaction to LotCorrected: dies the lot no longer has leave the kits that counted on them. */
    public void lotCorrected(EventEnvelope event) {
        for (Events.Withdrawal withdrawal :
                event.data(Events.LotCorrected.class).withdrawals()) {
            kitLine(withdrawal.buildOrderId(), withdrawal.allocationId()).withdraw(withdrawal.dies());
        }
    }

    private BuildKit openedKit(Events.OrderHeader order, String correlationId) {
        BuildKit kit = em.find(BuildKit.class, order.buildOrderId(), LockModeType.PESSIMISTIC_WRITE);
        if (kit == null) {
            try {
                kits.open(order, correlationId);
            } catch (EJBException concurrentlyOpened) {
                // another delivery opened it a moment ago: its row is there now
            }
            kit = em.find(BuildKit.class, order.buildOrderId(), LockModeType.PESSIMISTIC_WRITE);
        }
        return kit;
    }

    private KitLine kitLine(String buildOrderId, String allocationId) {
        BuildKit kit = em.find(BuildKit.class, buildOrderId, LockModeType.PESSIMISTIC_WRITE);
        // overtaking the allocation's own event is possible with concurrent consumers: fail, and the redelivery finds
        // it
        return (kit == null ? Optional.<KitLine>empty() : kit.line(allocationId))
                .orElseThrow(() -> new IllegalStateException(
                        "change to allocation " + allocationId + " arrived before the allocation"));
    }
}
