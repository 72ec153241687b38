package org.asicscm.platform;

import java.util.List;
import java.util.function.Predicate;

/**
 * Checks each element of a request list and names the failing one ("boardSerials[2]").
 * Used instead of type-use constraints such as {@code List<@NotBlank String>}: Payara's OpenAPI
 * generator fails on those (NullPointerException in ApplicationProcessor.addSchemaParameter) and
 * then serves a document with no paths.
 */
public final class ListElements {
    private ListElements() {}

    public static <T> void require(String field, List<T> elements, Predicate<T> valid, String message) {
        for (int i = 0; i < elements.size(); i++) {
            T element = elements.get(i);
            if (element == null || !valid.test(element)) {
                throw new InvalidInputException(field + "[" + i + "]", message);
            }
        }
    }
}
