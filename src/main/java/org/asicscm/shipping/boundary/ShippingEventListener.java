package org.asicscm.shipping.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Stage;
import org.asicscm.events.control.StageListener;
import org.asicscm.shipping.control.PlannedOutput;
import org.asicscm.shipping.control.ShippingService;

/** Shipping's inbox: machines that passed QA become shippable; QA's quality holds block machines from booking. */
@ApplicationScoped
public class ShippingEventListener implements StageListener {

    @EJB
    ShippingService shipping;

    @EJB
    PlannedOutput plannedOutput;

    @Override
    public Stage stage() {
        return Stage.SHIPPING;
    }

    @Override
    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case MACHINE_READY_TO_SHIP -> shipping.machineReady(event);
            case QUALITY_HOLD_PLACED, QUALITY_HOLD_RELEASED -> shipping.qualityHold(event);
            case MACHINE_GRADED -> shipping.machineGraded(event);
            case BUILD_ORDER_CREATED, BUILD_ORDER_REDUCED, BUILD_ORDER_CANCELLED, BUILD_SCHEDULED, BUILD_RESCHEDULED ->
                plannedOutput.apply(event);
            default -> throw new NotConsumedException(stage(), event);
        }
    }
}
