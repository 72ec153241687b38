package org.asicscm.allocation.control;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.events.control.EventsWiring;
import org.asicscm.materials.control.MaterialsWiring;
import org.asicscm.testing.ControlDatabase;

/**
 * The allocation stage's control beans wired by hand on one database and one clock, as the
 * container would inject them; the envelopes they publish are kept in order, for a test to
 * hand to another stage.
 */
public final class AllocationWiring {
    public final List<EventEnvelope> published = new ArrayList<>();
    public final Catalogue catalogue = new Catalogue();
    public final WaferLots lots = new WaferLots();
    public final BuildOrders orders = new BuildOrders();
    public final AllocationLedger ledger = new AllocationLedger();
    public final DieAllocator allocator;
    public final ReservationSweeper sweeper = new ReservationSweeper();

    public AllocationWiring(ControlDatabase db, Clock clock) {
        var em = db.em();
        // expire is REQUIRES_NEW in the container: here the sweeper's calls get their own transaction too
        allocator = new DieAllocator() {
            @Override
            public boolean expire(String allocationId) {
                return db.inTransaction(() -> super.expire(allocationId));
            }
        };
        EventOutbox outbox = EventsWiring.outbox(em, clock, published);
        catalogue.em = em;
        lots.em = em;
        lots.outbox = outbox;
        lots.catalogue = catalogue;
        lots.clock = clock;
        ledger.em = em;
        ledger.outbox = outbox;
        ledger.catalogue = catalogue;
        ledger.clock = clock;
        orders.em = em;
        orders.outbox = outbox;
        orders.catalogue = catalogue;
        orders.ledger = ledger;
        orders.clock = clock;
        orders.boms = MaterialsWiring.boms(em, clock);
        allocator.em = em;
        allocator.outbox = outbox;
        allocator.catalogue = catalogue;
        allocator.ledger = ledger;
        allocator.clock = clock;
        sweeper.allocator = allocator;
    }
}
