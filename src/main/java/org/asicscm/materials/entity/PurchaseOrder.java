package org.asicscm.materials.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A purchase order for parts: lines of items with quantities and expected dates (no supplier invoicing). */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder {
    @Id
    private String id;

    @Column(name = "po_number")
    private String poNumber;

    private String supplier;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("lineNo")
    private List<PurchaseOrderLine> lines = new ArrayList<>();

    @Version
    private long version;

    protected PurchaseOrder() {}

    public PurchaseOrder(String poNumber, String supplier, String createdBy, OffsetDateTime createdAt) {
        this.id = UUID.randomUUID().toString();
        this.poNumber = Objects.requireNonNull(poNumber);
        this.supplier = Objects.requireNonNull(supplier);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public PurchaseOrderLine addLine(String itemCode, java.math.BigDecimal quantity, java.time.LocalDate expectedOn) {
        var line = new PurchaseOrderLine(this, lines.size() + 1, itemCode, quantity, expectedOn);
        lines.add(line);
        return line;
    }

    public String id() {
        return id;
    }

    public String poNumber() {
        return poNumber;
    }

    public String supplier() {
        return supplier;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public List<PurchaseOrderLine> lines() {
        return Collections.unmodifiableList(lines);
    }
}
