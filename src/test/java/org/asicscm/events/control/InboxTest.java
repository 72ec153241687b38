package org.asicscm.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.asicscm.events.Stage;
import org.asicscm.events.entity.ProcessedEvent;
import org.asicscm.testing.ControlDatabase;
import org.asicscm.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stage applies each event once, however often the broker delivers it, and a failed batch leaves no mark. */
class InboxTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final ControlDatabase db = new ControlDatabase();
    private final Recording qa = new Recording(Stage.QA);
    private final Recording shipping = new Recording(Stage.SHIPPING);
    private final Inbox inbox = EventsWiring.inbox(db.em(), clock, qa, shipping);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRedeliveredEventChangesNothingTheSecondTime() {
        EventEnvelope event = lotReceived("N5-0001");
        assertEquals(1, (int) db.inTransaction(() -> inbox.applyOne(Stage.QA, event)));
        assertEquals(0, (int) db.inTransaction(() -> inbox.applyOne(Stage.QA, event)));
        assertEquals(List.of(event.eventId()), qa.applied);
        assertEquals(1, marks(Stage.QA));

        clock.advance(Duration.ofSeconds(5));
        // another stage's mark is its own: shipping applies the same event once as well
        assertEquals(1, (int) db.inTransaction(() -> inbox.applyOne(Stage.SHIPPING, event)));
        assertEquals(List.of(event.eventId()), shipping.applied);
        var processedAt = db.fresh(() -> db.em()
                .find(ProcessedEvent.class, new ProcessedEvent.Key(Stage.SHIPPING.consumerName(), event.eventId()))
                .processedAt()
                .toInstant());
        assertEquals(Instant.parse("2026-11-23T02:00:05Z"), processedAt, "marked at the clock's time");
    }

    @Test
    void aBatchAppliesWhatIsNewEvenWhenTheBatchHoldsAnEventTwice() {
        EventEnvelope old = lotReceived("N5-0001");
        EventEnvelope fresh = lotReceived("N5-0002");
        db.inTransaction(() -> inbox.applyOne(Stage.QA, old));
        int applied = db.inTransaction(() -> inbox.applyAll(Stage.QA, List.of(old, fresh, fresh)));
        assertEquals(1, applied);
        assertEquals(List.of(old.eventId(), fresh.eventId()), qa.applied);
        assertEquals(2, marks(Stage.QA));
    }

    @Test
    void aReactionThatFailsLeavesNoMarkSoTheEventIsAppliedWhenRetried() {
        EventEnvelope first = lotReceived("N5-0001");
        EventEnvelope failing = lotReceived("N5-0002");
        qa.failOn = failing.eventId();
        assertThrows(
                IllegalStateException.class,
                () -> db.inTransaction(() -> inbox.applyAll(Stage.QA, List.of(first, failing))));
        assertEquals(0, marks(Stage.QA), "all or nothing: the first event's mark rolled back with the batch");

        qa.failOn = null;
        assertEquals(2, (int) db.inTransaction(() -> inbox.applyAll(Stage.QA, List.of(first, failing))));
        assertEquals(2, marks(Stage.QA));
    }

    @Test
    void anEventForAStageWithNoListenerIsAWiringMistake() {
        var noAllocation = assertThrows(
                IllegalStateException.class,
                () -> db.inTransaction(() -> inbox.applyOne(Stage.ALLOCATION, lotReceived("N5-0003"))));
        assertEquals("no listener for stage ALLOCATION", noAllocation.getMessage());
        assertEquals(0, marks(Stage.ALLOCATION));
    }

    private EventEnvelope lotReceived(String lotNumber) {
        return EventEnvelope.create(
                new Events.LotReceived(
                        "lot-" + lotNumber, lotNumber, "BM1370", 25, List.of(new Events.BinCount("B1", 1000))),
                "corr-" + lotNumber,
                null,
                clock);
    }

    private long marks(Stage stage) {
        return db.fresh(() -> db.em()
                .createQuery("select count(p) from ProcessedEvent p where p.key.consumer = :consumer", Long.class)
                .setParameter("consumer", stage.consumerName())
                .getSingleResult());
    }

    /** A stage's reaction that notes what it applied; told to, it fails on one event. */
    private static final class Recording implements StageListener {
        private final Stage stage;
        final List<String> applied = new ArrayList<>();
        String failOn;

        Recording(Stage stage) {
            this.stage = stage;
        }

        @Override
        public Stage stage() {
            return stage;
        }

        @Override
        public void apply(EventEnvelope event) {
            if (event.eventId().equals(failOn)) {
                throw new IllegalStateException("the reaction failed");
            }
            applied.add(event.eventId());
        }
    }
}
