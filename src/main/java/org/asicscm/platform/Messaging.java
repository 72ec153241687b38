package org.asicscm.platform;

/**
 * Names on the broker. Each stage reads one queue; the relay sends each event once, to a
 * composite destination the broker fans out to the queues of the stages that consume it and to
 * the {@code scm.events} topic (see {@code EventType} for who consumes what).
 */
public final class Messaging {
    public static final String ALLOCATION_DESTINATION = "scm.allocation";
    public static final String ASSEMBLY_DESTINATION = "scm.assembly";
    public static final String QA_DESTINATION = "scm.qa";
    public static final String SHIPPING_DESTINATION = "scm.shipping";
    /** Every event, for listeners outside the application (reporting, integrations). */
    public static final String EVENTS_DESTINATION = "scm.events";

    private Messaging() {}
}
