package org.asicscm.qa.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a burn-in log adds up to: per chain the mean hashrate, the hottest chip and board
 * readings, the fewest chips seen and the hardware errors; per machine the mean wall power.
 */
public record BurnInSummary(
        int samples,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        List<ChainReading> chainReadings,
        BigDecimal powerW,
        long errors) {

    public int chains() {
        return chainReadings.size();
    }

    /** The machine's hashrate: the sum of its chains' means. */
    public BigDecimal hashrateThs() {
        BigDecimal ghs = BigDecimal.ZERO;
        for (ChainReading chain : chainReadings) {
            ghs = ghs.add(chain.hashrateGhs());
        }
        return ghs.divide(BigDecimal.valueOf(1000), 3, RoundingMode.HALF_UP);
    }

    public BigDecimal efficiencyJth() {
        BigDecimal ths = hashrateThs();
        return ths.signum() == 0 ? null : powerW.divide(ths, 3, RoundingMode.HALF_UP);
    }

    public BigDecimal maxChipTempC() {
        return chainReadings.stream().map(ChainReading::chipTempC).reduce(BigDecimal.valueOf(-273), BigDecimal::max);
    }

    /** The readings QA judges against the product's limits, as a test of the machine. */
    public Measurement measurement() {
        return new Measurement(hashrateThs(), powerW, chainReadings, maxChipTempC(), List.of());
    }
}
