package org.asicscm.qa.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.asicscm.events.Events;
import org.asicscm.events.Events.UnitKind;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;
import org.asicscm.qa.entity.BurnIn;
import org.asicscm.qa.entity.BurnIn.Grade;
import org.asicscm.qa.entity.BurnInLog;
import org.asicscm.qa.entity.BurnInSummary;
import org.asicscm.qa.entity.QaUnit;
import org.asicscm.qa.entity.TestBench;
import org.asicscm.qa.entity.TestRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Burn-in: a machine's whole log in one upload, judged as a test against its product's limits;
 * a pass grades the machine by the TH/s band it reaches and the J/TH band it stays within, so
 * logistics can sell by grade (MachineGraded).
 */
@Stateless
public class BurnIns {

    @PersistenceContext
    EntityManager em;

    @EJB
    QaService qa;

    @EJB
    EventOutbox outbox;

    @Inject
    Clock clock;

    /** Width of a hashrate grade: a machine at 112.4 TH/s sells as 110 with a band of 5. */
    @Inject
    @ConfigProperty(name = "scm.qa.grade.ths-band", defaultValue = "5")
    BigDecimal thsBand;

    /** Width of an efficiency grade: 29.31 J/TH sells as "at most 29.5" with a band of 0.5. */
    @Inject
    @ConfigProperty(name = "scm.qa.grade.jth-band", defaultValue = "0.5")
    BigDecimal jthBand;

    public BurnIn upload(String serial, String log, String station, String firmware, String actor) {
        QaUnit unit = em.find(QaUnit.class, serial);
        if (unit == null) {
            throw new UnknownEntityException("unit in QA", serial);
        }
        if (unit.kind() != UnitKind.MACHINE) {
            throw new RuleViolationException(
                    "not-a-machine", null, "burn-in grades machines; " + serial + " is a board");
        }
        BurnInSummary summary;
        try {
            summary = BurnInLog.read(log, unit.chains(), unit.chipsPerChain());
        } catch (BurnInLog.BadLine e) {
            throw new InvalidInputException(e.field(), e.getMessage());
        }
        TestRecord test = qa.recordTest(
                serial,
                new TestBench(station, actor, firmware, "BURN_IN", summary.startedAt(), summary.endedAt()),
                summary.measurement(),
                QaService.LoggedFailure.none(null));
        Grade grade = test.passed() ? grade(summary.hashrateThs(), summary.efficiencyJth(), thsBand, jthBand) : null;
        QaUnit judged = em.find(QaUnit.class, serial);
        judged.grade(grade == null ? null : grade.ths(), grade == null ? null : grade.jth());
        // the run references its test row, and the provider does not order unrelated entities' inserts
        em.flush();
        byte[] text = log.getBytes(StandardCharsets.UTF_8);
        var burnIn = new BurnIn(serial, test, summary, grade, gzip(text), text.length, actor, now());
        em.persist(burnIn);
        outbox.publish(
                new Events.MachineGraded(
                        serial,
                        judged.product(),
                        test.passed(),
                        summary.hashrateThs(),
                        summary.efficiencyJth(),
                        burnIn.gradeThs(),
                        burnIn.gradeJth(),
                        summary.samples()),
                judged.correlationId(),
                null);
        return burnIn;
    }

    /** The TH/s band a machine reaches (rounded down) and the J/TH band it stays within (rounded up). */
    static Grade grade(BigDecimal ths, BigDecimal jth, BigDecimal thsBand, BigDecimal jthBand) {
        if (jth == null) {
            return null;
        }
        BigDecimal thsGrade = ths.divide(thsBand, 0, RoundingMode.FLOOR).multiply(thsBand);
        BigDecimal jthGrade = jth.divide(jthBand, 0, RoundingMode.CEILING).multiply(jthBand);
        return new Grade(thsGrade, jthGrade);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<BurnIn> of(String serial) {
        if (em.find(QaUnit.class, serial) == null) {
            throw new UnknownEntityException("unit in QA", serial);
        }
        return em.createNamedQuery(BurnIn.OF_UNIT, BurnIn.class)
                .setParameter("serial", serial)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public BurnIn burnIn(String serial, String id) {
        BurnIn found = em.find(BurnIn.class, id);
        if (found == null || !found.serial().equals(serial)) {
            throw new UnknownEntityException("burn-in", serial + "/" + id);
        }
        return found;
    }

    private static byte[] gzip(byte[] text) {
        var out = new ByteArrayOutputStream(text.length / 4 + 64);
        // the fastest level: a log of numbers still shrinks ninefold (twelvefold at the default level, for more time)
        try (var zip = new GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            zip.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
