package org.asicscm.allocation.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.asicscm.allocation.control.BuildOrders;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Stage;
import org.asicscm.events.control.StageListener;

/** Allocation's inbox: build orders get scheduled, dies get mounted on boards. */
@ApplicationScoped
public class AllocationEventListener implements StageListener {

    @EJB
    BuildOrders orders;

    @Override
    public Stage stage() {
        return Stage.ALLOCATION;
    }

    @Override
    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case BUILD_SCHEDULED, BUILD_RESCHEDULED -> orders.buildScheduled(event);
            case BOARD_ASSEMBLED -> orders.boardAssembled(event);
            case UNIT_SCRAPPED -> orders.unitScrapped(event);
            default -> throw new NotConsumedException(stage(), event);
        }
    }
}
