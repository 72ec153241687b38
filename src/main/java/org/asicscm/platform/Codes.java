package org.asicscm.platform;

/**
 * The one rule for codes and serial numbers (chip models, bins, products, factories, lines,
 * boards, machines): what the API accepts, states in /openapi and checks in lists.
 */
public final class Codes {
    /** Letters, digits, '.', '_' or '-', starting with a letter or digit. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";

    public static final int MAX_LENGTH = 40;

    private Codes() {}

    public static boolean isCode(String value) {
        return value.length() <= MAX_LENGTH && value.matches(PATTERN);
    }
}
