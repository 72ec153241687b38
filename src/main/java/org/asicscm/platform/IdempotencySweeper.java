package org.asicscm.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Forgets idempotency keys a day old: a client retries within minutes, not days. */
@Singleton
public class IdempotencySweeper {
    static final Duration KEPT = Duration.ofHours(24);
    private static final Logger LOG = Logger.getLogger(IdempotencySweeper.class.getName());

    @Resource(lookup = DataSources.SCM)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "7", persistent = false)
    public void forgetOldKeys() throws SQLException {
        int forgotten = forgetBefore(Timestamp.from(clock.instant().minus(KEPT)));
        if (forgotten > 0) {
            LOG.info(() -> "forgot " + forgotten + " idempotency keys older than " + KEPT.toHours() + " h");
        }
    }

    /** Deleting a row twice is harmless, so two instances sweeping at once need no coordination. */
    int forgetBefore(Timestamp cutoff) throws SQLException {
        try (var connection = dataSource.getConnection();
                var delete = connection.prepareStatement("delete from idempotent_request where created_at < ?")) {
            delete.setTimestamp(1, cutoff);
            return delete.executeUpdate();
        }
    }
}
