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
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.asicscm.events.Stage;
import org.asicscm.platform.BrokerClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts each stage's consumer on a container-managed thread once the schema is migrated, and
 * stops them with the application. One consumer per stage by default: a stage applies its events
 * in batches and in the order the broker has them, and hot rows (every board of one order
 * touches the same allocation) see one writer instead of a queue of waiting ones.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StageConsumers {
    private static final Logger LOG = Logger.getLogger(StageConsumers.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    BrokerClient broker;

    @Inject
    @ConfigProperty(name = "scm.consumers.per-stage", defaultValue = "1")
    int perStage;

    @EJB
    Inbox inbox;

    @EJB
    DeadLetters deadLetters;

    @EJB
    DurableCommits durable;

    private final List<StageConsumer> consumers = new ArrayList<>();
    private final List<Thread> running = new ArrayList<>();

    @PostConstruct
    void start() {
        var factory = broker.connectionFactory(StageConsumer.BATCH * 2);
        for (Stage stage : Stage.values()) {
            for (int i = 0; i < Math.max(1, perStage); i++) {
                var consumer = new StageConsumer(stage, factory, inbox, deadLetters, durable);
                Thread thread = threads.newThread(consumer);
                thread.setName("scm-consumer-" + stage.consumerName() + "-" + i);
                consumers.add(consumer);
                running.add(thread);
                thread.start();
            }
        }
        LOG.info(() -> consumers.size() + " stage consumers reading " + broker.url());
    }

    @PreDestroy
    void stop() {
        consumers.forEach(StageConsumer::stop);
        for (Thread thread : running) {
            try {
                thread.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Events applied since start, per stage (all consumers of the stage together). */
    public long applied(Stage stage) {
        return consumers.stream()
                .filter(c -> c.stage() == stage)
                .mapToLong(StageConsumer::applied)
                .sum();
    }

    public long parked(Stage stage) {
        return consumers.stream()
                .filter(c -> c.stage() == stage)
                .mapToLong(StageConsumer::parked)
                .sum();
    }

    /** Consumers on this instance that hold a connection to the broker now. */
    public long connected() {
        return consumers.stream().filter(StageConsumer::connected).count();
    }
}
