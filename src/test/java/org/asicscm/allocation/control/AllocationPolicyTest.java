package org.asicscm.allocation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.asicscm.allocation.control.AllocationPolicy.Candidate;
import org.junit.jupiter.api.Test;

/**
 * Stock for a product whose minimum bin is B3 (rank 3) with B2 (rank 2) as substitute. Lots
 * L-A and L-C arrived at the same moment, L-B four days later.
 */
class AllocationPolicyTest {
    private static final OffsetDateTime NOV_1 = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime NOV_5 = NOV_1.plusDays(4);

    // deliberately not in any useful order: the policy must sort, not the caller
    private static final List<Candidate> STOCK = List.of(
            new Candidate("b-b2", "lot-b", "L-B", NOV_5, "B2", 2, 200),
            new Candidate("c-b3", "lot-c", "L-C", NOV_1, "B3", 3, 400),
            new Candidate("a-b2", "lot-a", "L-A", NOV_1, "B2", 2, 500),
            new Candidate("a-b3", "lot-a", "L-A", NOV_1, "B3", 3, 1000));

    private static List<String> picks(AllocationPolicy.Plan plan) {
        return plan.picks().stream()
                .map(p -> p.from().lotBinId() + "=" + p.dies())
                .toList();
    }

    @Test
    void oldestLotFirstSpendsTheOldestLotWholeLeastBinFirstAndBreaksDateTiesByLotNumber() {
        var plan = AllocationPolicy.OLDEST_LOT_FIRST.plan(1700, STOCK);
        assertEquals(List.of("a-b3=1000", "a-b2=500", "c-b3=200"), picks(plan));
        assertEquals(1700, plan.allocated());
        assertEquals(0, plan.shortBy());
    }

    @Test
    void bestFitSpendsTheLeastAcceptableBinEverywhereBeforeTouchingTheSubstitute() {
        var plan = AllocationPolicy.BEST_FIT.plan(1700, STOCK);
        assertEquals(List.of("a-b3=1000", "c-b3=400", "a-b2=300"), picks(plan));
        assertEquals(0, plan.shortBy());
    }

    @Test
    void aRequestTheStockCannotCoverTakesEverythingAndSaysWhatIsShort() {
        var plan = AllocationPolicy.BEST_FIT.plan(2500, STOCK);
        assertEquals(List.of("a-b3=1000", "c-b3=400", "a-b2=500", "b-b2=200"), picks(plan));
        assertEquals(2100, plan.allocated());
        assertEquals(400, plan.shortBy());

        var nothing = AllocationPolicy.OLDEST_LOT_FIRST.plan(10, List.of());
        assertEquals(List.of(), nothing.picks());
        assertEquals(10, nothing.shortBy());
    }

    @Test
    void theSameStockGivesTheSamePicksWhateverOrderItArrivesIn() {
        var reversed = new java.util.ArrayList<>(STOCK);
        java.util.Collections.reverse(reversed);
        for (AllocationPolicy policy : AllocationPolicy.values()) {
            assertEquals(picks(policy.plan(1234, STOCK)), picks(policy.plan(1234, reversed)), policy.name());
        }
    }

    @Test
    void eachPickSaysWhy() {
        var plan = AllocationPolicy.BEST_FIT.plan(100, STOCK);
        assertEquals(
                "least acceptable bin first: lot L-A received 2026-11-01, bin B3 (rank 3), 100 of 1000 free dies",
                plan.picks().get(0).why());
        assertTrue(AllocationPolicy.OLDEST_LOT_FIRST
                .plan(100, STOCK)
                .picks()
                .get(0)
                .why()
                .startsWith("oldest lot first"));
        assertThrows(IllegalArgumentException.class, () -> AllocationPolicy.BEST_FIT.plan(0, STOCK));
    }
}
