package org.asicscm.allocation.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets reservations lapse that were not confirmed in time, so that dies a planner pencilled in
 * and forgot go back to the lots. Each lapse is its own transaction and its own event.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReservationSweeper {
    private static final Logger LOG = Logger.getLogger(ReservationSweeper.class.getName());
    static final int BATCH = 200;

    @EJB
    DieAllocator allocator;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    public void sweep() {
        int expired = 0;
        for (String id : allocator.overdueReservations(BATCH)) {
            try {
                if (allocator.expire(id)) {
                    expired++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "reservation " + id + " could not expire now; next tick retries", e);
            }
        }
        if (expired > 0) {
            int count = expired;
            LOG.info(() -> count + " unconfirmed reservations expired");
        }
    }
}
