package org.asicscm.events;

import org.asicscm.platform.Messaging;

/** The stages that consume events, each through its own queue (see OutboxRelay and StageConsumers). */
public enum Stage {
    ALLOCATION(Messaging.ALLOCATION_DESTINATION),
    ASSEMBLY(Messaging.ASSEMBLY_DESTINATION),
    QA(Messaging.QA_DESTINATION),
    SHIPPING(Messaging.SHIPPING_DESTINATION);

    private final String queue;

    Stage(String queue) {
        this.queue = queue;
    }

    /** The key the stage's inbox records processed events under. */
    public String consumerName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The broker queue the stage reads. */
    public String queue() {
        return queue;
    }

    public static java.util.Optional<Stage> byConsumerName(String name) {
        return java.util.Arrays.stream(values())
                .filter(s -> s.consumerName().equals(name))
                .findFirst();
    }
}
