package org.asicscm.assembly.control;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asicscm.assembly.entity.AssemblyLine;
import org.asicscm.assembly.entity.BuildKit;
import org.asicscm.assembly.entity.ScheduleSlot;

/**
 * The orders' plans before this planning, read as plain values in one query per 500 orders:
 * loading thousands of schedule entities only to compare or delete them was most of a plan run.
 */
final class PlanBefore {
    final Map<String, List<CapacityPlan.Slot>> slots = new HashMap<>();
    final Map<String, List<String>> schedules = new HashMap<>();
    final Map<String, Set<String>> factories = new HashMap<>();

    PlanBefore(EntityManager em, Collection<String> buildOrderIds, Map<String, AssemblyLine> lines) {
        for (List<String> chunk : SchedulingService.chunks(buildOrderIds)) {
            for (Object[] row : em.createNamedQuery(ScheduleSlot.OF_ORDERS, Object[].class)
                    .setParameter("ids", chunk)
                    .getResultList()) {
                var slot = SchedulingService.slot(row);
                slots.computeIfAbsent(slot.buildOrderId(), k -> new ArrayList<>())
                        .add(slot);
                var ofOrder = schedules.computeIfAbsent(slot.buildOrderId(), k -> new ArrayList<>());
                if (!ofOrder.contains((String) row[0])) {
                    ofOrder.add((String) row[0]);
                }
                factories
                        .computeIfAbsent(slot.buildOrderId(), k -> new HashSet<>())
                        .add(lines.get(slot.lineId()).factory().id());
            }
        }
    }

    /**
     * The shifts each order keeps in its factory's frozen window. A frozen shift stays only while
     * the order's dies are there to build it; a hold moves it all the same.
     */
    Map<String, List<CapacityPlan.Slot>> frozen(
            Map<String, BuildKit> kits, Map<String, AssemblyLine> lines, Clock clock) {
        var frozen = new HashMap<String, List<CapacityPlan.Slot>>();
        slots.forEach((order, ofOrder) -> {
            var kept = ofOrder.stream()
                    .filter(slot -> lines.get(slot.lineId()).factory().freezes(slot.day(), clock))
                    .toList();
            BuildKit kit = kits.get(order);
            if (!kept.isEmpty() && kit != null && boards(kept) <= kit.boardsBuildable()) {
                frozen.put(order, kept);
            }
        });
        return frozen;
    }

    static int boards(List<CapacityPlan.Slot> slots) {
        return slots.stream().mapToInt(CapacityPlan.Slot::boards).sum();
    }

    /** Whether the order had exactly these shifts before. */
    boolean unchanged(String order, List<CapacityPlan.Slot> planned) {
        var before = slots.get(order);
        return before != null && sorted(before).equals(sorted(planned));
    }

    private static List<CapacityPlan.Slot> sorted(List<CapacityPlan.Slot> slots) {
        var copy = new ArrayList<>(slots);
        copy.sort(Comparator.comparing(CapacityPlan.Slot::lineId)
                .thenComparing(CapacityPlan.Slot::day)
                .thenComparingInt(CapacityPlan.Slot::shift));
        return copy;
    }
}
