package org.asicscm.materials.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * Parts a board or machine took at assembly that its factory did not have on record: the board
 * was built, so the parts were there; the record was short. Unposted until a count settles it.
 */
@Entity
@Table(name = "part_shortfall")
@NamedQuery(
        name = PartShortfall.OPEN_AT,
        query = "select s from PartShortfall s where s.settledAt is null and s.itemCode = :item"
                + " and s.location = :location order by s.recordedAt, s.id")
public class PartShortfall {
    public static final String OPEN_AT = "PartShortfall.openAt";

    @Id
    private String id;

    @Column(name = "item_code")
    private String itemCode;

    private String location;
    private BigDecimal quantity;
    private String reference;

    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;

    @Column(name = "settled_at")
    private OffsetDateTime settledAt;

    @Column(name = "settled_by")
    private String settledBy;

    protected PartShortfall() {}

    public PartShortfall(String itemCode, String location, BigDecimal quantity, String reference, OffsetDateTime at) {
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("a shortfall is positive");
        }
        this.id = UUID.randomUUID().toString();
        this.itemCode = Objects.requireNonNull(itemCode);
        this.location = Objects.requireNonNull(location);
        this.quantity = quantity;
        this.reference = Objects.requireNonNull(reference);
        this.recordedAt = Objects.requireNonNull(at);
    }

    public void settle(String by, OffsetDateTime at) {
        settledBy = Objects.requireNonNull(by);
        settledAt = Objects.requireNonNull(at);
    }

    public String id() {
        return id;
    }

    public String itemCode() {
        return itemCode;
    }

    public String location() {
        return location;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public String reference() {
        return reference;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }
}
