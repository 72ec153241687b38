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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asicscm.allocation.entity.Bin;
import org.asicscm.allocation.entity.BuildOrder;
import org.asicscm.allocation.entity.ChipModel;
import org.asicscm.allocation.entity.DieAllocation;
import org.asicscm.allocation.entity.LotBin;
import org.asicscm.allocation.entity.LotCorrection;
import org.asicscm.allocation.entity.LotHold;
import org.asicscm.allocation.entity.WaferLot;
import org.asicscm.events.Events;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;

/** Wafer lots from the foundry: receipt, quality holds, corrections after a retest, their allocations. */
@Stateless
public class WaferLots {

    @PersistenceContext
    EntityManager em;

    @EJB
    EventOutbox outbox;

    @EJB
    Catalogue catalogue;

    @Inject
    Clock clock;

    public WaferLot receiveLot(
            String lotNumber,
            String chipModelCode,
            int wafers,
            Map<String, Integer> goodDiesByBin,
            String correlationId) {
        ChipModel model = catalogue.knownChipModel(chipModelCode);
        int index = 0;
        for (String bin : goodDiesByBin.keySet()) {
            if (model.bin(bin).isEmpty()) {
                throw new InvalidInputException(
                        "bins[" + index + "].bin",
                        model.code() + " has no bin '" + bin + "'; its bins are "
                                + model.bins().stream().map(Bin::name).toList());
            }
            index++;
        }
        if (!em.createNamedQuery(WaferLot.BY_NUMBER, WaferLot.class)
                .setParameter("lotNumber", lotNumber)
                .getResultList()
                .isEmpty()) {
            throw new RuleViolationException(
                    "duplicate-lot", "lotNumber", "lot " + lotNumber + " was already received");
        }
        var lot = new WaferLot(lotNumber, model, wafers, goodDiesByBin, now(), correlationId);
        em.persist(lot);
        outbox.publish(
                new Events.LotReceived(
                        lot.id(),
                        lotNumber,
                        model.code(),
                        wafers,
                        lot.bins().stream()
                                .map(b -> new Events.BinCount(b.bin(), b.goodDies()))
                                .toList()),
                correlationId,
                null);
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
        return em.createNamedQuery(LotHold.OF_LOT, LotHold.class)
                .setParameter("lotId", lotId)
                .getResultList();
    }

    private WaferLot lockedLot(String lotId) {
        WaferLot lot = em.find(WaferLot.class, lotId, LockModeType.PESSIMISTIC_WRITE);
        if (lot == null) {
            throw new UnknownEntityException("wafer lot", lotId);
        }
        return lot;
    }

    /** Every allocation ever made from a lot, released ones included, oldest first. */
    public List<DieAllocation> allocationsOfLot(String lotId) {
        lot(lotId);
        return em.createNamedQuery(DieAllocation.OF_LOT, DieAllocation.class)
                .setParameter("lotId", lotId)
                .getResultList();
    }

    /** What a lot correction changed, and the dies it took back from orders that can no longer have them. */
    public record Correction(WaferLot lot, List<Events.BinCorrection> bins, List<Events.Withdrawal> withdrawals) {}

    /**
     * Revises a lot's good dies per bin after a retest. Where a bin now has fewer dies than are
     * promised, the least urgent orders lose their unconsumed dies first (latest due, newest
     * allocation); the withdrawals are reported and published. Dies already on boards cannot be
     * taken back, so a count below them is refused.
     */
    /**
     * Whether a correction takes dies away from any bin (then a second person must approve it),
     * after the checks the correction itself makes: every bin is the lot's, and no bin goes
     * below the dies already on boards.
     */
    public boolean checkCorrection(String lotId, Map<String, Integer> goodDiesByBin) {
        WaferLot lot = lot(lotId);
        boolean downward = false;
        int index = 0;
        for (var entry : goodDiesByBin.entrySet()) {
            int at = index++;
            LotBin lotBin = lot.bin(entry.getKey())
                    .orElseThrow(() -> new InvalidInputException(
                            "bins[" + at + "].bin", "lot " + lot.lotNumber() + " has no bin '" + entry.getKey() + "'"));
            int consumed = em
                    .createNamedQuery(DieAllocation.OF_LOT_BIN, DieAllocation.class)
                    .setParameter("lotBinId", lotBin.id())
                    .getResultList()
                    .stream()
                    .mapToInt(DieAllocation::diesConsumed)
                    .sum();
            if (entry.getValue() < consumed) {
                throw new RuleViolationException(
                        "below-consumed",
                        "bins[" + at + "].goodDies",
                        "bin " + lotBin.bin() + " of lot " + lot.lotNumber() + " already has " + consumed
                                + " dies on boards");
            }
            downward |= entry.getValue() < lotBin.goodDies();
        }
        return downward;
    }

    public Correction correctLot(String lotId, Map<String, Integer> goodDiesByBin, String reason) {
        WaferLot lot = lockedLot(lotId);
        int index = 0;
        for (String bin : goodDiesByBin.keySet()) {
            if (lot.bin(bin).isEmpty()) {
                throw new InvalidInputException(
                        "bins[" + index + "].bin", "lot " + lot.lotNumber() + " has no bin '" + bin + "'");
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
                    .setParameter("lotBinId", lotBin.id())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            int consumed = live.stream().mapToInt(DieAllocation::diesConsumed).sum();
            if (after < consumed) {
                throw new RuleViolationException(
                        "below-consumed",
                        "bins[" + index + "].goodDies",
                        "bin " + lotBin.bin() + " of lot " + lot.lotNumber() + " already has " + consumed
                                + " dies on boards",
                        Map.of("bin", lotBin.bin(), "consumed", consumed, "requested", after));
            }
            int excess = lotBin.allocatedDies() - after;
            int withdrawn = 0;
            if (excess > 0) {
                var orders = new HashMap<String, BuildOrder>();
                live.forEach(a -> orders.computeIfAbsent(a.buildOrderId(), id -> em.find(BuildOrder.class, id)));
                var leastUrgentFirst = new ArrayList<>(live);
                leastUrgentFirst.sort(Comparator.<DieAllocation>comparingInt(
                                a -> orders.get(a.buildOrderId()).priority())
                        .reversed()
                        .thenComparing(a -> orders.get(a.buildOrderId()).dueDate(), Comparator.reverseOrder())
                        .thenComparing(DieAllocation::allocatedAt, Comparator.reverseOrder()));
                for (DieAllocation allocation : leastUrgentFirst) {
                    int take = Math.min(excess - withdrawn, allocation.unconsumed());
                    if (take > 0) {
                        allocation.withdraw(take, now);
                        BuildOrder order = orders.get(allocation.buildOrderId());
                        withdrawals.add(new Events.Withdrawal(
                                allocation.id(), order.id(), order.orderNumber(), lotBin.bin(), take));
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
        outbox.publish(
                new Events.LotCorrected(
                        lot.id(), lot.lotNumber(), reason, List.copyOf(changes), List.copyOf(withdrawals)),
                lot.correlationId(),
                null);
        return new Correction(lot, changes, withdrawals);
    }

    public List<LotCorrection> correctionsOf(String lotId) {
        lot(lotId);
        return em.createNamedQuery(LotCorrection.OF_LOT, LotCorrection.class)
                .setParameter("lotId", lotId)
                .getResultList();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
