package org.asicscm.assembly.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildKitTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneOffset.UTC);

    private BuildKit s19Kit() {
        return new BuildKit("bo-1", "BO-1", "S19PRO-110", "BM1398", 114, 3, 2, java.time.LocalDate.of(2027, 1, 31), 5, "c-1");
    }

    @Test
    void aBoardTakesItsDiesFromTheOldestAllocationFirstAndSpansLots() {
        BuildKit kit = s19Kit();
        kit.addAllocation("a-old", "lot-1", "LOT-1", "B1", 100, T0);
        kit.addAllocation("a-new", "lot-2", "LOT-2", "B2", 500, T0.plusHours(1));

        var taken = kit.takeBoard().orElseThrow();

        assertEquals(2, taken.size());
        assertEquals("a-old", taken.get(0).line().allocationId());
        assertEquals(100, taken.get(0).dies());
        assertEquals("a-new", taken.get(1).line().allocationId());
        assertEquals(14, taken.get(1).dies());
        assertEquals(486, kit.diesAvailable());
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
        var line = new AssemblyLine(new Factory("XX1", "Xixiang 1", SubDistrict.XIXIANG), "L1", 400, 2);
        var schedule = new BuildSchedule("bo-1", line, List.of(
                new BuildSchedule.CapacityShare(LocalDate.of(2026, 12, 1), 2, 200),
                new BuildSchedule.CapacityShare(LocalDate.of(2026, 12, 3), 1, 400)), T0);
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
}
