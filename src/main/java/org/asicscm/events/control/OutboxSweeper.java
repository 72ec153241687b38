package org.asicscm.events.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asicscm.events.entity.EventLogEntry;

/**
 * Publishes events the relay did not: the server died between commit and send, or the broker
 * was away. Looks only at events older than a few seconds so it does not race the relay.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSweeper {
    private static final Logger LOG = Logger.getLogger(OutboxSweeper.class.getName());
    static final int BATCH = 500;
    static final long GRACE_SECONDS = 3;

    @PersistenceContext
    EntityManager em;

    @EJB
    OutboxRelay relay;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    public void sweep() {
        sweepOlderThan(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(GRACE_SECONDS));
    }

    public int sweepOlderThan(OffsetDateTime before) {
        List<String> ids = em.createNamedQuery(EventLogEntry.UNPUBLISHED, String.class)
                .setParameter("before", before)
                .setMaxResults(BATCH)
                .getResultList();
        int sent = 0;
        for (String id : ids) {
            try {
                if (relay.publish(id)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "sweeper could not publish " + id + "; will retry", e);
                break; // the broker is probably away: try again on the next tick
            }
        }
        if (sent > 0) {
            int count = sent;
            LOG.info(() -> "sweeper published " + count + " straggling events");
        }
        return sent;
    }
}
