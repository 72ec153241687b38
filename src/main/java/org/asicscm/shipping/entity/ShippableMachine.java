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

    @Version
    private long version;

    protected ShippableMachine() {}

    public ShippableMachine(String serial, String buildOrderId, String correlationId, OffsetDateTime readyAt) {
        this.serial = Objects.requireNonNull(serial);
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
