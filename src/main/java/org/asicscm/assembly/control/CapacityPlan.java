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
            Set<LocalDate> closedDays) {
        public int boardsPerShift(String product) {
            return byProduct.isEmpty() ? defaultBoardsPerShift : byProduct.getOrDefault(product, 0);
        }

        boolean open(LocalDate day) {
            return !closedDays.contains(day);
        }
    }

    /** Boards of one build order still to be placed. */
    public record Job(
            String buildOrderId, String orderNumber, String product, int boards, LocalDate dueDate, int priority) {}

    public record Slot(String buildOrderId, String lineId, LocalDate day, int shift, int boards) {}

    /**
     * Where a job went. plannedEnd is the day of its last board (null if none was placed);
     * unplacedBoards did not fit in the horizon; daysLate counts past the due date, for
     * unplaced boards at least to the end of the horizon.
     */
    public record Outcome(Job job, List<Slot> slots, LocalDate plannedEnd, int unplacedBoards, long daysLate) {
        public boolean late() {
            return daysLate > 0 || unplacedBoards > 0;
        }

        public int placedBoards() {
            return job.boards() - unplacedBoards;
        }
    }

    public static final Comparator<Job> MOST_URGENT_FIRST =
            Comparator.comparingInt(Job::priority).thenComparing(Job::dueDate).thenComparing(Job::orderNumber);

    private record ShiftKey(String lineId, LocalDate day, int shift) {}

    private final List<Line> lines;
    private final LocalDate from;
    private final int horizonDays;
    private final Map<ShiftKey, Double> used = new HashMap<>();

    /** @param lines in the order ties between lines are broken in (the caller sorts them by code) */
    public CapacityPlan(List<Line> lines, LocalDate from, int horizonDays) {
        if (horizonDays <= 0) {
            throw new IllegalArgumentException("plan at least one day");
        }
        this.lines = List.copyOf(lines);
        this.from = Objects.requireNonNull(from);
        this.horizonDays = horizonDays;
    }

    /** Counts load that stays as it is (orders not being re-planned) against the capacity. */
    public void occupy(Slot slot, String product) {
        Line line = lines.stream()
                .filter(l -> l.id().equals(slot.lineId()))
                .findFirst()
                .orElse(null);
        if (line != null && line.boardsPerShift(product) > 0) {
            used.merge(
                    new ShiftKey(slot.lineId(), slot.day(), slot.shift()),
                    (double) slot.boards() / line.boardsPerShift(product),
                    Double::sum);
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
        int left = job.boards();
        LocalDate end = null;
        LocalDate lastDay = from.plusDays(horizonDays - 1L);
        for (LocalDate day = from; left > 0 && !day.isAfter(lastDay); day = day.plusDays(1)) {
            for (int shift = 1; left > 0 && shift <= 3; shift++) {
                for (Line line : lines) {
                    if (left == 0) {
                        break;
                    }
                    int capacity = line.boardsPerShift(job.product());
                    if ((allowedLineIds != null && !allowedLineIds.contains(line.id()))
                            || capacity == 0
                            || shift > line.shiftsPerDay()
                            || !line.open(day)) {
                        continue;
                    }
                    var key = new ShiftKey(line.id(), day, shift);
                    double share = used.getOrDefault(key, 0.0);
                    int free = (int) Math.floor((1.0 - share) * capacity + EPSILON);
                    int take = Math.min(free, left);
                    if (take > 0) {
                        used.put(key, share + (double) take / capacity);
                        slots.add(new Slot(job.buildOrderId(), line.id(), day, shift, take));
                        left -= take;
                        end = day;
                    }
                }
            }
        }
        long daysLate;
        if (left > 0) {
            daysLate = Math.max(1, ChronoUnit.DAYS.between(job.dueDate(), lastDay.plusDays(1)));
        } else {
            daysLate = Math.max(0, ChronoUnit.DAYS.between(job.dueDate(), end));
        }
        return new Outcome(job, List.copyOf(slots), end, left, daysLate);
    }

    /** The share of a shift in use, 0 to 1: what tests of the capacity rule check. */
    public double shareUsed(String lineId, LocalDate day, int shift) {
        return used.getOrDefault(new ShiftKey(lineId, day, shift), 0.0);
    }
}
