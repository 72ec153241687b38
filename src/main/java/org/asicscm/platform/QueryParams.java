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
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(parameter, "must be a date such as 2027-01-31");
        }
    }

    /** Text to match, at most 100 characters. */
    public static String text(String parameter, String text) {
        if (text != null && text.length() > 100) {
            throw new InvalidInputException(parameter, "must be at most 100 characters");
        }
        return text;
    }
}
