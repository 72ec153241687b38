package org.asicscm.events.control;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;

/**
 * The event backbone's control beans wired by hand, as the container would inject them, for the
 * control services' unit tests in other packages.
 */
public final class EventsWiring {
    private EventsWiring() {}

    /** An outbox writing to the test's database; each envelope it writes is also kept in {@code published}. */
    public static EventOutbox outbox(EntityManager em, Clock clock, List<EventEnvelope> published) {
        var outbox = new EventOutbox() {
            @Override
            public EventEnvelope publish(Events.Event event, String correlationId, String causationId) {
                EventEnvelope envelope = super.publish(event, correlationId, causationId);
                published.add(envelope);
                return envelope;
            }
        };
        outbox.em = em;
        outbox.clock = clock;
        outbox.written = new Recorded<>(new ArrayList<>());
        return outbox;
    }

    static Inbox inbox(EntityManager em, Clock clock, StageListener... listeners) {
        var inbox = new Inbox();
        inbox.em = em;
        inbox.clock = clock;
        inbox.listeners = new Listeners(List.of(listeners));
        return inbox;
    }

    static OutboxBatch outboxBatch(EntityManager em, Clock clock, javax.sql.DataSource dataSource) {
        var batch = new OutboxBatch();
        batch.em = em;
        batch.clock = clock;
        batch.durable = new DurableCommits();
        batch.durable.dataSource = dataSource;
        return batch;
    }

    /** CDI's event, keeping what is fired (the after-commit observers are the container's business). */
    private record Recorded<T>(List<T> fired) implements Event<T> {

        @Override
        public void fire(T event) {
            fired.add(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }

    /** The stage listeners the container would find: only iteration is used. */
    private record Listeners(List<StageListener> all) implements Instance<StageListener> {
        @Override
        public Iterator<StageListener> iterator() {
            return all.iterator();
        }

        @Override
        public StageListener get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instance<StageListener> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends StageListener> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends StageListener> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isUnsatisfied() {
            return all.isEmpty();
        }

        @Override
        public boolean isAmbiguous() {
            return all.size() > 1;
        }

        @Override
        public void destroy(StageListener instance) {}

        @Override
        public Handle<StageListener> getHandle() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<? extends Handle<StageListener>> handles() {
            throw new UnsupportedOperationException();
        }
    }
}
