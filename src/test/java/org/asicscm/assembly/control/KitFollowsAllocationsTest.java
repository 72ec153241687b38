package org.asicscm.assembly.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.asicscm.allocation.control.AllocationWiring;
import org.asicscm.allocation.entity.Bin;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Stage;
import org.asicscm.testing.ControlDatabase;
import org.asicscm.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The kit on the floor follows what allocation publishes: the events the allocation stage wrote
 * (to the same database, as in one deployment) are handed to assembly's reactions one by one,
 * in the order the relay would send them, with the clock moved in between instead of waiting.
 */
class KitFollowsAllocationsTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final ControlDatabase db = new ControlDatabase();
    private final AllocationWiring allocation = new AllocationWiring(db, clock);
    private final Kitting kitting = new Kitting();
    private int handedOver;

    KitFollowsAllocationsTest() {
        var kits = new KitRegistry();
        kits.em = db.em();
        kitting.em = db.em();
        kitting.kits = kits;
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aLapsedReservationsDiesLeaveTheKitAndAConfirmedOnesStay() {
        String[] ids = db.inTransaction(() -> {
            allocation.catalogue.registerChipModel(
                    "BM1370", "5nm", null, List.of(new Bin("B1", 1, 525, 1280, new BigDecimal("15.5"))));
            allocation.catalogue.registerProduct(
                    "S21", "Antminer S21", "BM1370", 100, 3, "B1", List.of(), new BigDecimal("2"));
            String lot = allocation
                    .lots
                    .receiveLot("N5-0002", "BM1370", 25, Map.of("B1", 1000), "c-lot")
                    .id();
            String order = allocation
                    .orders
                    .createBuildOrder("BO-2", "S21", 2, LocalDate.of(2026, 12, 15), 5, null, "c-order")
                    .id();
            return new String[] {lot, order};
        });
        String lot = ids[0];
        String order = ids[1];
        db.inTransaction(() -> allocation.allocator.allocate(order, lot, "B1", 300, Duration.ofHours(2)));
        String kept = db.inTransaction(() -> allocation
                .allocator
                .allocate(order, lot, "B1", 200, Duration.ofHours(2))
                .id());
        db.inTransaction(() -> allocation.allocator.confirm(order, kept));
        deliverToAssembly();
        assertEquals(500, db.fresh(() -> kitting.kit(order).diesAvailable()));

        clock.advance(Duration.ofHours(3));
        allocation.sweeper.sweep();
        deliverToAssembly();
        assertEquals(
                200, db.fresh(() -> kitting.kit(order).diesAvailable()), "only the confirmed 200 dies stay in the kit");
        assertEquals(Map.of("B1", 200), db.fresh(() -> kitting.kit(order).diesAvailableByBin()));
    }

    /** What assembly consumes of the events published since the last call, each in its own transaction. */
    private void deliverToAssembly() {
        var due = List.copyOf(allocation.published.subList(handedOver, allocation.published.size()));
        handedOver = allocation.published.size();
        for (EventEnvelope event : due) {
            db.inTransaction(() -> {
                switch (event.type()) {
                    case BUILD_ORDER_CREATED -> kitting.buildOrderCreated(event);
                    case DIES_ALLOCATED -> kitting.diesAllocated(event);
                    case ALLOCATION_RELEASED, ALLOCATION_EXPIRED -> kitting.allocationEnded(event);
                    // the rest of what this test publishes (LotReceived, AllocationConfirmed) is not assembly's
                    default ->
                        assertFalse(
                                event.type().consumers().contains(Stage.ASSEMBLY),
                                "the test forgot to hand over " + event.type());
                }
            });
        }
    }
}
