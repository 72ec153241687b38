package org.asicscm.events.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live means the outbox relay's loop still comes round (it does at least once a second, broker
 * or not). A relay thread that died or hangs leaves every event in the outbox: restarting the
 * server is the cure, which is what a liveness probe is for. A broker outage is not a reason:
 * readiness reports that.
 */
@Liveness
@ApplicationScoped
public class RelayLiveness implements HealthCheck {
    static final Duration STUCK = Duration.ofSeconds(60);

    @EJB
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        Duration since = relay.sinceLastTurn();
        var response = HealthCheckResponse.named("asic-scm-relay").withData("secondsSinceLastPass", since.toSeconds());
        return relay.alive() && since.compareTo(STUCK) < 0
                ? response.up().build()
                : response.down().build();
    }
}
