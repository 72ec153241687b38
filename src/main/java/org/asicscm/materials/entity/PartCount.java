package org.asicscm.materials.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A count of one lot of an item at a location: what the record said, what was found, what was unposted. */
@Entity
@Table(name = "part_count")
public class PartCount {
    @Id
    private String id;

    @Column(name = "item_code")
    private String itemCode;

    private String location;

    @Column(name = "supplier_lot")
    private String supplierLot;

    @Column(name = "on_record")
    private BigDecimal onRecord;

    private BigDecimal counted;

    /** what assembly took beyond the record before this count, settled by it */
    private BigDecimal unposted;

    private String note;

    @Column(name = "counted_by")
    private String countedBy;

    @Column(name = "counted_at")
    private OffsetDateTime countedAt;

    protected PartCount() {}

    public PartCount(
            PartStock stock,
            BigDecimal onRecord,
            BigDecimal counted,
            BigDecimal unposted,
            String note,
            String countedBy,
            OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.itemCode = stock.itemCode();
        this.location = stock.location();
        this.supplierLot = stock.supplierLot();
        this.onRecord = Objects.requireNonNull(onRecord);
        this.counted = Objects.requireNonNull(counted);
        this.unposted = Objects.requireNonNull(unposted);
        this.note = note;
        this.countedBy = Objects.requireNonNull(countedBy);
        this.countedAt = Objects.requireNonNull(at);
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

    public String supplierLot() {
        return supplierLot;
    }

    public BigDecimal onRecord() {
        return onRecord;
    }

    public BigDecimal counted() {
        return counted;
    }

    /** counted less on record: negative when parts went missing */
    public BigDecimal variance() {
        return counted.subtract(onRecord);
    }

    public BigDecimal unposted() {
        return unposted;
    }

    public String note() {
        return note;
    }

    public String countedBy() {
        return countedBy;
    }

    public OffsetDateTime countedAt() {
        return countedAt;
    }
}
