package org.asicscm.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.activemq.ActiveMQConnectionFactory;

/**
 * The test's own connection to the embedded broker (the container tests open a loopback TCP
 * connector on it), for injecting duplicates and poison and for looking into queues.
 */
public final class Broker implements AutoCloseable {
    public static final String DEAD_LETTERS = "ActiveMQ.DLQ";
    private final Connection connection;
    private final Session session;

    public Broker() throws JMSException {
        connection = new ActiveMQConnectionFactory(System.getProperty("it.broker.url")).createConnection();
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    public void send(String queue, String text, String marker) throws JMSException {
        TextMessage message = session.createTextMessage(text);
        message.setStringProperty("testMarker", marker);
        session.createProducer(session.createQueue(queue)).send(message);
    }

    public List<Message> browse(String queue) throws JMSException {
        Queue destination = session.createQueue(queue);
        try (QueueBrowser browser = session.createBrowser(destination)) {
            return new ArrayList<>(Collections.list(browser.getEnumeration()).stream()
                    .map(Message.class::cast)
                    .toList());
        }
    }

    public boolean holds(String queue, String marker) {
        try {
            for (Message message : browse(queue)) {
                if (marker.equals(message.getStringProperty("testMarker"))) {
                    return true;
                }
            }
            return false;
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
