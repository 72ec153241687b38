package org.asicscm.it;

import static org.asicscm.it.Api.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event path's failure handling on the real container and broker: messages a stage cannot
 * apply become dead letters people can list, replay after a fix and discard; an outside system
 * subscribes durably to the events topic with a plain JMS client and misses nothing while away.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventBackboneIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    Fixtures fixtures;
    String run;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        fixtures = new Fixtures(api);
        run = fixtures.run;
    }

    @Test
    void aMessageThatIsNoEventIsParkedAtOnceAndTheStageGoesOn() throws Exception {
        try (var broker = new Broker()) {
            broker.send("scm.qa", "{\"this is\": \"not an event " + run + "\"}", "poison-" + run);
            JsonObject letter =
                    awaitDeadLetter("qa", d -> d.getString("message").contains("not an event " + run));
            assertEquals(1, letter.getInt("attempts"), "an unreadable message is never retried");
            assertTrue(letter.getString("error").contains("not a readable event"), letter.toString());
            eventually("and is no longer on the stage's queue", () -> !broker.holds("scm.qa", "poison-" + run));
            assertEquals(
                    false,
                    broker.holds(Broker.DEAD_LETTERS, "poison-" + run),
                    "parked in the database, not the broker");
        }
        // the stage still works after it
        String order = boardReady("POISON");
        String serial = "HB-AP-" + run;
        assertEquals(201, board(serial, order).status());
        eventually(
                "QA still receives boards", () -> api.get("qa/units/" + serial).status() == 200);
    }

    @Test
    void anEventLackingARequiredFieldIsParkedAtOnceNamingTheField() throws Exception {
        String order = boardReady("HOLE");
        String serial = "HB-HOLE-" + run;
        assertEquals(201, board(serial, order).status());
        JsonObject assembled = eventOf("BoardAssembled", serial);
        // the same event with a new id and without the serial: a valid envelope around incomplete data
        var data = Json.createObjectBuilder(assembled.getJsonObject("data"))
                .remove("serial")
                .build();
        String holed = Json.createObjectBuilder(withoutLogFields(assembled))
                .add("eventId", java.util.UUID.randomUUID().toString())
                .add("data", data)
                .build()
                .toString();
        try (var broker = new Broker()) {
            broker.send("scm.allocation", holed, "hole-" + run);
        }
        JsonObject letter =
                awaitDeadLetter("allocation", d -> d.getString("message").equals(holed));
        assertEquals(1, letter.getInt("attempts"), "no retries for a message that lacks a field");
        assertTrue(letter.getString("error").contains("data.serial"), letter.toString());
        assertEquals("BoardAssembled", letter.getString("eventType", "BoardAssembled"));
    }

    @Test
    void aDeadLetterIsReplayedAfterTheFixAndAnotherIsDiscardedWithAReason() throws Exception {
        String order = boardReady("REPLAY");
        String serial = "HB-RP-" + run;
        // QA's verdict on a board assembly has not recorded yet: assembly cannot apply it
        String verdict = envelope(
                "UnitTested",
                serial,
                Json.createObjectBuilder()
                        .add("serial", serial)
                        .add("kind", "BOARD")
                        .add("buildOrderId", order)
                        .add("attempt", 1)
                        .add("passed", true)
                        .add("hashrateThs", 13.5)
                        .build());
        try (var broker = new Broker()) {
            broker.send("scm.assembly", verdict, "early-" + run);
        }
        JsonObject letter =
                awaitDeadLetter("assembly", d -> d.getString("message").equals(verdict));
        assertEquals(5, letter.getInt("attempts"), "retried, then parked");
        assertTrue(letter.getString("error").contains("unknown board " + serial), letter.toString());
        String id = letter.getString("id");

        var tooEarly = api.post("dead-letters/" + id + "/replay", "{}");
        assertEquals(409, tooEarly.status(), tooEarly.toString());
        assertEquals("replay-failed", tooEarly.json().getString("code"));
        assertEquals("OPEN", api.get("dead-letters/" + id).json().getString("status"));

        assertEquals(201, board(serial, order).status()); // the fix: the board exists now
        var replayed = api.post("dead-letters/" + id + "/replay", "{}");
        assertEquals(200, replayed.status(), replayed.toString());
        assertEquals("REPLAYED", replayed.json().getString("status"));
        assertEquals("PASSED", api.get("hashboards/" + serial).json().getString("status"));
        assertEquals(409, api.post("dead-letters/" + id + "/replay", "{}").status(), "a replayed letter is closed");

        // one that will never apply: discarded, with a reason, and kept on record
        String stray = envelope(
                "UnitTested",
                "HB-NEVER-" + run,
                Json.createObjectBuilder()
                        .add("serial", "HB-NEVER-" + run)
                        .add("kind", "BOARD")
                        .add("buildOrderId", order)
                        .add("attempt", 1)
                        .add("passed", false)
                        .add("failureCode", "CHAIN_MISSING")
                        .build());
        try (var broker = new Broker()) {
            broker.send("scm.assembly", stray, "stray-" + run);
        }
        String strayId = awaitDeadLetter("assembly", d -> d.getString("message").equals(stray))
                .getString("id");
        var noReason = api.post("dead-letters/" + strayId + "/discard", "{\"reason\":\" \"}");
        assertEquals(400, noReason.status());
        assertEquals(
                "reason",
                noReason.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        var discarded = api.post("dead-letters/" + strayId + "/discard", "{\"reason\":\"test board never built\"}");
        assertEquals(200, discarded.status(), discarded.toString());
        assertEquals("DISCARDED", discarded.json().getString("status"));
        assertEquals("test board never built", discarded.json().getString("resolution"));
        assertEquals(
                409,
                api.post("dead-letters/" + strayId + "/discard", "{\"reason\":\"again\"}")
                        .status());
        assertTrue(
                api.get("dead-letters").array().stream()
                        .noneMatch(d -> strayId.equals(d.asJsonObject().getString("id"))),
                "no longer open");
        assertEquals(404, api.get("dead-letters/no-such-letter").status());
        assertEquals(400, api.get("dead-letters?status=LOST").status());

        String metrics = api.server("/metrics?scope=application").text();
        assertTrue(metrics.contains("scm_dead_letters_open"), metrics);
        assertTrue(metrics.contains("scm_events_applied"), metrics);
        assertTrue(metrics.contains("scm_stage_consumers_connected"), metrics);
        assertTrue(metrics.contains("scm_outbox_unpublished"), metrics);
    }

    @Test
    void noStageAppliesAnEventBeforeItsPublishedAt() {
        String order = boardReady("STAMPS");
        for (int i = 0; i < 20; i++) {
            assertEquals(201, board("HB-ST-" + run + "-" + i, order).status());
        }
        String correlation = api.get("build-orders/" + order).json().getString("correlationId");
        eventually(
                "the boards reach both consumers",
                () -> api.get("events?correlationId=" + correlation + "&type=BoardAssembled").array().stream()
                                .map(e -> e.asJsonObject().getJsonObject("consumedAt"))
                                .filter(c -> c.containsKey("qa") && c.containsKey("allocation"))
                                .count()
                        == 20);
        var events = api.get("events?correlationId=" + correlation).array();
        int hops = 0;
        for (var value : events) {
            JsonObject event = value.asJsonObject();
            var published = java.time.OffsetDateTime.parse(event.getString("publishedAt"));
            assertTrue(
                    !published.isBefore(java.time.OffsetDateTime.parse(event.getString("occurredAt"))),
                    event.toString());
            for (var consumed : event.getJsonObject("consumedAt").values()) {
                assertTrue(!java.time.OffsetDateTime.parse(Api.str(consumed)).isBefore(published), event.toString());
                hops++;
            }
        }
        assertTrue(hops >= 40, "hops looked at: " + hops);
    }

    @Test
    void anOutsideSubscriberThatWasAwayMissesNothing() throws Exception {
        String clientId = "erp-reporting-" + run;
        var factory = new ActiveMQConnectionFactory(System.getProperty("it.broker.url"));
        // subscribe once, then go away
        try (Connection connection = factory.createConnection()) {
            connection.setClientID(clientId);
            Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            Topic topic = session.createTopic("scm.events");
            session.createDurableSubscriber(topic, "lots", "eventType = 'LotReceived'", false)
                    .close();
        }
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String lotNumber = "OUT-" + run + "-" + i;
            fixtures.lot(lotNumber, 100, 100);
            sent.add(lotNumber);
        }
        eventually(
                "the lots' events are published",
                () -> api.get("events?type=LotReceived&limit=2000").array().stream()
                                .map(e -> e.asJsonObject())
                                .filter(e ->
                                        sent.contains(e.getJsonObject("data").getString("lotNumber")))
                                .filter(e -> e.containsKey("publishedAt"))
                                .count()
                        == sent.size());
        // back: everything published while away is waiting
        Set<String> received = new HashSet<>();
        try (Connection connection = factory.createConnection()) {
            connection.setClientID(clientId);
            connection.start();
            Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            var subscriber = session.createDurableSubscriber(
                    session.createTopic("scm.events"), "lots", "eventType = 'LotReceived'", false);
            Message message;
            while (received.size() < sent.size() && (message = subscriber.receive(10_000)) != null) {
                JsonObject event = Json.createReader(new StringReader(((TextMessage) message).getText()))
                        .readObject();
                assertNotNull(message.getStringProperty("eventId"));
                received.add(event.getJsonObject("data").getString("lotNumber"));
                message.acknowledge();
            }
            subscriber.close();
            session.unsubscribe("lots");
        }
        assertEquals(sent, received);
    }

    private String boardReady(String name) {
        var floor = fixtures.floorReady(name, 10, 20, 600, 600);
        floors.put(floor.order(), floor);
        return floor.order();
    }

    private final java.util.Map<String, Fixtures.Floor> floors = new java.util.HashMap<>();

    private Api.Reply board(String serial, String order) {
        return api.post("hashboards", floors.get(order).board(serial));
    }

    private JsonObject eventOf(String type, String subject) {
        List<JsonObject> found = new ArrayList<>();
        eventually(type + " of " + subject + " in the log", () -> {
            found.clear();
            api.get("events?type=" + type + "&limit=2000").array().stream()
                    .map(e -> e.asJsonObject())
                    .filter(e -> subject.equals(e.getString("subjectId")))
                    .forEach(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private static JsonObject withoutLogFields(JsonObject event) {
        return Json.createObjectBuilder(event)
                .remove("publishedAt")
                .remove("consumedAt")
                .build();
    }

    private String envelope(String type, String subject, JsonObject data) {
        return Json.createObjectBuilder()
                .add("eventId", java.util.UUID.randomUUID().toString())
                .add("type", type)
                .add("schemaVersion", 3)
                .add("occurredAt", java.time.OffsetDateTime.now().toString())
                .add("correlationId", "eb-" + run)
                .add("subjectId", subject)
                .add("data", data)
                .build()
                .toString();
    }

    private JsonObject awaitDeadLetter(String consumer, java.util.function.Predicate<JsonObject> which) {
        List<JsonObject> found = new ArrayList<>();
        eventually("a dead letter of " + consumer, () -> {
            found.clear();
            api.get("dead-letters?consumer=" + consumer + "&limit=1000").array().stream()
                    .map(d -> d.asJsonObject())
                    .filter(which)
                    .forEach(found::add);
            return found.size() == 1;
        });
        return found.get(0);
    }
}
