package org.asicscm.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.util.Optional;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.RedeliveryPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections for the outbox relay and the stage consumers, through ActiveMQ's own client rather
 * than the resource adapter: they need local transacted sessions (one broker commit per batch,
 * acknowledgement after the database commit) and the adapter offers either XA or, for message
 * endpoints outside a transaction, swallows a listener's exception and acknowledges anyway.
 * The embedded broker lives in the adapter, whose classes this client shares (vm transport).
 */
@ApplicationScoped
public class BrokerClient {
    static final String EMBEDDED = "vm://localhost?create=false";

    @Inject
    @ConfigProperty(name = "scm.broker.url")
    Optional<String> brokerUrl; // empty means unset in MicroProfile Config: the embedded broker

    public ConnectionFactory connectionFactory(int prefetch) {
        var factory = new ActiveMQConnectionFactory(url());
        // the consumers dead-letter into the database themselves (DeadLetters): the broker only
        // redelivers what a crash or a lost connection left unacknowledged, and never gives up on it
        var redelivery = new RedeliveryPolicy();
        redelivery.setMaximumRedeliveries(RedeliveryPolicy.NO_MAXIMUM_REDELIVERIES);
        redelivery.setInitialRedeliveryDelay(500);
        factory.setRedeliveryPolicy(redelivery);
        factory.getPrefetchPolicy().setQueuePrefetch(prefetch);
        factory.setWatchTopicAdvisories(false);
        factory.setNonBlockingRedelivery(false);
        return factory;
    }

    public String url() {
        return brokerUrl.map(String::strip).filter(url -> !url.isEmpty()).orElse(EMBEDDED);
    }
}
