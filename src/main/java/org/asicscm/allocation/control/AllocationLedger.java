package org.asicscm.allocation.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.asicscm.allocation.entity.BuildOrder;
import org.asicscm.allocation.entity.DieAllocation;
import org.asicscm.allocation.entity.LotBin;
import org.asicscm.allocation.entity.WaferLot;
import org.asicscm.events.Events;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;

/**
 * The allocations of dies to build orders and the rules every path shares: what an order holds
 * and may still have, the locks taken in the one order every path takes them (order, lot
 * shared, bin, allocation), and writing or ending an allocation with its event.
 */
@Stateless
public class AllocationLedger {

    @PersistenceContext
    EntityManager em;

    @EJB
    EventOutbox outbox;

    @EJB
    Catalogue catalogue;

    @Inject
    Clock clock;

    public BuildOrder buildOrder(String id) {
        BuildOrder order = em.find(BuildOrder.class, id);
        if (order == null) {
            throw new UnknownEntityException("build order", id);
        }
        return order;
    }

    public List<DieAllocation> allocationsOf(String buildOrderId) {
        buildOrder(buildOrderId);
        return em.createNamedQuery(DieAllocation.OF_ORDER, DieAllocation.class)
                .setParameter("buildOrderId", buildOrderId)
                .getResultList();
    }

    public int stillNeeded(BuildOrder order) {
        return order.diesEntitled(scrapAllowanceBoards(order))
                - em
                        .createNamedQuery(DieAllocation.OF_ORDER, DieAllocation.class)
                        .setParameter("buildOrderId", order.id())
                        .getResultList()
                        .stream()
                        .mapToInt(DieAllocation::diesHeld)
                        .sum();
    }

    public int scrapAllowanceBoards(BuildOrder order) {
        return catalogue.product(order.product()).scrapAllowanceBoards(order.boardsOrdered());
    }

    public RuleViolationException exceedsNeed(BuildOrder order, int requested, int stillNeeded) {
        int allowance = scrapAllowanceBoards(order);
        var figures = new LinkedHashMap<String, Object>();
        figures.put("requested", requested);
        figures.put("stillNeeded", stillNeeded);
        figures.put("boardsScrapped", order.boardsScrapped());
        figures.put("scrapAllowanceBoards", allowance);
        String scrap = order.boardsScrapped() > allowance
                ? "; " + order.boardsScrapped() + " boards scrapped against a scrap allowance of " + allowance
                : "";
        return new RuleViolationException(
                "exceeds-order-need",
                "dies",
                "build order " + order.orderNumber() + " needs only " + stillNeeded + " more dies" + scrap,
                figures);
    }

    public List<DieAllocation> liveAllocationsOf(BuildOrder order) {
        return em
                .createNamedQuery(DieAllocation.OF_ORDER, DieAllocation.class)
                .setParameter("buildOrderId", order.id())
                .getResultList()
                .stream()
                .filter(DieAllocation::live)
                .toList();
    }

    /** One planner at a time per order, so two allocations cannot both fill the same need. */
    public BuildOrder lockedOpenOrder(String buildOrderId) {
        BuildOrder order = buildOrder(buildOrderId);
        em.lock(order, LockModeType.PESSIMISTIC_WRITE);
        if (!order.acceptsAllocations()) {
            throw new RuleViolationException(
                    "order-closed", null, "build order " + order.orderNumber() + " is " + order.status());
        }
        return order;
    }

    public BuildOrder lockedOrder(String buildOrderId, String field) {
        BuildOrder order = em.find(BuildOrder.class, buildOrderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new InvalidInputException(field, "no build order with id '" + buildOrderId + "'");
        }
        return order;
    }

    /**
     * A shared lock on the lot (allocations from its bins go on in parallel, a hold waits for
     * them), then the bin's row itself.
     */
    public void lockForAllocation(LotBin lotBin) {
        em.refresh(lotBin.lot(), LockModeType.PESSIMISTIC_READ);
        em.lock(lotBin, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(lotBin);
    }

    /**
     * Locks and re-reads a bin the first time a loop meets it; a second refresh would throw away
     * the changes the loop already made to it.
     */
    public LotBin lockedOnce(LotBin lotBin, Set<String> locked) {
        if (locked.add(lotBin.id())) {
            em.lock(lotBin, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(lotBin);
        }
        return lotBin;
    }

    public DieAllocation allocateFrom(BuildOrder order, LotBin lotBin, int dies, OffsetDateTime expiresAt) {
        lotBin.allocate(dies);
        var allocation = new DieAllocation(order, lotBin, dies, now(), expiresAt);
        em.persist(allocation);
        WaferLot lot = lotBin.lot();
        outbox.publish(
                new Events.DiesAllocated(
                        allocation.id(), header(order), lot.id(), lot.lotNumber(), lotBin.bin(), dies, expiresAt),
                order.correlationId(),
                null);
        return allocation;
    }

    /** Ends a live allocation whose bin and row are locked: its unconsumed dies go back to the bin. */
    public void giveBack(BuildOrder order, DieAllocation allocation, LotBin lotBin) {
        int returned = allocation.release(now());
        lotBin.giveBack(returned);
        outbox.publish(
                new Events.AllocationReleased(
                        allocation.id(), order.id(), lotBin.lot().id(), lotBin.bin(), returned),
                order.correlationId(),
                null);
    }

    public DieAllocation allocationOf(String buildOrderId, String allocationId, LockModeType lock) {
        DieAllocation allocation = em.find(DieAllocation.class, allocationId, lock);
        if (allocation == null || !allocation.buildOrderId().equals(buildOrderId)) {
            throw new UnknownEntityException("allocation", allocationId);
        }
        return allocation;
    }

    public OffsetDateTime expiry(Duration reserveFor) {
        return reserveFor == null ? null : now().plus(reserveFor);
    }

    public static Events.OrderHeader header(BuildOrder order) {
        return new Events.OrderHeader(
                order.id(),
                order.orderNumber(),
                order.product(),
                order.chipModel(),
                order.chipsPerBoard(),
                order.boardsPerMachine(),
                order.machines(),
                order.dueDate(),
                order.priority());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
