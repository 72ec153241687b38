package org.asicscm.events.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Makes what the database has committed survive a killed process before the broker is told of
 * it. PostgreSQL's commit already does. The embedded H2 may lose its last commits when its JVM
 * is killed (its store is written behind; h2database#1259), while the broker's store keeps
 * what it was handed: the relay would then have published an event whose transaction is gone
 * (a board that does not exist, its dies consumed all the same), and a consumer would have
 * acknowledged an event whose effect is gone. CrashRecoveryIT found the first. So on H2 the
 * relay and the consumers force a checkpoint to disk before they hand over or acknowledge.
 */
@Stateless
public class DurableCommits {

    @Resource(lookup = "java:app/jdbc/scm")
    DataSource dataSource;

    private static volatile Boolean h2;

    /** Flushes every committed change to disk (H2), outside the caller's transaction; nothing to do elsewhere. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sync() {
        try (Connection connection = dataSource.getConnection()) {
            if (h2 == null) {
                h2 = connection.getMetaData().getDatabaseProductName().equals("H2");
            }
            if (h2) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT SYNC");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not make the database's commits durable: " + e.getMessage(), e);
        }
    }
}
