package org.asicscm.shipping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * What a carrier posted about a leg, kept once per carrier event id. applied: whether it moved
 * the leg on (one that arrives after a later milestone is kept, not applied).
 */
@Entity
@Table(name = "leg_event")
public class LegEvent {
    @Id
    private String id;

    private String carrier;

    @Column(name = "carrier_event_id")
    private String carrierEventId;

    @Column(name = "leg_id")
    private String legId;

    @Enumerated(EnumType.STRING)
    private Milestone milestone;

    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;

    private String location;
    private OffsetDateTime eta;
    private boolean applied;

    @Column(name = "received_at")
    private OffsetDateTime receivedAt;

    protected LegEvent() {}

    public LegEvent(
            String carrier,
            String carrierEventId,
            String legId,
            Milestone milestone,
            OffsetDateTime occurredAt,
            String location,
            OffsetDateTime eta,
            boolean applied,
            OffsetDateTime receivedAt) {
        this.id = UUID.randomUUID().toString();
        this.carrier = Objects.requireNonNull(carrier);
        this.carrierEventId = Objects.requireNonNull(carrierEventId);
        this.legId = Objects.requireNonNull(legId);
        this.milestone = Objects.requireNonNull(milestone);
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.location = location;
        this.eta = eta;
        this.applied = applied;
        this.receivedAt = Objects.requireNonNull(receivedAt);
    }

    public String carrier() {
        return carrier;
    }

    public String carrierEventId() {
        return carrierEventId;
    }

    public String legId() {
        return legId;
    }

    public Milestone milestone() {
        return milestone;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String location() {
        return location;
    }

    public OffsetDateTime eta() {
        return eta;
    }

    public boolean applied() {
        return applied;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }
}
