package org.asicscm.allocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A speed bin of a chip model: the frequency a packaged die reaches at a voltage, and the
 * efficiency that buys. Rank 1 is the best bin; a larger rank is a lesser bin.
 */
@Embeddable
public class Bin {
    @Column(name = "bin")
    private String name;

    @Column(name = "bin_rank")
    private int rank;

    @Column(name = "frequency_mhz")
    private int frequencyMhz;

    @Column(name = "voltage_mv")
    private int voltageMv;

    @Column(name = "efficiency_jth")
    private BigDecimal efficiencyJth;

    protected Bin() {}

    public Bin(String name, int rank, int frequencyMhz, int voltageMv, BigDecimal efficiencyJth) {
        if (rank <= 0 || frequencyMhz <= 0 || voltageMv <= 0 || efficiencyJth.signum() <= 0) {
            throw new IllegalArgumentException("a bin has a positive rank, frequency, voltage and efficiency");
        }
        this.name = Objects.requireNonNull(name);
        this.rank = rank;
        this.frequencyMhz = frequencyMhz;
        this.voltageMv = voltageMv;
        this.efficiencyJth = efficiencyJth;
    }

    public boolean betterThan(Bin other) {
        return rank < other.rank;
    }

    public String name() {
        return name;
    }

    public int rank() {
        return rank;
    }

    public int frequencyMhz() {
        return frequencyMhz;
    }

    public int voltageMv() {
        return voltageMv;
    }

    public BigDecimal efficiencyJth() {
        return efficiencyJth;
    }
}
