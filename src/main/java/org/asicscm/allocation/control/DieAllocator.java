package org.asicscm.allocation.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asicscm.allocation.entity.Bin;
import org.asicscm.allocation.entity.BuildOrder;
import org.asicscm.allocation.entity.DieAllocation;
import org.asicscm.allocation.entity.LotBin;
import org.asicscm.allocation.entity.WaferLot;
import org.asicscm.events.Events;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;

/**
 * Gives scarce dies to build orders: by hand from one lot and bin, by policy over every lot,
 * as reservations that lapse unless confirmed, or released. Moving them to a more urgent order
 * is {@link DieReassigner}'s job.
 */
@Stateless
public class DieAllocator {

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
     * Reserves dies of one lot and bin for a build order. The bin's row is locked for the
     * duration, so concurrent planners queue on it instead of both taking the last dies.
     *
     * @param reserveFor null for a firm allocation, else how long the reservation holds unless confirmed
     * @throws RuleViolationException with the shortage figures when the bin has too few dies
     */
    public DieAllocation allocate(String buildOrderId, String lotId, String bin, int dies, Duration reserveFor) {
        BuildOrder order = ledger.lockedOpenOrder(buildOrderId);
        WaferLot lot = em.find(WaferLot.class, lotId);
        if (lot == null) {
            throw new InvalidInputException("lotId", "no wafer lot with id '" + lotId + "'");
        }
        if (!lot.chipModel().equals(order.chipModel())) {
            throw new RuleViolationException(
                    "chip-model-mismatch",
                    "lotId",
                    "lot " + lot.lotNumber() + " holds " + lot.chipModel() + " dies; build order " + order.orderNumber()
                            + " needs " + order.chipModel());
        }
        LotBin lotBin = lot.bin(bin)
                .orElseThrow(
                        () -> new InvalidInputException("bin", "lot " + lot.lotNumber() + " has no bin '" + bin + "'"));
        List<String> acceptable =
                catalogue.acceptableBins(order).stream().map(Bin::name).toList();
        if (!acceptable.contains(bin)) {
            throw new RuleViolationException(
                    "bin-not-acceptable",
                    "bin",
                    "product " + order.product() + " accepts bins " + acceptable + ", not " + bin,
                    Map.of("acceptableBins", acceptable));
        }
        ledger.lockForAllocation(lotBin);
        if (lot.onHold()) {
            throw new RuleViolationException(
                    "lot-on-hold",
                    "lotId",
                    "lot " + lot.lotNumber() + " is on quality hold; no dies can be allocated from it",
                    Map.of("lotId", lot.id()));
        }
        int stillNeeded = ledger.stillNeeded(order);
        if (dies > stillNeeded) {
            throw ledger.exceedsNeed(order, dies, stillNeeded);
        }
        if (dies > lotBin.available()) {
            var shortage = new LinkedHashMap<String, Object>();
            shortage.put("lotId", lot.id());
            shortage.put("lotNumber", lot.lotNumber());
            shortage.put("bin", bin);
            shortage.put("requested", dies);
            shortage.put("available", lotBin.available());
            shortage.put("shortBy", dies - lotBin.available());
            throw new RuleViolationException(
                    "insufficient-dies",
                    "dies",
                    "lot " + lot.lotNumber() + " bin " + bin + " has " + lotBin.available() + " dies left, " + dies
                            + " requested",
                    shortage);
        }
        return ledger.allocateFrom(order, lotBin, dies, ledger.expiry(reserveFor));
    }

    /** The outcome of allocating by policy: what was taken, why, and what is still short. */
    public record PolicyRun(
            BuildOrder order,
            AllocationPolicy.Plan plan,
            List<DieAllocation> allocations,
            int heldDiesInAcceptableBins) {}

    /**
     * Allocates an order's dies by a stated policy over every lot not on hold. Every bin that
     * could be picked is locked first, in one fixed order, so two planners allocating the same
     * chip model queue instead of deadlocking or both counting the same free dies. One locking
     * statement for the lots and one for the bins, not one round trip per row: a chip model
     * can have dozens of lots with three bins each.
     *
     * @param dies    how many to allocate, or null for all the order still needs
     * @param partial whether to take what there is when the stock cannot cover the request;
     *                without it a shortage is refused with the report and nothing changes
     */
    public PolicyRun allocateByPolicy(
            String buildOrderId, AllocationPolicy policy, Integer dies, boolean partial, Duration reserveFor) {
        BuildOrder order = ledger.lockedOpenOrder(buildOrderId);
        int stillNeeded = ledger.stillNeeded(order);
        int requested = dies == null ? stillNeeded : dies;
        if (requested > stillNeeded || requested == 0) {
            throw ledger.exceedsNeed(order, requested, stillNeeded);
        }
        List<Bin> acceptable = catalogue.acceptableBins(order);
        var ranks = new HashMap<String, Integer>();
        acceptable.forEach(b -> ranks.put(b.name(), b.rank()));
        var candidates = new ArrayList<AllocationPolicy.Candidate>();
        var bins = new HashMap<String, LotBin>();
        int held = 0;
        // the lots shared, then their bins, each in one statement and in id order: lot before bin, as on every path
        em.createNamedQuery(WaferLot.WITH_FREE_DIES, WaferLot.class)
                .setParameter("chipModel", order.chipModel())
                .setParameter("bins", ranks.keySet())
                .setLockMode(LockModeType.PESSIMISTIC_READ)
                .getResultList();
        for (LotBin lotBin : em.createNamedQuery(LotBin.ALLOCATABLE, LotBin.class)
                .setParameter("chipModel", order.chipModel())
                .setParameter("bins", ranks.keySet())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()) {
            WaferLot lot = lotBin.lot();
            if (lot.onHold()) {
                held += lotBin.available();
            } else if (lotBin.available() > 0) {
                bins.put(lotBin.id(), lotBin);
                candidates.add(new AllocationPolicy.Candidate(
                        lotBin.id(),
                        lot.id(),
                        lot.lotNumber(),
                        lot.receivedAt(),
                        lotBin.bin(),
                        ranks.get(lotBin.bin()),
                        lotBin.available()));
            }
        }
        AllocationPolicy.Plan plan = policy.plan(requested, candidates);
        if (plan.shortBy() > 0 && !partial) {
            var shortage = new LinkedHashMap<String, Object>();
            shortage.put("policy", policy.name());
            shortage.put("requested", requested);
            shortage.put("available", plan.allocated());
            shortage.put("shortBy", plan.shortBy());
            shortage.put("acceptableBins", acceptable.stream().map(Bin::name).toList());
            shortage.put("heldDiesInAcceptableBins", held);
            throw new RuleViolationException(
                    "insufficient-dies",
                    "dies",
                    "the lots not on hold have " + plan.allocated()
                            + " free dies in bins "
                            + acceptable.stream().map(Bin::name).toList() + ", " + requested
                            + " requested; ask for a partial allocation to take them",
                    shortage);
        }
        OffsetDateTime expiresAt = ledger.expiry(reserveFor);
        var allocations = plan.picks().stream()
                .map(pick -> ledger.allocateFrom(order, bins.get(pick.from().lotBinId()), pick.dies(), expiresAt))
                .toList();
        return new PolicyRun(order, plan, allocations, held);
    }

    /** Makes a reservation firm: it no longer expires. */
    public DieAllocation confirm(String buildOrderId, String allocationId) {
        DieAllocation allocation = ledger.allocationOf(buildOrderId, allocationId, LockModeType.PESSIMISTIC_WRITE);
        if (allocation.status() != DieAllocation.Status.RESERVED) {
            throw new RuleViolationException(
                    "not-a-reservation",
                    null,
                    "allocation " + allocationId + " is " + allocation.status()
                            + "; only a reservation can be confirmed");
        }
        allocation.confirm();
        outbox.publish(
                new Events.AllocationConfirmed(allocationId, buildOrderId),
                ledger.buildOrder(buildOrderId).correlationId(),
                null);
        return allocation;
    }

    /** Gives the unconsumed dies of an allocation back to its lot. */
    public DieAllocation release(String buildOrderId, String allocationId) {
        DieAllocation allocation = ledger.allocationOf(buildOrderId, allocationId, LockModeType.NONE);
        // bin before allocation: the order every path that touches both takes its locks in
        LotBin lotBin = allocation.lotBin();
        em.lock(lotBin, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(lotBin);
        em.refresh(allocation, LockModeType.PESSIMISTIC_WRITE);
        if (!allocation.live()) {
            throw new RuleViolationException(
                    "already-released",
                    null,
                    "allocation " + allocationId + " is already "
                            + allocation.status().name().toLowerCase());
        }
        ledger.giveBack(ledger.buildOrder(buildOrderId), allocation, lotBin);
        return allocation;
    }

    /** Ids of reservations past their expiry, oldest first. */
    public List<String> overdueReservations(int max) {
        return em.createNamedQuery(DieAllocation.OVERDUE, String.class)
                .setParameter("now", now())
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Lets one overdue reservation lapse, in its own transaction so that one failure does not
     * hold back the others.
     *
     * @return whether it expired (false if it was confirmed or released in the meantime)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean expire(String allocationId) {
        DieAllocation allocation = em.find(DieAllocation.class, allocationId);
        if (allocation == null) {
            return false;
        }
        LotBin lotBin = allocation.lotBin();
        em.lock(lotBin, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(lotBin);
        em.refresh(allocation, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = now();
        if (allocation.status() != DieAllocation.Status.RESERVED || !now.isAfter(allocation.expiresAt())) {
            return false;
        }
        int returned = allocation.expire(now);
        lotBin.giveBack(returned);
        outbox.publish(
                new Events.AllocationExpired(
                        allocation.id(), allocation.buildOrderId(), lotBin.lot().id(), lotBin.bin(), returned),
                ledger.buildOrder(allocation.buildOrderId()).correlationId(),
                null);
        return true;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
