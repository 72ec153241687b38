package org.asicscm.allocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** One hold or release of a lot, with its reason: the lot's quality audit trail. */
@Entity
@Table(name = "lot_hold")
@NamedQuery(name = LotHold.OF_LOT, query = "select h from LotHold h where h.lotId = :lotId order by h.decidedAt")
public class LotHold {
    public static final String OF_LOT = "LotHold.ofLot";

    public enum Action {
        HOLD,
        RELEASE
    }

    @Id
    private String id;

    @Column(name = "lot_id")
    private String lotId;

    private String action;
    private String reason;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    protected LotHold() {}

    public LotHold(WaferLot lot, Action action, String reason, OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.lotId = lot.id();
        this.action = action.name();
        this.reason = Objects.requireNonNull(reason);
        this.decidedAt = Objects.requireNonNull(at);
    }

    public String action() {
        return action;
    }

    public String reason() {
        return reason;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }
}
