package org.asicscm.qa.entity;

import java.math.BigDecimal;

/**
 * The outcome of one test: passed, or the failure code, why, and where on the unit when the
 * bench can tell (the chain; the chip index comes from the engineer).
 *
 * <p>The engineer's logged failure wins (a fan, the PSU, a cold joint the bench cannot see);
 * then the limits in the order a test engineer reads a log: chips found, temperatures, hashrate
 * per chain and in total, efficiency.
 */
public record Verdict(boolean passed, String failureCode, String reason, Integer failedChain) {

    public static Verdict pass() {
        return new Verdict(true, null, null, null);
    }

    public static Verdict judge(
            QaUnit unit, Measurement measurement, Limits limits, String loggedFailure, Integer chain, String note) {
        if (measurement.chains().size() != unit.chains()) {
            throw new IllegalArgumentException(unit.kind() + " " + unit.serial() + " has " + unit.chains() + " chains, "
                    + measurement.chains().size() + " readings given");
        }
        if (loggedFailure != null) {
            return new Verdict(false, loggedFailure, note == null ? "logged by the engineer" : note, chain);
        }
        for (int i = 0; i < unit.chains(); i++) {
            int detected = measurement.chains().get(i).chipsDetected();
            if (detected < limits.minChipsPerChain()) {
                return new Verdict(
                        false,
                        FailureCode.ASIC_MISSING,
                        "chain " + i + " detected " + detected + " of " + unit.chipsPerChain() + " chips",
                        i);
            }
        }
        for (int i = 0; i < unit.chains(); i++) {
            BigDecimal pcb = measurement.chains().get(i).pcbTempC();
            BigDecimal chip = measurement.chains().get(i).chipTempC();
            for (BigDecimal t : new BigDecimal[] {chip, pcb}) {
                if (t != null && t.compareTo(limits.maxTempC()) > 0) {
                    return new Verdict(
                            false,
                            FailureCode.OVERHEATING,
                            "chain " + i + " at " + t + " C, above " + limits.maxTempC() + " C",
                            i);
                }
                if (t != null && t.compareTo(limits.minTempC()) < 0) {
                    return new Verdict(
                            false,
                            FailureCode.TEMP_SENSOR_FAULT,
                            "chain " + i + " reads " + t + " C, below " + limits.minTempC() + " C",
                            i);
                }
            }
        }
        BigDecimal hottest = measurement.maxTempC();
        if (hottest != null && hottest.compareTo(limits.maxTempC()) > 0) {
            return new Verdict(
                    false,
                    FailureCode.OVERHEATING,
                    "chip temperature " + hottest + " C above " + limits.maxTempC() + " C",
                    null);
        }
        if (hottest != null && hottest.compareTo(limits.minTempC()) < 0) {
            return new Verdict(
                    false,
                    FailureCode.TEMP_SENSOR_FAULT,
                    "chip temperature " + hottest + " C below " + limits.minTempC() + " C",
                    null);
        }
        for (int i = 0; i < unit.chains(); i++) {
            BigDecimal ghs = measurement.chains().get(i).hashrateGhs();
            if (ghs != null && ghs.compareTo(limits.minChainHashrateGhs()) < 0) {
                return new Verdict(
                        false,
                        FailureCode.LOW_HASHRATE,
                        "chain " + i + " hashes " + ghs + " GH/s, below " + limits.minChainHashrateGhs() + " GH/s",
                        i);
            }
        }
        if (measurement.hashrateThs().signum() == 0) {
            return new Verdict(false, FailureCode.LOW_HASHRATE, "no hashrate measured", null);
        }
        if (unit.kind() == org.asicscm.events.Events.UnitKind.MACHINE) {
            if (measurement.hashrateThs().compareTo(limits.minHashrateThs()) < 0) {
                return new Verdict(
                        false,
                        FailureCode.LOW_HASHRATE,
                        measurement.hashrateThs() + " TH/s, below " + limits.minHashrateThs() + " TH/s",
                        null);
            }
            BigDecimal jth = measurement.efficiencyJth();
            if (jth.compareTo(limits.maxEfficiencyJth()) > 0) {
                return new Verdict(
                        false,
                        FailureCode.HIGH_POWER,
                        jth + " J/TH, above " + limits.maxEfficiencyJth() + " J/TH",
                        null);
            }
        }
        return pass();
    }
}
