package org.asicscm.shipping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A machine that passed QA, in the warehouse until it is booked on a shipment. */
@Entity
@Table(name = "shippable_machine")
@NamedQuery(
        name = ShippableMachine.ON_SHIPMENT,
        query = "select m from ShippableMachine m where m.shipmentId = :shipmentId order by m.serial")
public class ShippableMachine {
    public static final String ON_SHIPMENT = "ShippableMachine.onShipment";

    @Id
    private String serial;

    @Column(name = "build_order_id")
    private String buildOrderId;

    @Column(name = "correlation_id")
    private String correlationId;

    @Column(name = "shipment_id")
    private String shipmentId;

    @Column(name = "ready_at")
    private OffsetDateTime readyAt;

    private String product;

    @Column(name = "grade_ths")
    private java.math.BigDecimal gradeThs;

    @Column(name = "grade_jth")
    private java.math.BigDecimal gradeJth;

    @Column(name = "reserved_order_id")
    private String reservedOrderId;

    @Column(name = "reserved_at")
    private OffsetDateTime reservedAt;

    @Version
    private long version;

    protected ShippableMachine() {}

    public ShippableMachine(
            String serial, String buildOrderId, String product, String correlationId, OffsetDateTime readyAt) {
        this.serial = Objects.requireNonNull(serial);
        this.product = product;
        this.buildOrderId = buildOrderId;
        this.correlationId = correlationId;
        this.readyAt = readyAt;
    }

    public boolean isAvailable() {
        return shipmentId == null;
    }

    public void bookOn(String shipmentId) {
        if (!isAvailable()) {
            throw new IllegalStateException("machine " + serial + " is already on shipment " + this.shipmentId);
        }
        this.shipmentId = shipmentId;
    }

    /** What burn-in made of it: the TH/s and J/TH bands it sells in; null bands for a failed burn-in. */
    public void grade(String product, java.math.BigDecimal ths, java.math.BigDecimal jth) {
        if (product != null) {
            this.product = product;
        }
        this.gradeThs = ths;
        this.gradeJth = jth;
    }

    public void reserveFor(String orderId, OffsetDateTime at) {
        if (reservedOrderId != null) {
            throw new IllegalStateException("machine " + serial + " is reserved to order " + reservedOrderId);
        }
        this.reservedOrderId = orderId;
        this.reservedAt = at;
    }

    public OffsetDateTime reservedAt() {
        return reservedAt;
    }

    public String product() {
        return product;
    }

    public java.math.BigDecimal gradeThs() {
        return gradeThs;
    }

    public java.math.BigDecimal gradeJth() {
        return gradeJth;
    }

    public String reservedOrderId() {
        return reservedOrderId;
    }

    public String serial() {
        return serial;
    }

    public String buildOrderId() {
        return buildOrderId;
    }

    public String correlationId() {
        return correlationId;
    }

    public String shipmentId() {
        return shipmentId;
    }

    public OffsetDateTime readyAt() {
        return readyAt;
    }
}
