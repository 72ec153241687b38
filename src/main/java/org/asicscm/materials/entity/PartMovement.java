package org.asicscm.materials.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One change to a stock of parts: what, where, which lot, how much (negative out), why, who, when. */
@Entity
@Table(name = "part_movement")
public class PartMovement {
    public enum Kind {
        RECEIPT,
        TRANSFER,
        CONSUMPTION,
        /** taken at board or machine assembly, from the order's BOM */
        BACKFLUSH,
        /** a count found more or fewer than on record */
        COUNT
    }

    @Id
    private String id;

    @Column(name = "item_code")
    private String itemCode;

    private String location;

    @Column(name = "supplier_lot")
    private String supplierLot;

    private BigDecimal quantity;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String reference;
    private String actor;

    @Column(name = "moved_at")
    private OffsetDateTime movedAt;

    protected PartMovement() {}

    public PartMovement(
            PartStock stock, BigDecimal quantity, Kind kind, String reference, String actor, OffsetDateTime movedAt) {
        this.id = UUID.randomUUID().toString();
        this.itemCode = stock.itemCode();
        this.location = stock.location();
        this.supplierLot = stock.supplierLot();
        this.quantity = quantity;
        this.kind = kind;
        this.reference = reference;
        this.actor = actor;
        this.movedAt = movedAt;
    }
}
