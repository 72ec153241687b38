package org.asicscm.platform;

import java.util.UUID;
import java.util.regex.Pattern;

/** The correlation id a client may send in {@value #HEADER}; a new one when it sends none. */
public final class Correlation {
    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** The request's correlation id as given (or "none"), for log lines; kept only while it runs. */
    public static String current() {
        String id = CURRENT.get();
        return id == null ? "none" : id;
    }

    static void enter(String header) {
        CURRENT.set(header == null || header.isBlank() || !VALID.matcher(header).matches() ? null : header);
    }

    static void leave() {
        CURRENT.remove();
    }

    private Correlation() {}

    public static String orNew(String header) {
        if (header == null || header.isBlank()) {
            return UUID.randomUUID().toString();
        }
        return valid(header);
    }

    /** The header's value, or null when absent. */
    public static String orNull(String header) {
        return header == null || header.isBlank() ? null : valid(header);
    }

    private static String valid(String header) {
        if (!VALID.matcher(header).matches()) {
            throw new InvalidInputException(HEADER, "must be 1 to 64 letters, digits or . _ : -");
        }
        return header;
    }
}
