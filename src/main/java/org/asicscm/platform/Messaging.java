package org.asicscm.platform;

import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * JMS resources, all provided by the ActiveMQ resource adapter. Each stage has one queue;
 * the event catalogue ({@code EventType}) says which stages receive which event.
 */
@ConnectionFactoryDefinition(
        name = Messaging.CONNECTION_FACTORY,
        resourceAdapter = Messaging.RESOURCE_ADAPTER,
        interfaceName = "jakarta.jms.ConnectionFactory",
        transactionSupport = TransactionSupportLevel.XATransaction,
        maxPoolSize = 32,
        minPoolSize = 1)
// the outbox relay's: its sends are not enlisted in the JTA transaction, so publishing an event
// is never a two-phase commit that a crash could leave in doubt in the database
@ConnectionFactoryDefinition(
        name = Messaging.RELAY_CONNECTION_FACTORY,
        resourceAdapter = Messaging.RESOURCE_ADAPTER,
        interfaceName = "jakarta.jms.ConnectionFactory",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        maxPoolSize = 16,
        minPoolSize = 1)
@AdministeredObjectDefinition(name = Messaging.ALLOCATION_QUEUE, resourceAdapter = Messaging.RESOURCE_ADAPTER,
        interfaceName = "jakarta.jms.Queue", className = "org.apache.activemq.command.ActiveMQQueue",
        properties = "PhysicalName=" + Messaging.ALLOCATION_DESTINATION)
@AdministeredObjectDefinition(name = Messaging.ASSEMBLY_QUEUE, resourceAdapter = Messaging.RESOURCE_ADAPTER,
        interfaceName = "jakarta.jms.Queue", className = "org.apache.activemq.command.ActiveMQQueue",
        properties = "PhysicalName=" + Messaging.ASSEMBLY_DESTINATION)
@AdministeredObjectDefinition(name = Messaging.QA_QUEUE, resourceAdapter = Messaging.RESOURCE_ADAPTER,
        interfaceName = "jakarta.jms.Queue", className = "org.apache.activemq.command.ActiveMQQueue",
        properties = "PhysicalName=" + Messaging.QA_DESTINATION)
@AdministeredObjectDefinition(name = Messaging.SHIPPING_QUEUE, resourceAdapter = Messaging.RESOURCE_ADAPTER,
        interfaceName = "jakarta.jms.Queue", className = "org.apache.activemq.command.ActiveMQQueue",
        properties = "PhysicalName=" + Messaging.SHIPPING_DESTINATION)
@AdministeredObjectDefinition(name = Messaging.EVENTS_TOPIC, resourceAdapter = Messaging.RESOURCE_ADAPTER,
        interfaceName = "jakarta.jms.Topic", className = "org.apache.activemq.command.ActiveMQTopic",
        properties = "PhysicalName=" + Messaging.EVENTS_DESTINATION)
public final class Messaging {
    /**
     * Name of the deployed adapter. Payara Micro and a stand-alone deployment on Payara Server
     * both use the RAR's file name; see the README before bundling the adapter inside the EAR.
     */
    public static final String RESOURCE_ADAPTER = "activemq-rar-6.1.8";
    public static final String CONNECTION_FACTORY = "java:app/jms/scmConnectionFactory";
    public static final String RELAY_CONNECTION_FACTORY = "java:app/jms/relayConnectionFactory";

    public static final String ALLOCATION_DESTINATION = "scm.allocation";
    public static final String ASSEMBLY_DESTINATION = "scm.assembly";
    public static final String QA_DESTINATION = "scm.qa";
    public static final String SHIPPING_DESTINATION = "scm.shipping";

    public static final String ALLOCATION_QUEUE = "java:app/jms/allocationQueue";
    public static final String ASSEMBLY_QUEUE = "java:app/jms/assemblyQueue";
    public static final String QA_QUEUE = "java:app/jms/qaQueue";
    public static final String SHIPPING_QUEUE = "java:app/jms/shippingQueue";
    /** Every event, for listeners outside the application (reporting, integrations). */
    public static final String EVENTS_DESTINATION = "scm.events";
    public static final String EVENTS_TOPIC = "java:app/jms/eventsTopic";

    /** Redeliveries after the first failed delivery, before the broker moves a message to ActiveMQ.DLQ. */
    public static final String MAX_REDELIVERIES = "4";
    public static final String REDELIVERY_DELAY_MS = "250";

    private Messaging() {
    }
}
