package org.asicscm.allocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** The audit record of dies moved from a lower-priority build order to a more urgent one. */
@Entity
@Table(name = "die_reassignment")
@NamedQuery(
        name = DieReassignment.OF_ORDER,
        query = "select r from DieReassignment r"
                + " where r.fromOrderId = :buildOrderId or r.toOrderId = :buildOrderId order by r.reassignedAt")
public class DieReassignment {
    public static final String OF_ORDER = "DieReassignment.ofOrder";

    @Id
    private String id;

    @Column(name = "from_order_id")
    private String fromOrderId;

    @Column(name = "to_order_id")
    private String toOrderId;

    private int dies;
    private String reason;

    @Column(name = "reassigned_at")
    private OffsetDateTime reassignedAt;

    protected DieReassignment() {}

    public DieReassignment(BuildOrder from, BuildOrder to, int dies, String reason, OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.fromOrderId = from.id();
        this.toOrderId = to.id();
        this.dies = dies;
        this.reason = Objects.requireNonNull(reason);
        this.reassignedAt = Objects.requireNonNull(at);
    }

    public String id() {
        return id;
    }

    public String fromOrderId() {
        return fromOrderId;
    }

    public String toOrderId() {
        return toOrderId;
    }

    public int dies() {
        return dies;
    }

    public String reason() {
        return reason;
    }

    public OffsetDateTime reassignedAt() {
        return reassignedAt;
    }
}
