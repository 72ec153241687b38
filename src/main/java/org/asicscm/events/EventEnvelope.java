package org.asicscm.events;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.asicscm.events.Events.Event;

/**
 * An event as it travels: ids and metadata around the payload record, as one small JSON text.
 *
 * @param causationId the event that caused this one, null when a person's request did
 * @param actor the user whose request led to the event (carried through every reaction), or
 *     "system"; null in events written before it was recorded
 */
public record EventEnvelope(
        String eventId,
        EventType type,
        int schemaVersion,
        OffsetDateTime occurredAt,
        String correlationId,
        String causationId,
        Event data,
        String actor) {

    private static final Jsonb JSONB = JsonbBuilder.create();
    /** Looked up once: every static Json.createX call searches for the provider again (seen in JFR). */
    static final JsonProvider JSON = JsonProvider.provider();

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(data, "data");
        if (type.payloadType() != data.getClass()) {
            throw new IllegalArgumentException(
                    type + " does not carry " + data.getClass().getSimpleName());
        }
        RequiredFields.firstMissing((Record) data).ifPresent(missing -> {
            throw new MalformedEventException(type.wireName() + " " + eventId + " lacks " + missing);
        });
    }

    /** A new envelope stamped with the time on the given clock. */
    public static EventEnvelope create(Event data, String correlationId, String causationId, Clock clock) {
        return new EventEnvelope(
                UUID.randomUUID().toString(),
                EventType.of(data),
                EventType.SCHEMA_VERSION,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                correlationId,
                causationId,
                data,
                org.asicscm.platform.Acting.actor());
    }

    public <T extends Event> T data(Class<T> type) {
        return type.cast(data);
    }

    public String toJson() {
        var json = JSON.createObjectBuilder()
                .add("eventId", eventId)
                .add("type", type.wireName())
                .add("schemaVersion", schemaVersion)
                .add("occurredAt", occurredAt.toString())
                .add("correlationId", correlationId);
        if (causationId != null) {
            json.add("causationId", causationId);
        }
        if (actor != null) {
            json.add("actor", actor);
        }
        json.add("subjectId", data.subjectId());
        // JSON-B writes the record as a JSON object: splice it in rather than parse it back into a tree
        String header = json.build().toString();
        return header.substring(0, header.length() - 1) + ",\"data\":" + JSONB.toJson(data) + "}";
    }

    /** @throws MalformedEventException when the text is not an event of the catalogue */
    public static EventEnvelope fromJson(String text) {
        try {
            JsonObject json = JSON.createReader(new StringReader(text)).readObject();
            String wireName = json.getString("type");
            EventType type = EventType.byWireName(wireName)
                    .orElseThrow(() -> new MalformedEventException("unknown event type " + wireName));
            int version = json.getInt("schemaVersion");
            if (version < EventType.OLDEST_READABLE_VERSION || version > EventType.SCHEMA_VERSION) {
                throw new MalformedEventException("unsupported schema version " + version + " of " + wireName);
            }
            Event data = JSONB.fromJson(json.getJsonObject("data").toString(), type.payloadType());
            return new EventEnvelope(
                    json.getString("eventId"),
                    type,
                    version,
                    OffsetDateTime.parse(json.getString("occurredAt")),
                    json.getString("correlationId"),
                    json.containsKey("causationId") ? json.getString("causationId") : null,
                    data,
                    json.containsKey("actor") ? json.getString("actor") : null);
        } catch (MalformedEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedEventException("not a readable event: " + e.getMessage(), e);
        }
    }

    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }

        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
