package org.asicscm.qa.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * What a test bench read off a unit: total hashrate and wall power, one reading per chain (a
 * hashboard is one chain, a machine one per board), the hottest chip and the fans.
 */
public record Measurement(
        BigDecimal hashrateThs,
        BigDecimal powerW,
        List<ChainReading> chains,
        BigDecimal maxTempC,
        List<Integer> fanRpm) {

    public Measurement {
        Objects.requireNonNull(hashrateThs);
        Objects.requireNonNull(powerW);
        chains = List.copyOf(chains);
        fanRpm = fanRpm == null ? List.of() : List.copyOf(fanRpm);
        if (hashrateThs.signum() < 0 || powerW.signum() <= 0) {
            throw new IllegalArgumentException("hashrate cannot be negative and power must be positive");
        }
    }

    /** Readings that give only the chips found per chain. */
    public static Measurement ofChips(
            BigDecimal hashrateThs, BigDecimal powerW, List<Integer> chipsDetected, BigDecimal maxTempC) {
        return new Measurement(
                hashrateThs,
                powerW,
                chipsDetected.stream().map(ChainReading::chips).toList(),
                maxTempC,
                List.of());
    }

    public List<Integer> chipsDetected() {
        return chains.stream().map(ChainReading::chipsDetected).toList();
    }

    /** The hottest chip: the one given, or the hottest chain's. */
    public BigDecimal hottestChipC() {
        BigDecimal hottest = maxTempC;
        for (ChainReading chain : chains) {
            if (chain.chipTempC() != null
                    && (hottest == null || chain.chipTempC().compareTo(hottest) > 0)) {
                hottest = chain.chipTempC();
            }
        }
        return hottest;
    }

    /** Joules per terahash; null when the unit hashed nothing. */
    public BigDecimal efficiencyJth() {
        return hashrateThs.signum() == 0 ? null : powerW.divide(hashrateThs, 3, RoundingMode.HALF_UP);
    }
}
