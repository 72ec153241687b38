package org.asicscm.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Percentiles, medians and spreads of measured values. */
final class Stats {
    private Stats() {}

    /** Nearest-rank percentile, p in (0, 100]. */
    static double percentile(Collection<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    static double median(Collection<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** max - min */
    static double spread(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)
                - values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }
}
