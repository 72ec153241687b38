package org.asicscm.assembly.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.asicscm.assembly.control.CapacityPlan.Job;
import org.asicscm.assembly.control.CapacityPlan.Line;
import org.asicscm.assembly.control.CapacityPlan.Outcome;
import org.asicscm.assembly.control.CapacityPlan.Slot;
import org.junit.jupiter.api.Test;

/**
 * Line A works two shifts of 100 boards of anything and is closed on 2 January; line B works
 * one shift and builds only S21, 50 boards a shift.
 */
class CapacityPlanTest {
    private static final LocalDate JAN_1 = LocalDate.of(2027, 1, 1);
    private static final Line A = new Line("a", "A", 2, 100, Map.of(), Set.of(JAN_1.plusDays(1)));
    private static final Line B = new Line("b", "B", 1, 999, Map.of("S21", 50), Set.of());

    private static List<String> slots(Outcome outcome) {
        return outcome.slots().stream()
                .map(s -> s.lineId() + " " + s.day().getDayOfMonth() + "/" + s.shift() + "=" + s.boards())
                .toList();
    }

    @Test
    void urgentOrdersGoFirstClosedDaysAreSkippedAndLatenessIsCounted() {
        var plan = new CapacityPlan(List.of(A, B), JAN_1, 30);
        var outcomes = plan.placeAll(List.of(
                new Job("o2", "BO-2", "S21", 120, JAN_1.plusDays(9), 5),
                new Job("o1", "BO-1", "S19", 450, JAN_1.plusDays(1), 1)));

        Outcome first = outcomes.get(0);
        assertEquals("BO-1", first.job().orderNumber());
        // line B does not build S19; line A is closed on the 2nd
        assertEquals(List.of("a 1/1=100", "a 1/2=100", "a 3/1=100", "a 3/2=100", "a 4/1=50"), slots(first));
        assertEquals(JAN_1.plusDays(3), first.plannedEnd());
        assertEquals(2, first.daysLate());
        assertTrue(first.late());

        Outcome second = outcomes.get(1);
        // line A's shifts are full on the 1st and 3rd and closed on the 2nd; half of its 4th-day shift 1 is free
        assertEquals(List.of("b 1/1=50", "b 2/1=50", "b 3/1=20"), slots(second));
        assertEquals(0, second.daysLate());
        assertFalse(second.late());
    }

    @Test
    void ordersShareAShiftByTheirShareOfItsCapacityPerProduct() {
        var line = new Line("c", "C", 1, 0, Map.of("S19", 240, "S21", 200), Set.of());
        var plan = new CapacityPlan(List.of(line), JAN_1, 10);
        plan.occupy(new Slot("x", "c", JAN_1, 1, 120), "S19"); // half the shift
        var outcome = plan.place(new Job("o", "BO", "S21", 150, JAN_1.plusDays(5), 5), Set.of("c"));
        // half a shift of S21 is 100 boards; the rest goes to the next day
        assertEquals(List.of("c 1/1=100", "c 2/1=50"), slots(outcome));
        assertEquals(1.0, plan.shareUsed("c", JAN_1, 1), 1e-9);
    }

    @Test
    void aJobKeptToSomeLinesWaitsForThemRatherThanUseOthers() {
        var plan = new CapacityPlan(List.of(A, B), JAN_1, 10);
        var outcome = plan.place(new Job("o", "BO", "S21", 120, JAN_1.plusDays(5), 5), Set.of("b"));
        assertEquals(List.of("b 1/1=50", "b 2/1=50", "b 3/1=20"), slots(outcome));
    }

    @Test
    void equalPriorityAndDueDateAreBrokenByOrderNumber() {
        var plan = new CapacityPlan(List.of(A), JAN_1, 10);
        var outcomes = plan.placeAll(List.of(
                new Job("z", "BO-Z", "S19", 100, JAN_1.plusDays(5), 3),
                new Job("y", "BO-Y", "S19", 100, JAN_1.plusDays(5), 3)));
        assertEquals("BO-Y", outcomes.get(0).job().orderNumber());
        assertEquals(List.of("a 1/1=100"), slots(outcomes.get(0)));
        assertEquals(List.of("a 1/2=100"), slots(outcomes.get(1)));
    }

    @Test
    void whatDoesNotFitTheHorizonIsReportedUnplacedAndLate() {
        var plan = new CapacityPlan(List.of(B), JAN_1, 3);
        var outcome = plan.place(new Job("o", "BO", "S21", 200, JAN_1.plusDays(10), 5), null);
        assertEquals(150, outcome.placedBoards());
        assertEquals(50, outcome.unplacedBoards());
        assertTrue(outcome.late());
        var nothing = plan.place(new Job("p", "BP", "S19", 10, JAN_1, 5), null);
        assertNull(nothing.plannedEnd());
        assertEquals(10, nothing.unplacedBoards());
    }

    @Test
    void noShiftIsEverFilledBeyondItsCapacity() {
        var random = new Random(42);
        var lines = new ArrayList<Line>();
        for (int i = 0; i < 6; i++) {
            lines.add(new Line(
                    "l" + i,
                    "L" + i,
                    1 + i % 3,
                    0,
                    Map.of("S19", 80 + 20 * i, "S21", 60 + 10 * i),
                    Set.of(JAN_1.plusDays(i), JAN_1.plusDays(i + 7))));
        }
        var plan = new CapacityPlan(lines, JAN_1, 40);
        var jobs = new ArrayList<Job>();
        for (int i = 0; i < 80; i++) {
            jobs.add(new Job(
                    "o" + i,
                    "BO-" + i,
                    random.nextBoolean() ? "S19" : "S21",
                    1 + random.nextInt(900),
                    JAN_1.plusDays(random.nextInt(40)),
                    1 + random.nextInt(9)));
        }
        var perShift = new HashMap<String, Double>();
        for (Outcome outcome : plan.placeAll(jobs)) {
            assertEquals(
                    outcome.job().boards(),
                    outcome.slots().stream().mapToInt(Slot::boards).sum() + outcome.unplacedBoards());
            for (Slot slot : outcome.slots()) {
                Line line = lines.stream()
                        .filter(l -> l.id().equals(slot.lineId()))
                        .findFirst()
                        .orElseThrow();
                assertTrue(slot.shift() <= line.shiftsPerDay());
                assertFalse(line.closedDays().contains(slot.day()));
                perShift.merge(
                        slot.lineId() + slot.day() + slot.shift(),
                        (double) slot.boards()
                                / line.boardsPerShift(outcome.job().product()),
                        Double::sum);
            }
        }
        perShift.values().forEach(share -> assertTrue(share <= 1.0 + 1e-9, "share " + share));
    }
}
