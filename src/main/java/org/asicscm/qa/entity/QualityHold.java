package org.asicscm.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A quality hold on something units are made of: while it is active no unit carrying it passes
 * QA or is booked on a shipment.
 */
@Entity
@Table(name = "qa_hold")
@NamedQuery(name = QualityHold.ACTIVE, query = "select h from QualityHold h where h.releasedAt is null")
public class QualityHold {
    public static final String ACTIVE = "QualityHold.active";

    public enum Scope {
        WAFER_LOT,
        LOT_BIN,
        CONTROL_BOARD_LOT,
        PSU_LOT,
        FIRMWARE
    }

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    private Scope scope;

    /** the wafer lot number, supplier lot or firmware version */
    private String subject;

    private String bin;
    private String reason;

    @Column(name = "placed_by")
    private String placedBy;

    @Column(name = "placed_at")
    private OffsetDateTime placedAt;

    @Column(name = "released_by")
    private String releasedBy;

    @Column(name = "released_at")
    private OffsetDateTime releasedAt;

    @Column(name = "release_reason")
    private String releaseReason;

    @Version
    private long version;

    protected QualityHold() {}

    public QualityHold(Scope scope, String subject, String bin, String reason, String placedBy, OffsetDateTime at) {
        if ((scope == Scope.LOT_BIN) != (bin != null)) {
            throw new IllegalArgumentException("a bin is given exactly for a LOT_BIN hold");
        }
        this.id = UUID.randomUUID().toString();
        this.scope = Objects.requireNonNull(scope);
        this.subject = Objects.requireNonNull(subject);
        this.bin = bin;
        this.reason = reason;
        this.placedBy = placedBy;
        this.placedAt = at;
    }

    public void release(String by, String reason, OffsetDateTime at) {
        if (releasedAt != null) {
            throw new IllegalStateException("hold " + id + " was released at " + releasedAt);
        }
        releasedBy = by;
        releaseReason = reason;
        releasedAt = at;
    }

    public boolean active() {
        return releasedAt == null;
    }

    /** Whether a unit made of these things is held by this hold. */
    public boolean holds(UnitMakeup makeup) {
        return active()
                && switch (scope) {
                    case WAFER_LOT -> makeup.lots().contains(subject);
                    case LOT_BIN -> makeup.lotBins().contains(subject + "/" + bin);
                    case CONTROL_BOARD_LOT -> subject.equals(makeup.controlBoardLot());
                    case PSU_LOT -> subject.equals(makeup.psuLot());
                    case FIRMWARE -> subject.equals(makeup.firmware());
                };
    }

    public String id() {
        return id;
    }

    public Scope scope() {
        return scope;
    }

    public String subject() {
        return subject;
    }

    public String bin() {
        return bin;
    }

    public String reason() {
        return reason;
    }

    public String placedBy() {
        return placedBy;
    }

    public OffsetDateTime placedAt() {
        return placedAt;
    }

    public String releasedBy() {
        return releasedBy;
    }

    public OffsetDateTime releasedAt() {
        return releasedAt;
    }

    public String releaseReason() {
        return releaseReason;
    }
}
