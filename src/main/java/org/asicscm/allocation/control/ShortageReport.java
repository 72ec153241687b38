package org.asicscm.allocation.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Which orders the free stock cannot cover. The open orders are served in turn, most urgent
 * first (priority, then due date, then order number), each from its acceptable bins least
 * first, as best fit would; whatever stays uncovered is the shortage, counted against the
 * order's minimum bin because that is the bin that would have to be found.
 */
public final class ShortageReport {
    private ShortageReport() {}

    /** An open order's uncovered need; acceptableBins lists the least acceptable bin first. */
    public record Demand(
            String buildOrderId,
            String orderNumber,
            int priority,
            LocalDate dueDate,
            String chipModel,
            List<String> acceptableBins,
            int diesStillNeeded) {}

    /** Free dies of one bin of one chip model over all lots; held = in lots on quality hold. */
    public record Stock(String chipModel, String bin, int freeDies, int heldDies) {}

    public record BinLine(
            String chipModel, String bin, int freeDies, int heldDies, int coveringOpenOrders, int shortDies) {}

    public record OrderAtRisk(
            String buildOrderId,
            String orderNumber,
            int priority,
            LocalDate dueDate,
            int diesStillNeeded,
            int coverableFromStock,
            int uncoveredDies) {}

    public record Result(List<BinLine> bins, List<OrderAtRisk> ordersAtRisk) {}

    public static Result of(List<Demand> demands, List<Stock> stock) {
        var left = new LinkedHashMap<String, Integer>();
        var covering = new LinkedHashMap<String, Integer>();
        var shortByBin = new LinkedHashMap<String, Integer>();
        var lines = new LinkedHashMap<String, Stock>();
        for (Stock s : stock) {
            lines.put(key(s.chipModel(), s.bin()), s);
            left.merge(key(s.chipModel(), s.bin()), s.freeDies(), Integer::sum);
        }
        var urgentFirst = new ArrayList<>(demands);
        urgentFirst.sort(Comparator.comparingInt(Demand::priority)
                .thenComparing(Demand::dueDate)
                .thenComparing(Demand::orderNumber));
        var atRisk = new ArrayList<OrderAtRisk>();
        for (Demand demand : urgentFirst) {
            int wanted = demand.diesStillNeeded();
            for (String bin : demand.acceptableBins()) {
                String key = key(demand.chipModel(), bin);
                int take = Math.min(wanted, left.getOrDefault(key, 0));
                if (take > 0) {
                    left.merge(key, -take, Integer::sum);
                    covering.merge(key, take, Integer::sum);
                    wanted -= take;
                }
            }
            if (wanted > 0) {
                String leastBin =
                        key(demand.chipModel(), demand.acceptableBins().get(0));
                shortByBin.merge(leastBin, wanted, Integer::sum);
                atRisk.add(new OrderAtRisk(
                        demand.buildOrderId(),
                        demand.orderNumber(),
                        demand.priority(),
                        demand.dueDate(),
                        demand.diesStillNeeded(),
                        demand.diesStillNeeded() - wanted,
                        wanted));
            }
        }
        var bins = new ArrayList<BinLine>();
        var keys = new ArrayList<String>(lines.keySet());
        shortByBin.keySet().stream().filter(k -> !lines.containsKey(k)).forEach(keys::add);
        keys.sort(Comparator.naturalOrder());
        for (String key : keys) {
            Stock s = lines.get(key);
            String[] parts = key.split("\u0000");
            bins.add(new BinLine(
                    parts[0],
                    parts[1],
                    s == null ? 0 : s.freeDies(),
                    s == null ? 0 : s.heldDies(),
                    covering.getOrDefault(key, 0),
                    shortByBin.getOrDefault(key, 0)));
        }
        return new Result(List.copyOf(bins), List.copyOf(atRisk));
    }

    private static String key(String chipModel, String bin) {
        return chipModel + "\u0000" + bin;
    }
}
