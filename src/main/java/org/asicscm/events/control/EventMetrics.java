package org.asicscm.events.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.asicscm.events.Stage;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What an operator watches on /metrics to see the event path fall behind before a user does:
 * the outbox backlog, events published, whether the relay and the consumers reach the broker,
 * events each stage applied and parked, open dead letters.
 */
@Singleton
@Startup
@DependsOn({"OutboxRelay", "StageConsumers"})
public class EventMetrics {

    @Inject
    MetricRegistry registry;

    @EJB
    OutboxRelay relay;

    @EJB
    OutboxBatch outbox;

    @EJB
    StageConsumers consumers;

    @EJB
    DeadLetters deadLetters;

    @PostConstruct
    void register() {
        registry.gauge(
                Metadata.builder()
                        .withName("scm_outbox_unpublished")
                        .withDescription("events committed but not yet on the broker")
                        .build(),
                outbox,
                OutboxBatch::unpublished);
        registry.gauge(
                Metadata.builder()
                        .withName("scm_outbox_oldest_age_seconds")
                        .withDescription(
                                "how long the oldest event not yet on the broker has waited; 0 when none waits")
                        .build(),
                outbox,
                OutboxBatch::oldestUnpublishedAgeSeconds);
        registry.gauge(
                Metadata.builder()
                        .withName("scm_events_published")
                        .withDescription("events this instance's relay put on the broker since start")
                        .build(),
                relay,
                OutboxRelay::published);
        registry.gauge(
                Metadata.builder()
                        .withName("scm_relay_broker_reachable")
                        .withDescription("1 while the relay's last attempt reached the broker, 0 while it is retrying")
                        .build(),
                relay,
                r -> r.brokerReachable() ? 1 : 0);
        registry.gauge(
                Metadata.builder()
                        .withName("scm_stage_consumers_connected")
                        .withDescription(
                                "stage consumers on this instance connected to the broker (one per stage by default)")
                        .build(),
                consumers,
                StageConsumers::connected);
        registry.gauge(
                Metadata.builder()
                        .withName("scm_dead_letters_open")
                        .withDescription("messages a stage could not apply, waiting for replay or discard")
                        .build(),
                deadLetters,
                DeadLetters::countOpen);
        for (Stage stage : Stage.values()) {
            Tag tag = new Tag("stage", stage.consumerName());
            registry.gauge(
                    Metadata.builder()
                            .withName("scm_events_applied")
                            .withDescription("events the stage applied on this instance since start")
                            .build(),
                    consumers,
                    c -> c.applied(stage),
                    tag);
            registry.gauge(
                    Metadata.builder()
                            .withName("scm_events_dead_lettered")
                            .withDescription("events the stage parked as dead letters on this instance since start")
                            .build(),
                    consumers,
                    c -> c.parked(stage),
                    tag);
        }
    }
}
