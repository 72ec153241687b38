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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asicscm.events.Events;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.platform.Codes;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;
import org.asicscm.qa.entity.QaUnit;
import org.asicscm.qa.entity.QualityHold;
import org.asicscm.qa.entity.QualityHold.Scope;
import org.asicscm.qa.entity.UnitMakeup;

/**
 * Quality holds: placing one blocks every unit that carries its subject from a QA pass, and
 * tells shipping (QualityHoldPlaced) which machines it may no longer book; releasing lifts both.
 */
@Stateless
public class QualityHolds {

    @PersistenceContext
    EntityManager em;

    @EJB
    EventOutbox outbox;

    @EJB
    Recall recall;

    @EJB
    Trace trace;

    @Inject
    Clock clock;

    public QualityHold place(Scope scope, String subject, String bin, String reason, String actor) {
        if (scope == null) {
            throw new InvalidInputException(
                    "scope", "must be one of WAFER_LOT, LOT_BIN, CONTROL_BOARD_LOT, PSU_LOT, FIRMWARE");
        }
        if (subject == null || !Codes.isCode(subject)) {
            throw new InvalidInputException("subject", "must be the lot number, supplier lot or firmware version");
        }
        if ((scope == Scope.LOT_BIN) != (bin != null)) {
            throw new InvalidInputException("bin", "is given for a LOT_BIN hold, and only for it");
        }
        if (bin != null && (bin.length() > 16 || !Codes.isCode(bin))) {
            throw new InvalidInputException("bin", "must be a bin code of at most 16 characters");
        }
        for (QualityHold active : active()) {
            if (active.scope() == scope
                    && active.subject().equals(subject)
                    && java.util.Objects.equals(active.bin(), bin)) {
                throw new RuleViolationException(
                        "already-on-hold",
                        "subject",
                        scope + " " + subject + " is already on hold " + active.id(),
                        Map.of("holdId", active.id()));
            }
        }
        var hold = new QualityHold(scope, subject, bin, reason, actor, now());
        em.persist(hold);
        var affected = new Recall.Subject(scope, subject, bin);
        outbox.publish(
                new Events.QualityHoldPlaced(
                        hold.id(), scope.name(), subject, bin, reason, recall.machineSerials(affected), (int)
                                recall.summary(affected).boards()),
                "hold-" + hold.id(),
                null);
        return hold;
    }

    public QualityHold release(String id, String reason, String actor) {
        QualityHold hold = em.find(QualityHold.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (hold == null) {
            throw new UnknownEntityException("quality hold", id);
        }
        try {
            hold.release(actor, reason, now());
        } catch (IllegalStateException e) {
            throw new RuleViolationException("hold-released", null, e.getMessage());
        }
        outbox.publish(
                new Events.QualityHoldReleased(hold.id(), hold.scope().name(), hold.subject(), hold.bin(), reason),
                "hold-" + hold.id(),
                null);
        return hold;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public QualityHold hold(String id) {
        QualityHold hold = em.find(QualityHold.class, id);
        if (hold == null) {
            throw new UnknownEntityException("quality hold", id);
        }
        return hold;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<QualityHold> active() {
        return em.createNamedQuery(QualityHold.ACTIVE, QualityHold.class).getResultList();
    }

    /** The active holds on what the unit carries (with the firmware flashed now, if given). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<QualityHold> holding(QaUnit unit, String flashedFirmware) {
        List<QualityHold> active = active();
        if (active.isEmpty()) {
            return List.of();
        }
        UnitMakeup makeup = trace.makeup(unit).withFirmware(flashedFirmware);
        return active.stream().filter(h -> h.holds(makeup)).toList();
    }

    /** A unit under an active hold does not pass, whatever its readings (409 naming the hold). */
    public void refusePassUnderHold(QaUnit unit, String flashedFirmware) {
        List<QualityHold> holding = holding(unit, flashedFirmware);
        if (!holding.isEmpty()) {
            QualityHold first = holding.get(0);
            var details = new LinkedHashMap<String, Object>();
            details.put("holdId", first.id());
            details.put("scope", first.scope().name());
            details.put("subject", first.subject());
            throw new RuleViolationException(
                    "quality-hold",
                    null,
                    unit.kind() + " " + unit.serial() + " carries " + first.scope() + " " + first.subject()
                            + (first.bin() == null ? "" : "/" + first.bin()) + ", on hold: " + first.reason(),
                    details);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
