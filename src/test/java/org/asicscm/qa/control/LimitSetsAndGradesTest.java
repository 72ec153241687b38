package org.asicscm.qa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.asicscm.allocation.entity.Bin;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.qa.entity.Limits;
import org.asicscm.testing.ControlDatabase;
import org.asicscm.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Limit sets that make no sense are refused naming the field; versions count up; grades fall in their bands. */
class LimitSetsAndGradesTest {
    private final ControlDatabase db = new ControlDatabase();
    private final QaWiring w = new QaWiring(db, new MovableClock(Instant.parse("2026-11-27T02:00:00Z")));

    @AfterEach
    void close() {
        db.close();
    }

    private static Limits limits(int minChips, String minTemp, String maxTemp) {
        return new Limits(
                minChips,
                new BigDecimal("33000"),
                new BigDecimal("100"),
                new BigDecimal("30"),
                new BigDecimal(minTemp),
                new BigDecimal(maxTemp));
    }

    @Test
    void aLimitSetIsCheckedAgainstTheProductAndVersioned() {
        db.inTransaction(() -> {
            w.allocation.catalogue.registerChipModel(
                    "BM1398", "7nm", null, List.of(new Bin("B1", 1, 600, 1300, new BigDecimal("29.5"))));
            w.allocation.catalogue.registerProduct(
                    "S19P", "Antminer S19 Pro", "BM1398", 114, 3, "B1", List.of(), new BigDecimal("2"));
        });
        var tooMany = assertThrows(
                InvalidInputException.class,
                () -> db.inTransaction(() -> w.limits.define("S19P", limits(115, "0", "85"), "qa")));
        assertEquals("minChipsPerChain", tooMany.field());
        var upsideDown = assertThrows(
                InvalidInputException.class,
                () -> db.inTransaction(() -> w.limits.define("S19P", limits(110, "85", "85"), "qa")));
        assertEquals("minTempC", upsideDown.field());
        var unknown = assertThrows(
                InvalidInputException.class,
                () -> db.inTransaction(() -> w.limits.define("S99", limits(110, "0", "85"), "qa")));
        assertEquals("product", unknown.field());
        assertEquals(List.of(), db.fresh(() -> w.limits.versions("S19P")), "nothing was written");

        assertEquals(
                1,
                db.inTransaction(() -> w.limits.define("S19P", limits(114, "0", "85"), "qa"))
                        .version());
        assertEquals(
                2,
                db.inTransaction(() -> w.limits.define("S19P", limits(110, "0", "85"), "qa"))
                        .version());
        assertEquals(
                110,
                db.fresh(() -> w.limits.current("S19P")).orElseThrow().limits().minChipsPerChain());
    }

    private static String grade(String ths, String jth) {
        var grade = BurnIns.grade(new BigDecimal(ths), new BigDecimal(jth), new BigDecimal("5"), new BigDecimal("0.5"));
        return grade.ths().stripTrailingZeros().toPlainString() + " "
                + grade.jth().stripTrailingZeros().toPlainString();
    }

    @Test
    void gradesRoundHashrateDownAndEfficiencyUpToTheirBands() {
        assertEquals("110 29.5", grade("112.4", "29.31"));
        assertEquals("115 29.5", grade("115.000", "29.500"), "a machine exactly at a band's edge is in it");
        assertEquals("110 30", grade("114.999", "29.501"));
        assertNull(BurnIns.grade(BigDecimal.ZERO, null, new BigDecimal("5"), new BigDecimal("0.5")));
    }
}
