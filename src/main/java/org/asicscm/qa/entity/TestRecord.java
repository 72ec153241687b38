package org.asicscm.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** One test of one unit: the readings and the verdict. */
@Entity
@Table(name = "qa_test")
@NamedQuery(name = TestRecord.OF_UNIT, query = "select t from TestRecord t where t.serial = :serial order by t.attempt")
public class TestRecord {
    public static final String OF_UNIT = "TestRecord.ofUnit";

    @Id
    private String id;

    private String serial;
    private int attempt;

    @Column(name = "hashrate_ths")
    private BigDecimal hashrateThs;

    @Column(name = "power_w")
    private BigDecimal powerW;

    @Column(name = "efficiency_jth")
    private BigDecimal efficiencyJth;
    /** chips detected per chain, comma separated */
    @Column(name = "chips_detected")
    private String chipsDetected;

    @Column(name = "max_temp_c")
    private BigDecimal maxTempC;

    private String outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_code")
    private FailureCode failureCode;

    private String note;

    @Column(name = "tested_at")
    private OffsetDateTime testedAt;

    protected TestRecord() {}

    public TestRecord(QaUnit unit, int attempt, Measurement measurement, Verdict verdict, OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.serial = unit.serial();
        this.attempt = attempt;
        this.hashrateThs = measurement.hashrateThs();
        this.powerW = measurement.powerW();
        this.efficiencyJth = measurement.efficiencyJth() == null ? BigDecimal.ZERO : measurement.efficiencyJth();
        this.chipsDetected =
                measurement.chipsDetected().stream().map(String::valueOf).collect(Collectors.joining(","));
        this.maxTempC = measurement.maxTempC();
        this.outcome = verdict.passed() ? "PASSED" : "FAILED";
        this.failureCode = verdict.failureCode();
        this.note = verdict.reason();
        this.testedAt = at;
    }

    public String id() {
        return id;
    }

    public String serial() {
        return serial;
    }

    public int attempt() {
        return attempt;
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

    public List<Integer> chipsDetected() {
        return Arrays.stream(chipsDetected.split(",")).map(Integer::valueOf).toList();
    }

    public BigDecimal maxTempC() {
        return maxTempC;
    }

    public boolean passed() {
        return "PASSED".equals(outcome);
    }

    public FailureCode failureCode() {
        return failureCode;
    }

    public String note() {
        return note;
    }

    public OffsetDateTime testedAt() {
        return testedAt;
    }
}
