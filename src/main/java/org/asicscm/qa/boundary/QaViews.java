package org.asicscm.qa.boundary;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.asicscm.qa.entity.BurnIn;
import org.asicscm.qa.entity.ChainReading;
import org.asicscm.qa.entity.FailureCode;
import org.asicscm.qa.entity.FieldReturn;
import org.asicscm.qa.entity.LimitSet;
import org.asicscm.qa.entity.QaDisposition;
import org.asicscm.qa.entity.QaUnit;
import org.asicscm.qa.entity.QualityHold;
import org.asicscm.qa.entity.Rework;
import org.asicscm.qa.entity.TestRecord;

/** What QA's endpoints answer. */
public final class QaViews {
    private QaViews() {}

    public record TestView(
            int attempt,
            BigDecimal hashrateThs,
            BigDecimal powerW,
            BigDecimal efficiencyJth,
            List<Integer> chipsDetected,
            List<ChainReading> chains,
            BigDecimal maxTempC,
            List<Integer> fanRpm,
            boolean passed,
            String failureCode,
            Integer failedChain,
            Integer failedChip,
            String note,
            Integer limitSetVersion,
            String station,
            String operator,
            String firmware,
            String program,
            OffsetDateTime startedAt,
            OffsetDateTime endedAt,
            boolean fieldReturn,
            OffsetDateTime testedAt) {
        static TestView of(TestRecord t) {
            var bench = t.bench();
            return new TestView(
                    t.attempt(),
                    t.hashrateThs(),
                    t.powerW(),
                    t.efficiencyJth(),
                    t.chipsDetected(),
                    t.chains(),
                    t.maxTempC(),
                    t.fanRpm(),
                    t.passed(),
                    t.failureCode(),
                    t.failedChain(),
                    t.failedChip(),
                    t.note(),
                    t.limitSetVersion(),
                    bench.station(),
                    bench.operator(),
                    bench.firmware(),
                    bench.program(),
                    bench.startedAt(),
                    bench.endedAt(),
                    t.fieldReturn(),
                    t.testedAt());
        }
    }

    /** What was decided about the unit after a failure: REWORK, REVIEW (engineering) or SCRAP. */
    public record DispositionView(String action, String note, OffsetDateTime decidedAt) {
        static DispositionView of(QaDisposition d) {
            return new DispositionView(d.action().name(), d.note(), d.decidedAt());
        }
    }

    public record ReworkView(
            int loop,
            String action,
            Integer chain,
            Integer chipIndex,
            String removedPart,
            String newPartSerial,
            String newPartLot,
            String newDieLot,
            String newDieBin,
            String note,
            String doneBy,
            OffsetDateTime doneAt) {
        static ReworkView of(Rework r) {
            var s = r.step();
            return new ReworkView(
                    r.loop(),
                    s.action().name(),
                    s.chain(),
                    s.chipIndex(),
                    r.removedPart(),
                    s.newPartSerial(),
                    s.newPartLot(),
                    s.newDieLot(),
                    s.newDieBin(),
                    s.note(),
                    r.doneBy(),
                    r.doneAt());
        }
    }

    /** grade: the TH/s and J/TH bands burn-in put the machine in, null until it passed one. */
    public record UnitView(
            String serial,
            String kind,
            String buildOrderId,
            String product,
            int chains,
            int chipsPerChain,
            String status,
            int attempts,
            int reworkLoops,
            Boolean firstPass,
            String firmware,
            BigDecimal gradeThs,
            BigDecimal gradeJth,
            OffsetDateTime updatedAt,
            List<TestView> tests,
            List<DispositionView> dispositions,
            List<ReworkView> reworks) {
        static UnitView of(QaUnit u, List<TestRecord> tests, List<QaDisposition> dispositions, List<Rework> reworks) {
            return new UnitView(
                    u.serial(),
                    u.kind().name(),
                    u.buildOrderId(),
                    u.product(),
                    u.chains(),
                    u.chipsPerChain(),
                    u.status().name(),
                    u.attempts(),
                    u.reworkLoops(),
                    u.firstPass(),
                    u.firmware(),
                    u.gradeThs(),
                    u.gradeJth(),
                    u.updatedAt(),
                    tests.stream().map(TestView::of).toList(),
                    dispositions.stream().map(DispositionView::of).toList(),
                    reworks.stream().map(ReworkView::of).toList());
        }

        /** A unit in a list: without its history. */
        static UnitView summary(QaUnit u) {
            return of(u, List.of(), List.of(), List.of());
        }
    }

    public record LimitSetView(
            String product,
            int version,
            int chipsPerBoard,
            int minChipsPerChain,
            BigDecimal minChainHashrateGhs,
            BigDecimal minHashrateThs,
            BigDecimal maxEfficiencyJth,
            BigDecimal minTempC,
            BigDecimal maxTempC,
            String createdBy,
            OffsetDateTime createdAt) {
        static LimitSetView of(LimitSet l) {
            var limits = l.limits();
            return new LimitSetView(
                    l.product(),
                    l.version(),
                    l.chipsPerBoard(),
                    limits.minChipsPerChain(),
                    limits.minChainHashrateGhs(),
                    limits.minHashrateThs(),
                    limits.maxEfficiencyJth(),
                    limits.minTempC(),
                    limits.maxTempC(),
                    l.createdBy(),
                    l.createdAt());
        }
    }

    public record FailureCodeView(String code, String category, String description, boolean active) {
        static FailureCodeView of(FailureCode f) {
            return new FailureCodeView(f.code(), f.category().name(), f.description(), f.active());
        }
    }

    public record HoldView(
            String id,
            String scope,
            String subject,
            String bin,
            String reason,
            boolean active,
            String placedBy,
            OffsetDateTime placedAt,
            String releasedBy,
            OffsetDateTime releasedAt,
            String releaseReason) {
        static HoldView of(QualityHold h) {
            return new HoldView(
                    h.id(),
                    h.scope().name(),
                    h.subject(),
                    h.bin(),
                    h.reason(),
                    h.active(),
                    h.placedBy(),
                    h.placedAt(),
                    h.releasedBy(),
                    h.releasedAt(),
                    h.releaseReason());
        }
    }

    public record ReturnView(
            String id,
            String serial,
            String reportedFailure,
            String customerReport,
            String status,
            String receivedBy,
            OffsetDateTime receivedAt,
            OffsetDateTime closedAt) {
        static ReturnView of(FieldReturn r) {
            return new ReturnView(
                    r.id(),
                    r.serial(),
                    r.reportedFailure(),
                    r.customerReport(),
                    r.status().name(),
                    r.receivedBy(),
                    r.receivedAt(),
                    r.closedAt());
        }
    }

    public record BurnInView(
            String id,
            String serial,
            int samples,
            int chains,
            OffsetDateTime startedAt,
            OffsetDateTime endedAt,
            BigDecimal hashrateThs,
            BigDecimal powerW,
            BigDecimal efficiencyJth,
            BigDecimal maxChipTempC,
            long errors,
            boolean passed,
            BigDecimal gradeThs,
            BigDecimal gradeJth,
            int logBytes,
            String uploadedBy,
            OffsetDateTime uploadedAt) {
        static BurnInView of(BurnIn b) {
            return new BurnInView(
                    b.id(),
                    b.serial(),
                    b.samples(),
                    b.chains(),
                    b.startedAt(),
                    b.endedAt(),
                    b.hashrateThs(),
                    b.powerW(),
                    b.efficiencyJth(),
                    b.maxChipTempC(),
                    b.errors(),
                    b.passed(),
                    b.gradeThs(),
                    b.gradeJth(),
                    b.logBytes(),
                    b.uploadedBy(),
                    b.uploadedAt());
        }
    }
}
