package org.asicscm.allocation.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asicscm.allocation.entity.Bin;
import org.asicscm.allocation.entity.BuildOrder;
import org.asicscm.allocation.entity.ChipModel;
import org.asicscm.allocation.entity.DieAllocation;
import org.asicscm.allocation.entity.DieReassignment;
import org.asicscm.allocation.entity.LotBin;
import org.asicscm.allocation.entity.LotCorrection;
import org.asicscm.allocation.entity.LotHold;
import org.asicscm.allocation.entity.Product;
import org.asicscm.allocation.entity.WaferLot;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;

/** Receives lots, opens build orders and reserves scarce dies for them. */
@Stateless
public class AllocationService {

    @PersistenceContext
    EntityManager em;

    @EJB
    EventOutbox outbox;

    @Inject
    Clock clock;

    public ChipModel registerChipModel(String code, String processNode, String description, List<Bin> bins) {
        if (em.find(ChipModel.class, code) != null) {
            throw new RuleViolationException("duplicate-chip-model", "code", "chip model " + code + " already exists");
        }
        for (int i = 0; i < bins.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (bins.get(j).name().equals(bins.get(i).name())) {
                    throw new InvalidInputException("bins[" + i + "].name", "bin " + bins.get(i).name() + " is listed twice");
                }
                if (bins.get(j).rank() == bins.get(i).rank()) {
                    throw new InvalidInputException("bins[" + i + "].rank", "rank " + bins.get(i).rank()
                            + " is already bin " + bins.get(j).name() + "'s");
                }
            }
        }
        var model = new ChipModel(code, processNode, description, bins);
        em.persist(model);
        return model;
    }

    public ChipModel chipModel(String code) {
        ChipModel model = em.find(ChipModel.class, code);
        if (model == null) {
            throw new UnknownEntityException("chip model", code);
        }
        return model;
    }

    public Product registerProduct(String code, String name, String chipModelCode, int chipsPerBoard,
                                   int boardsPerMachine, String minBin, List<String> substitutes,
                                   BigDecimal scrapAllowancePercent) {
        if (em.find(Product.class, code) != null) {
            throw new RuleViolationException("duplicate-product", "code", "product " + code + " already exists");
        }
        ChipModel model = knownChipModel(chipModelCode);
        Bin least = model.bin(minBin).orElseThrow(() ->
                new InvalidInputException("minBin", model.code() + " has no bin '" + minBin + "'"));
        for (int i = 0; i < substitutes.size(); i++) {
            String field = "substitutes[" + i + "]";
            Bin better = model.bin(substitutes.get(i)).orElseThrow(() ->
                    new InvalidInputException(field, model.code() + " has no such bin"));
            if (!better.betterThan(least)) {
                throw new InvalidInputException(field, "bin " + better.name() + " (rank " + better.rank()
                        + ") is not better than the minimum bin " + least.name() + " (rank " + least.rank() + ")");
            }
        }
        var product = new Product(code, name, model, chipsPerBoard, boardsPerMachine, minBin, substitutes);
        product.allowScrap(scrapAllowancePercent);
        em.persist(product);
        return product;
    }

    public Product product(String code) {
        Product product = em.find(Product.class, code);
        if (product == null) {
            throw new UnknownEntityException("product", code);
        }
        return product;
    }

    public List<Product> products() {
        return em.createNamedQuery(Product.ALL, Product.class).getResultList();
    }

    public List<ChipModel> chipModels() {
        return em.createNamedQuery(ChipModel.ALL, ChipModel.class).getResultList();
    }

    public WaferLot receiveLot(String lotNumber, String chipModelCode, int wafers, Map<String, Integer> goodDiesByBin,
                               String correlationId) {
        ChipModel model = knownChipModel(chipModelCode);
        int index = 0;
        for (String bin : goodDiesByBin.keySet()) {
            if (model.bin(bin).isEmpty()) {
                throw new InvalidInputException("bins[" + index + "].bin", model.code() + " has no bin '" + bin
                        + "'; its bins are " + model.bins().stream().map(Bin::name).toList());
            }
            index++;
        }
        if (!em.createNamedQuery(WaferLot.BY_NUMBER, WaferLot.class).setParameter("lotNumber", lotNumber)
                .getResultList().isEmpty()) {
            throw new RuleViolationException("duplicate-lot", "lotNumber", "lot " + lotNumber + " was already received");
        }
        var lot = new WaferLot(lotNumber, model, wafers, goodDiesByBin, now(), correlationId);
        em.persist(lot);
        outbox.publish(new Events.LotReceived(lot.id(), lotNumber, model.code(), wafers,
                lot.bins().stream().map(b -> new Events.BinCount(b.bin(), b.goodDies())).toList()),
                correlationId, null);
        return lot;
    }

    public WaferLot lot(String id) {
        WaferLot lot = em.find(WaferLot.class, id);
        if (lot == null) {
            throw new UnknownEntityException("wafer lot", id);
        }
        return lot;
    }

    /** Puts a lot on quality hold: allocation from it is refused until it is released. */
    public WaferLot holdLot(String lotId, String reason) {
        WaferLot lot = lockedLot(lotId);
        try {
            lot.hold();
        } catch (IllegalStateException e) {
            throw new RuleViolationException("already-on-hold", null, e.getMessage());
        }
        em.persist(new LotHold(lot, LotHold.Action.HOLD, reason, now()));
        outbox.publish(new Events.LotHeld(lot.id(), lot.lotNumber(), reason), lot.correlationId(), null);
        return lot;
    }

    public WaferLot releaseHold(String lotId, String reason) {
        WaferLot lot = lockedLot(lotId);
        try {
            lot.release();
        } catch (IllegalStateException e) {
            throw new RuleViolationException("not-on-hold", null, e.getMessage());
        }
        em.persist(new LotHold(lot, LotHold.Action.RELEASE, reason, now()));
        outbox.publish(new Events.LotReleased(lot.id(), lot.lotNumber(), reason), lot.correlationId(), null);
        return lot;
    }

    public List<LotHold> holdsOf(String lotId) {
        lot(lotId);
        return em.createNamedQuery(LotHold.OF_LOT, LotHold.class).setParameter("lotId", lotId).getResultList();
    }

    private WaferLot lockedLot(String lotId) {
        WaferLot lot = em.find(WaferLot.class, lotId, LockModeType.PESSIMISTIC_WRITE);
        if (lot == null) {
            throw new UnknownEntityException("wafer lot", lotId);
        }
        return lot;
    }

    public BuildOrder createBuildOrder(String orderNumber, String productCode, int machines, LocalDate dueDate,
                                       int priority, String customerOrderRef, String correlationId) {
        Product product = em.find(Product.class, productCode);
        if (product == null) {
            throw new InvalidInputException("product", "no product '" + productCode + "'");
        }
        if (dueDate.isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("dueDate", "must not be in the past");
        }
        if (!em.createNamedQuery(BuildOrder.BY_NUMBER, BuildOrder.class).setParameter("orderNumber", orderNumber)
                .getResultList().isEmpty()) {
            throw new RuleViolationException("duplicate-build-order", "orderNumber",
                    "build order " + orderNumber + " already exists");
        }
        var order = new BuildOrder(orderNumber, product, machines, dueDate, priority, customerOrderRef, correlationId,
                now());
        em.persist(order);
        outbox.publish(new Events.BuildOrderCreated(header(order), customerOrderRef), correlationId, null);
        return order;
    }

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
                .setParameter("buildOrderId", buildOrderId).getResultList();
    }

    /** Every allocation ever made from a lot, released ones included, oldest first. */
    public List<DieAllocation> allocationsOfLot(String lotId) {
        lot(lotId);
        return em.createNamedQuery(DieAllocation.OF_LOT, DieAllocation.class).setParameter("lotId", lotId).getResultList();
    }

    /**
     * Reserves dies of one lot and bin for a build order. The bin's row is locked for the
     * duration, so concurrent planners queue on it instead of both taking the last dies.
     *
     * @param reserveFor null for a firm allocation, else how long the reservation holds unless confirmed
     * @throws RuleViolationException with the shortage figures when the bin has too few dies
     */
    public DieAllocation allocate(String buildOrderId, String lotId, String bin, int dies, Duration reserveFor) {
        BuildOrder order = lockedOpenOrder(buildOrderId);
        WaferLot lot = em.find(WaferLot.class, lotId);
        if (lot == null) {
            throw new InvalidInputException("lotId", "no wafer lot with id '" + lotId + "'");
        }
        if (!lot.chipModel().equals(order.chipModel())) {
            throw new RuleViolationException("chip-model-mismatch", "lotId", "lot " + lot.lotNumber() + " holds "
                    + lot.chipModel() + " dies; build order " + order.orderNumber() + " needs " + order.chipModel());
        }
        LotBin lotBin = lot.bin(bin).orElseThrow(() ->
                new InvalidInputException("bin", "lot " + lot.lotNumber() + " has no bin '" + bin + "'"));
        List<String> acceptable = acceptableBins(order).stream().map(Bin::name).toList();
        if (!acceptable.contains(bin)) {
            throw new RuleViolationException("bin-not-acceptable", "bin", "product " + order.product()
                    + " accepts bins " + acceptable + ", not " + bin, Map.of("acceptableBins", acceptable));
        }
        lockForAllocation(lotBin);
        if (lot.onHold()) {
            throw new RuleViolationException("lot-on-hold", "lotId", "lot " + lot.lotNumber()
                    + " is on quality hold; no dies can be allocated from it", Map.of("lotId", lot.id()));
        }
        int stillNeeded = stillNeeded(order);
        if (dies > stillNeeded) {
            throw exceedsNeed(order, dies, stillNeeded);
        }
        if (dies > lotBin.available()) {
            var shortage = new LinkedHashMap<String, Object>();
            shortage.put("lotId", lot.id());
            shortage.put("lotNumber", lot.lotNumber());
            shortage.put("bin", bin);
            shortage.put("requested", dies);
            shortage.put("available", lotBin.available());
            shortage.put("shortBy", dies - lotBin.available());
            throw new RuleViolationException("insufficient-dies", "dies", "lot " + lot.lotNumber() + " bin " + bin
                    + " has " + lotBin.available() + " dies left, " + dies + " requested", shortage);
        }
        return allocateFrom(order, lotBin, dies, expiry(reserveFor));
    }

    /** The outcome of allocating by policy: what was taken, why, and what is still short. */
    public record PolicyRun(BuildOrder order, AllocationPolicy.Plan plan, List<DieAllocation> allocations,
                            int heldDiesInAcceptableBins) {
    }

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
    public PolicyRun allocateByPolicy(String buildOrderId, AllocationPolicy policy, Integer dies, boolean partial,
                                      Duration reserveFor) {
        BuildOrder order = lockedOpenOrder(buildOrderId);
        int stillNeeded = stillNeeded(order);
        int requested = dies == null ? stillNeeded : dies;
        if (requested > stillNeeded || requested == 0) {
            throw exceedsNeed(order, requested, stillNeeded);
        }
        List<Bin> acceptable = acceptableBins(order);
        var ranks = new HashMap<String, Integer>();
        acceptable.forEach(b -> ranks.put(b.name(), b.rank()));
        var candidates = new ArrayList<AllocationPolicy.Candidate>();
        var bins = new HashMap<String, LotBin>();
        int held = 0;
        // the lots shared, then their bins, each in one statement and in id order: lot before bin, as on every path
        em.createNamedQuery(WaferLot.WITH_FREE_DIES, WaferLot.class).setParameter("chipModel", order.chipModel())
                .setParameter("bins", ranks.keySet()).setLockMode(LockModeType.PESSIMISTIC_READ).getResultList();
        for (LotBin lotBin : em.createNamedQuery(LotBin.ALLOCATABLE, LotBin.class)
                .setParameter("chipModel", order.chipModel()).setParameter("bins", ranks.keySet())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            WaferLot lot = lotBin.lot();
            if (lot.onHold()) {
                held += lotBin.available();
            } else if (lotBin.available() > 0) {
                bins.put(lotBin.id(), lotBin);
                candidates.add(new AllocationPolicy.Candidate(lotBin.id(), lot.id(), lot.lotNumber(), lot.receivedAt(),
                        lotBin.bin(), ranks.get(lotBin.bin()), lotBin.available()));
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
            throw new RuleViolationException("insufficient-dies", "dies", "the lots not on hold have " + plan.allocated()
                    + " free dies in bins " + acceptable.stream().map(Bin::name).toList() + ", " + requested
                    + " requested; ask for a partial allocation to take them", shortage);
        }
        OffsetDateTime expiresAt = expiry(reserveFor);
        var allocations = plan.picks().stream()
                .map(pick -> allocateFrom(order, bins.get(pick.from().lotBinId()), pick.dies(), expiresAt)).toList();
        return new PolicyRun(order, plan, allocations, held);
    }

    /** Makes a reservation firm: it no longer expires. */
    public DieAllocation confirm(String buildOrderId, String allocationId) {
        DieAllocation allocation = allocationOf(buildOrderId, allocationId, LockModeType.PESSIMISTIC_WRITE);
        if (allocation.status() != DieAllocation.Status.RESERVED) {
            throw new RuleViolationException("not-a-reservation", null, "allocation " + allocationId + " is "
                    + allocation.status() + "; only a reservation can be confirmed");
        }
        allocation.confirm();
        outbox.publish(new Events.AllocationConfirmed(allocationId, buildOrderId), buildOrder(buildOrderId).correlationId(), null);
        return allocation;
    }

    /** Gives the unconsumed dies of an allocation back to its lot. */
    public DieAllocation release(String buildOrderId, String allocationId) {
        DieAllocation allocation = allocationOf(buildOrderId, allocationId, LockModeType.NONE);
        // bin before allocation: the order every path that touches both takes its locks in
        LotBin lotBin = allocation.lotBin();
        em.lock(lotBin, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(lotBin);
        em.refresh(allocation, LockModeType.PESSIMISTIC_WRITE);
        if (!allocation.live()) {
            throw new RuleViolationException("already-released", null, "allocation " + allocationId + " is already "
                    + allocation.status().name().toLowerCase());
        }
        giveBack(buildOrder(buildOrderId), allocation, lotBin);
        return allocation;
    }

    /** Ends a live allocation whose bin and row are locked: its unconsumed dies go back to the bin. */
    private void giveBack(BuildOrder order, DieAllocation allocation, LotBin lotBin) {
        int returned = allocation.release(now());
        lotBin.giveBack(returned);
        outbox.publish(new Events.AllocationReleased(allocation.id(), order.id(), lotBin.lot().id(), lotBin.bin(),
                returned), order.correlationId(), null);
    }

    /** Cancels an order: every allocation gives its unconsumed dies back to the lots. */
    public BuildOrder cancel(String buildOrderId, String reason) {
        BuildOrder order = lockedOpenOrder(buildOrderId);
        var locked = new HashSet<String>();
        for (DieAllocation allocation : liveAllocationsOf(order)) {
            LotBin lotBin = lockedOnce(allocation.lotBin(), locked);
            em.refresh(allocation, LockModeType.PESSIMISTIC_WRITE);
            // released or expired a moment ago, before the row was locked: nothing left to give back
            if (allocation.live()) {
                giveBack(order, allocation, lotBin);
            }
        }
        order.cancel();
        outbox.publish(new Events.BuildOrderCancelled(order.id(), order.orderNumber(), reason), order.correlationId(), null);
        return order;
    }

    /**
     * Reduces an order to fewer machines. Dies it then holds beyond its need go back to the
     * lots, taken from the newest allocations first; dies already on boards stay.
     */
    public BuildOrder reduce(String buildOrderId, int machines, String reason) {
        BuildOrder order = lockedOpenOrder(buildOrderId);
        if (machines >= order.machines()) {
            throw new InvalidInputException("machines", "must be fewer than the " + order.machines() + " ordered");
        }
        var all = em.createNamedQuery(DieAllocation.OF_ORDER, DieAllocation.class).setParameter("buildOrderId", order.id())
                .getResultList();
        int consumed = all.stream().mapToInt(DieAllocation::diesConsumed).sum();
        int held = all.stream().mapToInt(DieAllocation::diesHeld).sum();
        int machinesBefore = order.machines();
        order.reduceTo(machines);
        if (consumed > order.diesRequired()) {
            throw new RuleViolationException("below-built", "machines", "boards for more than " + machines
                    + " machines are already built", Map.of("diesConsumed", consumed, "diesRequired", order.diesRequired()));
        }
        int surplus = held - order.diesRequired();
        var withdrawals = new ArrayList<Events.Withdrawal>();
        var newestFirst = all.stream().filter(DieAllocation::live)
                .sorted(Comparator.comparing(DieAllocation::allocatedAt).reversed()).toList();
        OffsetDateTime now = now();
        var locked = new HashSet<String>();
        for (DieAllocation allocation : newestFirst) {
            int take = Math.min(surplus, allocation.unconsumed());
            if (surplus <= 0) {
                break;
            }
            if (take == 0) {
                continue;
            }
            LotBin lotBin = lockedOnce(allocation.lotBin(), locked);
            em.lock(allocation, LockModeType.PESSIMISTIC_WRITE);
            allocation.withdraw(take, now);
            lotBin.giveBack(take);
            withdrawals.add(new Events.Withdrawal(allocation.id(), order.id(), order.orderNumber(), lotBin.bin(), take));
            surplus -= take;
        }
        outbox.publish(new Events.BuildOrderReduced(header(order), machinesBefore, reason, List.copyOf(withdrawals)),
                order.correlationId(), null);
        return order;
    }

    /** Ids of reservations past their expiry, oldest first. */
    public List<String> overdueReservations(int max) {
        return em.createNamedQuery(DieAllocation.OVERDUE, String.class).setParameter("now", now())
                .setMaxResults(max).getResultList();
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
        outbox.publish(new Events.AllocationExpired(allocation.id(), allocation.buildOrderId(), lotBin.lot().id(),
                lotBin.bin(), returned), buildOrder(allocation.buildOrderId()).correlationId(), null);
        return true;
    }

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
        BuildOrder first = lockedOrder(fromFirst ? fromOrderId : toOrderId, fromFirst ? "fromOrderId" : "toOrderId");
        BuildOrder second = lockedOrder(fromFirst ? toOrderId : fromOrderId, fromFirst ? "toOrderId" : "fromOrderId");
        BuildOrder from = fromFirst ? first : second;
        BuildOrder to = fromFirst ? second : first;
        if (!to.acceptsAllocations()) {
            throw new RuleViolationException("order-closed", "toOrderId", "build order " + to.orderNumber() + " is " + to.status());
        }
        if (!to.moreUrgentThan(from)) {
            throw new RuleViolationException("not-more-urgent", "toOrderId", "dies only move to a more urgent order: "
                    + to.orderNumber() + " has priority " + to.priority() + ", " + from.orderNumber() + " has "
                    + from.priority(), Map.of("fromPriority", from.priority(), "toPriority", to.priority()));
        }
        if (!to.chipModel().equals(from.chipModel())) {
            throw new RuleViolationException("chip-model-mismatch", "toOrderId", to.orderNumber() + " needs "
                    + to.chipModel() + " dies, " + from.orderNumber() + " holds " + from.chipModel());
        }
        int stillNeeded = stillNeeded(to);
        if (dies > stillNeeded) {
            throw exceedsNeed(to, dies, stillNeeded);
        }
        var acceptable = acceptableBins(to).stream().map(Bin::name).toList();
        var candidates = liveAllocationsOf(from).stream().filter(a -> acceptable.contains(a.lotBin().bin())).toList();
        // bins, then their allocations, as every other path locks them; counted only once locked
        var locked = new HashSet<String>();
        candidates.stream().map(DieAllocation::lotBin).sorted(Comparator.comparing(LotBin::id))
                .forEach(bin -> lockedOnce(bin, locked));
        candidates.forEach(a -> em.refresh(a, LockModeType.PESSIMISTIC_WRITE));
        var movable = candidates.stream().filter(DieAllocation::live)
                .sorted(Comparator.comparing(DieAllocation::allocatedAt).reversed()).toList();
        int available = movable.stream().mapToInt(DieAllocation::unconsumed).sum();
        if (dies > available) {
            throw new RuleViolationException("insufficient-dies", "dies", from.orderNumber() + " holds " + available
                    + " unconsumed dies in bins " + acceptable + " that " + to.orderNumber() + " accepts, " + dies
                    + " requested", Map.of("requested", dies, "available", available, "shortBy", dies - available));
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
            moves.add(new Events.DieMove(source.id(), moved.id(), lot.id(), lot.lotNumber(), source.lotBin().bin(), take));
            wanted -= take;
        }
        outbox.publish(new Events.DiesReassigned(reassignment.id(), from.id(), header(to), dies, reason, List.copyOf(moves)),
                to.correlationId(), null);
        return reassignment;
    }

    public List<DieReassignment> reassignmentsOf(String buildOrderId) {
        buildOrder(buildOrderId);
        return em.createNamedQuery(DieReassignment.OF_ORDER, DieReassignment.class)
                .setParameter("buildOrderId", buildOrderId).getResultList();
    }

    /** What a lot correction changed, and the dies it took back from orders that can no longer have them. */
    public record Correction(WaferLot lot, List<Events.BinCorrection> bins, List<Events.Withdrawal> withdrawals) {
    }

    /**
     * Revises a lot's good dies per bin after a retest. Where a bin now has fewer dies than are
     * promised, the least urgent orders lose their unconsumed dies first (latest due, newest
     * allocation); the withdrawals are reported and published. Dies already on boards cannot be
     * taken back, so a count below them is refused.
     */
    public Correction correctLot(String lotId, Map<String, Integer> goodDiesByBin, String reason) {
        WaferLot lot = lockedLot(lotId);
        int index = 0;
        for (String bin : goodDiesByBin.keySet()) {
            if (lot.bin(bin).isEmpty()) {
                throw new InvalidInputException("bins[" + index + "].bin", "lot " + lot.lotNumber() + " has no bin '" + bin + "'");
            }
            index++;
        }
        OffsetDateTime now = now();
        var changes = new ArrayList<Events.BinCorrection>();
        var withdrawals = new ArrayList<Events.Withdrawal>();
        index = 0;
        for (var entry : goodDiesByBin.entrySet()) {
            LotBin lotBin = lot.bin(entry.getKey()).orElseThrow();
            em.lock(lotBin, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(lotBin);
            int before = lotBin.goodDies();
            int after = entry.getValue();
            var live = em.createNamedQuery(DieAllocation.OF_LOT_BIN, DieAllocation.class)
                    .setParameter("lotBinId", lotBin.id()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            int consumed = live.stream().mapToInt(DieAllocation::diesConsumed).sum();
            if (after < consumed) {
                throw new RuleViolationException("below-consumed", "bins[" + index + "].goodDies", "bin " + lotBin.bin()
                        + " of lot " + lot.lotNumber() + " already has " + consumed + " dies on boards",
                        Map.of("bin", lotBin.bin(), "consumed", consumed, "requested", after));
            }
            int excess = lotBin.allocatedDies() - after;
            int withdrawn = 0;
            if (excess > 0) {
                var orders = new HashMap<String, BuildOrder>();
                live.forEach(a -> orders.computeIfAbsent(a.buildOrderId(), id -> em.find(BuildOrder.class, id)));
                var leastUrgentFirst = new ArrayList<>(live);
                leastUrgentFirst.sort(Comparator.<DieAllocation>comparingInt(a -> orders.get(a.buildOrderId()).priority())
                        .reversed()
                        .thenComparing(a -> orders.get(a.buildOrderId()).dueDate(), Comparator.reverseOrder())
                        .thenComparing(DieAllocation::allocatedAt, Comparator.reverseOrder()));
                for (DieAllocation allocation : leastUrgentFirst) {
                    int take = Math.min(excess - withdrawn, allocation.unconsumed());
                    if (take > 0) {
                        allocation.withdraw(take, now);
                        BuildOrder order = orders.get(allocation.buildOrderId());
                        withdrawals.add(new Events.Withdrawal(allocation.id(), order.id(), order.orderNumber(),
                                lotBin.bin(), take));
                        withdrawn += take;
                    }
                }
                lotBin.giveBack(withdrawn);
            }
            lotBin.correct(after);
            em.persist(new LotCorrection(lotBin, before, withdrawn, reason, now));
            changes.add(new Events.BinCorrection(lotBin.bin(), before, after));
            index++;
        }
        outbox.publish(new Events.LotCorrected(lot.id(), lot.lotNumber(), reason, List.copyOf(changes),
                List.copyOf(withdrawals)), lot.correlationId(), null);
        return new Correction(lot, changes, withdrawals);
    }

    public List<LotCorrection> correctionsOf(String lotId) {
        lot(lotId);
        return em.createNamedQuery(LotCorrection.OF_LOT, LotCorrection.class).setParameter("lotId", lotId).getResultList();
    }

    /** The shortage report over every open order, optionally for one chip model. */
    public ShortageReport.Result shortages(String chipModelCode) {
        if (chipModelCode != null) {
            knownChipModel(chipModelCode);
        }
        var demands = new ArrayList<ShortageReport.Demand>();
        for (BuildOrder order : em.createNamedQuery(BuildOrder.OPEN, BuildOrder.class)
                .setParameter("cancelled", BuildOrder.Status.CANCELLED).getResultList()) {
            int needed = stillNeeded(order);
            if (needed > 0 && (chipModelCode == null || chipModelCode.equals(order.chipModel()))) {
                demands.add(new ShortageReport.Demand(order.id(), order.orderNumber(), order.priority(), order.dueDate(),
                        order.chipModel(), acceptableBins(order).stream().map(Bin::name).toList(), needed));
            }
        }
        var free = new LinkedHashMap<List<String>, int[]>();
        for (Object[] row : em.createNamedQuery(LotBin.STOCK, Object[].class).getResultList()) {
            if (chipModelCode == null || chipModelCode.equals(row[0])) {
                int[] counts = free.computeIfAbsent(List.of((String) row[0], (String) row[1]), k -> new int[2]);
                counts[Boolean.TRUE.equals(row[2]) ? 1 : 0] += ((Number) row[3]).intValue();
            }
        }
        var stock = new ArrayList<ShortageReport.Stock>();
        free.forEach((key, counts) -> stock.add(new ShortageReport.Stock(key.get(0), key.get(1), counts[0], counts[1])));
        return ShortageReport.of(demands, stock);
    }

    /** Reaction to BuildScheduled and BuildRescheduled, both about the build order. */
    public void buildScheduled(EventEnvelope event) {
        // locked: a plan over several lines sends several of these at once, and unlocked they
        // collided on the order's version and went round again through redelivery
        BuildOrder order = em.find(BuildOrder.class, event.data().subjectId(), LockModeType.PESSIMISTIC_WRITE);
        if (order != null) {
            order.markScheduled();
        }
    }

    /** Reaction to BoardAssembled: the dies on the board are consumed from their allocations. */
    public void boardAssembled(EventEnvelope event) {
        for (Events.DieSource source : event.data(Events.BoardAssembled.class).sources()) {
            DieAllocation allocation = em.find(DieAllocation.class, source.allocationId(), LockModeType.PESSIMISTIC_WRITE);
            if (allocation == null) {
                throw new IllegalStateException("board consumed dies of unknown allocation " + source.allocationId());
            }
            allocation.consume(source.dies());
        }
    }

    /**
     * QA scrapped a board of an order: its dies are gone, and the order may draw a replacement
     * board's dies while its product's scrap allowance lasts. Machines scrapped whole keep their
     * boards' dies counted: their boards may be salvaged.
     */
    public void unitScrapped(EventEnvelope event) {
        var scrapped = event.data(Events.UnitScrapped.class);
        if (!"BOARD".equals(scrapped.kind())) {
            return;
        }
        BuildOrder order = em.find(BuildOrder.class, scrapped.buildOrderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new IllegalStateException("board " + scrapped.serial() + " scrapped from unknown order "
                    + scrapped.buildOrderId());
        }
        order.boardScrapped();
    }

    private int stillNeeded(BuildOrder order) {
        return order.diesEntitled(scrapAllowanceBoards(order)) - em.createNamedQuery(DieAllocation.OF_ORDER, DieAllocation.class)
                .setParameter("buildOrderId", order.id()).getResultList().stream()
                .mapToInt(DieAllocation::diesHeld).sum();
    }

    private int scrapAllowanceBoards(BuildOrder order) {
        return product(order.product()).scrapAllowanceBoards(order.boardsOrdered());
    }

    private RuleViolationException exceedsNeed(BuildOrder order, int requested, int stillNeeded) {
        int allowance = scrapAllowanceBoards(order);
        var figures = new LinkedHashMap<String, Object>();
        figures.put("requested", requested);
        figures.put("stillNeeded", stillNeeded);
        figures.put("boardsScrapped", order.boardsScrapped());
        figures.put("scrapAllowanceBoards", allowance);
        String scrap = order.boardsScrapped() > allowance ? "; " + order.boardsScrapped()
                + " boards scrapped against a scrap allowance of " + allowance : "";
        return new RuleViolationException("exceeds-order-need", "dies", "build order " + order.orderNumber()
                + " needs only " + stillNeeded + " more dies" + scrap, figures);
    }

    private List<DieAllocation> liveAllocationsOf(BuildOrder order) {
        return em.createNamedQuery(DieAllocation.OF_ORDER, DieAllocation.class).setParameter("buildOrderId", order.id())
                .getResultList().stream().filter(DieAllocation::live).toList();
    }

    private List<Bin> acceptableBins(BuildOrder order) {
        return product(order.product()).acceptableBins(knownChipModel(order.chipModel()));
    }

    /** One planner at a time per order, so two allocations cannot both fill the same need. */
    private BuildOrder lockedOpenOrder(String buildOrderId) {
        BuildOrder order = buildOrder(buildOrderId);
        em.lock(order, LockModeType.PESSIMISTIC_WRITE);
        if (!order.acceptsAllocations()) {
            throw new RuleViolationException("order-closed", null, "build order " + order.orderNumber() + " is " + order.status());
        }
        return order;
    }

    private BuildOrder lockedOrder(String buildOrderId, String field) {
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
    private void lockForAllocation(LotBin lotBin) {
        em.refresh(lotBin.lot(), LockModeType.PESSIMISTIC_READ);
        em.lock(lotBin, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(lotBin);
    }

    /**
     * Locks and re-reads a bin the first time a loop meets it; a second refresh would throw away
     * the changes the loop already made to it.
     */
    private LotBin lockedOnce(LotBin lotBin, Set<String> locked) {
        if (locked.add(lotBin.id())) {
            em.lock(lotBin, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(lotBin);
        }
        return lotBin;
    }

    private DieAllocation allocateFrom(BuildOrder order, LotBin lotBin, int dies, OffsetDateTime expiresAt) {
        lotBin.allocate(dies);
        var allocation = new DieAllocation(order, lotBin, dies, now(), expiresAt);
        em.persist(allocation);
        WaferLot lot = lotBin.lot();
        outbox.publish(new Events.DiesAllocated(allocation.id(), header(order), lot.id(), lot.lotNumber(), lotBin.bin(),
                dies, expiresAt), order.correlationId(), null);
        return allocation;
    }

    private DieAllocation allocationOf(String buildOrderId, String allocationId, LockModeType lock) {
        DieAllocation allocation = em.find(DieAllocation.class, allocationId, lock);
        if (allocation == null || !allocation.buildOrderId().equals(buildOrderId)) {
            throw new UnknownEntityException("allocation", allocationId);
        }
        return allocation;
    }

    private OffsetDateTime expiry(Duration reserveFor) {
        return reserveFor == null ? null : now().plus(reserveFor);
    }

    static Events.OrderHeader header(BuildOrder order) {
        return new Events.OrderHeader(order.id(), order.orderNumber(), order.product(), order.chipModel(),
                order.chipsPerBoard(), order.boardsPerMachine(), order.machines(), order.dueDate(), order.priority());
    }

    private ChipModel knownChipModel(String code) {
        ChipModel model = em.find(ChipModel.class, code);
        if (model == null) {
            throw new InvalidInputException("chipModel", "no chip model '" + code + "'");
        }
        return model;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
