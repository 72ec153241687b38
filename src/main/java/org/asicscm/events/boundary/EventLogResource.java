package org.asicscm.events.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.asicscm.events.EventType;
import org.asicscm.events.entity.EventLogEntry;
import org.asicscm.events.entity.ProcessedEvent;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("events")
@Stateless
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event log")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.PLANNER, Roles.QA, Roles.LOGISTICS})
public class EventLogResource {
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext
    EntityManager em;

    @GET
    @Operation(
            summary = "Read the event log, oldest first",
            description = "Filter by correlation id, event type (wire name) and a time window [from, to). "
                    + "Each event says when it was published to the broker and when each consuming stage applied it.")
    public JsonArray events(
            @QueryParam("correlationId") String correlationId,
            @QueryParam("type") String type,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("200") String limitText) {
        int limit = QueryParams.number("limit", limitText, 200, 1, 2000);
        // checked here, not with @Size/@Min/@Max: Payara's OpenAPI generator fails on constrained
        // query parameters (payara/Payara#7649)
        if (correlationId != null && correlationId.length() > 64) {
            throw new InvalidInputException("correlationId", "must be at most 64 characters");
        }
        var where = new StringBuilder("select e from EventLogEntry e where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (correlationId != null) {
            where.append(" and e.correlationId = :correlationId");
            parameters.put("correlationId", correlationId);
        }
        if (type != null) {
            if (EventType.byWireName(type).isEmpty()) {
                throw new InvalidInputException("type", "no event type named " + type);
            }
            where.append(" and e.type = :type");
            parameters.put("type", type);
        }
        if (from != null) {
            where.append(" and e.occurredAt >= :from");
            parameters.put("from", QueryParams.time("from", from));
        }
        if (to != null) {
            where.append(" and e.occurredAt < :to");
            parameters.put("to", QueryParams.time("to", to));
        }
        where.append(" order by e.occurredAt, e.eventId");
        var query = em.createQuery(where.toString(), EventLogEntry.class).setMaxResults(limit);
        parameters.forEach(query::setParameter);
        List<EventLogEntry> entries = query.getResultList();
        Map<String, List<ProcessedEvent>> deliveries = entries.isEmpty()
                ? Map.of()
                : em
                        .createNamedQuery(ProcessedEvent.OF_EVENTS, ProcessedEvent.class)
                        .setParameter(
                                "eventIds",
                                entries.stream().map(EventLogEntry::eventId).toList())
                        .getResultList()
                        .stream()
                        .collect(Collectors.groupingBy(p -> p.key().eventId()));
        var result = JSON.createArrayBuilder();
        for (EventLogEntry entry : entries) {
            JsonObject event =
                    JSON.createReader(new StringReader(entry.payload())).readObject();
            var withState = JSON.createObjectBuilder(event);
            if (entry.publishedAt() != null) {
                withState.add("publishedAt", entry.publishedAt().toString());
            }
            // when each consuming stage applied it: the end of each hop
            var consumed = JSON.createObjectBuilder();
            deliveries
                    .getOrDefault(entry.eventId(), List.of())
                    .forEach(p ->
                            consumed.add(p.key().consumer(), p.processedAt().toString()));
            withState.add("consumedAt", consumed);
            result.add(withState);
        }
        return result.build();
    }
}
