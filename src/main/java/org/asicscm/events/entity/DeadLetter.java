package org.asicscm.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A message a stage could not apply, parked with its last error until a person replays it
 * (after a fix) or discards it with a reason. Kept afterwards as the record of what happened.
 */
@Entity
@Table(name = "dead_letter")
@NamedQuery(
        name = DeadLetter.OPEN_OF_EVENT,
        query =
                "select d from DeadLetter d where d.consumer = :consumer and d.eventId = :eventId and d.status = :status")
@NamedQuery(
        name = DeadLetter.COUNT_OPEN,
        query = "select count(d) from DeadLetter d where d.status = org.asicscm.events.entity.DeadLetter.Status.OPEN")
public class DeadLetter {
    public static final String OPEN_OF_EVENT = "DeadLetter.openOfEvent";
    public static final String COUNT_OPEN = "DeadLetter.countOpen";
    static final int MAX_ERROR = 2000;
    static final int MAX_MESSAGE = 8000;

    public enum Status {
        OPEN,
        REPLAYED,
        DISCARDED
    }

    @Id
    private String id;

    private String consumer;

    @Column(name = "event_id")
    private String eventId;

    @Column(name = "event_type")
    private String eventType;

    @Column(name = "correlation_id")
    private String correlationId;

    private String message;
    private String error;
    private int attempts;

    @Column(name = "first_failed_at")
    private OffsetDateTime firstFailedAt;

    @Column(name = "last_failed_at")
    private OffsetDateTime lastFailedAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    private String resolution;

    @Version
    private int version;

    protected DeadLetter() {}

    /** eventId, eventType and correlationId are null when the message was not readable as an event. */
    public DeadLetter(
            String consumer,
            String eventId,
            String eventType,
            String correlationId,
            String message,
            String error,
            int attempts,
            OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.consumer = Objects.requireNonNull(consumer);
        this.eventId = eventId;
        this.eventType = eventType;
        this.correlationId = correlationId;
        // a stranger's oversized message is kept in part: enough to see what it was
        this.message = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
        this.error = clip(error);
        this.attempts = attempts;
        this.firstFailedAt = at;
        this.lastFailedAt = at;
        this.status = Status.OPEN;
    }

    /** The same event failed again (a redelivery after a crash, or a replay that did not help). */
    public void failedAgain(String error, int attempts, OffsetDateTime at) {
        this.error = clip(error);
        this.attempts += attempts;
        this.lastFailedAt = at;
    }

    public void replayed(OffsetDateTime at) {
        requireOpen();
        this.status = Status.REPLAYED;
        this.resolvedAt = at;
        this.resolution = "applied on replay";
    }

    public void discard(String reason, OffsetDateTime at) {
        requireOpen();
        this.status = Status.DISCARDED;
        this.resolvedAt = at;
        this.resolution = Objects.requireNonNull(reason);
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new IllegalStateException("dead letter " + id + " is already " + status);
        }
    }

    private static String clip(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }

    public String id() {
        return id;
    }

    public String consumer() {
        return consumer;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String correlationId() {
        return correlationId;
    }

    public String message() {
        return message;
    }

    public String error() {
        return error;
    }

    public int attempts() {
        return attempts;
    }

    public OffsetDateTime firstFailedAt() {
        return firstFailedAt;
    }

    public OffsetDateTime lastFailedAt() {
        return lastFailedAt;
    }

    public Status status() {
        return status;
    }

    public OffsetDateTime resolvedAt() {
        return resolvedAt;
    }

    public String resolution() {
        return resolution;
    }
}
