package org.asicscm.assembly.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asicscm.assembly.control.CapacityPlan.Job;
import org.asicscm.assembly.control.CapacityPlan.Line;
import org.asicscm.assembly.control.CapacityPlan.Outcome;
import org.asicscm.assembly.control.CapacityPlan.Shortage;
import org.asicscm.materials.control.PartsAvailability;
import org.junit.jupiter.api.Test;

/**
 * The plan with parts: line L1 is at factory F1, line L2 at F2, each one shift of 100 boards.
 * A board takes one PCB and a third of a PSU (one PSU per three-board machine). Central parts
 * reach a factory a day after they reach the warehouse.
 */
class MaterialPlanTest {
    private static final LocalDate JAN_1 = LocalDate.of(2027, 1, 1);
    private static final Line L1 = new Line("l1", "L1", 1, 100, Map.of(), Set.of(), "F1");
    private static final Line L2 = new Line("l2", "L2", 1, 100, Map.of(), Set.of(), "F2");
    private static final Map<String, Double> BOARD = Map.of("PCB", 1.0, "PSU", 1.0 / 3);

    private static Job job(String id, int boards, int dueInDays, int priority) {
        return new Job(id, "BO-" + id, "S19", boards, JAN_1.plusDays(dueInDays), priority, BOARD);
    }

    private static List<String> slots(Outcome outcome) {
        return outcome.slots().stream()
                .map(s -> s.lineId() + " " + s.day().getDayOfMonth() + "=" + s.boards())
                .toList();
    }

    @Test
    void anOrderWaitsForItsPartsAndTheShortageNamesItemQuantityAndDay() {
        var parts = new PartsAvailability(JAN_1, 30, 1);
        parts.atFactory("F1", "PCB", JAN_1, 300);
        parts.atFactory("F1", "PSU", JAN_1, 30); // 90 boards' worth
        parts.atCentral("PSU", JAN_1.plusDays(4), 70); // on a purchase order, at F1 on the 6th
        var plan = new CapacityPlan(List.of(L1), JAN_1, 30, parts);

        Outcome outcome = plan.place(job("a", 300, 3, 1), null);

        assertEquals(List.of("l1 1=90", "l1 6=100", "l1 7=100", "l1 8=10"), slots(outcome));
        assertEquals(JAN_1.plusDays(7), outcome.plannedEnd());
        assertEquals(4, outcome.daysLate());
        // the 70 PSUs on order were missing at once on the 5th, and first held the order back on the 1st
        assertEquals(List.of(new Shortage("PSU", "F1", 70, JAN_1)), outcome.shortages());
    }

    @Test
    void anOrderIsBuiltOnlyWhereItsPartsAre() {
        var parts = new PartsAvailability(JAN_1, 30, 1);
        parts.atFactory("F2", "PCB", JAN_1, 200);
        parts.atFactory("F2", "PSU", JAN_1, 67);
        var plan = new CapacityPlan(List.of(L1, L2), JAN_1, 30, parts);

        Outcome outcome = plan.place(job("a", 200, 5, 1), null);

        assertEquals(List.of("l2 1=100", "l2 2=100"), slots(outcome));
        assertEquals(0, outcome.unplacedBoards());
        // F1 had the room and none of the parts, but the order did not wait for it: nothing is short
        assertEquals(List.of(), outcome.shortages());
    }

    @Test
    void anOrderBuiltNowhereIsShortWhereTheFewestPartsAreMissing() {
        var parts = new PartsAvailability(JAN_1, 3, 1);
        parts.atFactory("F2", "PCB", JAN_1, 200);
        var plan = new CapacityPlan(List.of(L1, L2), JAN_1, 3, parts);

        Outcome outcome = plan.place(job("a", 150, 1, 1), null);

        assertEquals(150, outcome.unplacedBoards());
        // F1 lacks 150 PCBs and 50 PSUs, F2 only the 50 PSUs
        assertEquals(List.of(new Shortage("PSU", "F2", 50, JAN_1)), outcome.shortages());
    }

    @Test
    void partsPromisedToAnUrgentOrderAreNotPromisedAgainToALaterOne() {
        var parts = new PartsAvailability(JAN_1, 30, 0);
        parts.atFactory("F1", "PCB", JAN_1, 1000);
        parts.atFactory("F1", "PSU", JAN_1, 50); // 150 boards
        var plan = new CapacityPlan(List.of(L1), JAN_1, 30, parts);

        var outcomes = plan.placeAll(List.of(job("late", 150, 20, 9), job("urgent", 120, 2, 1)));

        assertEquals(List.of("l1 1=100", "l1 2=20"), slots(outcomes.get(0)));
        assertEquals("BO-late", outcomes.get(1).job().orderNumber());
        // 30 boards' PSUs are left: the rest of the less urgent order has none, within the horizon
        assertEquals(List.of("l1 2=30"), slots(outcomes.get(1)));
        assertEquals(120, outcomes.get(1).unplacedBoards());
        assertEquals(
                List.of(new Shortage("PSU", "F1", 40, JAN_1.plusDays(1))),
                outcomes.get(1).shortages());
    }

    @Test
    void anOrderWithoutABillOfMaterialsIsLimitedByCapacityAlone() {
        var plan = new CapacityPlan(List.of(L1), JAN_1, 30, new PartsAvailability(JAN_1, 30, 1));

        Outcome outcome = plan.place(new Job("a", "BO-a", "S19", 150, JAN_1.plusDays(5), 1), null);

        assertEquals(List.of("l1 1=100", "l1 2=50"), slots(outcome));
        assertEquals(List.of(), outcome.shortages());
    }

    @Test
    void partsPromisedForALaterDayCannotBeTakenEarlier() {
        var parts = new PartsAvailability(JAN_1, 10, 1);
        parts.atFactory("F1", "PCB", JAN_1, 100);
        parts.atCentral("PCB", JAN_1.plusDays(2), 50); // at the factories from the 4th

        parts.take(Map.of("PCB", 1.0), "F1", JAN_1.plusDays(5), 100);

        // the factory's own 100 are promised for the 6th: on the 1st nothing is free
        assertEquals(0, parts.boardsPossible(Map.of("PCB", 1.0), "F1", JAN_1));
        assertEquals(50, parts.boardsPossible(Map.of("PCB", 1.0), "F1", JAN_1.plusDays(3)));
        assertEquals(0.0, parts.available("PCB", "F2", JAN_1.plusDays(2)), 1e-9);
        assertEquals(50.0, parts.available("PCB", "F2", JAN_1.plusDays(3)), 1e-9);
        // a copy promises on its own
        var whatIf = parts.copy();
        whatIf.take(Map.of("PCB", 1.0), "F2", JAN_1.plusDays(3), 50);
        assertEquals(0, whatIf.boardsPossible(Map.of("PCB", 1.0), "F1", JAN_1.plusDays(3)));
        assertEquals(50, parts.boardsPossible(Map.of("PCB", 1.0), "F1", JAN_1.plusDays(3)));
    }
}
