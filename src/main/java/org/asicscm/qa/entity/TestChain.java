package org.asicscm.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One chain's reading as kept with its test. */
@Embeddable
public class TestChain {
    @Column(name = "chips_detected")
    private int chipsDetected;

    @Column(name = "chips_expected")
    private int chipsExpected;

    @Column(name = "hashrate_ghs")
    private BigDecimal hashrateGhs;

    @Column(name = "chip_temp_c")
    private BigDecimal chipTempC;

    @Column(name = "pcb_temp_c")
    private BigDecimal pcbTempC;

    private Integer errors;

    protected TestChain() {}

    TestChain(ChainReading reading, int chipsExpected) {
        this.chipsDetected = reading.chipsDetected();
        this.chipsExpected = chipsExpected;
        this.hashrateGhs = reading.hashrateGhs();
        this.chipTempC = reading.chipTempC();
        this.pcbTempC = reading.pcbTempC();
        this.errors = reading.errors();
    }

    public ChainReading reading() {
        return new ChainReading(chipsDetected, hashrateGhs, chipTempC, pcbTempC, errors);
    }

    public int chipsExpected() {
        return chipsExpected;
    }
}
