package org.asicscm.allocation.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asicscm.allocation.entity.BuildOrder;
import org.asicscm.allocation.entity.ChipModel;
import org.asicscm.allocation.entity.DieAllocation;
import org.asicscm.allocation.entity.LotBin;
import org.asicscm.allocation.entity.LotHold;
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

    private final Clock clock = Clock.systemUTC();

    public ChipModel registerChipModel(String code, String processNode, String description) {
        if (em.find(ChipModel.class, code) != null) {
            throw new RuleViolationException("duplicate-chip-model", "code", "chip model " + code + " already exists");
        }
        var model = new ChipModel(code, processNode, description);
        em.persist(model);
        return model;
    }

    public List<ChipModel> chipModels() {
        return em.createNamedQuery(ChipModel.ALL, ChipModel.class).getResultList();
    }

    public WaferLot receiveLot(String lotNumber, String chipModelCode, int wafers, Map<String, Integer> goodDiesByBin,
                               String correlationId) {
        ChipModel model = knownChipModel(chipModelCode);
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

    public List<WaferLot> lots() {
        return em.createNamedQuery(WaferLot.ALL, WaferLot.class).getResultList();
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

    public BuildOrder createBuildOrder(String orderNumber, String product, String chipModelCode, int chipsPerBoard,
                                       int boardsPerMachine, int machines, LocalDate dueDate, String customerOrderRef,
                                       String correlationId) {
        ChipModel model = knownChipModel(chipModelCode);
        if (dueDate.isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("dueDate", "must not be in the past");
        }
        if (!em.createNamedQuery(BuildOrder.BY_NUMBER, BuildOrder.class).setParameter("orderNumber", orderNumber)
                .getResultList().isEmpty()) {
            throw new RuleViolationException("duplicate-build-order", "orderNumber",
                    "build order " + orderNumber + " already exists");
        }
        var order = new BuildOrder(orderNumber, product, model, chipsPerBoard, boardsPerMachine, machines, dueDate,
                customerOrderRef, correlationId, now());
        em.persist(order);
        outbox.publish(new Events.BuildOrderCreated(order.id(), orderNumber, product, model.code(), chipsPerBoard,
                boardsPerMachine, machines, dueDate), correlationId, null);
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
     * @throws RuleViolationException with the shortage figures when the bin has too few dies
     */
    public DieAllocation allocate(String buildOrderId, String lotId, String bin, int dies) {
        BuildOrder order = buildOrder(buildOrderId);
        // one planner at a time per order, so two allocations cannot both fill the same need
        em.lock(order, LockModeType.PESSIMISTIC_WRITE);
        if (!order.acceptsAllocations()) {
            throw new RuleViolationException("order-closed", null, "build order " + order.orderNumber() + " is " + order.status());
        }
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
        // a shared lock on the lot: allocations from its bins go on in parallel, a hold waits for them
        em.refresh(lot, LockModeType.PESSIMISTIC_READ);
        em.lock(lotBin, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(lotBin);
        if (lot.onHold()) {
            throw new RuleViolationException("lot-on-hold", "lotId", "lot " + lot.lotNumber()
                    + " is on quality hold; no dies can be allocated from it", Map.of("lotId", lot.id()));
        }

        int stillNeeded = order.diesRequired() - diesHeldBy(order);
        if (dies > stillNeeded) {
            throw new RuleViolationException("exceeds-order-need", "dies", "build order " + order.orderNumber()
                    + " needs only " + stillNeeded + " more dies", Map.of("requested", dies, "stillNeeded", stillNeeded));
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
        lotBin.allocate(dies);
        var allocation = new DieAllocation(order, lotBin, dies, now());
        em.persist(allocation);
        outbox.publish(new Events.DiesAllocated(allocation.id(), order.id(), order.orderNumber(), order.chipModel(),
                order.chipsPerBoard(), order.boardsPerMachine(), order.machines(), lot.id(), lot.lotNumber(), bin, dies),
                order.correlationId(), null);
        return allocation;
    }

    /** Gives the unconsumed dies of an allocation back to its lot. */
    public DieAllocation release(String buildOrderId, String allocationId) {
        DieAllocation allocation = em.find(DieAllocation.class, allocationId, LockModeType.PESSIMISTIC_WRITE);
        if (allocation == null || !allocation.buildOrderId().equals(buildOrderId)) {
            throw new UnknownEntityException("allocation", allocationId);
        }
        if (allocation.status() == DieAllocation.Status.RELEASED) {
            throw new RuleViolationException("already-released", null, "allocation " + allocationId + " is already released");
        }
        LotBin lotBin = allocation.lotBin();
        em.lock(lotBin, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(lotBin);
        int returned = allocation.release(now());
        lotBin.giveBack(returned);
        BuildOrder order = buildOrder(buildOrderId);
        outbox.publish(new Events.AllocationReleased(allocation.id(), buildOrderId, lotBin.lot().id(), lotBin.bin(),
                returned), order.correlationId(), null);
        return allocation;
    }

    /** Reaction to BuildScheduled. */
    public void buildScheduled(EventEnvelope event) {
        var scheduled = event.data(Events.BuildScheduled.class);
        BuildOrder order = em.find(BuildOrder.class, scheduled.buildOrderId());
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

    private int diesHeldBy(BuildOrder order) {
        return em.createNamedQuery(DieAllocation.OF_ORDER, DieAllocation.class)
                .setParameter("buildOrderId", order.id()).getResultList().stream()
                .mapToInt(DieAllocation::diesHeld).sum();
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
