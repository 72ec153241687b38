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
import java.util.Map;
import java.util.Optional;
import org.asicscm.events.Events;
import org.asicscm.events.Events.UnitKind;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;
import org.asicscm.qa.entity.FieldReturn;
import org.asicscm.qa.entity.QaUnit;
import org.asicscm.qa.entity.TracedMachine;

/**
 * Returns from the field (RMA): a shipped machine is received against its serial with the
 * failure its owner reported, waits for a test, and is repaired (passes again) or scrapped. The
 * reported failure counts in the Pareto as a field failure of the machine's lots.
 */
@Stateless
public class FieldReturns {

    @PersistenceContext
    EntityManager em;

    @EJB
    EventOutbox outbox;

    @EJB
    TestLimits limits;

    @Inject
    Clock clock;

    public FieldReturn receive(String serial, String reportedFailure, String customerReport, String actor) {
        String code = limits.loggable("reportedFailure", reportedFailure);
        QaUnit unit = em.find(QaUnit.class, serial, LockModeType.PESSIMISTIC_WRITE);
        if (unit == null) {
            throw new UnknownEntityException("machine", serial);
        }
        TracedMachine machine = em.find(TracedMachine.class, serial);
        if (unit.kind() != UnitKind.MACHINE || machine == null || !machine.wasShipped()) {
            throw new RuleViolationException(
                    "never-shipped",
                    "serial",
                    unit.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + serial
                            + " was never shipped, so it cannot come back from the field",
                    Map.of("unitStatus", unit.status().name()));
        }
        open(serial).ifPresent(open -> {
            throw new RuleViolationException(
                    "return-open",
                    "serial",
                    "machine " + serial + " is already back on return " + open.id(),
                    Map.of("returnId", open.id()));
        });
        try {
            unit.returnFromField(now());
        } catch (IllegalStateException e) {
            throw new RuleViolationException(
                    "scrapped",
                    "serial",
                    e.getMessage(),
                    Map.of("unitStatus", unit.status().name()));
        }
        var received = new FieldReturn(serial, code, customerReport, actor, now());
        em.persist(received);
        outbox.publish(
                new Events.MachineReturned(serial, received.id(), code, machine.shipmentId()),
                unit.correlationId(),
                null);
        return received;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<FieldReturn> open(String serial) {
        return em.createNamedQuery(FieldReturn.OPEN_OF_UNIT, FieldReturn.class)
                .setParameter("serial", serial)
                .getResultStream()
                .findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public FieldReturn fieldReturn(String id) {
        FieldReturn found = em.find(FieldReturn.class, id);
        if (found == null) {
            throw new UnknownEntityException("return", id);
        }
        return found;
    }

    /** Closes the unit's open return, if any: repaired when it passes again, scrapped when it is. */
    public void close(String serial, FieldReturn.Status outcome) {
        open(serial).ifPresent(r -> {
            em.lock(r, LockModeType.PESSIMISTIC_WRITE);
            r.close(outcome, now());
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
