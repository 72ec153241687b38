package org.asicscm.shipping.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
    /** The main mode of transport, as booked; each leg names its own. */
    public enum Mode {
        AIR,
        SEA,
        ROAD,
        RAIL
    }

    /** Incoterms 2020: the seven for any mode, then the four for sea and inland waterway. */
    public enum Incoterm {
        EXW,
        FCA,
        CPT,
        CIP,
        DAP,
        DPU,
        DDP,
        FAS,
        FOB,
        CFR,
        CIF
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

    @Column(name = "order_id")
    private String orderId;

    @Column(name = "booked_by")
    private String bookedBy;

    @Embedded
    private ShipmentParties parties = ShipmentParties.none();

    @Column(name = "export_licence")
    private String exportLicence;

    @Column(name = "credit_approved_by")
    private String creditApprovedBy;

    @Column(name = "credit_approved_at")
    private OffsetDateTime creditApprovedAt;

    @Column(name = "credit_note")
    private String creditNote;

    @Column(name = "released_by")
    private String releasedBy;

    @Column(name = "released_at")
    private OffsetDateTime releasedAt;

    @OneToMany(mappedBy = "shipment", cascade = CascadeType.PERSIST)
    @OrderBy("seq")
    private List<ShipmentLeg> legs = new ArrayList<>();

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

    /** Who booked it, for which order (none for a booking straight from stock), and the parties besides the customer. */
    public void bookedFor(String orderId, String bookedBy, ShipmentParties parties) {
        this.orderId = orderId;
        this.bookedBy = Objects.requireNonNull(bookedBy);
        this.parties = Objects.requireNonNull(parties);
    }

    /** A leg of the journey, in order from the first. */
    public ShipmentLeg addLeg(ShipmentLeg.Plan plan) {
        if (isReleased()) {
            throw new IllegalStateException("shipment " + id + " is released; its legs are fixed");
        }
        var leg = new ShipmentLeg(this, legs.size() + 1, plan);
        legs.add(leg);
        return leg;
    }

    /**
     * Marks the shipment credit-approved: it may be released before it is paid. The person who
     * booked it may not approve it.
     */
    public void approveCredit(String approver, String note, OffsetDateTime at) {
        if (approver.equals(bookedBy)) {
            throw new SecondPersonRequired("booked by " + bookedBy + "; a second person approves its credit");
        }
        this.creditApprovedBy = approver;
        this.creditNote = Objects.requireNonNull(note);
        this.creditApprovedAt = at;
    }

    /** Released for export: the gate's conditions are checked by the caller. */
    public void release(String by, String licence, OffsetDateTime at) {
        if (isReleased()) {
            throw new IllegalStateException("shipment " + id + " was released by " + releasedBy + " at " + releasedAt);
        }
        this.releasedBy = Objects.requireNonNull(by);
        this.exportLicence = licence;
        this.releasedAt = at;
    }

    /** An action only a second person may take. */
    public static final class SecondPersonRequired extends IllegalStateException {
        public SecondPersonRequired(String message) {
            super(message);
        }
    }

    /** A milestone past booking for a shipment not yet released for export. */
    public static final class NotReleased extends IllegalStateException {
        public NotReleased(String message) {
            super(message);
        }
    }

    /**
     * Logs a milestone. Regular milestones only move forward (one may be skipped, e.g. no pick-up
     * under EXW); exceptions are logged as they come, until delivery. Nothing moves before the
     * shipment is released for export.
     */
    public ShipmentMilestone record(Milestone milestone, OffsetDateTime at, String location, String note) {
        if (status == Milestone.DELIVERED) {
            throw new IllegalStateException("shipment " + id + " is already delivered");
        }
        if (!milestone.isException() && !isReleased()) {
            throw new NotReleased("shipment " + id + " is not released for export; " + milestone + " cannot be logged");
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

    public boolean isReleased() {
        return releasedAt != null;
    }

    public String orderId() {
        return orderId;
    }

    public String bookedBy() {
        return bookedBy;
    }

    public ShipmentParties parties() {
        return parties == null ? ShipmentParties.none() : parties;
    }

    public String exportLicence() {
        return exportLicence;
    }

    public String creditApprovedBy() {
        return creditApprovedBy;
    }

    public OffsetDateTime creditApprovedAt() {
        return creditApprovedAt;
    }

    public String creditNote() {
        return creditNote;
    }

    public String releasedBy() {
        return releasedBy;
    }

    public OffsetDateTime releasedAt() {
        return releasedAt;
    }

    public List<ShipmentLeg> legs() {
        return Collections.unmodifiableList(legs);
    }

    public List<ShipmentMilestone> milestones() {
        return Collections.unmodifiableList(milestones);
    }
}
