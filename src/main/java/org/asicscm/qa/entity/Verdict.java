package org.asicscm.qa.entity;

/**
 * The outcome of one test: passed, or the failure code and why.
 *
 * <p>A unit fails when a chain detects fewer chips than it carries, when it overheats, or when
 * the engineer logs a failure the bench cannot see (a fan, the PSU, a cold joint).
 */
public record Verdict(boolean passed, FailureCode failureCode, String reason) {

    public static Verdict judge(QaUnit unit, Measurement measurement, FailureCode loggedFailure, String note) {
        if (measurement.chipsDetected().size() != unit.chains()) {
            throw new IllegalArgumentException(unit.kind() + " " + unit.serial() + " has " + unit.chains() + " chains, "
                    + measurement.chipsDetected().size() + " readings given");
        }
        if (loggedFailure != null) {
            return new Verdict(false, loggedFailure, note == null ? "logged by the engineer" : note);
        }
        for (int chain = 0; chain < unit.chains(); chain++) {
            int detected = measurement.chipsDetected().get(chain);
            if (detected < unit.chipsPerChain()) {
                return new Verdict(
                        false,
                        FailureCode.ASIC_MISSING,
                        "chain " + chain + " detected " + detected + " of " + unit.chipsPerChain() + " chips");
            }
        }
        if (measurement.maxTempC() != null && measurement.maxTempC().compareTo(Measurement.MAX_CHIP_TEMP_C) > 0) {
            return new Verdict(
                    false,
                    FailureCode.OVERHEATING,
                    "chip temperature " + measurement.maxTempC() + " C above " + Measurement.MAX_CHIP_TEMP_C + " C");
        }
        if (measurement.hashrateThs().signum() == 0) {
            return new Verdict(false, FailureCode.LOW_HASHRATE, "no hashrate measured");
        }
        return new Verdict(true, null, null);
    }
}
