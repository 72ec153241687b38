package org.asicscm.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a collection: its items, where it is, and how many items the filters match in
 * all, so a client sees that there is more rather than a list cut short.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<? super T, ? extends R> view) {
        return new Page<>(items.stream().<R>map(view).toList(), page, size, total);
    }
}
