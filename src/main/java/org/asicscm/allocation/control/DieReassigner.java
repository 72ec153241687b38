package org.asicscm.allocation.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.asicscm.allocation.entity.Bin;
import org.asicscm.allocation.entity.BuildOrder;
import org.asicscm.allocation.entity.DieAllocation;
import org.asicscm.allocation.entity.DieReassignment;
import org.asicscm.allocation.entity.LotBin;
import org.asicscm.allocation.entity.WaferLot;
import org.asicscm.events.Events;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;

/**
 * Takes dies from one build order and gives them to a more urgent one of the same chip model,
 * so that a hot order is not short while a relaxed one sits on its dies.
 */
@Stateless
public class DieReassigner {

    @PersistenceContext
    EntityManager em;

    @EJB
    EventOutbox outbox;

    @EJB
    Catalogue catalogue;

    @EJB
    AllocationLedger ledger;

    @Inject
    Clock clock;

    /**
     * Moves unconsumed dies from a build order to a more urgent one, newest allocation first,
     * in one audited step. The dies stay in their lots and bins; only their owner changes.
     */
    public DieReassignment reassign(String fromOrderId, String toOrderId, int dies, String reason) {
        if (fromOrderId.equals(toOrderId)) {
            throw new InvalidInputException("toOrderId", "must differ from fromOrderId");
        }
        // both orders locked in id order, so two opposite re-assignments cannot deadlock
        boolean fromFirst = fromOrderId.compareTo(toOrderId) < 0;
        BuildOrder first =
                ledger.lockedOrder(fromFirst ? fromOrderId : toOrderId, fromFirst ? "fromOrderId" : "toOrderId");
        BuildOrder second =
                ledger.lockedOrder(fromFirst ? toOrderId : fromOrderId, fromFirst ? "toOrderId" : "fromOrderId");
        BuildOrder from = fromFirst ? first : second;
        BuildOrder to = fromFirst ? second : first;
        if (!to.acceptsAllocations()) {
            throw new RuleViolationException(
                    "order-closed", "toOrderId", "build order " + to.orderNumber() + " is " + to.status());
        }
        if (!to.moreUrgentThan(from)) {
            throw new RuleViolationException(
                    "not-more-urgent",
                    "toOrderId",
                    "dies only move to a more urgent order: "
                            + to.orderNumber() + " has priority " + to.priority() + ", " + from.orderNumber() + " has "
                            + from.priority(),
                    Map.of("fromPriority", from.priority(), "toPriority", to.priority()));
        }
        if (!to.chipModel().equals(from.chipModel())) {
            throw new RuleViolationException(
                    "chip-model-mismatch",
                    "toOrderId",
                    to.orderNumber() + " needs " + to.chipModel() + " dies, " + from.orderNumber() + " holds "
                            + from.chipModel());
        }
        int stillNeeded = ledger.stillNeeded(to);
        if (dies > stillNeeded) {
            throw ledger.exceedsNeed(to, dies, stillNeeded);
        }
        var acceptable = catalogue.acceptableBins(to).stream().map(Bin::name).toList();
        var candidates = ledger.liveAllocationsOf(from).stream()
                .filter(a -> acceptable.contains(a.lotBin().bin()))
                .toList();
        // bins, then their allocations, as every other path locks them; counted only once locked
        var locked = new HashSet<String>();
        candidates.stream()
                .map(DieAllocation::lotBin)
                .sorted(Comparator.comparing(LotBin::id))
                .forEach(bin -> ledger.lockedOnce(bin, locked));
        candidates.forEach(a -> em.refresh(a, LockModeType.PESSIMISTIC_WRITE));
        var movable = candidates.stream()
                .filter(DieAllocation::live)
                .sorted(Comparator.comparing(DieAllocation::allocatedAt).reversed())
                .toList();
        int available = movable.stream().mapToInt(DieAllocation::unconsumed).sum();
        if (dies > available) {
            throw new RuleViolationException(
                    "insufficient-dies",
                    "dies",
                    from.orderNumber() + " holds " + available
                            + " unconsumed dies in bins " + acceptable + " that " + to.orderNumber() + " accepts, "
                            + dies
                            + " requested",
                    Map.of("requested", dies, "available", available, "shortBy", dies - available));
        }
        OffsetDateTime now = now();
        var reassignment = new DieReassignment(from, to, dies, reason, now);
        em.persist(reassignment);
        var moves = new ArrayList<Events.DieMove>();
        int wanted = dies;
        for (DieAllocation source : movable) {
            if (wanted == 0) {
                break;
            }
            int take = Math.min(wanted, source.unconsumed());
            if (take == 0) {
                continue;
            }
            source.withdraw(take, now);
            var moved = new DieAllocation(to, source.lotBin(), take, now, null);
            em.persist(moved);
            WaferLot lot = source.lotBin().lot();
            moves.add(new Events.DieMove(
                    source.id(),
                    moved.id(),
                    lot.id(),
                    lot.lotNumber(),
                    source.lotBin().bin(),
                    take));
            wanted -= take;
        }
        outbox.publish(
                new Events.DiesReassigned(
                        reassignment.id(), from.id(), AllocationLedger.header(to), dies, reason, List.copyOf(moves)),
                to.correlationId(),
                null);
        return reassignment;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
