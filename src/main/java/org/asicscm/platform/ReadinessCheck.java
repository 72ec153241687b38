package org.asicscm.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means the database answers and the broker accepts a connection. Payara answers
 * /health/ready with UP before any application is deployed, so callers should wait for this
 * check, named "asic-scm", to appear in the answer. While the broker is away the application
 * still accepts writes (their events wait in the outbox), but it is not ready.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Resource(lookup = DataSources.SCM)
    DataSource dataSource;

    @Inject
    BrokerClient broker;

    private ConnectionFactory connectionFactory;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("asic-scm");
        try (var connection = dataSource.getConnection()) {
            response.withData("database", connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return response.down().withData("database", e.getMessage()).build();
        }
        try (var connection = factory().createConnection()) {
            connection.start(); // connects for real: creating a connection alone may not
            response.withData("broker", "connected to " + broker.url());
        } catch (Exception e) {
            return response.down().withData("broker", "down: " + e.getMessage()).build();
        }
        return response.up().build();
    }

    private synchronized ConnectionFactory factory() {
        if (connectionFactory == null) {
            connectionFactory = broker.connectionFactory(0);
        }
        return connectionFactory;
    }
}
