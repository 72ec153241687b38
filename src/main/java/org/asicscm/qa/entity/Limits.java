package org.asicscm.qa.entity;

import java.math.BigDecimal;

/**
 * The readings a unit must reach to pass. Each bound passes at its edge: a chain with exactly
 * the minimum chips, a machine at exactly the maximum J/TH, a chip at exactly the maximum
 * temperature all pass.
 *
 * @param minChainHashrateGhs each chain's hashrate, when the bench reports it per chain
 * @param minHashrateThs a machine's total (a board's total is its one chain)
 * @param maxEfficiencyJth a machine's wall power over hashrate
 * @param minTempC below it a chip reading means a sensor fault, not a cool chip
 */
public record Limits(
        int minChipsPerChain,
        BigDecimal minChainHashrateGhs,
        BigDecimal minHashrateThs,
        BigDecimal maxEfficiencyJth,
        BigDecimal minTempC,
        BigDecimal maxTempC) {

    /** What a product without a limit set is judged by: every chip found, some hashrate, no chip above 90 C. */
    public static Limits defaults(int chipsPerChain) {
        return new Limits(
                chipsPerChain,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("1000"),
                new BigDecimal("-40"),
                new BigDecimal("90"));
    }
}
