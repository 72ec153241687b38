package org.asicscm.qa.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Stage;
import org.asicscm.events.control.StageListener;
import org.asicscm.qa.control.Genealogy;
import org.asicscm.qa.control.QaIntake;

/**
 * QA's inbox: boards and machines come off the line and wait for their test; orders say which
 * product they are; shipments and deliveries complete the genealogy.
 */
@ApplicationScoped
public class QaEventListener implements StageListener {

    @EJB
    QaIntake intake;

    @EJB
    Genealogy genealogy;

    @Override
    public Stage stage() {
        return Stage.QA;
    }

    @Override
    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case BOARD_ASSEMBLED -> intake.boardAssembled(event);
            case MACHINE_ASSEMBLED -> intake.machineAssembled(event);
            case BUILD_ORDER_CREATED -> intake.orderCreated(event);
            case SHIPMENT_BOOKED -> genealogy.shipmentBooked(event);
            case SHIPMENT_MILESTONE_REACHED -> genealogy.milestoneReached(event);
            default -> throw new NotConsumedException(stage(), event);
        }
    }
}
