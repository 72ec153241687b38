package org.asicscm.events.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asicscm.events.EventType;
import org.asicscm.events.Stage;
import org.asicscm.events.entity.EventLogEntry;
import org.asicscm.platform.Messaging;

/**
 * Moves events from the outbox to the broker. The row is locked while the event is sent, so two
 * relays never send it twice; the send is not part of the transaction (its connection factory
 * does not enlist): the broker has the message before the "published" mark commits. A crash in
 * between sends it again later, and consumers ignore the duplicate. No two-phase commit, so a
 * crash can never leave the outbox row locked by a transaction in doubt.
 */
@Stateless
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    public static final String TYPE_PROPERTY = "eventType";
    public static final String ID_PROPERTY = "eventId";

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = Messaging.RELAY_CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;
    @Resource(lookup = Messaging.ALLOCATION_QUEUE)
    Queue allocationQueue;
    @Resource(lookup = Messaging.ASSEMBLY_QUEUE)
    Queue assemblyQueue;
    @Resource(lookup = Messaging.QA_QUEUE)
    Queue qaQueue;
    @Resource(lookup = Messaging.SHIPPING_QUEUE)
    Queue shippingQueue;
    @Resource(lookup = Messaging.EVENTS_TOPIC)
    Topic eventsTopic;

    @Resource
    jakarta.ejb.SessionContext context;

    /** Right after the transaction that wrote the event has committed. */
    public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventOutbox.Written written) {
        context.getBusinessObject(OutboxRelay.class).publishLater(written.eventId());
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void publishLater(String eventId) {
        try {
            context.getBusinessObject(OutboxRelay.class).publish(eventId);
        } catch (RuntimeException e) {
            // the event stays unpublished in the outbox; the sweeper retries it
            LOG.log(Level.WARNING, "could not publish event " + eventId + " now; the sweeper will retry", e);
        }
    }

    /** @return true if this call sent the event, false if it was already published or unknown */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean publish(String eventId) {
        EventLogEntry entry = em.find(EventLogEntry.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null || entry.isPublished()) {
            return false;
        }
        EventType type = EventType.byWireName(entry.type())
                .orElseThrow(() -> new IllegalStateException("outbox holds an unknown type " + entry.type()));
        try (var connection = connectionFactory.createConnection();
             // the adapter supports only the JMS 1.1 form; not enlisted, each send is durable at once
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            for (Destination destination : destinationsOf(type)) {
                Message message = session.createTextMessage(entry.payload());
                message.setJMSCorrelationID(entry.correlationId());
                message.setStringProperty(TYPE_PROPERTY, entry.type());
                message.setStringProperty(ID_PROPERTY, entry.eventId());
                var producer = session.createProducer(destination);
                // business events never expire
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                producer.send(message);
                producer.close();
            }
        } catch (JMSException e) {
            throw new IllegalStateException("broker refused event " + eventId, e);
        }
        entry.markPublished(OffsetDateTime.now(ZoneOffset.UTC));
        return true;
    }

    private List<Destination> destinationsOf(EventType type) {
        var destinations = new ArrayList<Destination>();
        for (Stage stage : type.consumers()) {
            destinations.add(switch (stage) {
                case ALLOCATION -> allocationQueue;
                case ASSEMBLY -> assemblyQueue;
                case QA -> qaQueue;
                case SHIPPING -> shippingQueue;
            });
        }
        destinations.add(eventsTopic);
        return destinations;
    }
}
