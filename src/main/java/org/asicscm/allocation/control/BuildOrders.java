package org.asicscm.allocation.control;

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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asicscm.allocation.entity.Bin;
import org.asicscm.allocation.entity.BuildOrder;
import org.asicscm.allocation.entity.DieAllocation;
import org.asicscm.allocation.entity.DieReassignment;
import org.asicscm.allocation.entity.LotBin;
import org.asicscm.allocation.entity.Product;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.materials.control.Boms;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;

/**
 * Build orders: opened, cancelled or reduced (their surplus dies back to the lots), the
 * shortage report over the open ones, and what the other stages' events change on them.
 */
@Stateless
public class BuildOrders {

    @PersistenceContext
    EntityManager em;

    @EJB
    EventOutbox outbox;

    @EJB
    Catalogue catalogue;

    @EJB
    AllocationLedger ledger;

    @EJB
    Boms boms;

    @Inject
    Clock clock;

    public BuildOrder createBuildOrder(
            String orderNumber,
            String productCode,
            int machines,
            LocalDate dueDate,
            int priority,
            String customerOrderRef,
            String correlationId) {
        Product product = em.find(Product.class, productCode);
        if (product == null) {
            throw new InvalidInputException("product", "no product '" + productCode + "'");
        }
        if (dueDate.isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("dueDate", "must not be in the past");
        }
        if (!em.createNamedQuery(BuildOrder.BY_NUMBER, BuildOrder.class)
                .setParameter("orderNumber", orderNumber)
                .getResultList()
                .isEmpty()) {
            throw new RuleViolationException(
                    "duplicate-build-order", "orderNumber", "build order " + orderNumber + " already exists");
        }
        var order = new BuildOrder(
                orderNumber, product, machines, dueDate, priority, customerOrderRef, correlationId, now());
        boms.inForce(productCode, LocalDate.now(clock)).ifPresent(bom -> order.pinBom(bom.version()));
        em.persist(order);
        outbox.publish(
                new Events.BuildOrderCreated(AllocationLedger.header(order), customerOrderRef), correlationId, null);
        return order;
    }

    /** Cancels an order: every allocation gives its unconsumed dies back to the lots. */
    public BuildOrder cancel(String buildOrderId, String reason) {
        BuildOrder order = ledger.lockedOpenOrder(buildOrderId);
        var locked = new HashSet<String>();
        for (DieAllocation allocation : ledger.liveAllocationsOf(order)) {
            LotBin lotBin = ledger.lockedOnce(allocation.lotBin(), locked);
            em.refresh(allocation, LockModeType.PESSIMISTIC_WRITE);
            // released or expired a moment ago, before the row was locked: nothing left to give back
            if (allocation.live()) {
                ledger.giveBack(order, allocation, lotBin);
            }
        }
        order.cancel();
        outbox.publish(
                new Events.BuildOrderCancelled(order.id(), order.orderNumber(), reason), order.correlationId(), null);
        return order;
    }

    /**
     * Reduces an order to fewer machines. Dies it then holds beyond its need go back to the
     * lots, taken from the newest allocations first; dies already on boards stay.
     */
    public BuildOrder reduce(String buildOrderId, int machines, String reason) {
        BuildOrder order = ledger.lockedOpenOrder(buildOrderId);
        if (machines >= order.machines()) {
            throw new InvalidInputException("machines", "must be fewer than the " + order.machines() + " ordered");
        }
        var all = em.createNamedQuery(DieAllocation.OF_ORDER, DieAllocation.class)
                .setParameter("buildOrderId", order.id())
                .getResultList();
        int consumed = all.stream().mapToInt(DieAllocation::diesConsumed).sum();
        int held = all.stream().mapToInt(DieAllocation::diesHeld).sum();
        int machinesBefore = order.machines();
        order.reduceTo(machines);
        if (consumed > order.diesRequired()) {
            throw new RuleViolationException(
                    "below-built",
                    "machines",
                    "boards for more than " + machines + " machines are already built",
                    Map.of("diesConsumed", consumed, "diesRequired", order.diesRequired()));
        }
        int surplus = held - order.diesRequired();
        var withdrawals = new ArrayList<Events.Withdrawal>();
        var newestFirst = all.stream()
                .filter(DieAllocation::live)
                .sorted(Comparator.comparing(DieAllocation::allocatedAt).reversed())
                .toList();
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
            LotBin lotBin = ledger.lockedOnce(allocation.lotBin(), locked);
            em.lock(allocation, LockModeType.PESSIMISTIC_WRITE);
            allocation.withdraw(take, now);
            lotBin.giveBack(take);
            withdrawals.add(
                    new Events.Withdrawal(allocation.id(), order.id(), order.orderNumber(), lotBin.bin(), take));
            surplus -= take;
        }
        outbox.publish(
                new Events.BuildOrderReduced(
                        AllocationLedger.header(order), machinesBefore, reason, List.copyOf(withdrawals)),
                order.correlationId(),
                null);
        return order;
    }

    public List<DieReassignment> reassignmentsOf(String buildOrderId) {
        ledger.buildOrder(buildOrderId);
        return em.createNamedQuery(DieReassignment.OF_ORDER, DieReassignment.class)
                .setParameter("buildOrderId", buildOrderId)
                .getResultList();
    }

    /** The shortage report over every open order, optionally for one chip model. */
    public ShortageReport.Result shortages(String chipModelCode) {
        if (chipModelCode != null) {
            catalogue.knownChipModel(chipModelCode);
        }
        var demands = new ArrayList<ShortageReport.Demand>();
        for (BuildOrder order : em.createNamedQuery(BuildOrder.OPEN, BuildOrder.class)
                .setParameter("cancelled", BuildOrder.Status.CANCELLED)
                .getResultList()) {
            int needed = ledger.stillNeeded(order);
            if (needed > 0 && (chipModelCode == null || chipModelCode.equals(order.chipModel()))) {
                demands.add(new ShortageReport.Demand(
                        order.id(),
                        order.orderNumber(),
                        order.priority(),
                        order.dueDate(),
                        order.chipModel(),
                        catalogue.acceptableBins(order).stream().map(Bin::name).toList(),
                        needed));
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
        free.forEach(
                (key, counts) -> stock.add(new ShortageReport.Stock(key.get(0), key.get(1), counts[0], counts[1])));
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
            DieAllocation allocation =
                    em.find(DieAllocation.class, source.allocationId(), LockModeType.PESSIMISTIC_WRITE);
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
        if (scrapped.kind() != Events.UnitKind.BOARD) {
            return;
        }
        BuildOrder order = em.find(BuildOrder.class, scrapped.buildOrderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new IllegalStateException(
                    "board " + scrapped.serial() + " scrapped from unknown order " + scrapped.buildOrderId());
        }
        order.boardScrapped();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
