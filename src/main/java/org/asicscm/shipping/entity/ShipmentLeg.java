package org.asicscm.shipping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One leg of a shipment's journey (Shenzhen to Hong Kong by truck, Hong Kong to Moscow by air):
 * its mode, carrier and tracking number, UN/LOCODEs, the plan and what happened.
 */
@Entity
@Table(name = "shipment_leg")
public class ShipmentLeg {
    public enum Mode {
        TRUCK,
        AIR,
        SEA,
        RAIL,
        COURIER
    }

    /** A leg as planned. */
    public record Plan(
            Mode mode,
            String carrier,
            String trackingNumber,
            String origin,
            String destination,
            OffsetDateTime plannedDeparture,
            OffsetDateTime plannedArrival) {
        public Plan {
            Objects.requireNonNull(mode);
            Objects.requireNonNull(carrier);
            Objects.requireNonNull(trackingNumber);
            Objects.requireNonNull(origin);
            Objects.requireNonNull(destination);
            if (!plannedArrival.isAfter(plannedDeparture)) {
                throw new IllegalArgumentException("a leg arrives after it departs");
            }
        }
    }

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "shipment_id")
    private Shipment shipment;

    private int seq;

    @Enumerated(EnumType.STRING)
    private Mode mode;

    private String carrier;

    @Column(name = "tracking_number")
    private String trackingNumber;

    private String origin;
    private String destination;

    @Column(name = "planned_departure")
    private OffsetDateTime plannedDeparture;

    @Column(name = "planned_arrival")
    private OffsetDateTime plannedArrival;

    @Column(name = "actual_departure")
    private OffsetDateTime actualDeparture;

    @Column(name = "actual_arrival")
    private OffsetDateTime actualArrival;

    private OffsetDateTime eta;

    @Enumerated(EnumType.STRING)
    private Milestone status;

    @Version
    private long version;

    protected ShipmentLeg() {}

    ShipmentLeg(Shipment shipment, int seq, Plan plan) {
        this.id = UUID.randomUUID().toString();
        this.shipment = shipment;
        this.seq = seq;
        this.mode = plan.mode();
        this.carrier = plan.carrier();
        this.trackingNumber = plan.trackingNumber();
        this.origin = plan.origin();
        this.destination = plan.destination();
        this.plannedDeparture = plan.plannedDeparture();
        this.plannedArrival = plan.plannedArrival();
        this.eta = plan.plannedArrival();
        this.status = Milestone.BOOKED;
    }

    /**
     * A carrier's milestone. A regular one moves the leg on only if it is further than where the
     * leg is (one posted late, after a later one, is kept by the caller but moves nothing);
     * answers whether it moved the leg. Departure and arrival times are taken from it.
     */
    public boolean advance(Milestone milestone, OffsetDateTime at) {
        if (milestone.isException() || milestone.ordinal() <= status.ordinal()) {
            return false;
        }
        status = milestone;
        if (milestone.ordinal() >= Milestone.DEPARTED.ordinal() && actualDeparture == null) {
            actualDeparture = at;
        }
        if (milestone.ordinal() >= Milestone.ARRIVED.ordinal() && actualArrival == null) {
            actualArrival = at;
        }
        return true;
    }

    /** A new estimate of arrival; answers how far it lies beyond the planned arrival (zero if not). */
    public Duration reestimate(OffsetDateTime newEta) {
        this.eta = newEta;
        Duration slip = Duration.between(plannedArrival, newEta);
        return slip.isNegative() ? Duration.ZERO : slip;
    }

    /** Arrived no later than planned; null while it has not arrived. */
    public Boolean onTime() {
        return actualArrival == null ? null : !actualArrival.isAfter(plannedArrival);
    }

    public String id() {
        return id;
    }

    public Shipment shipment() {
        return shipment;
    }

    public int seq() {
        return seq;
    }

    public Mode mode() {
        return mode;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public String origin() {
        return origin;
    }

    public String destination() {
        return destination;
    }

    public OffsetDateTime plannedDeparture() {
        return plannedDeparture;
    }

    public OffsetDateTime plannedArrival() {
        return plannedArrival;
    }

    public OffsetDateTime actualDeparture() {
        return actualDeparture;
    }

    public OffsetDateTime actualArrival() {
        return actualArrival;
    }

    public OffsetDateTime eta() {
        return eta;
    }

    public Milestone status() {
        return status;
    }
}
