package org.asicscm.materials.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** One line of a BOM: so much of an item per hashboard or per machine, and the share lost to scrap. */
@Embeddable
public class BomLine {
    /** What a quantity is per: one hashboard, or one machine (its hashboards are counted by the product). */
    public enum Level {
        HASHBOARD,
        MACHINE
    }

    @Enumerated(EnumType.STRING)
    @Column(name = "bom_level")
    private Level level;

    @Column(name = "item_code")
    private String itemCode;

    private BigDecimal quantity;

    @Column(name = "scrap_factor")
    private BigDecimal scrapFactor;

    protected BomLine() {}

    public BomLine(Level level, String itemCode, BigDecimal quantity, BigDecimal scrapFactor) {
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("a quantity is positive");
        }
        if (scrapFactor.signum() < 0 || scrapFactor.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("a scrap factor is from 0 up to (not including) 1");
        }
        this.level = Objects.requireNonNull(level);
        this.itemCode = Objects.requireNonNull(itemCode);
        this.quantity = quantity;
        this.scrapFactor = scrapFactor;
    }

    /**
     * What building the machines takes of this item, scrap included, in whole units rounded up:
     * quantity x (boards or machines) x (1 + scrap factor).
     */
    public BigDecimal grossFor(int machines, int boardsPerMachine) {
        long units = level == Level.HASHBOARD ? (long) machines * boardsPerMachine : machines;
        return quantity.multiply(BigDecimal.valueOf(units))
                .multiply(BigDecimal.ONE.add(scrapFactor))
                .setScale(0, RoundingMode.CEILING);
    }

    public Level level() {
        return level;
    }

    public String itemCode() {
        return itemCode;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public BigDecimal scrapFactor() {
        return scrapFactor;
    }
}
