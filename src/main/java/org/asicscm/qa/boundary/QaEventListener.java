package org.asicscm.qa.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.asicscm.events.Stage;
import org.asicscm.events.control.Inbox;
import org.asicscm.platform.Messaging;
import org.asicscm.qa.control.QaService;

/** QA's inbox: assembled boards and machines join the test queue. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.QA_DESTINATION),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Messaging.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = Messaging.MAX_REDELIVERIES),
        @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = Messaging.REDELIVERY_DELAY_MS)
})
public class QaEventListener implements MessageListener {

    @EJB
    Inbox inbox;
    @EJB
    QaService qa;

    @Override
    public void onMessage(Message message) {
        inbox.claim(Stage.QA, message).ifPresent(event -> {
            switch (event.type()) {
                case BOARD_ASSEMBLED -> qa.boardAssembled(event);
                case MACHINE_ASSEMBLED -> qa.machineAssembled(event);
                default -> throw new IllegalArgumentException("qa does not consume " + event.type());
            }
        });
    }
}
