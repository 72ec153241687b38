package org.asicscm.qa.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.asicscm.platform.Codes;
import org.asicscm.qa.entity.FailureCode;
import org.asicscm.qa.entity.QualityHold;
import org.asicscm.qa.entity.Rework;

/**
 * What QA's endpoints take. Each record's constructor is written out so that the constraints
 * stay off its parameters (README: Payara OpenAPI).
 */
public final class QaRequests {
    private QaRequests() {}

    /** One chain's reading from the bench. */
    public record ChainRequest(
            @NotNull @Min(0) @Max(1000) Integer chipsDetected,
            @DecimalMin("0") @DecimalMax("10000000") BigDecimal hashrateGhs,
            @DecimalMin("-40") @DecimalMax("200") BigDecimal chipTempC,
            @DecimalMin("-40") @DecimalMax("200") BigDecimal pcbTempC,
            @Min(0) @Max(1000000000) Integer errors) {
        public ChainRequest(
                Integer chipsDetected,
                BigDecimal hashrateGhs,
                BigDecimal chipTempC,
                BigDecimal pcbTempC,
                Integer errors) {
            this.chipsDetected = chipsDetected;
            this.hashrateGhs = hashrateGhs;
            this.chipTempC = chipTempC;
            this.pcbTempC = pcbTempC;
            this.errors = errors;
        }
    }

    /**
     * A test: either chains (a reading per chain) or chipsDetected (the chips found per chain
     * only); failureCode for what the bench cannot see, located by failedChain and failedChip.
     */
    public record TestRequest(
            @NotNull @DecimalMin("0") @DecimalMax("10000") BigDecimal hashrateThs,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000")
            BigDecimal powerW,

            @Size(min = 1, max = 10) List<Integer> chipsDetected,
            @Valid @Size(min = 1, max = 10) List<ChainRequest> chains,
            @DecimalMin("-40") @DecimalMax("200") BigDecimal maxTempC,
            @Size(max = 16) List<Integer> fanRpm,
            @Size(max = 32) String failureCode,
            @Min(0) @Max(9) Integer failedChain,
            @Min(0) @Max(999) Integer failedChip,
            @Size(max = 500) String note,
            @Size(max = 40) @Pattern(regexp = Codes.PATTERN) String station,
            @Size(max = 40) @Pattern(regexp = Codes.PATTERN) String firmware,
            @Size(max = 40) @Pattern(regexp = Codes.PATTERN) String program,
            OffsetDateTime startedAt,
            OffsetDateTime endedAt) {
        public TestRequest(
                BigDecimal hashrateThs,
                BigDecimal powerW,
                List<Integer> chipsDetected,
                List<ChainRequest> chains,
                BigDecimal maxTempC,
                List<Integer> fanRpm,
                String failureCode,
                Integer failedChain,
                Integer failedChip,
                String note,
                String station,
                String firmware,
                String program,
                OffsetDateTime startedAt,
                OffsetDateTime endedAt) {
            this.hashrateThs = hashrateThs;
            this.powerW = powerW;
            this.chipsDetected = chipsDetected;
            this.chains = chains;
            this.maxTempC = maxTempC;
            this.fanRpm = fanRpm;
            this.failureCode = failureCode;
            this.failedChain = failedChain;
            this.failedChip = failedChip;
            this.note = note;
            this.station = station;
            this.firmware = firmware;
            this.program = program;
            this.startedAt = startedAt;
            this.endedAt = endedAt;
        }
    }

    public record DispositionRequest(
            @NotBlank @Size(max = 500) String note) {
        public DispositionRequest(String note) {
            this.note = note;
        }
    }

    /** One thing the rework bench did; which fields it needs depends on the action (docs/qa.md). */
    public record StepRequest(
            @NotNull Rework.Action action,
            @Min(0) @Max(9) Integer chain,
            @Min(0) @Max(999) Integer chipIndex,
            @Size(max = 40) String newPartSerial,
            @Size(max = 40) String newPartLot,
            @Size(max = 40) String newDieLot,
            @Size(max = 16) String newDieBin,
            @Size(max = 500) String note) {
        public StepRequest(
                Rework.Action action,
                Integer chain,
                Integer chipIndex,
                String newPartSerial,
                String newPartLot,
                String newDieLot,
                String newDieBin,
                String note) {
            this.action = action;
            this.chain = chain;
            this.chipIndex = chipIndex;
            this.newPartSerial = newPartSerial;
            this.newPartLot = newPartLot;
            this.newDieLot = newDieLot;
            this.newDieBin = newDieBin;
            this.note = note;
        }

        Rework.Step step() {
            return new Rework.Step(action, chain, chipIndex, newPartSerial, newPartLot, newDieLot, newDieBin, note);
        }
    }

    public record ReworkRequest(
            @NotBlank @Size(max = 500) String note,
            @Valid @Size(max = 20) List<StepRequest> steps) {
        public ReworkRequest(String note, List<StepRequest> steps) {
            this.note = note;
            this.steps = steps;
        }
    }

    public record LimitSetRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = Codes.PATTERN)
            String product,

            @NotNull @Min(1) @Max(1000) Integer minChipsPerChain,

            @NotNull @DecimalMin("0") @DecimalMax("10000000")
            BigDecimal minChainHashrateGhs,

            @NotNull @DecimalMin("0") @DecimalMax("10000") BigDecimal minHashrateThs,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000")
            BigDecimal maxEfficiencyJth,

            @NotNull @DecimalMin("-40") @DecimalMax("200") BigDecimal minTempC,
            @NotNull @DecimalMin("-40") @DecimalMax("200") BigDecimal maxTempC) {
        public LimitSetRequest(
                String product,
                Integer minChipsPerChain,
                BigDecimal minChainHashrateGhs,
                BigDecimal minHashrateThs,
                BigDecimal maxEfficiencyJth,
                BigDecimal minTempC,
                BigDecimal maxTempC) {
            this.product = product;
            this.minChipsPerChain = minChipsPerChain;
            this.minChainHashrateGhs = minChainHashrateGhs;
            this.minHashrateThs = minHashrateThs;
            this.maxEfficiencyJth = maxEfficiencyJth;
            this.minTempC = minTempC;
            this.maxTempC = maxTempC;
        }
    }

    public record FailureCodeRequest(
            @NotNull FailureCode.Category category,
            @NotBlank @Size(max = 200) String description,
            Boolean active) {
        public FailureCodeRequest(FailureCode.Category category, String description, Boolean active) {
            this.category = category;
            this.description = description;
            this.active = active;
        }
    }

    /** bin only for scope LOT_BIN; subject is the wafer lot number, supplier lot or firmware version. */
    public record HoldRequest(
            @NotNull QualityHold.Scope scope,

            @NotBlank @Size(max = 40) @Pattern(regexp = Codes.PATTERN)
            String subject,

            @Size(max = 16) @Pattern(regexp = Codes.PATTERN) String bin,
            @NotBlank @Size(max = 500) String reason) {
        public HoldRequest(QualityHold.Scope scope, String subject, String bin, String reason) {
            this.scope = scope;
            this.subject = subject;
            this.bin = bin;
            this.reason = reason;
        }
    }

    public record ReturnRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = Codes.PATTERN)
            String serial,

            @NotBlank @Size(max = 32) String reportedFailure,
            @Size(max = 1000) String customerReport) {
        public ReturnRequest(String serial, String reportedFailure, String customerReport) {
            this.serial = serial;
            this.reportedFailure = reportedFailure;
            this.customerReport = customerReport;
        }
    }
}
