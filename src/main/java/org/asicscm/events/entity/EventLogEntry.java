package org.asicscm.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.asicscm.events.EventEnvelope;

/**
 * One event, written in the transaction of the change it reports (the outbox) and kept as the
 * event log. {@code publishedAt} is when the relay handed it to the broker: taken just before the
 * broker committed it, so no consumer applies an event before its publishedAt.
 */
@Entity
@Table(name = "event_log")
@NamedQuery(
        name = EventLogEntry.UNPUBLISHED,
        query = "select e.eventId, e.type, e.correlationId, e.payload from EventLogEntry e"
                + " where e.publishedAt is null order by e.occurredAt")
@NamedQuery(
        name = EventLogEntry.MARK_PUBLISHED,
        query = "update EventLogEntry e set e.publishedAt = :at" + " where e.eventId in :ids")
@NamedQuery(
        name = EventLogEntry.COUNT_UNPUBLISHED,
        query = "select count(e) from EventLogEntry e where e.publishedAt is null")
@NamedQuery(
        name = EventLogEntry.OLDEST_UNPUBLISHED,
        query = "select min(e.occurredAt) from EventLogEntry e where e.publishedAt is null")
public class EventLogEntry {
    public static final String UNPUBLISHED = "EventLogEntry.unpublished";
    public static final String MARK_PUBLISHED = "EventLogEntry.markPublished";
    public static final String OLDEST_UNPUBLISHED = "EventLogEntry.oldestUnpublished";
    public static final String COUNT_UNPUBLISHED = "EventLogEntry.countUnpublished";

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Column(name = "event_type")
    private String type;

    @Column(name = "schema_version")
    private int schemaVersion;

    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;

    @Column(name = "correlation_id")
    private String correlationId;

    @Column(name = "causation_id")
    private String causationId;

    @Column(name = "subject_id")
    private String subjectId;

    private String payload;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    protected EventLogEntry() {}

    public EventLogEntry(EventEnvelope envelope) {
        this.eventId = envelope.eventId();
        this.type = envelope.type().wireName();
        this.schemaVersion = envelope.schemaVersion();
        this.occurredAt = envelope.occurredAt();
        this.correlationId = envelope.correlationId();
        this.causationId = envelope.causationId();
        this.subjectId = envelope.data().subjectId();
        this.payload = envelope.toJson();
    }

    public String eventId() {
        return eventId;
    }

    public String type() {
        return type;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String correlationId() {
        return correlationId;
    }

    public String causationId() {
        return causationId;
    }

    public String subjectId() {
        return subjectId;
    }

    public String payload() {
        return payload;
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
    }
}
