package org.asicscm.events.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Stage;
import org.asicscm.events.entity.ProcessedEvent;

/**
 * A stage's memory of the events it has applied. The mark is written in the same transaction
 * as the stage's reaction, so an event is applied exactly once however often it is delivered.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class.getName());

    @PersistenceContext
    EntityManager em;

    /**
     * Reads the message and claims it for the stage.
     *
     * @return the event, or empty if the stage already applied it
     * @throws EventEnvelope.MalformedEventException if the message is not an event; the caller
     *         lets it roll back so that the broker retries and finally dead-letters it
     */
    public Optional<EventEnvelope> claim(Stage stage, Message message) {
        EventEnvelope event = EventEnvelope.fromJson(textOf(message));
        var key = new ProcessedEvent.Key(stage.consumerName(), event.eventId());
        if (em.find(ProcessedEvent.class, key) != null) {
            LOG.fine(() -> stage + " ignores duplicate " + event.type() + " " + event.eventId());
            return Optional.empty();
        }
        em.persist(new ProcessedEvent(key, OffsetDateTime.now(ZoneOffset.UTC)));
        // a concurrent duplicate fails here on the primary key and is redelivered, then ignored
        em.flush();
        return Optional.of(event);
    }

    private static String textOf(Message message) {
        try {
            if (message instanceof TextMessage text && text.getText() != null) {
                return text.getText();
            }
        } catch (JMSException e) {
            throw new EventEnvelope.MalformedEventException("unreadable message", e);
        }
        throw new EventEnvelope.MalformedEventException("not a text message: " + message.getClass().getName());
    }
}
