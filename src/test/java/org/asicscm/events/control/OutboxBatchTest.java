package org.asicscm.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.asicscm.events.Stage;
import org.asicscm.events.entity.EventLogEntry;
import org.asicscm.testing.ControlDatabase;
import org.asicscm.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One relay turn on a real broker (ActiveMQ in the test's JVM, no persistence): what the outbox
 * holds reaches every consuming stage's queue once, is marked published at the clock's time,
 * and stays unpublished when the broker does not take it.
 */
class OutboxBatchTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final ControlDatabase db = new ControlDatabase();
    private final List<EventEnvelope> written = new ArrayList<>();
    private final EventOutbox outbox = EventsWiring.outbox(db.em(), clock, written);
    private final OutboxBatch relay = EventsWiring.outboxBatch(db.em(), clock, db.dataSource());
    private BrokerService broker;
    private ActiveMQConnectionFactory factory;

    @BeforeEach
    void broker() throws Exception {
        broker = new BrokerService();
        broker.setBrokerName("outbox-test");
        broker.setPersistent(false);
        broker.setUseJmx(false);
        broker.start();
        broker.waitUntilStarted();
        factory = new ActiveMQConnectionFactory("vm://outbox-test?create=false");
        factory.setWatchTopicAdvisories(false);
    }

    @AfterEach
    void close() throws Exception {
        broker.stop();
        db.close();
    }

    @Test
    void eachEventReachesItsStagesOnceAndIsMarkedPublishedAtTheClocksTime() throws Exception {
        db.inTransaction(() -> {
            outbox.publish(new Events.AllocationConfirmed("alloc-1", "order-1"), "corr-1", null);
            outbox.publish(new Events.AllocationReleased("alloc-2", "order-1", "lot-1", "B1", 40), "corr-1", "cause-1");
        });
        assertEquals(2, relay.unpublished());
        clock.advance(Duration.ofSeconds(90));
        assertEquals(90.0, relay.oldestUnpublishedAgeSeconds(), 0.001);

        try (var sender = new EventSender(factory)) {
            assertEquals(2, (int) db.inTransaction(() -> relay.relayNext(sender)));
            assertEquals(0, (int) db.inTransaction(() -> relay.relayNext(sender)), "nothing is sent twice");
        }
        assertEquals(0, relay.unpublished());
        assertEquals(0.0, relay.oldestUnpublishedAgeSeconds());
        for (EventEnvelope event : written) {
            var entry = db.fresh(() -> db.em().find(EventLogEntry.class, event.eventId()));
            assertEquals(
                    Instant.parse("2026-11-23T02:01:30Z"), entry.publishedAt().toInstant());
        }
        // AllocationReleased is assembly's: exactly one copy waits on its queue, with the envelope as published
        List<String> onAssembly = drain(Stage.ASSEMBLY.queue());
        assertEquals(1, onAssembly.size(), onAssembly.toString());
        EventEnvelope received = EventEnvelope.fromJson(onAssembly.get(0));
        assertEquals(written.get(1).eventId(), received.eventId());
        assertEquals("corr-1", received.correlationId());
        assertEquals(written.get(1).data(), received.data());
        assertEquals(List.of(), drain(Stage.QA.queue()), "QA consumes neither event");
    }

    @Test
    void whatTheBrokerDidNotTakeStaysUnpublishedForTheNextTurn() {
        db.inTransaction(() -> {
            outbox.publish(new Events.AllocationConfirmed("alloc-1", "order-1"), "corr-1", null);
        });
        // nothing listens on port 1: the send fails as a broker that went away does
        var away = new ActiveMQConnectionFactory("tcp://127.0.0.1:1?soTimeout=500&connectionTimeout=500");
        try (var sender = new EventSender(away)) {
            assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> relay.relayNext(sender)));
        }
        assertEquals(1, relay.unpublished());
        assertNull(db.fresh(
                        () -> db.em().find(EventLogEntry.class, written.get(0).eventId()))
                .publishedAt());

        try (var sender = new EventSender(factory)) {
            assertEquals(1, (int) db.inTransaction(() -> relay.relayNext(sender)));
        }
        assertNotNull(db.fresh(
                        () -> db.em().find(EventLogEntry.class, written.get(0).eventId()))
                .publishedAt());
    }

    private List<String> drain(String queue) throws Exception {
        var bodies = new ArrayList<String>();
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var consumer = session.createConsumer(session.createQueue(queue));
            for (var message = consumer.receive(500); message != null; message = consumer.receive(200)) {
                bodies.add(((TextMessage) message).getText());
            }
        }
        return bodies;
    }
}
