package org.asicscm.allocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.UUID;

/** The good dies of one bin in one lot, and how many of them are promised to build orders. */
@Entity
@Table(name = "lot_bin")
@NamedQuery(
        name = LotBin.ALLOCATABLE,
        query = "select b from LotBin b where b.lot.chipModel = :chipModel"
                + " and b.bin in :bins and b.goodDies > b.allocatedDies order by b.id")
@NamedQuery(
        name = LotBin.STOCK,
        query = "select l.chipModel, b.bin, l.onHold, sum(b.goodDies - b.allocatedDies)"
                + " from LotBin b join b.lot l group by l.chipModel, b.bin, l.onHold order by l.chipModel, b.bin")
public class LotBin {
    /** Bins of a chip model with free dies, in the fixed order in which planners lock them. */
    public static final String ALLOCATABLE = "LotBin.allocatable";
    /** Free dies per chip model, bin and whether the lot is on hold: [chipModel, bin, onHold, free dies]. */
    public static final String STOCK = "LotBin.stock";

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

    protected LotBin() {}

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

    /**
     * Revises the good dies after a retest. Dies already promised must first be withdrawn from
     * their allocations so that the count never drops below them.
     */
    public void correct(int newGoodDies) {
        if (newGoodDies < 0 || newGoodDies < allocatedDies) {
            throw new IllegalStateException("bin " + bin + " has " + allocatedDies + " dies allocated; cannot set "
                    + newGoodDies + " good dies");
        }
        goodDies = newGoodDies;
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
