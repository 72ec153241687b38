package org.asicscm.shipping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** Something that happened to a shipment, where and when. */
@Entity
@Table(name = "shipment_milestone")
public class ShipmentMilestone {
    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "shipment_id")
    private Shipment shipment;

    @Enumerated(EnumType.STRING)
    private Milestone milestone;

    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;

    private String location;
    private String note;

    protected ShipmentMilestone() {}

    ShipmentMilestone(Shipment shipment, Milestone milestone, OffsetDateTime occurredAt, String location, String note) {
        this.id = UUID.randomUUID().toString();
        this.shipment = Objects.requireNonNull(shipment);
        this.milestone = Objects.requireNonNull(milestone);
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.location = location;
        this.note = note;
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

    public String note() {
        return note;
    }
}
