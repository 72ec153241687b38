package org.asicscm.platform;

/**
 * Who is acting on this thread, and for which request: the signed-in user while a request runs
 * ({@link ActingFilter}), or the user whose event a stage is applying. Events are stamped with
 * the actor; the audit trail records the changes a request makes under it.
 */
public final class Acting {
    /** The actor when no user is behind the work: start-up, sweepers, the relay. */
    public static final String SYSTEM = "system";

    private record Context(String actor, String correlationId, boolean request) {}

    private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

    private Acting() {}

    public static String actor() {
        Context context = CURRENT.get();
        return context == null ? SYSTEM : context.actor();
    }

    /** The request's correlation id as the client sent it, or null. */
    public static String correlationId() {
        Context context = CURRENT.get();
        return context == null ? null : context.correlationId();
    }

    /** Whether a user's request (not an event's reaction or a timer) is running on this thread. */
    public static boolean inRequest() {
        Context context = CURRENT.get();
        return context != null && context.request();
    }

    static void request(String actor, String correlationId) {
        CURRENT.set(new Context(actor == null ? "anonymous" : actor, correlationId, true));
    }

    /** Runs a stage's reaction to an event as the event's actor. */
    public static void asEventActor(String actor, Runnable reaction) {
        Context before = CURRENT.get();
        CURRENT.set(new Context(actor == null ? SYSTEM : actor, null, false));
        try {
            reaction.run();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    static void done() {
        CURRENT.remove();
    }
}
