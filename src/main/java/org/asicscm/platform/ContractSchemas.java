package org.asicscm.platform;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** The schemas {@link OpenApiContract} adds that no Java type of the API describes by itself. */
final class ContractSchemas {
    private ContractSchemas() {}

    /** {@link Problem}'s body as a schema, so a client knows where the field names and the code are. */
    static Schema problem() {
        var string = (java.util.function.Supplier<Schema>)
                () -> OASFactory.createSchema().type(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .addProperty("field", string.get().description("JSON path or parameter name, e.g. bins[0].dies"))
                .addProperty("message", string.get())
                .required(List.of("field", "message"));
        return OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; a refused business rule adds its code and figures")
                .addProperty("type", string.get().description("urn:asic-scm:problem:<kind>"))
                .addProperty("title", string.get())
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("detail", string.get())
                .addProperty("code", string.get().description("the business rule refused, e.g. exceeds-order-need"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(fieldError))
                .additionalPropertiesBoolean(Boolean.TRUE)
                .required(List.of("type", "title", "status"));
    }

    /**
     * The event log answers the envelopes as they were published (a JSON array built by hand, so
     * the generator sees no type): say what one entry holds.
     */
    static Schema loggedEvent() {
        var types = new java.util.ArrayList<Object>();
        for (var type : org.asicscm.events.EventType.values()) {
            types.add(type.wireName());
        }
        var time = (java.util.function.Supplier<Schema>)
                () -> OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time");
        return OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("An event as published, with when it reached the broker and each consuming stage")
                .addProperty("eventId", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty(
                        "type",
                        OASFactory.createSchema().type(Schema.SchemaType.STRING).enumeration(types))
                .addProperty("schemaVersion", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("occurredAt", time.get())
                .addProperty("correlationId", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("causationId", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty(
                        "data",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.OBJECT)
                                .description("the event's own fields; docs/events.md lists them per type"))
                .addProperty("publishedAt", time.get())
                .addProperty(
                        "consumedAt",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.OBJECT)
                                .description("per consuming stage, when it applied the event")
                                .additionalPropertiesSchema(time.get()))
                .required(List.of("eventId", "type", "schemaVersion", "occurredAt", "correlationId", "data"));
    }
}
