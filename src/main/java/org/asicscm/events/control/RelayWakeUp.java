package org.asicscm.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Rings the relay when a transaction that wrote an event has committed. A plain CDI bean, not
 * the relay's EJB: the container would try to resume the finished transaction around an EJB
 * observer called after completion, and fail.
 */
@ApplicationScoped
public class RelayWakeUp {
    private final Semaphore bell = new Semaphore(0);

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventOutbox.Written written) {
        bell.release();
    }

    void ring() {
        bell.release();
    }

    /** Waits for a commit or the timeout, then forgets every ring so far: one pass publishes them all. */
    void await(long millis) throws InterruptedException {
        bell.tryAcquire(millis, TimeUnit.MILLISECONDS);
        bell.drainPermits();
    }
}
