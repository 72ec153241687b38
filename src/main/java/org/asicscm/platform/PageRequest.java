package org.asicscm.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The page, size and sort of a list request, read from query parameters as text so that a bad
 * value is a 400 naming the parameter, not the 404 JAX-RS answers when it cannot convert one.
 *
 * @param sort fields in order, each ascending or descending ({@code sort=dueDate,-priority})
 */
public record PageRequest(int page, int size, List<Order> sort) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public record Order(String field, boolean descending) {}

    public static PageRequest of(String page, String size, String sort, Set<String> sortable, String defaultSort) {
        int pageNumber = QueryParams.number("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = QueryParams.number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        var orders = new ArrayList<Order>();
        for (String part : (sort == null || sort.isBlank() ? defaultSort : sort).split(",")) {
            String name = part.strip();
            boolean descending = name.startsWith("-");
            String field = descending ? name.substring(1) : name;
            if (!sortable.contains(field)) {
                throw new InvalidInputException(
                        "sort",
                        "'" + name + "' is not one of " + new TreeSet<>(sortable) + " (a leading - sorts descending)");
            }
            orders.add(new Order(field, descending));
        }
        return new PageRequest(pageNumber, pageSize, List.copyOf(orders));
    }

    public int offset() {
        return Math.multiplyExact(page, size);
    }
}
