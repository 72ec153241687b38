package org.asicscm.materials.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.asicscm.materials.entity.Item;
import org.asicscm.materials.entity.PartMovement;
import org.asicscm.materials.entity.PartStock;
import org.asicscm.materials.entity.PurchaseOrder;
import org.asicscm.materials.entity.PurchaseOrderLine;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;

/** Purchase orders for parts and their receipts into the central warehouse, by supplier lot. */
@Stateless
public class Purchasing {

    @PersistenceContext
    EntityManager em;

    @EJB
    PartStocks stocks;

    @Inject
    Clock clock;

    /** A line as asked for. */
    public record Line(String item, BigDecimal quantity, LocalDate expectedOn) {}

    public PurchaseOrder open(String poNumber, String supplier, List<Line> lines, String actor) {
        boolean taken = !em.createQuery("select p.id from PurchaseOrder p where p.poNumber = :number", String.class)
                .setParameter("number", poNumber)
                .getResultList()
                .isEmpty();
        if (taken) {
            throw new RuleViolationException(
                    "duplicate-purchase-order", "poNumber", "purchase order " + poNumber + " exists already");
        }
        var order = new PurchaseOrder(poNumber, supplier, actor, now());
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (em.find(Item.class, line.item()) == null) {
                throw new InvalidInputException("lines[" + i + "].item", "no item '" + line.item() + "'");
            }
            order.addLine(line.item(), line.quantity(), line.expectedOn());
        }
        em.persist(order);
        return order;
    }

    /** The supplier promises the rest of a line for another day. */
    public PurchaseOrderLine expectOn(String lineId, LocalDate day) {
        PurchaseOrderLine line = em.find(PurchaseOrderLine.class, lineId, LockModeType.PESSIMISTIC_WRITE);
        if (line == null) {
            throw new UnknownEntityException("purchase order line", lineId);
        }
        line.expectOn(day);
        return line;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public PurchaseOrder order(String id) {
        PurchaseOrder order = em.find(PurchaseOrder.class, id);
        if (order == null) {
            throw new UnknownEntityException("purchase order", id);
        }
        return order;
    }

    /**
     * Parts arriving against a line of the order, into the central warehouse under their supplier
     * lot (required for a lot-tracked item). An unknown line is 400 naming it; more than the line
     * still expects is 409 with the figures.
     */
    public PartStock receive(String orderId, int lineNo, BigDecimal quantity, String supplierLot, String actor) {
        PurchaseOrder order = order(orderId);
        PurchaseOrderLine line = order.lines().stream()
                .filter(l -> l.lineNo() == lineNo)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "line", "purchase order " + order.poNumber() + " has no line " + lineNo));
        em.lock(line, LockModeType.PESSIMISTIC_WRITE);
        Item item = em.find(Item.class, line.itemCode());
        if (item.lotTracked() && supplierLot == null) {
            throw new InvalidInputException(
                    "supplierLot", "item " + item.code() + " is received by supplier lot; name the lot");
        }
        try {
            line.receive(quantity);
        } catch (IllegalStateException e) {
            throw new RuleViolationException(
                    "over-receipt",
                    "quantity",
                    e.getMessage(),
                    Map.of("ordered", line.quantity(), "received", line.received(), "arriving", quantity));
        }
        return stocks.add(
                line.itemCode(),
                PartStock.CENTRAL,
                supplierLot == null ? PartStock.NO_LOT : supplierLot,
                quantity,
                PartMovement.Kind.RECEIPT,
                order.poNumber() + "/" + lineNo,
                actor);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
