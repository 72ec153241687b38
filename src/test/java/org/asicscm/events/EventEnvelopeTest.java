package org.asicscm.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:00:00.123456789Z"), ZoneOffset.UTC);

    @Test
    void anEventSurvivesTheWireWithItsMetadata() {
        var data = new Events.BoardAssembled(
                "HB-1",
                "bo-1",
                "line-1",
                "BM1398",
                114,
                List.of(
                        new Events.DieSource("a-1", "lot-1", "LOT-1", "B1", 100),
                        new Events.DieSource("a-2", "lot-2", "LOT-2", "B2", 14)),
                "f-1",
                "L1",
                "2026-11-26/S1");
        var sent = EventEnvelope.create(data, "corr-1", "cause-1", CLOCK);

        var received = EventEnvelope.fromJson(sent.toJson());

        assertEquals(sent, received);
        assertEquals(EventType.BOARD_ASSEMBLED, received.type());
        assertEquals(data, received.data(Events.BoardAssembled.class));
    }

    @Test
    void theEnvelopeCarriesIdTypeVersionTimeCorrelationAndSubject() {
        var json = Json.createReader(new StringReader(EventEnvelope.create(
                                new Events.UnitScrapped("HB-9", Events.UnitKind.BOARD, "bo-1", "burnt"),
                                "corr-9",
                                null,
                                CLOCK)
                        .toJson()))
                .readObject();
        assertEquals("UnitScrapped", json.getString("type"));
        assertEquals(3, json.getInt("schemaVersion"));
        assertEquals("corr-9", json.getString("correlationId"));
        assertEquals("HB-9", json.getString("subjectId"));
        assertTrue(json.getString("occurredAt").endsWith("Z"));
        assertTrue(!json.containsKey("causationId"));
        assertEquals("burnt", json.getJsonObject("data").getString("reason"));
    }

    @Test
    void unreadableOrUnknownMessagesAreRejected() {
        assertThrows(EventEnvelope.MalformedEventException.class, () -> EventEnvelope.fromJson("not json"));
        assertThrows(
                EventEnvelope.MalformedEventException.class,
                () -> EventEnvelope.fromJson(
                        "{\"eventId\":\"e\",\"type\":\"Nope\",\"schemaVersion\":1,\"occurredAt\":\"2026-11-23T08:00:00Z\","
                                + "\"correlationId\":\"c\",\"data\":{}}"));
        var outdated = EventEnvelope.create(
                        new Events.UnitScrapped("HB-9", Events.UnitKind.BOARD, "bo-1", "x"), "c", null, CLOCK)
                .toJson()
                .replace("\"schemaVersion\":3", "\"schemaVersion\":1");
        var refused = assertThrows(EventEnvelope.MalformedEventException.class, () -> EventEnvelope.fromJson(outdated));
        assertEquals("unsupported schema version 1 of UnitScrapped", refused.getMessage());
    }

    @Test
    void everyRecordIsInTheCatalogueOnceWithAUniqueWireName() {
        var names = new HashSet<String>();
        for (EventType type : EventType.values()) {
            assertTrue(names.add(type.wireName()), type.wireName());
            assertEquals(type, EventType.byWireName(type.wireName()).orElseThrow());
        }
        assertEquals(Events.Event.class.getPermittedSubclasses().length, EventType.values().length);
        assertNull(EventType.byWireName("BoardAssembledd").orElse(null));
        assertEquals(EnumSet.of(Stage.QA, Stage.ALLOCATION), EventType.BOARD_ASSEMBLED.consumers());
    }

    @Test
    void aVersionTwoEventStillInAQueueIsReadWithItsNewFieldsNull() {
        var version2 = "{\"eventId\":\"e-2\",\"type\":\"MachineAssembled\",\"schemaVersion\":2,"
                + "\"occurredAt\":\"2026-11-23T08:00:00Z\",\"correlationId\":\"c\",\"subjectId\":\"M-1\","
                + "\"data\":{\"serial\":\"M-1\",\"buildOrderId\":\"bo-1\",\"boardSerials\":[\"HB-1\"],"
                + "\"chipsPerBoard\":114,\"controlBoardSerial\":\"CB-1\",\"psuSerial\":\"PSU-1\"}}";

        var machine = EventEnvelope.fromJson(version2).data(Events.MachineAssembled.class);

        assertEquals("CB-1", machine.controlBoardSerial());
        assertEquals(null, machine.controlBoardLot());
        assertEquals(null, machine.psuLot());
    }

    @Test
    void anEventWhoseDataLacksARequiredFieldIsRejectedNamingIt() {
        var data = new Events.BoardAssembled(
                "HB-1",
                "bo-1",
                "line-1",
                "BM1398",
                114,
                List.of(new Events.DieSource("a-1", "lot-1", "LOT-1", "B1", 114)),
                null,
                null,
                null);
        var json = EventEnvelope.create(data, "corr-1", null, CLOCK).toJson();

        var noAllocation = assertThrows(
                EventEnvelope.MalformedEventException.class,
                () -> EventEnvelope.fromJson(json.replace("\"allocationId\":\"a-1\",", "")));
        assertTrue(noAllocation.getMessage().contains("data.sources[0].allocationId"), noAllocation.getMessage());
        var noSerial = assertThrows(
                EventEnvelope.MalformedEventException.class,
                () -> EventEnvelope.fromJson(json.replace("\"serial\":\"HB-1\",", "")));
        assertTrue(noSerial.getMessage().contains("data.serial"), noSerial.getMessage());
        var noList = assertThrows(
                EventEnvelope.MalformedEventException.class,
                () -> EventEnvelope.fromJson(json.replaceAll("\"sources\":\\[[^]]*]", "\"sources\":null")));
        assertTrue(noList.getMessage().contains("data.sources"), noList.getMessage());
    }

    @Test
    void fieldsMarkedMayBeNullMayBeLeftOut() {
        var passed = EventEnvelope.create(
                new Events.UnitTested("HB-1", Events.UnitKind.BOARD, "bo-1", 1, true, null, null), "c", null, CLOCK);
        assertEquals(passed, EventEnvelope.fromJson(passed.toJson()));
        var unplaced = EventEnvelope.create(
                new Events.BuildRescheduled("bo-1", "BO-1", null, 0, null, null, List.of()), "c", null, CLOCK);
        assertEquals(unplaced, EventEnvelope.fromJson(unplaced.toJson()));
    }

    @Test
    void aPublisherCannotWriteAnIncompleteEvent() {
        var refused = assertThrows(
                EventEnvelope.MalformedEventException.class,
                () -> EventEnvelope.create(
                        new Events.UnitScrapped(null, Events.UnitKind.BOARD, "bo-1", "burnt"), "c", null, CLOCK));
        assertTrue(refused.getMessage().contains("data.serial"), refused.getMessage());
    }
}
