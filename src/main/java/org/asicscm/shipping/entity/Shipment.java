package org.asicscm.shipping.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** An export shipment of machines to one customer. */
@Entity
@Table(name = "shipment")
public class Shipment {
    public enum Mode {
        AIR,
        SEA,
        ROAD,
        RAIL
    }

    public enum Incoterm {
        EXW,
        FCA,
        FOB,
        CIF,
        DAP,
        DDP
    }

    @Id
    private String id;

    @Column(name = "customer_id")
    private String customerId;

    @Enumerated(EnumType.STRING)
    private Mode mode;

    private String carrier;

    @Enumerated(EnumType.STRING)
    private Incoterm incoterm;

    @Column(name = "destination_country")
    private String destinationCountry;

    @Column(name = "hs_code")
    private String hsCode;

    @Column(name = "declared_value_usd")
    private BigDecimal declaredValueUsd;
    /** the last regular milestone reached */
    @Enumerated(EnumType.STRING)
    private Milestone status;

    @Column(name = "correlation_id")
    private String correlationId;

    @Column(name = "booked_at")
    private OffsetDateTime bookedAt;

    @OneToMany(mappedBy = "shipment", cascade = CascadeType.PERSIST)
    @OrderBy("occurredAt")
    private List<ShipmentMilestone> milestones = new ArrayList<>();

    @Version
    private long version;

    protected Shipment() {}

    public Shipment(
            Customer customer,
            Mode mode,
            String carrier,
            Incoterm incoterm,
            String destinationCountry,
            String hsCode,
            BigDecimal declaredValueUsd,
            String correlationId,
            OffsetDateTime at) {
        if (declaredValueUsd.signum() <= 0) {
            throw new IllegalArgumentException("declared value must be positive");
        }
        this.id = UUID.randomUUID().toString();
        this.customerId = customer.id();
        this.mode = Objects.requireNonNull(mode);
        this.carrier = Objects.requireNonNull(carrier);
        this.incoterm = Objects.requireNonNull(incoterm);
        this.destinationCountry = Objects.requireNonNull(destinationCountry);
        this.hsCode = Objects.requireNonNull(hsCode);
        this.declaredValueUsd = declaredValueUsd;
        this.correlationId = Objects.requireNonNull(correlationId);
        this.bookedAt = at;
        this.status = Milestone.BOOKED;
        milestones.add(new ShipmentMilestone(this, Milestone.BOOKED, at, null, null));
    }

    /**
     * Logs a milestone. Regular milestones only move forward (one may be skipped, e.g. no pick-up
     * under EXW); exceptions are logged as they come, until delivery.
     */
    public ShipmentMilestone record(Milestone milestone, OffsetDateTime at, String location, String note) {
        if (status == Milestone.DELIVERED) {
            throw new IllegalStateException("shipment " + id + " is already delivered");
        }
        if (!milestone.isException() && milestone.ordinal() <= status.ordinal()) {
            throw new IllegalStateException(
                    "shipment " + id + " is at " + status + "; " + milestone + " cannot follow it");
        }
        var recorded = new ShipmentMilestone(this, milestone, at, location, note);
        milestones.add(recorded);
        if (!milestone.isException()) {
            status = milestone;
        }
        return recorded;
    }

    public String id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public Mode mode() {
        return mode;
    }

    public String carrier() {
        return carrier;
    }

    public Incoterm incoterm() {
        return incoterm;
    }

    public String destinationCountry() {
        return destinationCountry;
    }

    public String hsCode() {
        return hsCode;
    }

    public BigDecimal declaredValueUsd() {
        return declaredValueUsd;
    }

    public Milestone status() {
        return status;
    }

    public String correlationId() {
        return correlationId;
    }

    public OffsetDateTime bookedAt() {
        return bookedAt;
    }

    public List<ShipmentMilestone> milestones() {
        return Collections.unmodifiableList(milestones);
    }
}
