package org.asicscm.qa.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.asicscm.events.Events;
import org.asicscm.events.Events.UnitKind;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;
import org.asicscm.qa.entity.FieldReturn;
import org.asicscm.qa.entity.LimitSet;
import org.asicscm.qa.entity.Limits;
import org.asicscm.qa.entity.Measurement;
import org.asicscm.qa.entity.QaDisposition;
import org.asicscm.qa.entity.QaUnit;
import org.asicscm.qa.entity.Rework;
import org.asicscm.qa.entity.TestBench;
import org.asicscm.qa.entity.TestRecord;
import org.asicscm.qa.entity.Verdict;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tests, verdicts, rework and scrap of boards and machines. */
@Stateless
public class QaService {

    @PersistenceContext
    EntityManager em;

    @EJB
    EventOutbox outbox;

    @EJB
    TestLimits limits;

    @EJB
    Genealogy genealogy;

    @EJB
    QualityHolds holds;

    @EJB
    FieldReturns returns;

    @Inject
    Clock clock;

    /** Failed tests a unit may be reworked after; past them it is scrapped or goes to engineering review. */
    @Inject
    @ConfigProperty(name = "scm.qa.rework-limit", defaultValue = "3")
    int reworkLimit;

    // a read: no transaction to begin and commit (clients poll these while they wait for a hop)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public QaUnit unit(String serial) {
        QaUnit unit = em.find(QaUnit.class, serial);
        if (unit == null) {
            throw new UnknownEntityException("unit in QA", serial);
        }
        return unit;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<QaDisposition> dispositionsOf(String serial) {
        return em.createNamedQuery(QaDisposition.OF_UNIT, QaDisposition.class)
                .setParameter("serial", serial)
                .getResultList();
    }

    // a read: no transaction to begin and commit (clients poll these while they wait for a hop)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TestRecord> testsOf(String serial) {
        unit(serial);
        return em.createNamedQuery(TestRecord.OF_UNIT, TestRecord.class)
                .setParameter("serial", serial)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TestRecord test(String serial, int attempt) {
        return testsOf(serial).stream()
                .filter(t -> t.attempt() == attempt)
                .findFirst()
                .orElseThrow(() -> new UnknownEntityException("test", serial + "/" + attempt));
    }

    /** What the engineer logs beside the bench's readings. */
    public record LoggedFailure(String code, Integer chain, Integer chip, String note) {
        public static LoggedFailure none(String note) {
            return new LoggedFailure(null, null, null, note);
        }
    }

    public TestRecord recordTest(String serial, TestBench bench, Measurement measurement, LoggedFailure logged) {
        QaUnit unit = lockedUnit(serial);
        if (!unit.awaitsTest()) {
            throw new RuleViolationException(
                    "not-awaiting-test",
                    null,
                    unit.kind() + " " + serial + " is " + unit.status() + " and not waiting for a test",
                    Map.of("unitStatus", unit.status().name()));
        }
        if (measurement.chains().size() != unit.chains()) {
            throw new InvalidInputException(
                    "chains",
                    unit.kind() + " " + serial + " has " + unit.chains() + " chains, "
                            + measurement.chains().size() + " readings given");
        }
        String code = limits.loggable("failureCode", logged.code());
        if (logged.chain() != null && (logged.chain() < 0 || logged.chain() >= unit.chains())) {
            throw new InvalidInputException("failedChain", "must be a chain of the unit, 0 to " + (unit.chains() - 1));
        }
        if (logged.chip() != null && (logged.chip() < 0 || logged.chip() >= unit.chipsPerChain())) {
            throw new InvalidInputException(
                    "failedChip", "must be a chip position on the chain, 0 to " + (unit.chipsPerChain() - 1));
        }
        LimitSet limitSet = limits.current(unit.product()).orElse(null);
        Limits judgedBy = limitSet == null ? Limits.defaults(unit.chipsPerChain()) : limitSet.limits();
        Verdict verdict = Verdict.judge(unit, measurement, judgedBy, code, logged.chain(), logged.note());
        if (verdict.passed()) {
            holds.refusePassUnderHold(unit, bench.firmware());
        }
        OffsetDateTime at = now();
        boolean fieldReturn = returns.open(serial).isPresent();
        int attempt = unit.recordTest(verdict.passed(), bench.firmware(), fieldReturn, at);
        var test = new TestRecord(unit, attempt, bench, measurement, verdict, limitSet, logged.chip(), fieldReturn, at);
        em.persist(test);
        outbox.publish(
                new Events.UnitTested(
                        serial,
                        unit.kind(),
                        unit.buildOrderId(),
                        attempt,
                        verdict.passed(),
                        verdict.failureCode(),
                        measurement.hashrateThs()),
                unit.correlationId(),
                null);
        if (verdict.passed() && fieldReturn) {
            returns.close(serial, FieldReturn.Status.REPAIRED);
        }
        // a repaired return goes back to its owner, not to the warehouse for sale
        if (verdict.passed() && unit.kind() == UnitKind.MACHINE && !fieldReturn) {
            outbox.publish(
                    new Events.MachineReadyToShip(
                            serial, unit.buildOrderId(), measurement.hashrateThs(), unit.product()),
                    unit.correlationId(),
                    null);
        }
        return test;
    }

    /**
     * Sends a failed unit to rework and records what the rework bench did, keeping the genealogy
     * true for replaced chips and swapped parts. Past the rework limit only engineering review
     * (then rework or scrap) or scrap is left.
     */
    public QaUnit rework(String serial, String note, List<Rework.Step> steps, String actor) {
        QaUnit unit = lockedUnit(serial);
        if (unit.status() == QaUnit.Status.FAILED && unit.reworkLoops() >= reworkLimit) {
            throw new RuleViolationException(
                    "rework-limit-reached",
                    null,
                    unit.kind() + " " + serial + " was reworked " + unit.reworkLoops() + " times, the limit;"
                            + " scrap it or send it to engineering review",
                    Map.of("reworkLoops", unit.reworkLoops(), "reworkLimit", reworkLimit));
        }
        decide(unit, () -> unit.sendToRework(now()));
        for (int i = 0; i < steps.size(); i++) {
            Rework.Step step = steps.get(i);
            String field = "steps[" + i + "]";
            ReworkSteps.check(unit, step, field);
            String reworkId = java.util.UUID.randomUUID().toString();
            String removed = genealogy.apply(serial, unit.kind() == UnitKind.MACHINE, step, reworkId, field);
            em.persist(new Rework(reworkId, serial, unit.reworkLoops(), step, removed, actor, now()));
        }
        em.persist(new QaDisposition(serial, QaDisposition.Action.REWORK, note, now()));
        outbox.publish(
                new Events.UnitReworked(serial, unit.kind(), unit.buildOrderId(), note), unit.correlationId(), null);
        return unit;
    }

    public QaUnit sendToEngineeringReview(String serial, String note) {
        QaUnit unit = lockedUnit(serial);
        decide(unit, () -> unit.sendToEngineeringReview(now()));
        em.persist(new QaDisposition(serial, QaDisposition.Action.REVIEW, note, now()));
        return unit;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Rework> reworksOf(String serial) {
        return em.createNamedQuery(Rework.OF_UNIT, Rework.class)
                .setParameter("serial", serial)
                .getResultList();
    }

    public QaUnit scrap(String serial, String reason) {
        QaUnit unit = lockedUnit(serial);
        decide(unit, () -> unit.scrap(now()));
        em.persist(new QaDisposition(serial, QaDisposition.Action.SCRAP, reason, now()));
        returns.close(serial, FieldReturn.Status.SCRAPPED);
        outbox.publish(
                new Events.UnitScrapped(serial, unit.kind(), unit.buildOrderId(), reason), unit.correlationId(), null);
        return unit;
    }

    /** A disposition the unit's status does not allow (rework of a passed unit, say) is a 409 naming its status. */
    private static void decide(QaUnit unit, Runnable disposition) {
        try {
            disposition.run();
        } catch (IllegalStateException e) {
            throw new RuleViolationException(
                    "not-failed",
                    null,
                    e.getMessage(),
                    Map.of("unitStatus", unit.status().name()));
        }
    }

    private QaUnit lockedUnit(String serial) {
        QaUnit unit = em.find(QaUnit.class, serial, LockModeType.PESSIMISTIC_WRITE);
        if (unit == null) {
            throw new UnknownEntityException("unit in QA", serial);
        }
        return unit;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
