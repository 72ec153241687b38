package org.asicscm.events.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asicscm.platform.BrokerClient;

/**
 * Moves events from the outbox to the broker on one thread of its own: woken by every commit
 * that wrote an event, it publishes what the outbox holds in batches until it is empty. It also
 * looks once a second without being woken, which publishes what a crash, a broker outage or
 * another instance left behind.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final long IDLE_LOOK_MS = 1_000;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    BrokerClient broker;

    @EJB
    OutboxBatch batches;

    @Inject
    RelayWakeUp wakeUp;

    private final AtomicLong published = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean brokerReachable = true;
    /** System.nanoTime() at the relay loop's last pass: a loop that stops turning is a wedged server. */
    private volatile long lastTurn = System.nanoTime();

    private Thread thread;

    @PostConstruct
    void start() {
        thread = threads.newThread(this::relay);
        thread.setName("scm-outbox-relay");
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        wakeUp.ring();
        try {
            thread.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void relay() {
        long pause = 500;
        try (var sender = new EventSender(broker.connectionFactory(0))) {
            while (running) {
                try {
                    lastTurn = System.nanoTime();
                    wakeUp.await(IDLE_LOOK_MS);
                    sender.connect();
                    int sent;
                    do {
                        sent = batches.relayNext(sender);
                        published.addAndGet(sent);
                        lastTurn = System.nanoTime();
                    } while (sent == OutboxBatch.SIZE && running);
                    brokerReachable = true;
                    pause = 500;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    // the events stay in the outbox; the next pass sends them
                    brokerReachable = false;
                    LOG.log(
                            Level.WARNING,
                            "outbox relay could not publish; retrying in " + pause + " ms: " + e.getMessage());
                    sleep(pause);
                    pause = Math.min(pause * 2, 5_000);
                }
            }
        }
    }

    public long published() {
        return published.get();
    }

    /** How long ago the relay loop last came round, and whether its thread still runs. */
    public Duration sinceLastTurn() {
        return Duration.ofNanos(System.nanoTime() - lastTurn);
    }

    public boolean alive() {
        return thread != null && thread.isAlive();
    }

    public boolean brokerReachable() {
        return brokerReachable;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
