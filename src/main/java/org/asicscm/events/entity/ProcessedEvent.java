package org.asicscm.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A consumer's record that it has applied an event: the key of idempotent consumption. */
@Entity
@Table(name = "processed_event")
@NamedQuery(
        name = ProcessedEvent.OF_EVENTS,
        query = "select p from ProcessedEvent p where p.key.eventId in :eventIds order by p.processedAt")
@NamedQuery(
        name = ProcessedEvent.APPLIED_OF,
        // by event id alone: with the consumer too, H2 walks the primary key (consumer, event_id)
        // through every row of the consumer instead of looking the ids up in processed_event_event
        query = "select p.key.consumer, p.key.eventId from ProcessedEvent p where p.key.eventId in :eventIds")
public class ProcessedEvent {
    public static final String OF_EVENTS = "ProcessedEvent.ofEvents";
    public static final String APPLIED_OF = "ProcessedEvent.appliedOf";

    @Embeddable
    public static class Key implements Serializable {
        private String consumer;

        @Column(name = "event_id")
        private String eventId;

        protected Key() {}

        public String consumer() {
            return consumer;
        }

        public String eventId() {
            return eventId;
        }

        public Key(String consumer, String eventId) {
            this.consumer = Objects.requireNonNull(consumer);
            this.eventId = Objects.requireNonNull(eventId);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && consumer.equals(k.consumer) && eventId.equals(k.eventId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(consumer, eventId);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(name = "processed_at")
    private OffsetDateTime processedAt;

    protected ProcessedEvent() {}

    public ProcessedEvent(Key key, OffsetDateTime processedAt) {
        this.key = key;
        this.processedAt = processedAt;
    }

    public Key key() {
        return key;
    }

    public OffsetDateTime processedAt() {
        return processedAt;
    }
}
