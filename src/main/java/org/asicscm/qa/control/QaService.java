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
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.asicscm.events.Events.UnitKind;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;
import org.asicscm.qa.entity.FailureCode;
import org.asicscm.qa.entity.Measurement;
import org.asicscm.qa.entity.QaDisposition;
import org.asicscm.qa.entity.QaUnit;
import org.asicscm.qa.entity.TestRecord;
import org.asicscm.qa.entity.Verdict;

/** Tests, verdicts, rework and scrap of boards and machines. */
@Stateless
public class QaService {

    @PersistenceContext
    EntityManager em;

    @EJB
    EventOutbox outbox;

    @Inject
    Clock clock;

    /** Reaction to BoardAssembled: the board waits for its test. */
    public void boardAssembled(EventEnvelope event) {
        var board = event.data(Events.BoardAssembled.class);
        if (em.find(QaUnit.class, board.serial()) == null) {
            em.persist(new QaUnit(
                    board.serial(),
                    UnitKind.BOARD,
                    board.buildOrderId(),
                    1,
                    board.chips(),
                    event.correlationId(),
                    now()));
        }
    }

    /** Reaction to MachineAssembled: the machine waits for its test, one chain per board. */
    public void machineAssembled(EventEnvelope event) {
        var machine = event.data(Events.MachineAssembled.class);
        if (em.find(QaUnit.class, machine.serial()) == null) {
            em.persist(new QaUnit(
                    machine.serial(),
                    UnitKind.MACHINE,
                    machine.buildOrderId(),
                    machine.boardSerials().size(),
                    machine.chipsPerBoard(),
                    event.correlationId(),
                    now()));
        }
    }

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

    public TestRecord recordTest(String serial, Measurement measurement, FailureCode loggedFailure, String note) {
        QaUnit unit = lockedUnit(serial);
        if (!unit.awaitsTest()) {
            throw new RuleViolationException(
                    "not-awaiting-test",
                    null,
                    unit.kind() + " " + serial + " is " + unit.status() + " and not waiting for a test",
                    Map.of("unitStatus", unit.status().name()));
        }
        Verdict verdict;
        try {
            verdict = Verdict.judge(unit, measurement, loggedFailure, note);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("chipsDetected", e.getMessage());
        }
        OffsetDateTime at = now();
        int attempt = unit.recordTest(verdict.passed(), at);
        var test = new TestRecord(unit, attempt, measurement, verdict, at);
        em.persist(test);
        outbox.publish(
                new Events.UnitTested(
                        serial,
                        unit.kind(),
                        unit.buildOrderId(),
                        attempt,
                        verdict.passed(),
                        verdict.failureCode() == null
                                ? null
                                : verdict.failureCode().name(),
                        measurement.hashrateThs()),
                unit.correlationId(),
                null);
        if (verdict.passed() && unit.kind() == UnitKind.MACHINE) {
            outbox.publish(
                    new Events.MachineReadyToShip(serial, unit.buildOrderId(), measurement.hashrateThs()),
                    unit.correlationId(),
                    null);
        }
        return test;
    }

    public QaUnit rework(String serial, String note) {
        QaUnit unit = lockedUnit(serial);
        try {
            unit.sendToRework(now());
        } catch (IllegalStateException e) {
            throw new RuleViolationException(
                    "not-failed",
                    null,
                    e.getMessage(),
                    Map.of("unitStatus", unit.status().name()));
        }
        em.persist(new QaDisposition(serial, QaDisposition.Action.REWORK, note, now()));
        outbox.publish(
                new Events.UnitReworked(serial, unit.kind(), unit.buildOrderId(), note), unit.correlationId(), null);
        return unit;
    }

    public QaUnit scrap(String serial, String reason) {
        QaUnit unit = lockedUnit(serial);
        try {
            unit.scrap(now());
        } catch (IllegalStateException e) {
            throw new RuleViolationException(
                    "not-failed",
                    null,
                    e.getMessage(),
                    Map.of("unitStatus", unit.status().name()));
        }
        em.persist(new QaDisposition(serial, QaDisposition.Action.SCRAP, reason, now()));
        outbox.publish(
                new Events.UnitScrapped(serial, unit.kind(), unit.buildOrderId(), reason), unit.correlationId(), null);
        return unit;
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
