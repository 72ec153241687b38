package org.asicscm.events.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Stage;
import org.asicscm.events.entity.DeadLetter;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;

/** Messages the stages could not apply: parked, listed, replayed after a fix, or discarded with a reason. */
@Stateless
public class DeadLetters {

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());
    public static final int MAX_LIST = 1000;

    @PersistenceContext
    EntityManager em;

    @EJB
    Inbox inbox;

    @Resource
    SessionContext context;

    /** Parks a message; the same event failing again for the same stage updates its open letter. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void park(Stage stage, String text, EventEnvelope event, String error, int attempts) {
        var now = now();
        LOG.warning(() -> stage.consumerName() + " dead-letters "
                + (event == null
                        ? "an unreadable message"
                        : event.type().wireName() + " " + event.eventId() + " (correlation " + event.correlationId()
                                + ")")
                + " after " + attempts + " attempt(s): " + error);
        if (event != null) {
            List<DeadLetter> open = openOf(stage, event.eventId());
            if (!open.isEmpty()) {
                open.get(0).failedAgain(error, attempts, now);
                return;
            }
        }
        em.persist(new DeadLetter(
                stage.consumerName(),
                event == null ? null : event.eventId(),
                event == null ? null : event.type().wireName(),
                event == null ? null : event.correlationId(),
                text,
                error,
                attempts,
                now));
    }

    public List<DeadLetter> list(DeadLetter.Status status, String consumer, int limit) {
        var query = new StringBuilder("select d from DeadLetter d where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (status != null) {
            query.append(" and d.status = :status");
            parameters.put("status", status);
        }
        if (consumer != null) {
            query.append(" and d.consumer = :consumer");
            parameters.put("consumer", consumer);
        }
        query.append(" order by d.firstFailedAt, d.id");
        var typed = em.createQuery(query.toString(), DeadLetter.class).setMaxResults(limit);
        parameters.forEach(typed::setParameter);
        return typed.getResultList();
    }

    public DeadLetter find(String id) {
        DeadLetter letter = em.find(DeadLetter.class, id);
        if (letter == null) {
            throw new UnknownEntityException("dead letter", id);
        }
        return letter;
    }

    public long countOpen() {
        return em.createNamedQuery(DeadLetter.COUNT_OPEN, Long.class).getSingleResult();
    }

    /**
     * Applies the parked event again, in its own transaction. Safe to repeat: the inbox ignores an
     * event the stage already applied, so a crash between applying and marking is harmless.
     *
     * @throws RuleViolationException 409 {@code replay-failed} with the error when it still fails
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DeadLetter replay(String id) {
        DeadLetter letter = find(id);
        if (!letter.isOpen()) {
            throw new RuleViolationException(
                    "dead-letter-closed", null, "dead letter " + id + " is already " + letter.status());
        }
        Stage stage = Stage.byConsumerName(letter.consumer())
                .orElseThrow(() -> new IllegalStateException("dead letter of unknown consumer " + letter.consumer()));
        try {
            inbox.applyOne(stage, EventEnvelope.fromJson(letter.message()));
        } catch (RuntimeException e) {
            String error = StageConsumer.describe(e);
            self().failedAgain(id, error);
            throw new RuleViolationException(
                    "replay-failed", null, "still failing: " + error, Map.of("deadLetterId", id, "error", error));
        }
        return self().resolve(id);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public DeadLetter resolve(String id) {
        DeadLetter letter = em.find(DeadLetter.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (letter.isOpen()) {
            letter.replayed(now());
        }
        return letter;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failedAgain(String id, String error) {
        em.find(DeadLetter.class, id, LockModeType.PESSIMISTIC_WRITE).failedAgain(error, 1, now());
    }

    public DeadLetter discard(String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "must say why the message is discarded");
        }
        DeadLetter letter = em.find(DeadLetter.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (letter == null) {
            throw new UnknownEntityException("dead letter", id);
        }
        if (!letter.isOpen()) {
            throw new RuleViolationException(
                    "dead-letter-closed", null, "dead letter " + id + " is already " + letter.status());
        }
        letter.discard(reason.strip(), now());
        return letter;
    }

    private List<DeadLetter> openOf(Stage stage, String eventId) {
        return em.createNamedQuery(DeadLetter.OPEN_OF_EVENT, DeadLetter.class)
                .setParameter("consumer", stage.consumerName())
                .setParameter("eventId", eventId)
                .setParameter("status", DeadLetter.Status.OPEN)
                .getResultList();
    }

    private DeadLetters self() {
        return context.getBusinessObject(DeadLetters.class);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
