package org.asicscm.materials.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asicscm.assembly.entity.Factory;
import org.asicscm.materials.entity.Item;
import org.asicscm.materials.entity.PartMovement;
import org.asicscm.materials.entity.PartShortfall;
import org.asicscm.materials.entity.PartStock;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;

/**
 * Parts on hand by item, location and supplier lot: transfers from the central warehouse to a
 * factory's consignment, and consumption at a factory, oldest lot first. Every change is a
 * movement. A location is CENTRAL or a factory's id.
 */
@Stateless
public class PartStocks {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Parts into a location's lot, as a movement of the kind given (a receipt, the arriving half of a transfer). */
    public PartStock add(
            String item,
            String location,
            String lot,
            BigDecimal quantity,
            PartMovement.Kind kind,
            String reference,
            String actor) {
        PartStock stock =
                em.find(PartStock.class, new PartStock.Key(item, location, lot), LockModeType.PESSIMISTIC_WRITE);
        if (stock == null) {
            stock = new PartStock(item, location, lot);
            em.persist(stock);
        }
        stock.add(quantity);
        em.persist(new PartMovement(stock, quantity, kind, reference, actor, now()));
        return stock;
    }

    /** Moves parts of one lot from the central warehouse to a factory; 409 with the figures if fewer are there. */
    public PartStock transfer(String item, String lot, BigDecimal quantity, String factoryId, String actor) {
        requireItem(item);
        if (em.find(Factory.class, factoryId) == null) {
            throw new InvalidInputException("factoryId", "no factory with id '" + factoryId + "'");
        }
        String lotKey = lot == null ? PartStock.NO_LOT : lot;
        PartStock from = em.find(
                PartStock.class, new PartStock.Key(item, PartStock.CENTRAL, lotKey), LockModeType.PESSIMISTIC_WRITE);
        BigDecimal there = from == null ? BigDecimal.ZERO : from.quantity();
        if (there.compareTo(quantity) < 0) {
            throw new RuleViolationException(
                    "insufficient-parts",
                    "quantity",
                    "the central warehouse has " + there + " of " + item + " lot " + lotKey + "; " + quantity
                            + " were asked for",
                    Map.of("onHand", there, "requested", quantity));
        }
        from.take(quantity);
        em.persist(new PartMovement(from, quantity.negate(), PartMovement.Kind.TRANSFER, factoryId, actor, now()));
        return add(item, factoryId, lotKey, quantity, PartMovement.Kind.TRANSFER, PartStock.CENTRAL, actor);
    }

    /**
     * Parts used at a location, taken from its lots oldest-named first. More than is there is
     * refused, 409 with the figures, and nothing is taken; at a factory allowed to go below its
     * record, what is there is taken and the rest kept as a shortfall until a count.
     */
    public List<PartStock> consume(String item, String location, BigDecimal quantity, String reference, String actor) {
        requireItem(item);
        List<PartStock> lots = lots(item, location, null);
        BigDecimal onHand = lots.stream().map(PartStock::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        Factory factory = em.find(Factory.class, location);
        if (onHand.compareTo(quantity) < 0 && factory != null && factory.negativePartsAllowed()) {
            var touched = new ArrayList<PartStock>();
            BigDecimal missing = take(lots, quantity, PartMovement.Kind.CONSUMPTION, reference, actor, touched);
            em.persist(
                    new PartShortfall(item, location, missing, reference == null ? "consumption" : reference, now()));
            return touched;
        }
        if (onHand.compareTo(quantity) < 0) {
            throw new RuleViolationException(
                    "insufficient-parts",
                    "quantity",
                    location + " has " + onHand + " of " + item + "; " + quantity + " cannot be consumed",
                    Map.of("onHand", onHand, "requested", quantity));
        }
        var touched = new ArrayList<PartStock>();
        take(lots, quantity, PartMovement.Kind.CONSUMPTION, reference, actor, touched);
        return touched;
    }

    /**
     * Takes up to the quantity at a location, a named lot first and then the oldest-named; answers
     * what could not be taken (zero when the location had enough).
     */
    public BigDecimal takeUpTo(
            String item,
            String location,
            String lot,
            BigDecimal quantity,
            PartMovement.Kind kind,
            String reference,
            String actor) {
        return take(lots(item, location, lot), quantity, kind, reference, actor, new ArrayList<>());
    }

    /** The lots of an item at a location with parts, locked; the named lot, if any, first. */
    private List<PartStock> lots(String item, String location, String first) {
        var lots = new ArrayList<>(em.createQuery(
                        "select s from PartStock s where s.itemCode = :item and s.location = :location"
                                + " and s.quantity > 0 order by s.supplierLot",
                        PartStock.class)
                .setParameter("item", item)
                .setParameter("location", location)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList());
        if (first != null) {
            lots.sort(java.util.Comparator.comparing(s -> !s.supplierLot().equals(first)));
        }
        return lots;
    }

    private BigDecimal take(
            List<PartStock> lots,
            BigDecimal quantity,
            PartMovement.Kind kind,
            String reference,
            String actor,
            List<PartStock> touched) {
        BigDecimal left = quantity;
        for (PartStock lot : lots) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal taken = lot.take(left);
            left = left.subtract(taken);
            em.persist(new PartMovement(lot, taken.negate(), kind, reference, actor, now()));
            touched.add(lot);
        }
        return left;
    }

    /** What is on hand, by item, location and lot; either filter may be absent. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<PartStock> onHand(String item, String location) {
        var jpql = new StringBuilder("select s from PartStock s where s.quantity > 0");
        if (item != null) {
            jpql.append(" and s.itemCode = :item");
        }
        if (location != null) {
            jpql.append(" and s.location = :location");
        }
        var query = em.createQuery(
                jpql.append(" order by s.itemCode, s.location, s.supplierLot").toString(), PartStock.class);
        if (item != null) {
            query.setParameter("item", item);
        }
        if (location != null) {
            query.setParameter("location", location);
        }
        return query.getResultList();
    }

    private void requireItem(String item) {
        if (em.find(Item.class, item) == null) {
            throw new InvalidInputException("item", "no item '" + item + "'");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
