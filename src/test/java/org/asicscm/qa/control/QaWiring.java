package org.asicscm.qa.control;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.asicscm.allocation.control.AllocationWiring;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.events.control.EventsWiring;
import org.asicscm.testing.ControlDatabase;

/**
 * QA's control beans wired by hand on one database and one clock, as the container would
 * inject them, with the allocation stage's catalogue beside them (limit sets check products
 * there). Events from other stages are handed in as envelopes; what QA publishes is kept.
 */
final class QaWiring {
    final List<EventEnvelope> published = new ArrayList<>();
    final AllocationWiring allocation;
    final QaService qa = new QaService();
    final QaIntake intake = new QaIntake();
    final Genealogy genealogy = new Genealogy();
    final TestLimits limits = new TestLimits();
    final QualityHolds holds = new QualityHolds();
    final Recall recall = new Recall();
    final Trace trace = new Trace();
    final FieldReturns returns = new FieldReturns();
    final QaAnalytics analytics = new QaAnalytics();
    final BurnIns burnIns = new BurnIns();
    private final Clock clock;

    QaWiring(ControlDatabase db, Clock clock) {
        this.clock = clock;
        var em = db.em();
        allocation = new AllocationWiring(db, clock);
        EventOutbox outbox = EventsWiring.outbox(em, clock, published);
        limits.em = em;
        limits.catalogue = allocation.catalogue;
        limits.clock = clock;
        genealogy.em = em;
        intake.em = em;
        intake.genealogy = genealogy;
        intake.clock = clock;
        recall.em = em;
        trace.em = em;
        analytics.em = em;
        holds.em = em;
        holds.outbox = outbox;
        holds.recall = recall;
        holds.trace = trace;
        holds.clock = clock;
        returns.em = em;
        returns.outbox = outbox;
        returns.limits = limits;
        returns.clock = clock;
        qa.em = em;
        qa.outbox = outbox;
        qa.limits = limits;
        qa.genealogy = genealogy;
        qa.holds = holds;
        qa.returns = returns;
        qa.clock = clock;
        qa.reworkLimit = 3;
        burnIns.em = em;
        burnIns.qa = qa;
        burnIns.outbox = outbox;
        burnIns.clock = clock;
        burnIns.thsBand = new BigDecimal("5");
        burnIns.jthBand = new BigDecimal("0.5");
    }

    /** An event of another stage, as the relay would hand it to QA. */
    EventEnvelope event(Events.Event data, String correlationId) {
        return EventEnvelope.create(data, correlationId, null, clock);
    }

    /** The events QA published of a type, in order. */
    <T extends Events.Event> List<T> publishedOf(Class<T> type) {
        return published.stream()
                .map(EventEnvelope::data)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }
}
