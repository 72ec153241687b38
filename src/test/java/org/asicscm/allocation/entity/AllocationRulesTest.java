package org.asicscm.allocation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationRulesTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneOffset.UTC);
    private final ChipModel bm1398 = new ChipModel(
            "BM1398",
            "7nm",
            null,
            List.of(
                    new Bin("B1", 1, 650, 1280, new BigDecimal("29.5")),
                    new Bin("B2", 2, 600, 1320, new BigDecimal("32.0")),
                    new Bin("B3", 3, 550, 1360, new BigDecimal("34.5"))));
    private final Product s9 = new Product("S9-13.5", "S9 13.5 TH/s", bm1398, 63, 3, "B2", List.of("B1"));

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
        assertThrows(
                IllegalArgumentException.class,
                () -> new WaferLot("L", bm1398, 0, java.util.Map.of("B1", 1), NOW, "c"));
        assertThrows(IllegalArgumentException.class, () -> new WaferLot("L", bm1398, 25, java.util.Map.of(), NOW, "c"));
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
        var s19 = new Product("S19PRO-110", "S19 Pro 110 TH/s", bm1398, 114, 3, "B3", List.of());
        var order = new BuildOrder("BO-1", s19, 200, LocalDate.of(2027, 1, 31), 5, null, "c-1", NOW);
        assertEquals(200 * 3 * 114, order.diesRequired());
        assertThrows(
                IllegalArgumentException.class,
                () -> new BuildOrder("BO-1", s19, 1, LocalDate.of(2027, 1, 31), 10, null, "c-1", NOW));
    }

    @Test
    void releasingAnAllocationReturnsOnlyTheUnconsumedDies() {
        var order = order("BO-2");
        LotBin bin = lot(1000, 0).bin("B1").orElseThrow();
        bin.allocate(189);
        var allocation = new DieAllocation(order, bin, 189, NOW, null);
        allocation.consume(63);
        assertEquals(126, allocation.release(NOW));
        assertEquals(63, allocation.diesHeld());
        assertThrows(IllegalStateException.class, () -> allocation.release(NOW));
    }

    @Test
    void moreDiesCannotBeConsumedThanAllocated() {
        var order = order("BO-3");
        var allocation = new DieAllocation(order, lot(1000, 0).bin("B1").orElseThrow(), 100, NOW, null);
        allocation.consume(63);
        assertThrows(IllegalStateException.class, () -> allocation.consume(63));
        assertEquals(63, allocation.diesConsumed());
    }

    private BuildOrder order(String number) {
        return new BuildOrder(number, s9, 1, LocalDate.of(2027, 1, 31), 5, null, "c", NOW);
    }

    @Test
    void aProductAcceptsItsMinimumBinAndBetterSubstitutesLeastFirst() {
        var product = new Product("S19", "S19", bm1398, 76, 3, "B3", List.of("B1", "B2"));
        assertEquals(
                List.of("B3", "B2", "B1"),
                product.acceptableBins(bm1398).stream().map(Bin::name).toList());
        assertEquals(
                List.of("B2", "B1"),
                s9.acceptableBins(bm1398).stream().map(Bin::name).toList());
        var worse = assertThrows(
                IllegalArgumentException.class, () -> new Product("X", "X", bm1398, 76, 3, "B2", List.of("B3")));
        assertEquals("substitute B3 is not better than B2", worse.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Product("X", "X", bm1398, 76, 3, "B9", List.of()));
    }

    @Test
    void binNamesAndRanksAreDistinct() {
        var bin = new Bin("B1", 1, 650, 1280, BigDecimal.TEN);
        assertThrows(
                IllegalArgumentException.class,
                () -> new ChipModel("X", "5nm", null, List.of(bin, new Bin("B2", 1, 600, 1300, BigDecimal.TEN))));
        assertThrows(IllegalArgumentException.class, () -> new ChipModel("X", "5nm", null, List.of()));
    }

    @Test
    void aReservationExpiresOnlyAfterItsTimeAndNotOnceConfirmed() {
        LotBin bin = lot(1000, 0).bin("B1").orElseThrow();
        var reservation = new DieAllocation(order("BO-4"), bin, 189, NOW, NOW.plusHours(48));
        assertEquals(DieAllocation.Status.RESERVED, reservation.status());
        assertThrows(IllegalStateException.class, () -> reservation.expire(NOW.plusHours(47)));
        assertEquals(189, reservation.expire(NOW.plusHours(49)));
        assertEquals(DieAllocation.Status.EXPIRED, reservation.status());
        assertEquals(0, reservation.diesHeld());

        var confirmed = new DieAllocation(order("BO-5"), bin, 63, NOW, NOW.plusHours(1));
        confirmed.confirm();
        assertEquals(DieAllocation.Status.ACTIVE, confirmed.status());
        assertThrows(IllegalStateException.class, () -> confirmed.expire(NOW.plusHours(2)));
        assertThrows(IllegalStateException.class, confirmed::confirm);
    }

    @Test
    void withdrawingTakesOnlyUnconsumedDiesAndAllOfThemEndsTheAllocation() {
        LotBin bin = lot(1000, 0).bin("B1").orElseThrow();
        var partlyUsed = new DieAllocation(order("BO-6"), bin, 189, NOW, null);
        partlyUsed.consume(63);
        assertThrows(IllegalStateException.class, () -> partlyUsed.withdraw(127, NOW));
        partlyUsed.withdraw(100, NOW);
        assertEquals(89, partlyUsed.dies());
        assertEquals(26, partlyUsed.unconsumed());

        var unused = new DieAllocation(order("BO-7"), bin, 100, NOW, null);
        unused.withdraw(100, NOW);
        assertEquals(DieAllocation.Status.RELEASED, unused.status());
        assertEquals(0, unused.diesHeld());
    }

    @Test
    void aCorrectionCannotLeaveAllocationsAboveStock() {
        LotBin bin = lot(1000, 0).bin("B1").orElseThrow();
        bin.allocate(800);
        assertThrows(IllegalStateException.class, () -> bin.correct(799));
        bin.giveBack(300);
        bin.correct(500);
        assertEquals(0, bin.available());
    }

    @Test
    void theScrapAllowanceIsRoundedUpToWholeBoards() {
        assertEquals(new BigDecimal("2.00"), s9.scrapAllowancePercent(), "the default");
        assertEquals(1, s9.scrapAllowanceBoards(3), "2 % of 3 boards is a board, not none");
        assertEquals(2, s9.scrapAllowanceBoards(100));
        assertEquals(3, s9.scrapAllowanceBoards(101));
        s9.allowScrap(BigDecimal.ZERO);
        assertEquals(0, s9.scrapAllowanceBoards(300));
        assertThrows(IllegalArgumentException.class, () -> s9.allowScrap(new BigDecimal("50.01")));
        assertThrows(IllegalArgumentException.class, () -> s9.allowScrap(new BigDecimal("-0.01")));
    }

    @Test
    void scrappedBoardsEntitleTheOrderToReplacementDiesUpToTheAllowance() {
        var order = new BuildOrder("BO-9", s9, 10, LocalDate.of(2027, 1, 31), 5, null, "c-9", NOW);
        assertEquals(30, order.boardsOrdered());
        assertEquals(1890, order.diesEntitled(1));
        order.boardScrapped();
        assertEquals(1890 + 63, order.diesEntitled(1));
        order.boardScrapped();
        assertEquals(1890 + 63, order.diesEntitled(1), "the second scrap is beyond an allowance of one board");
        assertEquals(1890 + 126, order.diesEntitled(5));
    }
}
