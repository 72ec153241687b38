package org.asicscm.allocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.UUID;

/** The good dies of one bin in one lot, and how many of them are promised to build orders. */
@Entity
@Table(name = "lot_bin")
public class LotBin {
    @Id
    private String id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "lot_id")
    private WaferLot lot;
    private String bin;
    @Column(name = "good_dies")
    private int goodDies;
    @Column(name = "allocated_dies")
    private int allocatedDies;
    @Version
    private long version;

    protected LotBin() {
    }

    LotBin(WaferLot lot, String bin, int goodDies) {
        if (goodDies < 0) {
            throw new IllegalArgumentException("good dies cannot be negative");
        }
        this.id = UUID.randomUUID().toString();
        this.lot = Objects.requireNonNull(lot);
        this.bin = Objects.requireNonNull(bin);
        this.goodDies = goodDies;
    }

    public int available() {
        return goodDies - allocatedDies;
    }

    /** @throws IllegalStateException if fewer dies are left than asked for */
    public void allocate(int dies) {
        if (dies <= 0) {
            throw new IllegalArgumentException("allocate a positive number of dies");
        }
        if (dies > available()) {
            throw new IllegalStateException("only " + available() + " dies left in " + bin);
        }
        allocatedDies += dies;
    }

    public void giveBack(int dies) {
        if (dies < 0 || dies > allocatedDies) {
            throw new IllegalArgumentException("cannot give back " + dies + " of " + allocatedDies + " allocated dies");
        }
        allocatedDies -= dies;
    }

    public String id() {
        return id;
    }

    public WaferLot lot() {
        return lot;
    }

    public String bin() {
        return bin;
    }

    public int goodDies() {
        return goodDies;
    }

    public int allocatedDies() {
        return allocatedDies;
    }
}
