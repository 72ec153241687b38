package org.asicscm.events.control;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.asicscm.events.EventType;
import org.asicscm.events.Stage;
import org.asicscm.platform.Messaging;

/**
 * The relay's line to the broker: one transacted session, one send per event and one commit per
 * batch. Each event goes to a composite destination (ActiveMQ's "a,b,topic://c"), so the broker
 * copies it to the queue of every consuming stage and to the events topic in one step.
 * Not thread-safe: the relay's single thread owns it.
 */
public final class EventSender implements AutoCloseable {
    public static final String TYPE_PROPERTY = "eventType";
    public static final String ID_PROPERTY = "eventId";

    private final ConnectionFactory connectionFactory;
    private final Map<EventType, Destination> destinations = new EnumMap<>(EventType.class);
    private Connection connection;
    private Session session;
    private MessageProducer producer;

    EventSender(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    /** An outbox row as the relay reads it. */
    public record Outgoing(String eventId, String type, String correlationId, String payload) {}

    /** Sends the batch and commits it on the broker: when this returns, every event is on disk there. */
    void send(List<Outgoing> batch) {
        try {
            open();
            for (Outgoing event : batch) {
                EventType type = EventType.byWireName(event.type())
                        .orElseThrow(() -> new IllegalStateException("outbox holds an unknown type " + event.type()));
                Message message = session.createTextMessage(event.payload());
                message.setJMSCorrelationID(event.correlationId());
                message.setStringProperty(TYPE_PROPERTY, event.type());
                message.setStringProperty(ID_PROPERTY, event.eventId());
                // business events never expire
                producer.send(destinationOf(type), message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 0);
            }
            session.commit();
        } catch (JMSException | RuntimeException e) {
            close();
            throw new IllegalStateException("broker did not take a batch of " + batch.size() + " events: " + e, e);
        }
    }

    /**
     * Connects if not connected, outside any transaction: while the broker is away the relay finds
     * out here, cheaply, instead of failing a database transaction (and its logged stack) each time.
     */
    void connect() {
        try {
            open();
        } catch (JMSException | RuntimeException e) {
            close();
            throw new IllegalStateException("broker unreachable: " + e.getMessage(), e);
        }
    }

    private void open() throws JMSException {
        if (connection == null) {
            connection = connectionFactory.createConnection();
            session = connection.createSession(true, Session.SESSION_TRANSACTED);
            producer = session.createProducer(null);
            destinations.clear();
        }
    }

    private Destination destinationOf(EventType type) throws JMSException {
        Destination destination = destinations.get(type);
        if (destination == null) {
            destination = type.consumers().isEmpty()
                    ? session.createTopic(Messaging.EVENTS_DESTINATION)
                    : session.createQueue(compositeName(type));
            destinations.put(type, destination);
        }
        return destination;
    }

    /** e.g. {@code scm.allocation,scm.qa,topic://scm.events} for BoardAssembled. */
    static String compositeName(EventType type) {
        return Stream.concat(
                        type.consumers().stream().map(Stage::queue),
                        Stream.of("topic://" + Messaging.EVENTS_DESTINATION))
                .collect(Collectors.joining(","));
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException ignored) {
                // the connection is gone either way; the next batch opens a new one
            }
        }
        connection = null;
        session = null;
        producer = null;
    }
}
