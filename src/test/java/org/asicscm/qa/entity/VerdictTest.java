package org.asicscm.qa.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.asicscm.events.Events.UnitKind;
import org.junit.jupiter.api.Test;

class VerdictTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneOffset.UTC);

    private static final Limits DEFAULTS = Limits.defaults(114);

    private QaUnit machine() {
        return new QaUnit("M-1", UnitKind.MACHINE, "bo-1", 3, 114, "c", T0);
    }

    private Measurement reading(List<Integer> chips, String temp) {
        return Measurement.ofChips(
                new BigDecimal("110.0"), new BigDecimal("3250"), chips, temp == null ? null : new BigDecimal(temp));
    }

    @Test
    void aHealthyMachinePassesAndItsEfficiencyIsPowerOverHashrate() {
        var measurement = reading(List.of(114, 114, 114), "75");
        var verdict = Verdict.judge(machine(), measurement, DEFAULTS, null, null, null);
        assertTrue(verdict.passed());
        assertEquals(new BigDecimal("29.545"), measurement.efficiencyJth());
    }

    @Test
    void aChainThatDetectsTooFewChipsFailsAsAsicMissing() {
        var verdict = Verdict.judge(machine(), reading(List.of(114, 0, 114), "70"), DEFAULTS, null, null, null);
        assertFalse(verdict.passed());
        assertEquals(FailureCode.ASIC_MISSING, verdict.failureCode());
        assertEquals("chain 1 detected 0 of 114 chips", verdict.reason());
    }

    @Test
    void overheatingFails() {
        var verdict = Verdict.judge(machine(), reading(List.of(114, 114, 114), "95.5"), DEFAULTS, null, null, null);
        assertEquals(FailureCode.OVERHEATING, verdict.failureCode());
    }

    @Test
    void aFailureTheEngineerLogsWinsOverGoodReadings() {
        var verdict = Verdict.judge(
                machine(), reading(List.of(114, 114, 114), "60"), DEFAULTS, "FAN_FAILURE", null, "fan 2 stalls");
        assertFalse(verdict.passed());
        assertEquals("FAN_FAILURE", verdict.failureCode());
        assertEquals("fan 2 stalls", verdict.reason());
    }

    @Test
    void readingsMustCoverEveryChain() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Verdict.judge(machine(), reading(List.of(114, 114), null), DEFAULTS, null, null, null));
    }

    @Test
    void failedUnitsGoThroughReworkBeforeARetestAndPassedOnesAreDone() {
        QaUnit unit = machine();
        assertEquals(1, unit.recordTest(false, T0));
        assertThrows(IllegalStateException.class, () -> unit.recordTest(true, T0));
        unit.sendToRework(T0);
        assertEquals(2, unit.recordTest(true, T0));
        assertEquals(QaUnit.Status.PASSED, unit.status());
        assertThrows(IllegalStateException.class, () -> unit.sendToRework(T0));
        assertThrows(IllegalStateException.class, () -> unit.scrap(T0));
    }
}
