package org.asicscm.shipping.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.asicscm.events.Stage;
import org.asicscm.events.control.Inbox;
import org.asicscm.platform.Messaging;
import org.asicscm.shipping.control.ShippingService;

/** Shipping's inbox: machines that passed QA become available to ship. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.SHIPPING_DESTINATION),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Messaging.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = Messaging.MAX_REDELIVERIES),
        @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = Messaging.REDELIVERY_DELAY_MS)
})
public class ShippingEventListener implements MessageListener {

    @EJB
    Inbox inbox;
    @EJB
    ShippingService shipping;

    @Override
    public void onMessage(Message message) {
        inbox.claim(Stage.SHIPPING, message).ifPresent(event -> {
            switch (event.type()) {
                case MACHINE_READY_TO_SHIP -> shipping.machineReady(event);
                default -> throw new IllegalArgumentException("shipping does not consume " + event.type());
            }
        });
    }
}
