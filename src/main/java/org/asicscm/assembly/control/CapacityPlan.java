package org.asicscm.assembly.control;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.asicscm.materials.control.PartsAvailability;

/**
 * Finite-capacity scheduling of build orders onto assembly lines, shift by shift. A shift's
 * capacity depends on the product (a line may build 240 S19 boards a shift but only 200 S21
 * boards); several orders may share a shift, each using its share of it, and the shares never
 * add up to more than the whole shift. Closed days (a factory's Spring Festival shutdown, a
 * line down for maintenance) have no capacity.
 *
 * <p>Orders are placed most urgent first (priority, then due date, then order number) and each
 * fills the earliest free shifts on every line that can build its product, so it finishes as
 * early as the capacity left allows. The same input always gives the same plan.
 */
public final class CapacityPlan {
    private static final double EPSILON = 1e-9;

    /** A line's calendar and capacity; byProduct empty means it builds any product at defaultBoardsPerShift. */
    public record Line(
            String id,
            String code,
            int shiftsPerDay,
            int defaultBoardsPerShift,
            Map<String, Integer> byProduct,
            Set<LocalDate> closedDays,
            String factoryId) {
        /** A line whose factory does not matter: no parts are counted against it. */
        public Line(
                String id,
                String code,
                int shiftsPerDay,
                int defaultBoardsPerShift,
                Map<String, Integer> byProduct,
                Set<LocalDate> closedDays) {
            this(id, code, shiftsPerDay, defaultBoardsPerShift, byProduct, closedDays, "");
        }

        /** The same line with more days closed (a closure in a what-if, a frozen window). */
        public Line closedAlso(java.util.Collection<LocalDate> days) {
            var closed = new java.util.HashSet<>(closedDays);
            closed.addAll(days);
            return new Line(id, code, shiftsPerDay, defaultBoardsPerShift, byProduct, closed, factoryId);
        }

        public int boardsPerShift(String product) {
            return byProduct.isEmpty() ? defaultBoardsPerShift : byProduct.getOrDefault(product, 0);
        }

        boolean open(LocalDate day) {
            return !closedDays.contains(day);
        }
    }

    /**
     * Boards of one build order still to be placed, and what each board takes of each item (empty
     * when the order has no bill of materials: only capacity limits it).
     */
    public record Job(
            String buildOrderId,
            String orderNumber,
            String product,
            int boards,
            LocalDate dueDate,
            int priority,
            Map<String, Double> partsPerBoard) {
        public Job(
                String buildOrderId, String orderNumber, String product, int boards, LocalDate dueDate, int priority) {
            this(buildOrderId, orderNumber, product, boards, dueDate, priority, Map.of());
        }
    }

    /**
     * Parts an order lacked to be built as fast as the lines allow: the most that was missing at
     * once, at the factory and on the day it first held the order back.
     */
    public record Shortage(String item, String factoryId, long quantity, LocalDate neededOn) {}

    public record Slot(String buildOrderId, String lineId, LocalDate day, int shift, int boards) {}

    /**
     * Where a job went. plannedEnd is the day of its last board (null if none was placed);
     * unplacedBoards did not fit in the horizon; daysLate counts past the due date, for
     * unplaced boards at least to the end of the horizon.
     */
    public record Outcome(
            Job job,
            List<Slot> slots,
            LocalDate plannedEnd,
            int unplacedBoards,
            long daysLate,
            List<Shortage> shortages) {
        public boolean late() {
            return daysLate > 0 || unplacedBoards > 0;
        }

        public int placedBoards() {
            return job.boards() - unplacedBoards;
        }
    }

    public static final Comparator<Job> MOST_URGENT_FIRST =
            Comparator.comparingInt(Job::priority).thenComparing(Job::dueDate).thenComparing(Job::orderNumber);

    private final List<Line> lines;
    private final LocalDate from;
    private final int horizonDays;
    /** per line (in the order of lines), the share used of each shift: day index x 3 + shift - 1 */
    private final double[][] used;
    /** per line, whether it works on each day of the horizon */
    private final boolean[][] open;

    private final Map<String, Integer> lineIndex = new HashMap<>();
    private final PartsAvailability parts;

    /** @param lines in the order ties between lines are broken in (the caller sorts them by code) */
    public CapacityPlan(List<Line> lines, LocalDate from, int horizonDays) {
        this(lines, from, horizonDays, null);
    }

    /** @param parts the parts each factory has and will have, promised as jobs are placed; null to plan capacity only */
    public CapacityPlan(List<Line> lines, LocalDate from, int horizonDays, PartsAvailability parts) {
        this.parts = parts;
        if (horizonDays <= 0) {
            throw new IllegalArgumentException("plan at least one day");
        }
        this.lines = List.copyOf(lines);
        this.from = Objects.requireNonNull(from);
        this.horizonDays = horizonDays;
        this.used = new double[lines.size()][horizonDays * 3];
        this.open = new boolean[lines.size()][horizonDays];
        for (int l = 0; l < lines.size(); l++) {
            lineIndex.put(lines.get(l).id(), l);
            for (int d = 0; d < horizonDays; d++) {
                open[l][d] = lines.get(l).open(from.plusDays(d));
            }
        }
    }

    /** The index of a shift in a line's row of used, or -1 outside the horizon. */
    private int shiftIndex(LocalDate day, int shift) {
        long d = ChronoUnit.DAYS.between(from, day);
        return d < 0 || d >= horizonDays ? -1 : (int) d * 3 + shift - 1;
    }

    /** Counts load that stays as it is (orders not being re-planned) against the capacity. */
    public void occupy(Slot slot, String product) {
        occupy(slot, product, Map.of());
    }

    /** Counts load that stays as it is against the capacity, and the parts its boards take. */
    public void occupy(Slot slot, String product, Map<String, Double> partsPerBoard) {
        Integer l = lineIndex.get(slot.lineId());
        Line line = l == null ? null : lines.get(l);
        int at = shiftIndex(slot.day(), slot.shift());
        if (line != null && line.boardsPerShift(product) > 0 && at >= 0) {
            used[l][at] += (double) slot.boards() / line.boardsPerShift(product);
        }
        if (line != null && parts != null && !partsPerBoard.isEmpty()) {
            parts.take(partsPerBoard, line.factoryId(), slot.day(), slot.boards());
        }
    }

    /** Places the jobs most urgent first, each on every line that builds its product. */
    public List<Outcome> placeAll(List<Job> jobs) {
        return placeAll(jobs, job -> null);
    }

    /** @param allowedLines per job the ids of the lines it may use, null for every line */
    public List<Outcome> placeAll(List<Job> jobs, java.util.function.Function<Job, Set<String>> allowedLines) {
        var ordered = new ArrayList<>(jobs);
        ordered.sort(MOST_URGENT_FIRST);
        return ordered.stream().map(job -> place(job, allowedLines.apply(job))).toList();
    }

    /** @param allowedLineIds null to use every line that builds the product */
    public Outcome place(Job job, Set<String> allowedLineIds) {
        var slots = new ArrayList<Slot>();
        var demand = limitedByParts(job) ? parts.demand(job.partsPerBoard()) : null;
        var shortfall = new Shortfall(demand);
        int left = job.boards();
        LocalDate end = null;
        LocalDate lastDay = from.plusDays(horizonDays - 1L);
        // factories whose parts allow none of the job's boards today: asked once a day, not once a shift and line
        var outOfParts = new java.util.HashSet<String>();
        var capacities = new int[lines.size()];
        for (int l = 0; l < lines.size(); l++) {
            Line line = lines.get(l);
            capacities[l] = allowedLineIds != null && !allowedLineIds.contains(line.id())
                    ? 0
                    : line.boardsPerShift(job.product());
        }
        for (int d = 0; left > 0 && d < horizonDays; d++) {
            LocalDate day = from.plusDays(d);
            outOfParts.clear();
            for (int shift = 1; left > 0 && shift <= 3; shift++) {
                for (int l = 0; l < lines.size(); l++) {
                    if (left == 0) {
                        break;
                    }
                    Line line = lines.get(l);
                    int capacity = capacities[l];
                    if (capacity == 0 || shift > line.shiftsPerDay() || !open[l][d]) {
                        continue;
                    }
                    int at = d * 3 + shift - 1;
                    double share = used[l][at];
                    int free = (int) Math.floor((1.0 - share) * capacity + EPSILON);
                    int take = Math.min(free, left);
                    boolean partsCount = take > 0 && limitedByParts(job);
                    if (partsCount) {
                        shortfall.capacityFor(line.factoryId(), free, left);
                        int possible = outOfParts.contains(line.factoryId())
                                ? 0
                                : parts.boardsPossible(demand, line.factoryId(), day);
                        if (possible == 0) {
                            outOfParts.add(line.factoryId());
                        }
                        take = Math.min(take, possible);
                    }
                    if (take > 0) {
                        used[l][at] = share + (double) take / capacity;
                        slots.add(new Slot(job.buildOrderId(), line.id(), day, shift, take));
                        left -= take;
                        end = day;
                        if (limitedByParts(job)) {
                            parts.take(demand, line.factoryId(), day, take);
                        }
                    }
                    if (partsCount) {
                        shortfall.placed(take, line.factoryId());
                    }
                }
            }
            if (limitedByParts(job)) {
                shortfall.endOfDay(day);
            }
        }
        long daysLate;
        if (left > 0) {
            daysLate = Math.max(1, ChronoUnit.DAYS.between(job.dueDate(), lastDay.plusDays(1)));
        } else {
            daysLate = Math.max(0, ChronoUnit.DAYS.between(job.dueDate(), end));
        }
        return new Outcome(job, List.copyOf(slots), end, left, daysLate, shortfall.shortages());
    }

    private boolean limitedByParts(Job job) {
        return parts != null && !job.partsPerBoard().isEmpty();
    }

    /**
     * What a job lacked: after each shift with room for it, the parts its boards at that factory
     * would have taken had capacity alone decided (never more than the job still needs), less
     * what it got there and what is still free there that day.
     */
    private final class Shortfall {
        private final PartsAvailability.Demand demand;
        private final Map<String, Shortage> worst = new java.util.TreeMap<>();
        private final Map<String, int[]> wantedAndGot = new HashMap<>();
        private final java.util.Set<String> touchedToday = new java.util.HashSet<>();

        Shortfall(PartsAvailability.Demand demand) {
            this.demand = demand;
        }

        /** @param left the job's boards still unplaced before this shift */
        void capacityFor(String factoryId, int free, int left) {
            // boards wanted had capacity alone decided, boards got, and the widest gap weighed so far
            int[] counts = wantedAndGot.computeIfAbsent(factoryId, k -> new int[3]);
            counts[0] = Math.min(counts[0] + free, counts[1] + left);
        }

        void placed(int boards, String factoryId) {
            wantedAndGot.get(factoryId)[1] += boards;
            touchedToday.add(factoryId);
        }

        /** What each factory with room for the job today lacked at the day's end. */
        void endOfDay(LocalDate day) {
            for (String factoryId : touchedToday) {
                int[] counts = wantedAndGot.get(factoryId);
                // what is free never shrinks from one day to the next: only a wider gap can lack more
                if (counts[0] - counts[1] <= counts[2]) {
                    continue;
                }
                counts[2] = counts[0] - counts[1];
                for (int i = 0; i < demand.numbers().length; i++) {
                    String item = demand.items()[i];
                    double missing = demand.perBoard()[i] * (counts[0] - counts[1])
                            - parts.available(demand.numbers()[i], factoryId, day);
                    if (missing > EPSILON) {
                        long quantity = (long) Math.ceil(missing - EPSILON);
                        String key = item + "@" + factoryId;
                        Shortage before = worst.get(key);
                        if (before == null) {
                            worst.put(key, new Shortage(item, factoryId, quantity, day));
                        } else if (quantity > before.quantity()) {
                            worst.put(key, new Shortage(item, factoryId, quantity, before.neededOn()));
                        }
                    }
                }
            }
            touchedToday.clear();
        }

        /**
         * The shortages where the job was built; if it was built nowhere, those of the factory that
         * lacked the fewest parts. Other factories' lines had room, but the job did not need them.
         */
        List<Shortage> shortages() {
            var builtAt = new java.util.HashSet<String>();
            wantedAndGot.forEach((factory, counts) -> {
                if (counts[1] > 0) {
                    builtAt.add(factory);
                }
            });
            if (builtAt.isEmpty()) {
                var missingAt = new java.util.TreeMap<String, Long>();
                worst.values().forEach(s -> missingAt.merge(s.factoryId(), s.quantity(), Long::sum));
                missingAt.entrySet().stream()
                        .min(Map.Entry.comparingByValue())
                        .ifPresent(nearest -> builtAt.add(nearest.getKey()));
            }
            return worst.values().stream()
                    .filter(s -> builtAt.contains(s.factoryId()))
                    .toList();
        }
    }

    /** The share of a shift in use, 0 to 1: what tests of the capacity rule check. */
    public double shareUsed(String lineId, LocalDate day, int shift) {
        Integer l = lineIndex.get(lineId);
        int at = shiftIndex(day, shift);
        return l == null || at < 0 ? 0.0 : used[l][at];
    }
}
