package org.asicscm.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Locale;
import org.asicscm.events.EventType;
import org.asicscm.events.Events;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What the business did, counted from the events it committed: every event by type, and the
 * figures people ask for first (boards and machines built, dies allocated, QA verdicts). Counted
 * after the commit, so a rolled-back request counts nothing. Per instance, since its start.
 */
@ApplicationScoped
public class EventCounters {
    private static final Metadata WRITTEN = Metadata.builder()
            .withName("scm_events_written_total")
            .withDescription("events committed to the outbox on this instance, by type")
            .build();
    private static final Metadata BOARDS = Metadata.builder()
            .withName("scm_boards_built_total")
            .withDescription("hashboards recorded as assembled")
            .build();
    private static final Metadata MACHINES = Metadata.builder()
            .withName("scm_machines_built_total")
            .withDescription("machines recorded as assembled")
            .build();
    private static final Metadata ALLOCATIONS = Metadata.builder()
            .withName("scm_allocations_total")
            .withDescription("die allocations made (by hand, by policy or by re-assignment)")
            .build();
    private static final Metadata DIES = Metadata.builder()
            .withName("scm_dies_allocated_total")
            .withDescription("dies allocated to build orders")
            .build();
    private static final Metadata QA = Metadata.builder()
            .withName("scm_qa_tests_total")
            .withDescription("QA tests logged, by unit kind and verdict")
            .build();

    @Inject
    MetricRegistry registry;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventOutbox.Written written) {
        Events.Event event = written.event();
        registry.counter(WRITTEN, new Tag("type", EventType.of(event).wireName()))
                .inc();
        if (event instanceof Events.BoardAssembled) {
            registry.counter(BOARDS).inc();
        } else if (event instanceof Events.MachineAssembled) {
            registry.counter(MACHINES).inc();
        } else if (event instanceof Events.DiesAllocated allocated) {
            registry.counter(ALLOCATIONS).inc();
            registry.counter(DIES).inc(allocated.dies());
        } else if (event instanceof Events.UnitTested tested) {
            registry.counter(
                            QA,
                            new Tag("kind", tested.kind().name().toLowerCase(Locale.ROOT)),
                            new Tag("verdict", tested.passed() ? "passed" : "failed"))
                    .inc();
        }
    }
}
