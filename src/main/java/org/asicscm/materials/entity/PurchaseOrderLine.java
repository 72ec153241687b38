package org.asicscm.materials.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A line of a purchase order: so much of an item, expected on a date, and how much has arrived. */
@Entity
@Table(name = "purchase_order_line")
public class PurchaseOrderLine {
    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "po_id")
    private PurchaseOrder order;

    @Column(name = "line_no")
    private int lineNo;

    @Column(name = "item_code")
    private String itemCode;

    private BigDecimal quantity;
    private BigDecimal received;

    @Column(name = "expected_on")
    private LocalDate expectedOn;

    @Version
    private long version;

    protected PurchaseOrderLine() {}

    PurchaseOrderLine(PurchaseOrder order, int lineNo, String itemCode, BigDecimal quantity, LocalDate expectedOn) {
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("a quantity is positive");
        }
        this.id = UUID.randomUUID().toString();
        this.order = order;
        this.lineNo = lineNo;
        this.itemCode = Objects.requireNonNull(itemCode);
        this.quantity = quantity;
        this.received = BigDecimal.ZERO;
        this.expectedOn = Objects.requireNonNull(expectedOn);
    }

    /** Records a receipt; refused (IllegalStateException) beyond what was ordered. */
    public void receive(BigDecimal arrived) {
        if (arrived.signum() <= 0) {
            throw new IllegalArgumentException("a receipt is positive");
        }
        if (received.add(arrived).compareTo(quantity) > 0) {
            throw new IllegalStateException("line " + lineNo + " of " + order.poNumber() + " ordered " + quantity
                    + " and has received " + received + "; " + arrived + " more is too many");
        }
        received = received.add(arrived);
    }

    /** The supplier now promises the rest of the line for another day. */
    public void expectOn(LocalDate day) {
        expectedOn = Objects.requireNonNull(day);
    }

    /** Still to come. */
    public BigDecimal open() {
        return quantity.subtract(received);
    }

    public String id() {
        return id;
    }

    public PurchaseOrder order() {
        return order;
    }

    public int lineNo() {
        return lineNo;
    }

    public String itemCode() {
        return itemCode;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public BigDecimal received() {
        return received;
    }

    public LocalDate expectedOn() {
        return expectedOn;
    }
}
