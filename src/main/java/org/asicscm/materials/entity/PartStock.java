package org.asicscm.materials.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** How much of an item of one supplier lot is at one location (CENTRAL, or a factory's consignment). */
@Entity
@Table(name = "part_stock")
@IdClass(PartStock.Key.class)
public class PartStock {
    /** The lot of an item that is not received by lot. */
    public static final String NO_LOT = "-";

    public static final String CENTRAL = "CENTRAL";

    /** item, location, supplier lot. */
    public static class Key implements Serializable {
        public String itemCode;
        public String location;
        public String supplierLot;

        public Key() {}

        public Key(String itemCode, String location, String supplierLot) {
            this.itemCode = itemCode;
            this.location = location;
            this.supplierLot = supplierLot;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && itemCode.equals(k.itemCode)
                    && location.equals(k.location)
                    && supplierLot.equals(k.supplierLot);
        }

        @Override
        public int hashCode() {
            return Objects.hash(itemCode, location, supplierLot);
        }
    }

    @Id
    @Column(name = "item_code")
    private String itemCode;

    @Id
    private String location;

    @Id
    @Column(name = "supplier_lot")
    private String supplierLot;

    private BigDecimal quantity;

    @Version
    private long version;

    protected PartStock() {}

    public PartStock(String itemCode, String location, String supplierLot) {
        this.itemCode = Objects.requireNonNull(itemCode);
        this.location = Objects.requireNonNull(location);
        this.supplierLot = Objects.requireNonNull(supplierLot);
        this.quantity = BigDecimal.ZERO;
    }

    public void add(BigDecimal amount) {
        quantity = quantity.add(amount);
    }

    /** Takes up to the amount; answers what was taken. */
    public BigDecimal take(BigDecimal amount) {
        BigDecimal taken = amount.min(quantity);
        quantity = quantity.subtract(taken);
        return taken;
    }

    public String itemCode() {
        return itemCode;
    }

    public String location() {
        return location;
    }

    public String supplierLot() {
        return supplierLot;
    }

    public BigDecimal quantity() {
        return quantity;
    }
}
