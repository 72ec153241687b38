package org.asicscm.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.asicscm.events.Events.UnitKind;

/** A board or machine in QA's hands, from arrival to pass or scrap. */
@Entity
@Table(name = "qa_unit")
public class QaUnit {

    public enum Status {
        AWAITING_TEST,
        PASSED,
        FAILED,
        IN_REWORK,
        SCRAPPED
    }

    @Id
    private String serial;

    @Enumerated(EnumType.STRING)
    private UnitKind kind;

    @Column(name = "build_order_id")
    private String buildOrderId;

    private int chains;

    @Column(name = "chips_per_chain")
    private int chipsPerChain;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int attempts;

    @Column(name = "correlation_id")
    private String correlationId;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected QaUnit() {}

    public QaUnit(
            String serial,
            UnitKind kind,
            String buildOrderId,
            int chains,
            int chipsPerChain,
            String correlationId,
            OffsetDateTime at) {
        if (chains <= 0 || chipsPerChain <= 0) {
            throw new IllegalArgumentException("a unit has at least one chain of at least one chip");
        }
        this.serial = Objects.requireNonNull(serial);
        this.kind = Objects.requireNonNull(kind);
        this.buildOrderId = buildOrderId;
        this.chains = chains;
        this.chipsPerChain = chipsPerChain;
        this.correlationId = correlationId;
        this.status = Status.AWAITING_TEST;
        this.updatedAt = at;
    }

    public boolean awaitsTest() {
        return status == Status.AWAITING_TEST || status == Status.IN_REWORK;
    }

    /** @return the attempt number of this test */
    public int recordTest(boolean passed, OffsetDateTime at) {
        if (!awaitsTest()) {
            throw new IllegalStateException(kind + " " + serial + " is " + status + " and not waiting for a test");
        }
        attempts++;
        status = passed ? Status.PASSED : Status.FAILED;
        updatedAt = at;
        return attempts;
    }

    public void sendToRework(OffsetDateTime at) {
        if (status != Status.FAILED) {
            throw new IllegalStateException(
                    kind + " " + serial + " is " + status + "; only a FAILED unit goes to rework");
        }
        status = Status.IN_REWORK;
        updatedAt = at;
    }

    public void scrap(OffsetDateTime at) {
        if (status != Status.FAILED && status != Status.IN_REWORK) {
            throw new IllegalStateException(kind + " " + serial + " is " + status + "; only a failed unit is scrapped");
        }
        status = Status.SCRAPPED;
        updatedAt = at;
    }

    public String serial() {
        return serial;
    }

    public UnitKind kind() {
        return kind;
    }

    public String buildOrderId() {
        return buildOrderId;
    }

    public int chains() {
        return chains;
    }

    public int chipsPerChain() {
        return chipsPerChain;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String correlationId() {
        return correlationId;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
