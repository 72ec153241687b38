package org.asicscm.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Filters read from query parameters as text: a bad value is a 400 naming the parameter. */
public final class QueryParams {

    private QueryParams() {}

    public static <T extends Enum<T>> T enumValue(String parameter, String text, Class<T> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(parameter, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static LocalDate date(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(parameter, "must be a date such as 2027-01-31");
        }
        // the same years a request body may name (StrictJson): beyond them date arithmetic overflows
        if (date.getYear() < 1970 || date.getYear() > 2999) {
            throw new InvalidInputException(parameter, "must lie between 1970-01-01 and 2999-12-31");
        }
        return date;
    }

    /** An instant with its offset (2026-11-23T08:00:00Z), or null when absent; a 400 naming it otherwise. */
    public static java.time.OffsetDateTime time(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        java.time.OffsetDateTime time;
        try {
            time = java.time.OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(parameter, "must be a time with its offset, e.g. 2026-11-23T08:00:00Z");
        }
        if (time.getYear() < 1970 || time.getYear() > 2999) {
            throw new InvalidInputException(parameter, "must lie between 1970 and 2999");
        }
        return time;
    }

    /** A whole number in a range, or the default when absent; a 400 naming it otherwise (not JAX-RS's 404). */
    public static int number(String parameter, String text, int absent, int min, int max) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new InvalidInputException(parameter, "must be a whole number from " + min + " to " + max);
    }

    /** A whole number from 1, e.g. a path's sequence number; a 400 naming it otherwise. */
    public static int positive(String parameter, String text) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(parameter, "must be a whole number from 1");
    }

    /** Text to match, at most 100 characters. */
    public static String text(String parameter, String text) {
        if (text != null && text.length() > 100) {
            throw new InvalidInputException(parameter, "must be at most 100 characters");
        }
        return text;
    }

    /** true or false; anything else is refused naming the parameter. */
    public static boolean bool(String parameter, String text) {
        if ("true".equals(text)) {
            return true;
        }
        if ("false".equals(text)) {
            return false;
        }
        throw new InvalidInputException(parameter, "must be true or false");
    }
}
