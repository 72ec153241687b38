package org.asicscm.assembly.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.asicscm.assembly.entity.BuildKit;
import org.asicscm.assembly.entity.ScheduleSlot;
import org.asicscm.materials.control.MaterialSupply;
import org.asicscm.materials.entity.Item;
import org.asicscm.materials.entity.PartStock;
import org.asicscm.materials.entity.PurchaseOrderLine;
import org.asicscm.platform.InvalidInputException;

/**
 * Net requirements per item by week, as MRP reports them: the parts the plan's builds take each
 * week (gross), what open purchase orders bring (on order), and what is still to be bought
 * (net) after what is on hand and on order; the projected balance counts the net as bought, so
 * each week's net is only that week's new need.
 *
 * <p>Gross requirements come from the plan's shifts; boards of an order not in the plan (no dies
 * yet, or no room) count in the week the order is due, or the first week if it is overdue.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class NetRequirements {
    public static final int MOST_WEEKS = 53;

    @PersistenceContext
    EntityManager em;

    @EJB
    MaterialSupply materials;

    public record Week(LocalDate weekOf, long gross, long onOrder, long projectedOnHand, long net) {}

    public record ItemRequirement(
            String item, String description, String uom, long onHand, long totalNet, List<Week> weeks) {}

    /** @param item null for every item any open order needs or anyone holds or has on order */
    public List<ItemRequirement> byWeek(LocalDate from, int weeks, String item) {
        if (weeks < 1 || weeks > MOST_WEEKS) {
            throw new InvalidInputException("weeks", "must be 1 to " + MOST_WEEKS);
        }
        LocalDate first = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = first.plusWeeks(weeks).minusDays(1);
        var kits = new HashMap<String, BuildKit>();
        for (BuildKit kit : em.createNamedQuery(BuildKit.ALL, BuildKit.class).getResultList()) {
            if (!kit.cancelled() && kit.boardsToBuild() > 0) {
                kits.put(kit.buildOrderId(), kit);
            }
        }
        var perBoard = materials.perBoard(kits.keySet());
        var gross = new TreeMap<String, double[]>();
        var scheduled = new HashMap<String, Integer>();
        for (ScheduleSlot slot : em.createNamedQuery(ScheduleSlot.BETWEEN, ScheduleSlot.class)
                .setParameter("from", from)
                .setParameter("to", last)
                .getResultList()) {
            String order = slot.schedule().buildOrderId();
            if (kits.containsKey(order)) {
                scheduled.merge(order, slot.boards(), Integer::sum);
                add(gross, perBoard.get(order), slot.boards(), week(first, slot.day()), weeks, item);
            }
        }
        for (BuildKit kit : kits.values()) {
            int unplanned = kit.boardsToBuild() - scheduled.getOrDefault(kit.buildOrderId(), 0);
            LocalDate due = kit.dueDate().isBefore(from) ? from : kit.dueDate();
            if (unplanned > 0 && !due.isAfter(last)) {
                add(gross, perBoard.get(kit.buildOrderId()), unplanned, week(first, due), weeks, item);
            }
        }
        var onOrder = new HashMap<String, double[]>();
        for (PurchaseOrderLine line : materials.openLines()) {
            if ((item == null || item.equals(line.itemCode()))
                    && !line.expectedOn().isAfter(last)) {
                int week = line.expectedOn().isBefore(from) ? 0 : week(first, line.expectedOn());
                onOrder.computeIfAbsent(line.itemCode(), k -> new double[weeks])[week] +=
                        line.open().doubleValue();
                gross.computeIfAbsent(line.itemCode(), k -> new double[weeks]);
            }
        }
        var onHand = new HashMap<String, Double>();
        for (PartStock stock : materials.stock()) {
            if (item == null || item.equals(stock.itemCode())) {
                onHand.merge(stock.itemCode(), stock.quantity().doubleValue(), Double::sum);
                gross.computeIfAbsent(stock.itemCode(), k -> new double[weeks]);
            }
        }
        var report = new ArrayList<ItemRequirement>();
        gross.forEach((code, grossByWeek) -> report.add(net(
                code,
                grossByWeek,
                onOrder.getOrDefault(code, new double[weeks]),
                onHand.getOrDefault(code, 0.0),
                first)));
        return report;
    }

    private ItemRequirement net(String code, double[] gross, double[] onOrder, double onHand, LocalDate first) {
        var weeks = new ArrayList<Week>();
        long projected = (long) Math.floor(onHand);
        long totalNet = 0;
        for (int w = 0; w < gross.length; w++) {
            long need = (long) Math.ceil(gross[w] - 1e-9);
            long arriving = (long) Math.floor(onOrder[w] + 1e-9);
            long net = Math.max(0, need - Math.max(0, projected) - arriving);
            projected = projected + arriving + net - need;
            totalNet += net;
            weeks.add(new Week(first.plusWeeks(w), need, arriving, projected, net));
        }
        Item item = em.find(Item.class, code);
        return new ItemRequirement(
                code,
                item == null ? null : item.description(),
                item == null ? null : item.uom().name(),
                (long) Math.floor(onHand),
                totalNet,
                weeks);
    }

    private static void add(
            Map<String, double[]> gross, Map<String, Double> perBoard, int boards, int week, int weeks, String item) {
        if (perBoard == null) {
            return;
        }
        perBoard.forEach((code, each) -> {
            if (item == null || item.equals(code)) {
                gross.computeIfAbsent(code, k -> new double[weeks])[week] += each * boards;
            }
        });
    }

    private static int week(LocalDate first, LocalDate day) {
        return (int) (ChronoUnit.DAYS.between(first, day) / 7);
    }
}
