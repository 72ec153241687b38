package org.asicscm.materials.control;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
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
 *
 * <p>The planner asks this for every shift with room, so items are numbered once and a job's
 * needs are turned into a {@link Demand} of numbers: no lookup by item code in the inner loop.
 */
public final class PartsAvailability {
    private static final double EPSILON = 1e-9;

    private final LocalDate from;
    private final int days;
    private final int transferLeadDays;
    private final Map<String, Integer> itemNumbers = new HashMap<>();
    /** location (a factory's id, or CENTRAL as seen from a factory) to free parts per day, by item number */
    private final Map<String, Free[]> pools = new HashMap<>();

    /** What one board takes, by item number. */
    public record Demand(String[] items, int[] numbers, double[] perBoard) {
        public boolean isEmpty() {
            return numbers.length == 0;
        }
    }

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
        itemNumbers.putAll(other.itemNumbers);
        other.pools.forEach((location, items) -> {
            var copy = new Free[items.length];
            for (int i = 0; i < items.length; i++) {
                copy[i] = items[i] == null ? null : new Free(items[i]);
            }
            pools.put(location, copy);
        });
    }

    /** An independent copy: a what-if plan promises parts without touching the real plan's. */
    public PartsAvailability copy() {
        return new PartsAvailability(this);
    }

    /** A job's needs per board, by item number. */
    public Demand demand(Map<String, Double> perBoard) {
        var items = new String[perBoard.size()];
        var numbers = new int[perBoard.size()];
        var quantities = new double[perBoard.size()];
        int i = 0;
        for (var need : perBoard.entrySet()) {
            items[i] = need.getKey();
            numbers[i] = number(need.getKey());
            quantities[i] = need.getValue();
            i++;
        }
        return new Demand(items, numbers, quantities);
    }

    /** Parts at a factory from a day on (a day before the horizon counts as its first day). */
    public void atFactory(String factoryId, String item, LocalDate day, double quantity) {
        add(factoryId, number(item), index(day), quantity);
    }

    /** Parts at the central warehouse from a day on; factories can use them a transfer later. */
    public void atCentral(String item, LocalDate day, double quantity) {
        add(PartStock.CENTRAL, number(item), index(day) + transferLeadDays, quantity);
    }

    /**
     * How many boards the parts allow on a day at a factory, given what each board takes of each
     * item (machine-level items shared among the machine's boards); no limit when it takes none.
     */
    public int boardsPossible(Demand demand, String factoryId, LocalDate day) {
        int index = index(day);
        if (index >= days) {
            return demand.isEmpty() ? Integer.MAX_VALUE : 0;
        }
        Free[] own = pools.get(factoryId);
        Free[] central = pools.get(PartStock.CENTRAL);
        double boards = Double.MAX_VALUE;
        for (int i = 0; i < demand.numbers().length; i++) {
            if (demand.perBoard()[i] > 0) {
                int item = demand.numbers()[i];
                boards = Math.min(boards, (free(own, item, index) + free(central, item, index)) / demand.perBoard()[i]);
            }
        }
        return boards >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.floor(boards + EPSILON);
    }

    public int boardsPossible(Map<String, Double> perBoard, String factoryId, LocalDate day) {
        return boardsPossible(demand(perBoard), factoryId, day);
    }

    /** Promises the parts of some boards on a day, the factory's own first. */
    public void take(Demand demand, String factoryId, LocalDate day, int boards) {
        int index = index(day);
        for (int i = 0; i < demand.numbers().length; i++) {
            int item = demand.numbers()[i];
            double quantity = demand.perBoard()[i] * boards;
            double own = Math.min(quantity, free(pools.get(factoryId), item, index));
            add(factoryId, item, index, -own);
            if (quantity - own > EPSILON) {
                add(PartStock.CENTRAL, item, index, -(quantity - own));
            }
        }
    }

    public void take(Map<String, Double> perBoard, String factoryId, LocalDate day, int boards) {
        take(demand(perBoard), factoryId, day, boards);
    }

    /** Free to promise at a factory on a day: its own and the central warehouse's, net of later promises. */
    public double available(String item, String factoryId, LocalDate day) {
        return available(number(item), factoryId, day);
    }

    public double available(int item, String factoryId, LocalDate day) {
        int index = index(day);
        return free(pools.get(factoryId), item, index) + free(pools.get(PartStock.CENTRAL), item, index);
    }

    /** The least free on the day and every day after it, never below none. */
    private double free(Free[] pool, int item, int index) {
        if (pool == null || item >= pool.length || pool[item] == null || index >= days) {
            return 0;
        }
        return Math.max(0, pool[item].least[index]);
    }

    private void add(String location, int item, int index, double quantity) {
        if (index >= days) {
            return; // arrives after the horizon
        }
        Free[] pool = pools.get(location);
        if (pool == null || item >= pool.length) {
            pool = pool == null ? new Free[itemNumbers.size()] : Arrays.copyOf(pool, itemNumbers.size());
            pools.put(location, pool);
        }
        if (pool[item] == null) {
            pool[item] = new Free(days);
        }
        pool[item].add(index, quantity);
    }

    private int number(String item) {
        return itemNumbers.computeIfAbsent(item, k -> itemNumbers.size());
    }

    private int index(LocalDate day) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(from, day));
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
}
