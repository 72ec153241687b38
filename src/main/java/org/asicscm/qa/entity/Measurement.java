package org.asicscm.qa.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/** What a test bench read off a unit. */
public record Measurement(BigDecimal hashrateThs, BigDecimal powerW, List<Integer> chipsDetected, BigDecimal maxTempC) {
    /** Above this chip temperature a unit fails as overheating. */
    public static final BigDecimal MAX_CHIP_TEMP_C = new BigDecimal("90");

    public Measurement {
        Objects.requireNonNull(hashrateThs);
        Objects.requireNonNull(powerW);
        chipsDetected = List.copyOf(chipsDetected);
        if (hashrateThs.signum() < 0 || powerW.signum() <= 0) {
            throw new IllegalArgumentException("hashrate cannot be negative and power must be positive");
        }
    }

    /** Joules per terahash; null when the unit hashed nothing. */
    public BigDecimal efficiencyJth() {
        return hashrateThs.signum() == 0 ? null : powerW.divide(hashrateThs, 3, RoundingMode.HALF_UP);
    }
}
