package org.asicscm.qa.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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

    @Column(name = "failure_code")
    private String failureCode;

    private String note;

    @Column(name = "tested_at")
    private OffsetDateTime testedAt;

    private String station;

    @Column(name = "operator_name")
    private String operator;

    private String firmware;
    private String program;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    @Column(name = "limit_set_id")
    private String limitSetId;

    @Column(name = "limit_set_version")
    private Integer limitSetVersion;

    @Column(name = "failed_chain")
    private Integer failedChain;

    @Column(name = "failed_chip")
    private Integer failedChip;

    /** fan speeds in rpm, comma separated */
    @Column(name = "fan_rpm")
    private String fanRpm;

    @Column(name = "field_return")
    private boolean fieldReturn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "qa_test_chain", joinColumns = @JoinColumn(name = "test_id"))
    @OrderColumn(name = "chain")
    private List<TestChain> chains = new ArrayList<>();

    protected TestRecord() {}

    /**
     * @param limitSet the limits the verdict was judged by; null for the built-in defaults
     * @param failedChip where the engineer located the failure on the failed chain, if known
     */
    public TestRecord(
            QaUnit unit,
            int attempt,
            TestBench bench,
            Measurement measurement,
            Verdict verdict,
            LimitSet limitSet,
            Integer failedChip,
            boolean fieldReturn,
            OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.serial = unit.serial();
        this.attempt = attempt;
        this.hashrateThs = measurement.hashrateThs();
        this.powerW = measurement.powerW();
        this.efficiencyJth = measurement.efficiencyJth() == null ? BigDecimal.ZERO : measurement.efficiencyJth();
        this.chipsDetected =
                measurement.chipsDetected().stream().map(String::valueOf).collect(Collectors.joining(","));
        this.maxTempC = measurement.hottestChipC();
        this.outcome = verdict.passed() ? "PASSED" : "FAILED";
        this.failureCode = verdict.failureCode();
        this.note = verdict.reason();
        this.testedAt = at;
        this.station = bench.station();
        this.operator = bench.operator();
        this.firmware = bench.firmware();
        this.program = bench.program();
        this.startedAt = bench.startedAt();
        this.endedAt = bench.endedAt();
        this.limitSetId = limitSet == null ? null : limitSet.id();
        this.limitSetVersion = limitSet == null ? null : limitSet.version();
        this.failedChain = verdict.failedChain();
        this.failedChip = verdict.passed() ? null : failedChip;
        this.fanRpm = measurement.fanRpm().isEmpty()
                ? null
                : measurement.fanRpm().stream().map(String::valueOf).collect(Collectors.joining(","));
        this.fieldReturn = fieldReturn;
        measurement.chains().forEach(c -> chains.add(new TestChain(c, unit.chipsPerChain())));
    }

    public TestBench bench() {
        return new TestBench(station, operator, firmware, program, startedAt, endedAt);
    }

    public List<ChainReading> chains() {
        return chains.stream().map(TestChain::reading).toList();
    }

    public Integer limitSetVersion() {
        return limitSetVersion;
    }

    public Integer failedChain() {
        return failedChain;
    }

    public Integer failedChip() {
        return failedChip;
    }

    public List<Integer> fanRpm() {
        return fanRpm == null
                ? List.of()
                : Arrays.stream(fanRpm.split(",")).map(Integer::valueOf).toList();
    }

    public boolean fieldReturn() {
        return fieldReturn;
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

    public String failureCode() {
        return failureCode;
    }

    public String note() {
        return note;
    }

    public OffsetDateTime testedAt() {
        return testedAt;
    }
}
