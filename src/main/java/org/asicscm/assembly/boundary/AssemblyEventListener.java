package org.asicscm.assembly.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.asicscm.assembly.control.AssemblyService;
import org.asicscm.assembly.control.SchedulingService;
import org.asicscm.events.Events;
import org.asicscm.events.Stage;
import org.asicscm.events.control.Inbox;
import org.asicscm.platform.Messaging;

/** Assembly's inbox: orders and dies arrive and leave the kit, QA's verdicts move boards and machines. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.ASSEMBLY_DESTINATION),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Messaging.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = Messaging.MAX_REDELIVERIES),
        @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = Messaging.REDELIVERY_DELAY_MS)
})
public class AssemblyEventListener implements MessageListener {

    @EJB
    Inbox inbox;
    @EJB
    AssemblyService assembly;
    @EJB
    SchedulingService scheduling;

    @Override
    public void onMessage(Message message) {
        inbox.claim(Stage.ASSEMBLY, message).ifPresent(event -> {
            switch (event.type()) {
                case BUILD_ORDER_CREATED -> assembly.buildOrderCreated(event);
                case BUILD_ORDER_CANCELLED -> scheduling.orderCancelled(event);
                case BUILD_ORDER_REDUCED -> {
                    scheduling.lockPlan();
                    scheduling.replanReduced(assembly.orderReduced(event));
                }
                case DIES_ALLOCATED -> assembly.diesAllocated(event);
                case ALLOCATION_RELEASED, ALLOCATION_EXPIRED -> assembly.allocationEnded(event);
                case DIES_REASSIGNED -> assembly.diesReassigned(event);
                case LOT_CORRECTED -> assembly.lotCorrected(event);
                case LOT_HELD -> {
                    var held = event.data(Events.LotHeld.class);
                    scheduling.lotHoldChanged(event, held.lotId(), held.lotNumber(), true);
                }
                case LOT_RELEASED -> {
                    var released = event.data(Events.LotReleased.class);
                    scheduling.lotHoldChanged(event, released.lotId(), released.lotNumber(), false);
                }
                case UNIT_TESTED, UNIT_REWORKED, UNIT_SCRAPPED -> assembly.qaVerdict(event);
                default -> throw new IllegalArgumentException("assembly does not consume " + event.type());
            }
        });
    }
}
