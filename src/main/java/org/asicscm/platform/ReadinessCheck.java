package org.asicscm.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means the database answers and the broker accepts a connection. Payara answers
 * /health/ready with UP before any application is deployed, so callers should wait for this
 * check, named "asic-scm", to appear in the answer.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Resource(lookup = DataSources.SCM)
    DataSource dataSource;

    @Resource(lookup = Messaging.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("asic-scm");
        try (var connection = dataSource.getConnection()) {
            response.withData("database", connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return response.down().withData("database", e.getMessage()).build();
        }
        try (var connection = connectionFactory.createConnection()) {
            response.withData("broker", "connected");
        } catch (Exception e) {
            return response.down().withData("broker", String.valueOf(e.getMessage())).build();
        }
        return response.up().build();
    }
}
