package org.asicscm.qa.entity;

import java.math.BigDecimal;

/** What the bench read off one chain: chips found, its hashrate, temperatures and hardware errors. */
public record ChainReading(
        int chipsDetected, BigDecimal hashrateGhs, BigDecimal chipTempC, BigDecimal pcbTempC, Integer errors) {

    /** The short form: only the chips found. */
    public static ChainReading chips(int chipsDetected) {
        return new ChainReading(chipsDetected, null, null, null, null);
    }
}
