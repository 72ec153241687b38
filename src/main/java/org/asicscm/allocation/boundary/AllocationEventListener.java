package org.asicscm.allocation.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.asicscm.allocation.control.AllocationService;
import org.asicscm.events.Stage;
import org.asicscm.events.control.Inbox;
import org.asicscm.platform.Messaging;

/** Allocation's inbox: build orders get scheduled, dies get mounted on boards. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.ALLOCATION_DESTINATION),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Messaging.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = Messaging.MAX_REDELIVERIES),
        @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = Messaging.REDELIVERY_DELAY_MS)
})
public class AllocationEventListener implements MessageListener {

    @EJB
    Inbox inbox;
    @EJB
    AllocationService allocation;

    @Override
    public void onMessage(Message message) {
        inbox.claim(Stage.ALLOCATION, message).ifPresent(event -> {
            switch (event.type()) {
                case BUILD_SCHEDULED, BUILD_RESCHEDULED -> allocation.buildScheduled(event);
                case BOARD_ASSEMBLED -> allocation.boardAssembled(event);
                default -> throw new IllegalArgumentException("allocation does not consume " + event.type());
            }
        });
    }
}
