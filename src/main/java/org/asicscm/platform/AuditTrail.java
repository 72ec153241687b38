package org.asicscm.platform;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.DescriptorEvent;
import org.eclipse.persistence.descriptors.DescriptorEventAdapter;
import org.eclipse.persistence.internal.sessions.DirectToFieldChangeRecord;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectToFieldMapping;
import org.eclipse.persistence.queries.DataModifyQuery;
import org.eclipse.persistence.queries.SQLCall;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.changesets.ChangeRecord;
import org.eclipse.persistence.sessions.changesets.ObjectChangeSet;

/**
 * The audit trail: EclipseLink tells this listener about every entity a unit of work inserts,
 * updates or deletes, with the fields' values before and after, and it writes one audit row per
 * entity in the same database transaction, so a change and its record commit or roll back
 * together. Only changes a user's request makes are recorded here ({@link Acting#inRequest});
 * what the stages do in reaction is recorded by their events, which carry the same user
 * ({@code actor}) and correlation id. Technical tables (the event log, inboxes, idempotency
 * answers), the plan's schedules, shifts and shortages, rewritten by thousands on each plan run
 * (each change of an order's plan is an event with its actor), and the rows of a
 * restricted-party list (tens of thousands per load; the load itself is audited) are left out.
 */
public class AuditTrail implements SessionCustomizer {
    private static final Set<String> NOT_AUDITED = Set.of(
            "AuditEntry",
            "EventLogEntry",
            "ProcessedEvent",
            "DeadLetter",
            "BuildSchedule",
            "ScheduleSlot",
            "PlanShortage",
            "ListedParty");
    /**
     * Fields a plan run sets on thousands of rows at once; an update of nothing else is not
     * audited (the plan's events say where each order now lands, and who ran the plan).
     */
    private static final Map<String, Set<String>> PLAN_FIELDS =
            Map.of("BuildKit", Set.of("plannedEnd", "daysLate", "unplacedBoards"));

    /** Recorded as changed, never with their values. */
    private static final Set<String> SECRET = Set.of("passwordHash");

    private static final int LONGEST_CHANGES = 20_000;
    private static final String INSERT = "insert into audit_entry"
            + " (id, at, actor, action, entity, entity_id, changes, correlation_id)"
            + " values (#ID, #AT, #ACTOR, #ACTION, #ENTITY, #ENTITY_ID, #CHANGES, #CORRELATION)";

    @Override
    public void customize(Session session) {
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            if (descriptor.isAggregateDescriptor()
                    || descriptor.isAggregateCollectionDescriptor()
                    || NOT_AUDITED.contains(descriptor.getJavaClass().getSimpleName())) {
                continue;
            }
            descriptor.getEventManager().addListener(new Listener());
        }
    }

    private static final class Listener extends DescriptorEventAdapter {
        @Override
        public void postInsert(DescriptorEvent event) {
            record(event, "created");
        }

        // with weaving (change tracking by attribute) no copy of the object as read is kept: the
        // changes and their old values are only known here, once computed and before the update
        @Override
        public void preUpdateWithChanges(DescriptorEvent event) {
            record(event, "updated");
        }

        @Override
        public void postDelete(DescriptorEvent event) {
            record(event, "deleted");
        }

        private static void record(DescriptorEvent event, String action) {
            if (!Acting.inRequest()) {
                return;
            }
            if ("updated".equals(action) && onlyPlanFields(event)) {
                return;
            }
            String changes = changes(event, "deleted".equals(action));
            if ("updated".equals(action) && changes.equals("{}")) {
                return; // only the version moved
            }
            Object id = event.getDescriptor()
                    .getObjectBuilder()
                    .extractPrimaryKeyFromObject(event.getObject(), event.getSession());
            var query = new DataModifyQuery(new SQLCall(INSERT));
            for (String argument :
                    List.of("ID", "AT", "ACTOR", "ACTION", "ENTITY", "ENTITY_ID", "CHANGES", "CORRELATION")) {
                query.addArgument(argument);
            }
            event.getSession()
                    .executeQuery(
                            query,
                            List.of(
                                    UUID.randomUUID().toString(),
                                    OffsetDateTime.now(clock()).withOffsetSameInstant(ZoneOffset.UTC),
                                    Acting.actor(),
                                    action,
                                    event.getDescriptor().getJavaClass().getSimpleName(),
                                    String.valueOf(id),
                                    changes,
                                    Acting.correlationId() == null ? "" : Acting.correlationId()));
        }

        private static boolean onlyPlanFields(DescriptorEvent event) {
            var planFields =
                    PLAN_FIELDS.get(event.getDescriptor().getJavaClass().getSimpleName());
            ObjectChangeSet changeSet = event.getChangeSet();
            return planFields != null
                    && changeSet != null
                    && changeSet.getChanges().stream()
                            .map(ChangeRecord::getAttribute)
                            .allMatch(a -> planFields.contains(a) || "version".equals(a));
        }

        /**
         * {"field":{"before":…,"after":…}} for each plain field that changed (from the change set of
         * an update; every set field of a new or deleted object), the version left out.
         */
        private static String changes(DescriptorEvent event, boolean deleted) {
            var json = Json.createObjectBuilder();
            ObjectChangeSet changeSet = event.getChangeSet();
            if (changeSet != null) {
                for (ChangeRecord change : changeSet.getChanges()) {
                    if (change instanceof DirectToFieldChangeRecord field && !"version".equals(change.getAttribute())) {
                        var pair = Json.createObjectBuilder();
                        boolean secret = SECRET.contains(change.getAttribute());
                        add(pair, "before", secret ? "(not recorded)" : field.getOldValue());
                        add(pair, "after", secret ? "(not recorded)" : field.getNewValue());
                        json.add(change.getAttribute(), pair);
                    }
                }
                return bounded(json.build().toString());
            }
            Object after = event.getObject();
            for (DatabaseMapping mapping : event.getDescriptor().getMappings()) {
                if (!(mapping instanceof DirectToFieldMapping) || "version".equals(mapping.getAttributeName())) {
                    continue;
                }
                Object now = mapping.getAttributeValueFromObject(after);
                if (now == null) {
                    continue;
                }
                var pair = Json.createObjectBuilder();
                Object shown = SECRET.contains(mapping.getAttributeName()) ? "(not recorded)" : now;
                add(pair, "before", deleted ? shown : null);
                add(pair, "after", deleted ? null : shown);
                json.add(mapping.getAttributeName(), pair);
            }
            return bounded(json.build().toString());
        }

        private static String bounded(String text) {
            return text.length() <= LONGEST_CHANGES ? text : text.substring(0, LONGEST_CHANGES - 1) + "…";
        }

        private static void add(jakarta.json.JsonObjectBuilder pair, String name, Object value) {
            if (value == null) {
                pair.addNull(name);
            } else if (value instanceof Number number) {
                pair.add(name, Json.createValue(new java.math.BigDecimal(number.toString())));
            } else if (value instanceof Boolean flag) {
                pair.add(name, flag);
            } else {
                pair.add(name, value.toString());
            }
        }

        private static Clock clock() {
            return CDI.current().select(Clock.class).get();
        }
    }
}
