package org.asicscm.assembly.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsignmentCountTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final Factory SHAJING =
            new Factory("SJ1", "Shajing Board Assembly", Factory.Location.baoan(SubDistrict.SHAJING));

    @Test
    void aCountWithinToleranceOfTheConsignedDiesPasses() {
        // 100,000 consigned, 60,000 in boards, 1,500 scrapped: 38,500 should be there; 0.5% is 500 dies
        var count = new ConsignmentCount(SHAJING, "BM1398", 38_100, 100_000, 60_000, 1_500, 0.5, T0);
        assertEquals(38_500, count.diesExpected());
        assertEquals(-400, count.difference());
        assertEquals(500, count.toleranceDies());
        assertFalse(count.flagged());
    }

    @Test
    void aDifferenceBeyondToleranceIsFlaggedEitherWay() {
        assertTrue(new ConsignmentCount(SHAJING, "BM1398", 37_999, 100_000, 60_000, 1_500, 0.5, T0).flagged());
        assertTrue(new ConsignmentCount(SHAJING, "BM1398", 39_001, 100_000, 60_000, 1_500, 0.5, T0).flagged());
        // at the edge: exactly the tolerance is still accepted
        assertFalse(new ConsignmentCount(SHAJING, "BM1398", 38_000, 100_000, 60_000, 1_500, 0.5, T0).flagged());
        var zeroTolerance = new ConsignmentCount(SHAJING, "BM1398", 38_499, 100_000, 60_000, 1_500, 0, T0);
        assertTrue(zeroTolerance.flagged());
        assertThrows(
                IllegalArgumentException.class, () -> new ConsignmentCount(SHAJING, "BM1398", -1, 100, 0, 0, 0.5, T0));
    }
}
