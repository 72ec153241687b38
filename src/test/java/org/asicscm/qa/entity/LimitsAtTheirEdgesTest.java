package org.asicscm.qa.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.asicscm.events.Events.UnitKind;
import org.junit.jupiter.api.Test;

/** Each limit passes at its edge and fails just past it, with the code and chain it names. */
class LimitsAtTheirEdgesTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 27, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final Limits S19_PRO = new Limits(
            110,
            new BigDecimal("33000"),
            new BigDecimal("100"),
            new BigDecimal("30"),
            new BigDecimal("0"),
            new BigDecimal("85"));

    private final QaUnit machine = new QaUnit("M-1", UnitKind.MACHINE, "bo-1", 3, 114, "c", T0);

    private static ChainReading chain(int chips, String ghs, String chipTemp) {
        return new ChainReading(chips, new BigDecimal(ghs), new BigDecimal(chipTemp), new BigDecimal("50"), 0);
    }

    private Verdict judge(String ths, String watts, ChainReading middle) {
        var good = chain(114, "34000", "70");
        var m = new Measurement(
                new BigDecimal(ths), new BigDecimal(watts), List.of(good, middle, good), null, List.of(6000, 6000));
        return Verdict.judge(machine, m, S19_PRO, null, null, null);
    }

    @Test
    void chipsPerChain() {
        assertTrue(judge("102", "3000", chain(110, "34000", "70")).passed());
        var short1 = judge("102", "3000", chain(109, "34000", "70"));
        assertEquals(FailureCode.ASIC_MISSING, short1.failureCode());
        assertEquals(1, short1.failedChain());
    }

    @Test
    void chainHashrate() {
        assertTrue(judge("101", "3000", chain(114, "33000", "70")).passed());
        var slow = judge("101", "3000", chain(114, "32999.9", "70"));
        assertEquals(FailureCode.LOW_HASHRATE, slow.failureCode());
        assertEquals(1, slow.failedChain());
    }

    @Test
    void chipTemperatureWindow() {
        assertTrue(judge("102", "3000", chain(114, "34000", "85")).passed());
        assertEquals(
                FailureCode.OVERHEATING,
                judge("102", "3000", chain(114, "34000", "85.1")).failureCode());
        assertTrue(judge("102", "3000", chain(114, "34000", "0")).passed());
        assertEquals(
                FailureCode.TEMP_SENSOR_FAULT,
                judge("102", "3000", chain(114, "34000", "-0.1")).failureCode());
    }

    @Test
    void totalHashrateAndEfficiencyOfAMachine() {
        // 3000 W at 100 TH/s is exactly 30 J/TH: both edges pass
        assertTrue(judge("100", "3000", chain(114, "34000", "70")).passed());
        var slow = judge("99.999", "2900", chain(114, "34000", "70"));
        assertEquals(FailureCode.LOW_HASHRATE, slow.failureCode());
        var hungry = judge("100", "3000.1", chain(114, "34000", "70"));
        assertEquals(FailureCode.HIGH_POWER, hungry.failureCode());
        assertEquals("30.001 J/TH, above 30 J/TH", hungry.reason());
    }
}
