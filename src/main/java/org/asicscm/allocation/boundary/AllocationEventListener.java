package org.asicscm.allocation.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.asicscm.allocation.control.AllocationService;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Stage;
import org.asicscm.events.control.StageListener;

/** Allocation's inbox: build orders get scheduled, dies get mounted on boards. */
@ApplicationScoped
public class AllocationEventListener implements StageListener {

    @EJB
    AllocationService allocation;

    @Override
    public Stage stage() {
        return Stage.ALLOCATION;
    }

    @Override
    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case BUILD_SCHEDULED, BUILD_RESCHEDULED -> allocation.buildScheduled(event);
            case BOARD_ASSEMBLED -> allocation.boardAssembled(event);
            case UNIT_SCRAPPED -> allocation.unitScrapped(event);
            default -> throw new NotConsumedException(stage(), event);
        }
    }
}
