package org.asicscm.materials.control;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.asicscm.materials.entity.PartStock;

/**
 * Parts over a planning horizon, day by day: what is at each factory, what the central warehouse
 * has or will receive on open purchase orders, and what the plan has already promised to builds.
 * A factory uses its own consignment first and then the central warehouse's parts, which reach
 * it {@code transferLeadDays} after they are there.
 *
 * <p>Each pool keeps, per day, the parts free to promise: supply up to that day minus what is
 * promised up to that day. Promising parts on a day lowers every later day too, so a build may
 * take only the least of its day and the days after it; otherwise a later build already promised
 * the parts would find them gone.
 */
public final class PartsAvailability {
    private static final double EPSILON = 1e-9;

    private final LocalDate from;
    private final int days;
    private final int transferLeadDays;
    /** location (a factory's id, or CENTRAL as seen from a factory) to item to free parts per day */
    private final Map<String, Map<String, Free>> pools = new HashMap<>();

    public PartsAvailability(LocalDate from, int horizonDays, int transferLeadDays) {
        if (horizonDays <= 0 || transferLeadDays < 0) {
            throw new IllegalArgumentException("a horizon of at least one day and a lead time of none or more");
        }
        this.from = Objects.requireNonNull(from);
        this.days = horizonDays;
        this.transferLeadDays = transferLeadDays;
    }

    private PartsAvailability(PartsAvailability other) {
        this(other.from, other.days, other.transferLeadDays);
        other.pools.forEach((location, items) -> {
            var copy = new HashMap<String, Free>();
            items.forEach((item, free) -> copy.put(item, new Free(free)));
            pools.put(location, copy);
        });
    }

    /** An independent copy: a what-if plan promises parts without touching the real plan's. */
    public PartsAvailability copy() {
        return new PartsAvailability(this);
    }

    /** Parts at a factory from a day on (a day before the horizon counts as its first day). */
    public void atFactory(String factoryId, String item, LocalDate day, double quantity) {
        add(factoryId, item, index(day), quantity);
    }

    /** Parts at the central warehouse from a day on; factories can use them a transfer later. */
    public void atCentral(String item, LocalDate day, double quantity) {
        add(PartStock.CENTRAL, item, index(day) + transferLeadDays, quantity);
    }

    /**
     * How many boards the parts allow on a day at a factory, given what each board takes of each
     * item (machine-level items shared among the machine's boards); no limit when it takes none.
     */
    public int boardsPossible(Map<String, Double> perBoard, String factoryId, LocalDate day) {
        int index = index(day);
        double boards = Double.MAX_VALUE;
        for (var need : perBoard.entrySet()) {
            if (need.getValue() > 0) {
                boards = Math.min(boards, available(need.getKey(), factoryId, index) / need.getValue());
            }
        }
        return boards >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.floor(boards + EPSILON);
    }

    /** Promises the parts of some boards on a day, the factory's own first. */
    public void take(Map<String, Double> perBoard, String factoryId, LocalDate day, int boards) {
        int index = index(day);
        for (var need : perBoard.entrySet()) {
            double quantity = need.getValue() * boards;
            double own = Math.max(0, Math.min(quantity, freeFrom(factoryId, need.getKey(), index)));
            add(factoryId, need.getKey(), index, -own);
            if (quantity - own > EPSILON) {
                add(PartStock.CENTRAL, need.getKey(), index, -(quantity - own));
            }
        }
    }

    /** Free to promise at a factory on a day: its own and the central warehouse's, net of later promises. */
    public double available(String item, String factoryId, LocalDate day) {
        return available(item, factoryId, index(day));
    }

    private double available(String item, String factoryId, int index) {
        return Math.max(0, freeFrom(factoryId, item, index)) + Math.max(0, freeFrom(PartStock.CENTRAL, item, index));
    }

    /** The least free on the day and every day after it. */
    private double freeFrom(String location, String item, int index) {
        Free free = pools.getOrDefault(location, Map.of()).get(item);
        return free == null || index >= days ? 0 : free.least[index];
    }

    private void add(String location, String item, int index, double quantity) {
        if (index >= days) {
            return; // arrives after the horizon
        }
        pools.computeIfAbsent(location, k -> new HashMap<>())
                .computeIfAbsent(item, k -> new Free(days))
                .add(index, quantity);
    }

    /** Free parts per day, and per day the least free from then on: asked far more often than changed. */
    private static final class Free {
        final double[] perDay;
        final double[] least;

        Free(int days) {
            perDay = new double[days];
            least = new double[days];
        }

        Free(Free other) {
            perDay = other.perDay.clone();
            least = other.least.clone();
        }

        void add(int index, double quantity) {
            for (int i = index; i < perDay.length; i++) {
                perDay[i] += quantity;
                least[i] += quantity;
            }
            for (int i = index - 1; i >= 0; i--) {
                least[i] = Math.min(perDay[i], least[i + 1]);
            }
        }
    }

    private int index(LocalDate day) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(from, day));
    }
}
