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
        /** past the rework limit: engineering decides between another rework and scrap */
        ENGINEERING_REVIEW,
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

    private String product;

    /** the firmware last flashed on it */
    private String firmware;

    @Column(name = "rework_loops")
    private int reworkLoops;

    /** whether the first test passed; null until tested */
    @Column(name = "first_pass")
    private Boolean firstPass;

    @Column(name = "first_tested_at")
    private OffsetDateTime firstTestedAt;

    /** failed tests at the factory (a returned machine's tests are not the factory's) */
    @Column(name = "factory_failures")
    private int factoryFailures;

    @Column(name = "passed_at_factory")
    private boolean passedAtFactory;

    @Column(name = "grade_ths")
    private java.math.BigDecimal gradeThs;

    @Column(name = "grade_jth")
    private java.math.BigDecimal gradeJth;

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
        return recordTest(passed, null, false, at);
    }

    /** @param fieldReturn a test of a machine back from the field, which the factory's figures leave out */
    public int recordTest(boolean passed, String flashedFirmware, boolean fieldReturn, OffsetDateTime at) {
        if (!awaitsTest()) {
            throw new IllegalStateException(kind + " " + serial + " is " + status + " and not waiting for a test");
        }
        attempts++;
        if (firstPass == null) {
            firstPass = passed;
            firstTestedAt = at;
        }
        if (flashedFirmware != null) {
            firmware = flashedFirmware;
        }
        if (!fieldReturn) {
            passedAtFactory |= passed;
            factoryFailures += passed ? 0 : 1;
        }
        status = passed ? Status.PASSED : Status.FAILED;
        updatedAt = at;
        return attempts;
    }

    public void sendToRework(OffsetDateTime at) {
        if (status != Status.FAILED && status != Status.ENGINEERING_REVIEW) {
            throw new IllegalStateException(
                    kind + " " + serial + " is " + status + "; only a FAILED unit goes to rework");
        }
        status = Status.IN_REWORK;
        reworkLoops++;
        updatedAt = at;
    }

    /** A failed unit past the rework limit goes to engineering instead of the rework bench. */
    public void sendToEngineeringReview(OffsetDateTime at) {
        if (status != Status.FAILED) {
            throw new IllegalStateException(
                    kind + " " + serial + " is " + status + "; only a FAILED unit goes to engineering review");
        }
        status = Status.ENGINEERING_REVIEW;
        updatedAt = at;
    }

    /** A machine back from the field waits for its test again; its history stays. */
    public void returnFromField(OffsetDateTime at) {
        if (status == Status.SCRAPPED) {
            throw new IllegalStateException(kind + " " + serial + " was scrapped");
        }
        status = Status.AWAITING_TEST;
        updatedAt = at;
    }

    public void learnProduct(String product) {
        if (this.product == null) {
            this.product = product;
        }
    }

    public void grade(java.math.BigDecimal ths, java.math.BigDecimal jth) {
        this.gradeThs = ths;
        this.gradeJth = jth;
    }

    public void scrap(OffsetDateTime at) {
        if (status != Status.FAILED && status != Status.IN_REWORK && status != Status.ENGINEERING_REVIEW) {
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

    public String product() {
        return product;
    }

    public String firmware() {
        return firmware;
    }

    public int reworkLoops() {
        return reworkLoops;
    }

    public Boolean firstPass() {
        return firstPass;
    }

    public java.math.BigDecimal gradeThs() {
        return gradeThs;
    }

    public java.math.BigDecimal gradeJth() {
        return gradeJth;
    }
}
