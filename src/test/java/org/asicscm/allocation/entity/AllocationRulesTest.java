package org.asicscm.allocation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class AllocationRulesTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneOffset.UTC);
    private final ChipModel bm1398 = new ChipModel("BM1398", "7nm", null);

    private WaferLot lot(int b1, int b2) {
        var bins = new LinkedHashMap<String, Integer>();
        bins.put("B1", b1);
        bins.put("B2", b2);
        return new WaferLot("LOT-1", bm1398, 25, bins, NOW, "c-1");
    }

    @Test
    void aBinNeverGivesMoreDiesThanItHas() {
        LotBin bin = lot(1000, 500).bin("B1").orElseThrow();
        bin.allocate(600);
        bin.allocate(400);
        assertEquals(0, bin.available());
        var refused = assertThrows(IllegalStateException.class, () -> bin.allocate(1));
        assertEquals("only 0 dies left in B1", refused.getMessage());
        assertEquals(1000, bin.allocatedDies());
    }

    @Test
    void givingBackRestoresAvailabilityButNotBeyondWhatWasAllocated() {
        LotBin bin = lot(1000, 500).bin("B2").orElseThrow();
        bin.allocate(300);
        bin.giveBack(100);
        assertEquals(300, bin.available());
        assertThrows(IllegalArgumentException.class, () -> bin.giveBack(201));
        assertThrows(IllegalArgumentException.class, () -> bin.allocate(0));
    }

    @Test
    void aLotNeedsWafersAndBins() {
        assertThrows(IllegalArgumentException.class,
                () -> new WaferLot("L", bm1398, 0, java.util.Map.of("B1", 1), NOW, "c"));
        assertThrows(IllegalArgumentException.class,
                () -> new WaferLot("L", bm1398, 25, java.util.Map.of(), NOW, "c"));
        assertEquals(1500, lot(1000, 500).goodDies());
    }

    @Test
    void aHoldIsReleasedOnceAndNotTwice() {
        WaferLot lot = lot(100, 100);
        lot.hold();
        assertThrows(IllegalStateException.class, lot::hold);
        lot.release();
        assertThrows(IllegalStateException.class, lot::release);
        assertEquals(false, lot.onHold());
    }

    @Test
    void anOrderNeedsMachinesTimesBoardsTimesChips() {
        var order = new BuildOrder("BO-1", "S19 Pro 110 TH/s", bm1398, 114, 3, 200, LocalDate.of(2027, 1, 31),
                null, "c-1", NOW);
        assertEquals(200 * 3 * 114, order.diesRequired());
    }

    @Test
    void releasingAnAllocationReturnsOnlyTheUnconsumedDies() {
        var order = new BuildOrder("BO-2", "S9", bm1398, 63, 3, 1, LocalDate.of(2027, 1, 31), null, "c", NOW);
        LotBin bin = lot(1000, 0).bin("B1").orElseThrow();
        bin.allocate(189);
        var allocation = new DieAllocation(order, bin, 189, NOW);
        allocation.consume(63);
        assertEquals(126, allocation.release(NOW));
        assertEquals(63, allocation.diesHeld());
        assertThrows(IllegalStateException.class, () -> allocation.release(NOW));
    }

    @Test
    void moreDiesCannotBeConsumedThanAllocated() {
        var order = new BuildOrder("BO-3", "S9", bm1398, 63, 3, 1, LocalDate.of(2027, 1, 31), null, "c", NOW);
        var allocation = new DieAllocation(order, lot(1000, 0).bin("B1").orElseThrow(), 100, NOW);
        allocation.consume(63);
        assertThrows(IllegalStateException.class, () -> allocation.consume(63));
        assertEquals(63, allocation.diesConsumed());
    }
}
