package org.asicscm.allocation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.asicscm.allocation.entity.Bin;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.testing.ControlDatabase;
import org.asicscm.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A board QA scraps lets its order draw one board's dies more, up to the product's scrap
 * allowance; a machine scrapped whole does not (its boards may be salvaged).
 */
class ScrapAllowanceTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final ControlDatabase db = new ControlDatabase();
    private final AllocationWiring stage = new AllocationWiring(db, clock);
    private String lot;
    private String order;

    @BeforeEach
    void anOrderWithAllItsDies() {
        db.inTransaction(() -> {
            stage.catalogue.registerChipModel(
                    "BM1370", "5nm", null, List.of(new Bin("B1", 1, 525, 1280, new BigDecimal("15.5"))));
            // 2 machines of 3 boards of 100 chips: 600 dies; 2 % of 6 boards rounds up to one board
            stage.catalogue.registerProduct(
                    "S21", "Antminer S21", "BM1370", 100, 3, "B1", List.of(), new BigDecimal("2"));
            lot = stage.lots
                    .receiveLot("N5-0009", "BM1370", 25, Map.of("B1", 2000), "c-lot")
                    .id();
            order = stage.orders
                    .createBuildOrder("BO-9", "S21", 2, LocalDate.of(2026, 12, 15), 5, null, "c-order")
                    .id();
        });
        db.inTransaction(() -> stage.allocator.allocate(order, lot, "B1", 600, null));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aScrappedBoardAllowsOneReplacementWithinTheAllowanceAndNoMore() {
        assertEquals("exceeds-order-need", refusal(100).code(), "the order holds all it needs");

        scrapped(Events.UnitKind.MACHINE, "M-1");
        assertEquals("exceeds-order-need", refusal(100).code(), "a machine scrapped whole frees no board's dies");

        scrapped(Events.UnitKind.BOARD, "HB-1");
        db.inTransaction(() -> stage.allocator.allocate(order, lot, "B1", 100, null));

        scrapped(Events.UnitKind.BOARD, "HB-2");
        var beyond = refusal(100);
        assertEquals("exceeds-order-need", beyond.code());
        assertEquals(2, beyond.details().get("boardsScrapped"), beyond.details().toString());
        assertEquals(
                1,
                beyond.details().get("scrapAllowanceBoards"),
                beyond.details().toString());
    }

    private RuleViolationException refusal(int dies) {
        return assertThrows(
                RuleViolationException.class,
                () -> db.inTransaction(() -> stage.allocator.allocate(order, lot, "B1", dies, null)));
    }

    private void scrapped(Events.UnitKind kind, String serial) {
        var event = EventEnvelope.create(new Events.UnitScrapped(serial, kind, order, "burnt"), "c-order", null, clock);
        db.inTransaction(() -> stage.orders.unitScrapped(event));
    }
}
