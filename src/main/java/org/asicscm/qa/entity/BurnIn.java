package org.asicscm.qa.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One burn-in run of a machine: its log (gzip), what it adds up to, and the grade it gave. */
@Entity
@Table(name = "qa_burn_in")
@NamedQuery(name = BurnIn.OF_UNIT, query = "select b from BurnIn b where b.serial = :serial order by b.uploadedAt")
public class BurnIn {
    public static final String OF_UNIT = "BurnIn.ofUnit";

    @Id
    private String id;

    private String serial;

    @Column(name = "test_id")
    private String testId;

    private int samples;
    private int chains;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    @Column(name = "hashrate_ths")
    private BigDecimal hashrateThs;

    @Column(name = "power_w")
    private BigDecimal powerW;

    @Column(name = "efficiency_jth")
    private BigDecimal efficiencyJth;

    @Column(name = "max_chip_temp_c")
    private BigDecimal maxChipTempC;

    private long errors;
    private boolean passed;

    @Column(name = "grade_ths")
    private BigDecimal gradeThs;

    @Column(name = "grade_jth")
    private BigDecimal gradeJth;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "log_gzip")
    private byte[] logGzip;

    @Column(name = "log_bytes")
    private int logBytes;

    @Column(name = "uploaded_by")
    private String uploadedBy;

    @Column(name = "uploaded_at")
    private OffsetDateTime uploadedAt;

    protected BurnIn() {}

    public BurnIn(
            String serial,
            TestRecord test,
            BurnInSummary summary,
            Grade grade,
            byte[] logGzip,
            int logBytes,
            String uploadedBy,
            OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.serial = serial;
        this.testId = test.id();
        this.samples = summary.samples();
        this.chains = summary.chains();
        this.startedAt = summary.startedAt();
        this.endedAt = summary.endedAt();
        this.hashrateThs = summary.hashrateThs();
        this.powerW = summary.powerW();
        this.efficiencyJth = summary.efficiencyJth();
        this.maxChipTempC = summary.maxChipTempC();
        this.errors = summary.errors();
        this.passed = test.passed();
        this.gradeThs = grade == null ? null : grade.ths();
        this.gradeJth = grade == null ? null : grade.jth();
        this.logGzip = logGzip;
        this.logBytes = logBytes;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = at;
    }

    /** A machine's grade: at least ths TH/s at most jth J/TH, the bands buyers order by. */
    public record Grade(BigDecimal ths, BigDecimal jth) {
        public String label() {
            return ths.stripTrailingZeros().toPlainString() + " TH/s @ "
                    + jth.stripTrailingZeros().toPlainString() + " J/TH";
        }
    }

    public String id() {
        return id;
    }

    public String serial() {
        return serial;
    }

    public String testId() {
        return testId;
    }

    public int samples() {
        return samples;
    }

    public int chains() {
        return chains;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public OffsetDateTime endedAt() {
        return endedAt;
    }

    public BigDecimal hashrateThs() {
        return hashrateThs;
    }

    public BigDecimal powerW() {
        return powerW;
    }

    public BigDecimal efficiencyJth() {
        return efficiencyJth;
    }

    public BigDecimal maxChipTempC() {
        return maxChipTempC;
    }

    public long errors() {
        return errors;
    }

    public boolean passed() {
        return passed;
    }

    public BigDecimal gradeThs() {
        return gradeThs;
    }

    public BigDecimal gradeJth() {
        return gradeJth;
    }

    public byte[] logGzip() {
        return logGzip;
    }

    public int logBytes() {
        return logBytes;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public OffsetDateTime uploadedAt() {
        return uploadedAt;
    }
}
