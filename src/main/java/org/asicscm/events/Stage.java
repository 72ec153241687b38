package org.asicscm.events;

/** The stages that consume events, each through its own queue (see OutboxRelay and Messaging). */
public enum Stage {
    ALLOCATION, ASSEMBLY, QA, SHIPPING;

    /** The key the stage's inbox records processed events under. */
    public String consumerName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
