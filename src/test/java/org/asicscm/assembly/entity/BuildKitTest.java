package org.asicscm.assembly.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildKitTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneOffset.UTC);

    private BuildKit s19Kit() {
        return new BuildKit(
                "bo-1", "BO-1", "S19PRO-110", "BM1398", 114, 3, 2, java.time.LocalDate.of(2027, 1, 31), 5, "c-1");
    }

    @Test
    void aBoardIsBuiltFromOneBinNeverTopUpFromAnother() {
        BuildKit kit = s19Kit();
        kit.addAllocation("a-old", "lot-1", "LOT-1", "B1", 100, T0);
        kit.addAllocation("a-new", "lot-2", "LOT-2", "B2", 500, T0.plusHours(1));

        var taken = kit.takeBoard().orElseThrow();

        // the 100 B1 dies cannot fill a board of 114: the whole board comes from B2
        assertEquals(1, taken.size());
        assertEquals("a-new", taken.get(0).line().allocationId());
        assertEquals(114, taken.get(0).dies());
        assertEquals(100, kit.line("a-old").orElseThrow().remaining());
        assertEquals(Map.of("B1", 100, "B2", 386), kit.diesAvailableByBin());
    }

    @Test
    void aBoardSpansLotsOfTheSameBinOldestFirst() {
        BuildKit kit = s19Kit();
        kit.addAllocation("b2-old", "lot-1", "LOT-1", "B2", 100, T0);
        kit.addAllocation("b1", "lot-2", "LOT-2", "B1", 500, T0.plusHours(1));
        kit.addAllocation("b2-new", "lot-3", "LOT-3", "B2", 500, T0.plusHours(2));

        var taken = kit.takeBoard().orElseThrow();

        // B2's oldest allocation is older than B1's, and B2 together covers a board
        assertEquals(
                List.of("b2-old", "b2-new"),
                taken.stream().map(t -> t.line().allocationId()).toList());
        assertEquals(List.of(100, 14), taken.stream().map(BuildKit.Take::dies).toList());
        assertEquals(500, kit.line("b1").orElseThrow().remaining());
    }

    @Test
    void binsThatOnlyTogetherCoverABoardMakeNone() {
        BuildKit kit = s19Kit();
        kit.addAllocation("a", "lot-1", "LOT-1", "B1", 100, T0);
        kit.addAllocation("b", "lot-2", "LOT-2", "B2", 100, T0.plusHours(1));

        assertTrue(kit.takeBoard().isEmpty());
        assertEquals(200, kit.diesAvailable());
        assertEquals(0, kit.boardsBuildable());
        assertEquals(0, kit.boardsCovered());
        assertEquals(Map.of("B1", 100, "B2", 100), kit.diesAvailableByBin());
    }

    @Test
    void boardsAreCountedPerBin() {
        BuildKit kit =
                new BuildKit("bo-2", "BO-2", "S19PRO-110", "BM1398", 114, 3, 10, LocalDate.of(2027, 1, 31), 5, "c-2");
        kit.addAllocation("a", "lot-1", "LOT-1", "B1", 300, T0); // 2 boards, 72 left over
        kit.addAllocation("b", "lot-2", "LOT-2", "B2", 300, T0); // 2 boards, 72 left over
        assertEquals(4, kit.boardsBuildable());
        assertEquals(4, kit.boardsCovered());
        for (int i = 0; i < 4; i++) {
            kit.takeBoard().orElseThrow();
        }
        assertTrue(kit.takeBoard().isEmpty());
        assertEquals(0, kit.boardsBuildable());
    }

    @Test
    void noBoardWhenTheKitCannotCoverAWholeOne() {
        BuildKit kit = s19Kit();
        kit.addAllocation("a", "lot-1", "LOT-1", "B1", 113, T0);
        assertTrue(kit.takeBoard().isEmpty());
        assertEquals(113, kit.diesAvailable());
    }

    @Test
    void theSameAllocationIsAddedOnce() {
        BuildKit kit = s19Kit();
        kit.addAllocation("a", "lot-1", "LOT-1", "B1", 228, T0);
        kit.addAllocation("a", "lot-1", "LOT-1", "B1", 228, T0);
        assertEquals(228, kit.diesAvailable());
        assertEquals(2, kit.boardsCovered());
    }

    @Test
    void releasedDiesLeaveTheKitButConsumedOnesStayCounted() {
        BuildKit kit = s19Kit();
        kit.addAllocation("a", "lot-1", "LOT-1", "B1", 342, T0);
        kit.takeBoard().orElseThrow();
        kit.line("a").orElseThrow().release();
        assertEquals(0, kit.diesAvailable());
        assertEquals(114, kit.diesHeld());
        assertEquals(1, kit.boardsCovered());
    }

    @Test
    void boardsCoveredNeverExceedTheOrder() {
        BuildKit kit = s19Kit();
        kit.addAllocation("a", "lot-1", "LOT-1", "B1", 10_000, T0);
        assertEquals(6, kit.boardsCovered());
    }

    @Test
    void aScheduleSpansTheDaysOfItsShifts() {
        var line = new AssemblyLine(
                new Factory("XX1", "Xixiang 1", Factory.Location.baoan(SubDistrict.XIXIANG)), "L1", 400, 2);
        var schedule = new BuildSchedule(
                "bo-1",
                line,
                List.of(
                        new BuildSchedule.CapacityShare(LocalDate.of(2026, 12, 1), 2, 200),
                        new BuildSchedule.CapacityShare(LocalDate.of(2026, 12, 3), 1, 400)),
                T0);
        assertEquals(600, schedule.boards());
        assertEquals(LocalDate.of(2026, 12, 1), schedule.startDate());
        assertEquals(LocalDate.of(2026, 12, 3), schedule.endDate());
    }

    @Test
    void diesOfALotOnHoldBuildNoBoardUntilReleased() {
        BuildKit kit = s19Kit();
        kit.addAllocation("a", "lot-1", "LOT-1", "B1", 342, T0);
        kit.addAllocation("b", "lot-2", "LOT-2", "B1", 228, T0.plusHours(1));
        assertEquals(5, kit.boardsBuildable());
        assertTrue(kit.holdLot("lot-1", true));
        assertEquals(2, kit.boardsBuildable());
        assertEquals(3, kit.boardsOnHold());
        kit.takeBoard().orElseThrow();
        kit.takeBoard().orElseThrow();
        assertTrue(kit.takeBoard().isEmpty());
        assertEquals(342, kit.line("a").orElseThrow().unconsumed());
        kit.holdLot("lot-1", false);
        assertEquals(3, kit.boardsBuildable());
        assertFalse(kit.holdLot("lot-9", true));
    }

    @Test
    void withdrawnDiesLeaveTheKitButDiesOnBoardsStay() {
        BuildKit kit = s19Kit();
        kit.addAllocation("a", "lot-1", "LOT-1", "B1", 300, T0);
        kit.takeBoard().orElseThrow();
        KitLine line = kit.line("a").orElseThrow();
        assertEquals(186, line.withdraw(500));
        assertEquals(114, line.dies());
        assertEquals(0, kit.diesAvailable());
        kit.addAllocation("b", "lot-1", "LOT-1", "B1", 50, T0);
        assertEquals(50, kit.line("b").orElseThrow().withdraw(50));
        assertTrue(kit.line("b").orElseThrow().released());
    }

    @Test
    void aPlanIsWorthTellingOnlyWhenItsLatenessChanges() {
        BuildKit kit = s19Kit();
        assertFalse(kit.recordPlan(LocalDate.of(2027, 1, 20), 0, 0));
        assertTrue(kit.recordPlan(LocalDate.of(2027, 2, 3), 3, 0));
        assertFalse(kit.recordPlan(LocalDate.of(2027, 2, 3), 3, 0));
        assertTrue(kit.recordPlan(null, 10, 40));
    }

    @Test
    void aScrappedBoardIsBuiltAgainFromReplacementDies() {
        BuildKit kit = s19Kit(); // 2 machines, 6 boards
        kit.addAllocation("a", "lot-1", "LOT-1", "B1", 684, T0);
        for (int i = 0; i < 6; i++) {
            kit.takeBoard().orElseThrow();
        }
        assertEquals(0, kit.boardsBuildable());
        kit.boardScrapped();
        assertEquals(5, kit.boardsCovered(), "the scrapped board's dies cover nothing now");
        assertEquals(0, kit.boardsBuildable(), "no dies left for the replacement yet");
        kit.addAllocation("r", "lot-1", "LOT-1", "B1", 114, T0.plusHours(2));
        assertEquals(6, kit.boardsCovered());
        assertEquals(1, kit.boardsBuildable());
    }
}
