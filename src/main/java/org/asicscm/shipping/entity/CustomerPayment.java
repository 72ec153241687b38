package org.asicscm.shipping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Money received against a customer order (a record of it, not accounting). */
@Entity
@Table(name = "customer_payment")
@NamedQuery(
        name = CustomerPayment.OF_ORDER,
        query = "select p from CustomerPayment p where p.orderId = :orderId order by p.receivedOn, p.recordedAt")
public class CustomerPayment {
    public static final String OF_ORDER = "CustomerPayment.ofOrder";

    @Id
    private String id;

    @Column(name = "order_id")
    private String orderId;

    private BigDecimal amount;

    @Column(name = "received_on")
    private LocalDate receivedOn;

    private String reference;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;

    protected CustomerPayment() {}

    public CustomerPayment(
            String orderId, BigDecimal amount, LocalDate receivedOn, String reference, String by, OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.orderId = orderId;
        this.amount = amount;
        this.receivedOn = receivedOn;
        this.reference = reference;
        this.recordedBy = by;
        this.recordedAt = at;
    }

    public String id() {
        return id;
    }

    public BigDecimal amount() {
        return amount;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    public String reference() {
        return reference;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
