package org.asicscm.events.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.asicscm.events.entity.EventLogEntry;

/**
 * The one way a stage publishes: the event is written to the outbox in the caller's
 * transaction, so it exists exactly when the change it reports does. Once that transaction
 * commits, the relay sends it; the sweeper catches any the relay missed (a crash in between).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class EventOutbox {

    @Inject
    Clock clock;

    /** Fired inside the transaction; observed after it committed. */
    public record Written(String eventId, Events.Event event) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<Written> written;

    public EventEnvelope publish(Events.Event event, String correlationId, String causationId) {
        var envelope = EventEnvelope.create(event, correlationId, causationId, clock);
        em.persist(new EventLogEntry(envelope));
        written.fire(new Written(envelope.eventId(), event));
        return envelope;
    }
}
