package org.asicscm.events.control;

import jakarta.ejb.EJBException;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Stage;

/**
 * One stage's reader of its queue. Takes what the broker has in batches, applies a batch in one
 * database transaction through the {@link Inbox}, and acknowledges it (a local broker
 * transaction) only after that committed: no two-phase commit, and a crash in between only
 * redelivers events the inbox already knows. A batch that fails is applied one event at a time,
 * each retried a few times; an event that still fails, or can never succeed (unreadable,
 * incomplete), is parked in {@link DeadLetters} so that the rest of the stage goes on.
 */
final class StageConsumer implements Runnable {
    private static final Logger LOG = Logger.getLogger(StageConsumer.class.getName());
    static final int BATCH = 250;
    static final int ATTEMPTS = 5;
    private static final long RETRY_PAUSE_MS = 200;

    private final Stage stage;
    private final ConnectionFactory connectionFactory;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean connected;
    private Connection connection;
    private final DurableCommits durable;

    StageConsumer(
            Stage stage,
            ConnectionFactory connectionFactory,
            Inbox inbox,
            DeadLetters deadLetters,
            DurableCommits durable) {
        this.durable = durable;
        this.stage = stage;
        this.connectionFactory = connectionFactory;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
    }

    @Override
    public void run() {
        long pause = 500;
        while (running) {
            try {
                consume();
                pause = 500;
            } catch (JMSException | RuntimeException e) {
                if (running) {
                    LOG.log(
                            Level.WARNING,
                            stage.consumerName() + " consumer lost its broker or database; reconnecting in " + pause
                                    + " ms: " + describe(e));
                }
            } finally {
                disconnect();
            }
            sleep(pause);
            pause = Math.min(pause * 2, 5_000);
        }
    }

    private void consume() throws JMSException {
        connection = connectionFactory.createConnection();
        // a broken transport may not surface in receive(): the listener makes the loop reconnect
        connection.setExceptionListener(e -> connected = false);
        connection.start();
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = session.createConsumer(session.createQueue(stage.queue()));
        connected = true;
        while (running && connected) {
            Message first = consumer.receive(1_000);
            if (first == null) {
                continue;
            }
            List<Message> batch = new ArrayList<>();
            batch.add(first);
            Message next;
            while (batch.size() < BATCH && (next = consumer.receiveNoWait()) != null) {
                batch.add(next);
            }
            apply(batch);
            // the database has committed (or parked) every event of the batch, and holds it on disk:
            // now the broker may forget them
            durable.sync();
            session.commit();
        }
    }

    private void apply(List<Message> batch) throws JMSException {
        var readable = new ArrayList<Delivery>();
        for (Message message : batch) {
            String text = textOf(message);
            try {
                readable.add(new Delivery(text, EventEnvelope.fromJson(text)));
            } catch (EventEnvelope.MalformedEventException e) {
                deadLetters.park(stage, text, null, e.getMessage(), 1);
                parked.incrementAndGet();
            }
        }
        if (readable.isEmpty()) {
            return;
        }
        try {
            applied.addAndGet(
                    inbox.applyAll(stage, readable.stream().map(Delivery::event).toList()));
        } catch (RuntimeException batchFailed) {
            LOG.fine(() -> stage.consumerName() + " batch of " + readable.size() + " failed, applying one by one: "
                    + describe(batchFailed));
            readable.forEach(this::applyAlone);
        }
    }

    private void applyAlone(Delivery delivery) {
        for (int attempt = 1; ; attempt++) {
            try {
                applied.addAndGet(inbox.applyOne(stage, delivery.event()));
                return;
            } catch (RuntimeException e) {
                if (permanent(e) || attempt == ATTEMPTS) {
                    deadLetters.park(stage, delivery.text(), delivery.event(), describe(e), attempt);
                    parked.incrementAndGet();
                    return;
                }
                sleep(RETRY_PAUSE_MS * attempt);
            }
        }
    }

    /** Failures that no retry can mend. */
    private static boolean permanent(Throwable e) {
        Throwable cause = unwrap(e);
        return cause instanceof EventEnvelope.MalformedEventException
                || cause instanceof StageListener.NotConsumedException;
    }

    static String describe(Throwable e) {
        Throwable cause = unwrap(e);
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof EJBException || current.getClass().getName().startsWith("jakarta.transaction"))
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String textOf(Message message) throws JMSException {
        if (message instanceof TextMessage text && text.getText() != null) {
            return text.getText();
        }
        return "(" + message.getClass().getSimpleName() + " " + message.getJMSMessageID() + ", not a text message)";
    }

    void stop() {
        running = false;
    }

    boolean connected() {
        return connected;
    }

    long applied() {
        return applied.get();
    }

    long parked() {
        return parked.get();
    }

    Stage stage() {
        return stage;
    }

    private void disconnect() {
        connected = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException e) {
                LOG.fine(() -> "closing " + stage.consumerName() + " connection: " + e);
            }
            connection = null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Delivery(String text, EventEnvelope event) {}
}
