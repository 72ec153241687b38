package org.asicscm.platform;

import java.util.List;

/**
 * The roles a user can hold. Each REST operation names the roles that may call it
 * ({@code @RolesAllowed}); reads are open to the stage's roles and to {@link #AUDITOR}.
 */
public final class Roles {
    /** Plans builds: lots, orders, allocation, factories, schedules, the floor's reports. */
    public static final String PLANNER = "planner";
    /** Tests boards and machines, records failures, rework and scrap. */
    public static final String QA = "qa";
    /** Customers and shipments. */
    public static final String LOGISTICS = "logistics";
    /** Export screening decisions and their overrides. */
    public static final String COMPLIANCE = "compliance";
    /** Users and roles, dead letters, configuration. */
    public static final String ADMIN = "admin";
    /** Reads everything, changes nothing. */
    public static final String AUDITOR = "auditor";
    /** A carrier's system: posts tracking events to the webhook, and nothing else. */
    public static final String CARRIER = "carrier";

    public static final List<String> ALL = List.of(PLANNER, QA, LOGISTICS, COMPLIANCE, ADMIN, AUDITOR, CARRIER);

    private Roles() {}

    /** The roles of the signed-in caller. */
    public static java.util.Set<String> held(jakarta.ws.rs.core.SecurityContext security) {
        var held = new java.util.TreeSet<String>();
        for (String role : ALL) {
            if (security.isUserInRole(role)) {
                held.add(role);
            }
        }
        return held;
    }
}
