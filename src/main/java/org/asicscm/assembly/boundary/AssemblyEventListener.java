package org.asicscm.assembly.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.asicscm.assembly.control.AssemblyService;
import org.asicscm.assembly.control.Kitting;
import org.asicscm.assembly.control.PlanChanges;
import org.asicscm.assembly.control.SchedulingService;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.asicscm.events.Stage;
import org.asicscm.events.control.StageListener;

/** Assembly's inbox: orders and dies arrive and leave the kit, QA's verdicts move boards and machines. */
@ApplicationScoped
public class AssemblyEventListener implements StageListener {

    @EJB
    AssemblyService assembly;

    @EJB
    Kitting kitting;

    @EJB
    SchedulingService scheduling;

    @EJB
    PlanChanges planChanges;

    @Override
    public Stage stage() {
        return Stage.ASSEMBLY;
    }

    @Override
    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case BUILD_ORDER_CREATED -> kitting.buildOrderCreated(event);
            case BUILD_ORDER_CANCELLED -> planChanges.orderCancelled(event);
            case BUILD_ORDER_REDUCED -> {
                scheduling.lockPlan();
                planChanges.replanReduced(kitting.orderReduced(event));
            }
            case DIES_ALLOCATED -> kitting.diesAllocated(event);
            case ALLOCATION_RELEASED, ALLOCATION_EXPIRED -> kitting.allocationEnded(event);
            case DIES_REASSIGNED -> kitting.diesReassigned(event);
            case LOT_CORRECTED -> kitting.lotCorrected(event);
            case LOT_HELD -> {
                var held = event.data(Events.LotHeld.class);
                planChanges.lotHoldChanged(event, held.lotId(), held.lotNumber(), true);
            }
            case LOT_RELEASED -> {
                var released = event.data(Events.LotReleased.class);
                planChanges.lotHoldChanged(event, released.lotId(), released.lotNumber(), false);
            }
            case UNIT_TESTED, UNIT_REWORKED, UNIT_SCRAPPED -> assembly.qaVerdict(event);
            default -> throw new NotConsumedException(stage(), event);
        }
    }
}
