package org.asicscm.events.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.asicscm.events.entity.EventLogEntry;

/**
 * One turn of the relay, in one database transaction: take the relay lock (one relay at a time,
 * across instances), read the oldest unpublished events, have the broker commit them, then mark
 * them published in one update. A crash after the broker's commit and before ours sends them
 * again; every consumer's inbox ignores the second copy.
 */
@Stateless
public class OutboxBatch {

    @Inject
    Clock clock;

    public static final int SIZE = 500;

    @PersistenceContext
    EntityManager em;

    @jakarta.ejb.EJB
    DurableCommits durable;

    /** @return how many events were published; {@link #SIZE} means there may be more */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int relayNext(EventSender sender) {
        em.createNativeQuery("select id from outbox_relay_lock where id = 1 for update")
                .getResultList();
        List<EventSender.Outgoing> due = em
                .createNamedQuery(EventLogEntry.UNPUBLISHED, Object[].class)
                .setMaxResults(SIZE)
                .getResultList()
                .stream()
                .map(row ->
                        new EventSender.Outgoing((String) row[0], (String) row[1], (String) row[2], (String) row[3]))
                .toList();
        if (due.isEmpty()) {
            return 0;
        }
        // these rows are committed; on disk too before the broker has them (DurableCommits)
        durable.sync();
        // taken before the broker's commit, so no consumer can have applied an event before its publishedAt
        var handedOver = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        sender.send(due);
        em.createNamedQuery(EventLogEntry.MARK_PUBLISHED)
                .setParameter("at", handedOver)
                .setParameter(
                        "ids", due.stream().map(EventSender.Outgoing::eventId).toList())
                .executeUpdate();
        return due.size();
    }

    /** Seconds since the oldest event still in the outbox occurred; 0 when it is empty. */
    public double oldestUnpublishedAgeSeconds() {
        var oldest = em.createNamedQuery(EventLogEntry.OLDEST_UNPUBLISHED, OffsetDateTime.class)
                .getSingleResult();
        return oldest == null
                ? 0
                : Math.max(
                        0, Duration.between(oldest, OffsetDateTime.now(clock)).toMillis() / 1000.0);
    }

    public long unpublished() {
        return em.createNamedQuery(EventLogEntry.COUNT_UNPUBLISHED, Long.class).getSingleResult();
    }
}
