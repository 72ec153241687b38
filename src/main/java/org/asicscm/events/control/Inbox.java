package org.asicscm.events.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Stage;
import org.asicscm.events.entity.ProcessedEvent;

/**
 * Applies events to a stage exactly once. The stage's reaction and the mark that it applied the
 * event commit in one local database transaction; the broker is told only afterwards, so a crash
 * in between redelivers an event whose mark is already there, and it changes nothing.
 */
@Stateless
public class Inbox {

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    @Any
    Instance<StageListener> listeners;

    private Map<Stage, StageListener> byStage;

    /**
     * Applies a batch in one transaction: all or nothing.
     *
     * @return how many were new to the stage (the rest it had applied before)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int applyAll(Stage stage, List<EventEnvelope> events) {
        return apply(stage, events);
    }

    /** One event in its own transaction: how a batch that failed is taken apart, and how a dead letter is replayed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int applyOne(Stage stage, EventEnvelope event) {
        return apply(stage, List.of(event));
    }

    private int apply(Stage stage, List<EventEnvelope> events) {
        StageListener listener = listenerOf(stage);
        Set<String> seen = new HashSet<>();
        for (Object[] row : em.createNamedQuery(ProcessedEvent.APPLIED_OF, Object[].class)
                .setParameter(
                        "eventIds", events.stream().map(EventEnvelope::eventId).toList())
                .getResultList()) {
            if (stage.consumerName().equals(row[0])) {
                seen.add((String) row[1]);
            }
        }
        var now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int applied = 0;
        for (EventEnvelope event : events) {
            if (!seen.add(event.eventId())) {
                continue; // applied before, or twice in this batch
            }
            // what the stage does in reaction is done for the user who caused the event
            org.asicscm.platform.Acting.asEventActor(event.actor(), () -> listener.apply(event));
            em.persist(new ProcessedEvent(new ProcessedEvent.Key(stage.consumerName(), event.eventId()), now));
            applied++;
        }
        // a concurrent duplicate (another instance) fails here on the primary key; the batch is retried
        em.flush();
        return applied;
    }

    private StageListener listenerOf(Stage stage) {
        if (byStage == null) {
            byStage = new EnumMap<>(Stage.class);
            listeners.forEach(l -> byStage.put(l.stage(), l));
        }
        StageListener listener = byStage.get(stage);
        if (listener == null) {
            throw new IllegalStateException("no listener for stage " + stage);
        }
        return listener;
    }
}
