package org.asicscm.allocation.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The stated rules by which dies are picked for an order. Both are deterministic: the same
 * stock and the same request always give the same picks, ties broken by lot number and then
 * bin rank, so a planner can be told exactly why each die went where it went.
 */
public enum AllocationPolicy {
    /** Spend the oldest lot first, and within it the least acceptable bin: keeps stock from ageing. */
    OLDEST_LOT_FIRST(
            Comparator.comparing(Candidate::receivedAt)
                    .thenComparing(Candidate::lotNumber)
                    .thenComparing(Comparator.comparingInt(Candidate::binRank).reversed()),
            "oldest lot first"),
    /** Spend the least acceptable bin first, oldest lot first within it: keeps good bins for demanding products. */
    BEST_FIT(
            Comparator.comparingInt(Candidate::binRank)
                    .reversed()
                    .thenComparing(Candidate::receivedAt)
                    .thenComparing(Candidate::lotNumber),
            "least acceptable bin first");

    /** Stock that may be picked: one bin of one lot, with the dies still free in it. */
    public record Candidate(
            String lotBinId,
            String lotId,
            String lotNumber,
            OffsetDateTime receivedAt,
            String bin,
            int binRank,
            int available) {}

    public record Pick(Candidate from, int dies, String why) {}

    /** What the policy picked for a request, and how much of it stays uncovered. */
    public record Plan(AllocationPolicy policy, int requested, List<Pick> picks) {
        public int allocated() {
            return picks.stream().mapToInt(Pick::dies).sum();
        }

        public int shortBy() {
            return requested - allocated();
        }
    }

    private final Comparator<Candidate> order;
    private final String rule;

    AllocationPolicy(Comparator<Candidate> order, String rule) {
        this.order = order;
        this.rule = rule;
    }

    /** @param candidates only acceptable, allocatable stock (the caller filters bins and held lots) */
    public Plan plan(int dies, List<Candidate> candidates) {
        if (dies <= 0) {
            throw new IllegalArgumentException("plan a positive number of dies");
        }
        var sorted = new ArrayList<>(candidates);
        sorted.sort(order);
        var picks = new ArrayList<Pick>();
        int wanted = dies;
        for (Candidate candidate : sorted) {
            if (wanted == 0) {
                break;
            }
            int take = Math.min(wanted, candidate.available());
            if (take > 0) {
                picks.add(new Pick(
                        candidate,
                        take,
                        rule + ": lot " + candidate.lotNumber() + " received "
                                + candidate.receivedAt().toLocalDate() + ", bin " + candidate.bin() + " (rank "
                                + candidate.binRank() + "), " + take + " of " + candidate.available() + " free dies"));
                wanted -= take;
            }
        }
        return new Plan(this, dies, List.copyOf(picks));
    }
}
