package org.asicscm.assembly.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.asicscm.assembly.entity.AssemblyLine;
import org.asicscm.assembly.entity.BuildKit;
import org.asicscm.assembly.entity.Factory;
import org.asicscm.assembly.entity.PlanShortage;
import org.asicscm.assembly.entity.ScheduleSlot;
import org.asicscm.platform.InvalidInputException;

/** What the plan says, read without changing it: the load per line per day and the orders at risk. */
@Stateless
public class PlanReports {

    @PersistenceContext
    EntityManager em;

    @EJB
    LineCalendars calendars;

    /** A line's day: how much of its capacity is planned, and for which orders. */
    public record LineDay(
            String lineId,
            String factoryCode,
            String lineCode,
            LocalDate day,
            boolean open,
            int shifts,
            int boards,
            int percentOfCapacity,
            Map<String, Integer> boardsByOrder,
            List<ShiftLoad> shiftLoads,
            List<Shortage> shortages) {}

    /** Parts an order lacked, at a factory, from the day they first held it back; what the plan last found. */
    public record Shortage(String orderNumber, String item, String factoryCode, long quantity, LocalDate neededOn) {}

    /**
     * One shift of a line's day: orders share a shift by their share of its capacity for their
     * product, so percentOfCapacity is the sum of those shares (never above 100 in a plan).
     */
    public record ShiftLoad(int shift, int boards, int percentOfCapacity) {}

    /** The load per line per day: the data a Gantt chart of the plan needs. */
    public List<LineDay> load(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        if (from.plusDays(SchedulingService.LONGEST_HORIZON_DAYS).isBefore(to)) {
            throw new InvalidInputException(
                    "to", "at most " + SchedulingService.LONGEST_HORIZON_DAYS + " days after from");
        }
        var lines = em.createNamedQuery(AssemblyLine.ALL, AssemblyLine.class).getResultList();
        var lineCalendars = calendars.calendars(lines, from, to);
        var kits = new HashMap<String, BuildKit>();
        var slotsByLineDay = new HashMap<String, List<ScheduleSlot>>();
        for (ScheduleSlot slot : em.createNamedQuery(ScheduleSlot.BETWEEN, ScheduleSlot.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList()) {
            slotsByLineDay
                    .computeIfAbsent(slot.lineId() + slot.day(), k -> new ArrayList<>())
                    .add(slot);
            kits.computeIfAbsent(slot.schedule().buildOrderId(), id -> em.find(BuildKit.class, id));
        }
        var shortagesByFactoryDay = new HashMap<String, List<Shortage>>();
        for (PlanShortage shortage : em.createNamedQuery(PlanShortage.BETWEEN, PlanShortage.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList()) {
            shortagesByFactoryDay
                    .computeIfAbsent(shortage.factoryId() + shortage.neededOn(), k -> new ArrayList<>())
                    .add(shortage(shortage, kits));
        }
        var days = new ArrayList<LineDay>();
        for (int i = 0; i < lines.size(); i++) {
            AssemblyLine line = lines.get(i);
            CapacityPlan.Line calendar = lineCalendars.get(i);
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                var slots = slotsByLineDay.getOrDefault(line.id() + day, List.of());
                var byOrder = new TreeMap<String, Integer>();
                double shares = 0;
                var shiftShares = new double[line.shiftsPerDay() + 1];
                var shiftBoards = new int[line.shiftsPerDay() + 1];
                for (ScheduleSlot slot : slots) {
                    BuildKit kit = kits.get(slot.schedule().buildOrderId());
                    byOrder.merge(kit.orderNumber(), slot.boards(), Integer::sum);
                    int capacity = calendar.boardsPerShift(kit.product());
                    double share = capacity == 0 ? 0 : (double) slot.boards() / capacity;
                    shares += share;
                    shiftShares[slot.shift()] += share;
                    shiftBoards[slot.shift()] += slot.boards();
                }
                var shiftLoads = new ArrayList<ShiftLoad>();
                for (int shift = 1; shift <= line.shiftsPerDay(); shift++) {
                    shiftLoads.add(
                            new ShiftLoad(shift, shiftBoards[shift], (int) Math.round(100 * shiftShares[shift])));
                }
                int boards = slots.stream().mapToInt(ScheduleSlot::boards).sum();
                days.add(new LineDay(
                        line.id(),
                        line.factory().code(),
                        line.code(),
                        day,
                        calendar.open(day),
                        line.shiftsPerDay(),
                        boards,
                        (int) Math.round(100 * shares / line.shiftsPerDay()),
                        byOrder,
                        shiftLoads,
                        shortagesByFactoryDay.getOrDefault(line.factory().id() + day, List.of())));
            }
        }
        return days;
    }

    /** An order the plan cannot deliver as promised, and why. */
    public record OrderAtRisk(
            String buildOrderId,
            String orderNumber,
            int priority,
            LocalDate dueDate,
            LocalDate plannedEnd,
            int daysLate,
            int boardsOrdered,
            int boardsWithoutDies,
            int boardsOnHold,
            int unplacedBoards,
            List<Shortage> shortages,
            List<String> reasons) {}

    public List<OrderAtRisk> ordersAtRisk() {
        var atRisk = new ArrayList<OrderAtRisk>();
        var kits = new HashMap<String, BuildKit>();
        var shortagesOf = new HashMap<String, List<Shortage>>();
        for (PlanShortage shortage :
                em.createNamedQuery(PlanShortage.ALL, PlanShortage.class).getResultList()) {
            shortagesOf
                    .computeIfAbsent(shortage.buildOrderId(), k -> new ArrayList<>())
                    .add(shortage(shortage, kits));
        }
        for (BuildKit kit : em.createNamedQuery(BuildKit.ALL, BuildKit.class).getResultList()) {
            if (kit.cancelled()) {
                continue;
            }
            var shortages = shortagesOf.getOrDefault(kit.buildOrderId(), List.of());
            var reasons = new ArrayList<String>();
            if (kit.daysLate() > 0) {
                reasons.add("planned to finish " + kit.daysLate() + " days after its due date");
            }
            if (kit.unplacedBoards() > 0) {
                reasons.add(kit.unplacedBoards() + " boards do not fit the lines' capacity in the horizon");
            }
            int withoutDies = kit.boardsOrdered() - kit.boardsCovered();
            if (withoutDies > 0) {
                reasons.add(withoutDies + " boards have no dies allocated");
            }
            if (kit.boardsOnHold() > 0) {
                reasons.add(kit.boardsOnHold() + " boards' dies are on quality hold");
            }
            for (Shortage shortage : shortages) {
                reasons.add("short of " + shortage.quantity() + " " + shortage.item() + " at " + shortage.factoryCode()
                        + " from " + shortage.neededOn());
            }
            if (!reasons.isEmpty()) {
                atRisk.add(new OrderAtRisk(
                        kit.buildOrderId(),
                        kit.orderNumber(),
                        kit.priority(),
                        kit.dueDate(),
                        kit.plannedEnd(),
                        kit.daysLate(),
                        kit.boardsOrdered(),
                        withoutDies,
                        kit.boardsOnHold(),
                        kit.unplacedBoards(),
                        shortages,
                        reasons));
            }
        }
        return atRisk;
    }

    private Shortage shortage(PlanShortage shortage, Map<String, BuildKit> kits) {
        BuildKit kit = kits.computeIfAbsent(shortage.buildOrderId(), id -> em.find(BuildKit.class, id));
        Factory factory = em.find(Factory.class, shortage.factoryId());
        return new Shortage(
                kit == null ? shortage.buildOrderId() : kit.orderNumber(),
                shortage.itemCode(),
                factory == null ? shortage.factoryId() : factory.code(),
                shortage.quantity(),
                shortage.neededOn());
    }
}
