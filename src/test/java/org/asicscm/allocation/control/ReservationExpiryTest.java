package org.asicscm.allocation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import org.asicscm.allocation.entity.Bin;
import org.asicscm.allocation.entity.DieAllocation;
import org.asicscm.allocation.entity.LotBin;
import org.asicscm.events.Events;
import org.asicscm.testing.ControlDatabase;
import org.asicscm.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reservation lapses when the clock passes its expiry and the sweeper next runs; nothing waits
 * on wall time: the test moves the clock and calls the sweeper's method itself.
 */
class ReservationExpiryTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T02:00:00Z"));
    private ControlDatabase db;
    private AllocationWiring stage;
    private String lot;
    private String order;

    @BeforeEach
    void aLotAndAnOrder() {
        db = new ControlDatabase();
        stage = new AllocationWiring(db, clock);
        db.inTransaction(() -> {
            stage.catalogue.registerChipModel(
                    "BM1370",
                    "5nm",
                    null,
                    List.of(
                            new Bin("B1", 1, 525, 1280, new BigDecimal("15.5")),
                            new Bin("B2", 2, 490, 1300, new BigDecimal("16.2"))));
            stage.catalogue.registerProduct(
                    "S21", "Antminer S21", "BM1370", 100, 3, "B1", List.of(), new BigDecimal("2"));
            var bins = new LinkedHashMap<String, Integer>();
            bins.put("B1", 1000);
            lot = stage.lots
                    .receiveLot("N5-0001", "BM1370", 25, bins, "corr-lot")
                    .id();
            order = stage.orders
                    .createBuildOrder("BO-1", "S21", 2, LocalDate.of(2026, 12, 15), 5, null, "corr-order")
                    .id();
        });
        stage.published.clear();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anUnconfirmedReservationLapsesOnlyOnceItsTimeHasPassed() {
        String lapsing = db.inTransaction(() -> stage.allocator
                .allocate(order, lot, "B1", 300, Duration.ofHours(2))
                .id());
        String kept = db.inTransaction(() -> stage.allocator
                .allocate(order, lot, "B1", 200, Duration.ofHours(2))
                .id());
        db.inTransaction(() -> stage.allocator.confirm(order, kept));
        assertEquals(500, available("B1"));

        clock.advance(Duration.ofMinutes(119));
        stage.sweeper.sweep();
        assertEquals(DieAllocation.Status.RESERVED, status(lapsing), "a minute before its expiry it holds");
        assertEquals(500, available("B1"));

        clock.advance(Duration.ofMinutes(2));
        stage.sweeper.sweep();
        assertEquals(DieAllocation.Status.EXPIRED, status(lapsing));
        assertEquals(DieAllocation.Status.ACTIVE, status(kept), "a confirmed allocation never lapses");
        assertEquals(800, available("B1"), "the lapsed reservation's 300 dies are back in the bin");
        var expired = stage.published.stream()
                .map(envelope -> envelope.data())
                .filter(Events.AllocationExpired.class::isInstance)
                .toList();
        assertEquals(1, expired.size(), stage.published.toString());
        assertEquals(300, ((Events.AllocationExpired) expired.get(0)).diesReturned());

        clock.advance(Duration.ofHours(1));
        stage.sweeper.sweep();
        assertEquals(
                1,
                stage.published.stream()
                        .filter(envelope -> envelope.data() instanceof Events.AllocationExpired)
                        .count(),
                "a lapsed reservation lapses once: " + stage.published);
        assertEquals(800, available("B1"));
    }

    @Test
    void aReservationConfirmedBeforeTheSweeperCameIsNotExpiredByIt() {
        String late = db.inTransaction(() -> stage.allocator
                .allocate(order, lot, "B1", 100, Duration.ofMinutes(30))
                .id());
        // the sweeper listed it as overdue, and the planner confirmed it just before the sweeper took it
        clock.advance(Duration.ofMinutes(31));
        List<String> overdue = db.inTransaction(() -> stage.allocator.overdueReservations(10));
        assertEquals(List.of(late), overdue);
        db.inTransaction(() -> stage.allocator.confirm(order, late));
        // expire runs in its own transaction, as the sweeper calls it
        assertFalse(stage.allocator.expire(late), "expire re-reads the allocation under its lock");
        assertEquals(DieAllocation.Status.ACTIVE, status(late));
        assertEquals(900, available("B1"));
        assertTrue(stage.published.stream().noneMatch(envelope -> envelope.data() instanceof Events.AllocationExpired));
    }

    private DieAllocation.Status status(String allocationId) {
        return db.fresh(() -> db.em().find(DieAllocation.class, allocationId).status());
    }

    private int available(String bin) {
        return db.fresh(() -> db.em()
                .createQuery("select b from LotBin b where b.lot.id = :lot and b.bin = :bin", LotBin.class)
                .setParameter("lot", lot)
                .setParameter("bin", bin)
                .getSingleResult()
                .available());
    }
}
