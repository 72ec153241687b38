package org.asicscm.materials.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asicscm.materials.entity.BomLine;
import org.asicscm.materials.entity.BomVersion;
import org.asicscm.materials.entity.PartStock;
import org.asicscm.materials.entity.PurchaseOrderLine;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the plan needs to know of parts: what each board of an order takes under the BOM version
 * the order was opened with, and the parts on hand and on order over the horizon.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MaterialSupply {

    @PersistenceContext
    EntityManager em;

    @EJB
    Boms boms;

    /** Days from the central warehouse to a factory's consignment store (Bao'an is a truck ride away). */
    @Inject
    @ConfigProperty(name = "scm.materials.transfer-lead-days", defaultValue = "1")
    int transferLeadDays;

    /**
     * Parts on hand at every location, and the open quantity of every purchase order line on its
     * expected day (a line already overdue counts as arriving on the first day).
     */
    public PartsAvailability availability(LocalDate from, int horizonDays) {
        return availability(from, horizonDays, Map.of());
    }

    /**
     * The same, with some purchase order lines expected on other days than they are (a what-if
     * of a late receipt).
     *
     * @param expectedOn purchase order line id to the day it is taken to arrive
     */
    public PartsAvailability availability(LocalDate from, int horizonDays, Map<String, LocalDate> expectedOn) {
        var parts = new PartsAvailability(from, horizonDays, transferLeadDays);
        for (PartStock stock : stock()) {
            if (PartStock.CENTRAL.equals(stock.location())) {
                parts.atCentral(stock.itemCode(), from, stock.quantity().doubleValue());
            } else {
                parts.atFactory(
                        stock.location(),
                        stock.itemCode(),
                        from,
                        stock.quantity().doubleValue());
            }
        }
        for (PurchaseOrderLine line : openLines()) {
            parts.atCentral(
                    line.itemCode(),
                    expectedOn.getOrDefault(line.id(), line.expectedOn()),
                    line.open().doubleValue());
        }
        return parts;
    }

    /** Every lot of every item at every location that has any. */
    public List<PartStock> stock() {
        return em.createQuery("select s from PartStock s where s.quantity <> 0", PartStock.class)
                .getResultList();
    }

    /** A line of a purchase order by the order's number and the line's. */
    public Optional<PurchaseOrderLine> line(String poNumber, int lineNo) {
        return em
                .createQuery(
                        "select l from PurchaseOrderLine l where l.order.poNumber = :po and l.lineNo = :line",
                        PurchaseOrderLine.class)
                .setParameter("po", poNumber)
                .setParameter("line", lineNo)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** Purchase order lines with parts still to come. */
    public List<PurchaseOrderLine> openLines() {
        return em.createQuery(
                        "select l from PurchaseOrderLine l where l.received < l.quantity order by l.expectedOn",
                        PurchaseOrderLine.class)
                .getResultList();
    }

    /**
     * What one board of each order takes of each item, scrap included; machine-level parts are
     * shared among the machine's boards. Orders without a BOM version are left out: nothing limits them.
     */
    public Map<String, Map<String, Double>> perBoard(Collection<String> buildOrderIds) {
        var result = new HashMap<String, Map<String, Double>>();
        var versions = new HashMap<String, Map<String, Double>>();
        var ids = new ArrayList<>(buildOrderIds);
        for (int i = 0; i < ids.size(); i += 500) {
            for (Object[] row : em.createQuery(
                            "select o.id, o.product, o.bomVersion, o.boardsPerMachine from BuildOrder o"
                                    + " where o.id in :ids and o.bomVersion is not null",
                            Object[].class)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .getResultList()) {
                String product = (String) row[1];
                int version = ((Number) row[2]).intValue();
                int boardsPerMachine = ((Number) row[3]).intValue();
                result.put(
                        (String) row[0],
                        versions.computeIfAbsent(
                                product + "/" + version + "/" + boardsPerMachine,
                                k -> perBoard(boms.version(product, version), boardsPerMachine)));
            }
        }
        return result;
    }

    /** What a board of the product takes under the version in force on a day (an order not yet opened). */
    public Map<String, Double> perBoard(String product, LocalDate on, int boardsPerMachine) {
        Optional<BomVersion> bom = boms.inForce(product, on);
        return bom.map(b -> perBoard(b, boardsPerMachine)).orElse(Map.of());
    }

    private static Map<String, Double> perBoard(BomVersion bom, int boardsPerMachine) {
        var perBoard = new HashMap<String, Double>();
        for (BomLine line : bom.lines()) {
            BigDecimal each = line.quantity().multiply(BigDecimal.ONE.add(line.scrapFactor()));
            double quantity = line.level() == BomLine.Level.HASHBOARD
                    ? each.doubleValue()
                    : each.doubleValue() / boardsPerMachine;
            perBoard.merge(line.itemCode(), quantity, Double::sum);
        }
        return Map.copyOf(perBoard);
    }
}
