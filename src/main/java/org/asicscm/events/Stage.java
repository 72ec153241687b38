package org.asicscm.events;

import org.asicscm.platform.Messaging;

/** The stages that consume events, each through its own queue. */
public enum Stage {
    ALLOCATION(Messaging.ALLOCATION_QUEUE),
    ASSEMBLY(Messaging.ASSEMBLY_QUEUE),
    QA(Messaging.QA_QUEUE),
    SHIPPING(Messaging.SHIPPING_QUEUE);

    private final String queueJndiName;

    Stage(String queueJndiName) {
        this.queueJndiName = queueJndiName;
    }

    public String queueJndiName() {
        return queueJndiName;
    }

    /** The key the stage's inbox records processed events under. */
    public String consumerName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
