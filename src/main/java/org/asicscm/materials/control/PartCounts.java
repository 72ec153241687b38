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
import java.util.List;
import org.asicscm.assembly.entity.Factory;
import org.asicscm.materials.entity.Item;
import org.asicscm.materials.entity.PartCount;
import org.asicscm.materials.entity.PartMovement;
import org.asicscm.materials.entity.PartShortfall;
import org.asicscm.materials.entity.PartStock;
import org.asicscm.platform.InvalidInputException;

/**
 * Counts of parts, as for dies: the stock of a lot at a location becomes what was found, the
 * difference is kept as a COUNT movement, and the shortfalls assembly left unposted there are
 * settled by it (the count has seen what they took).
 */
@Stateless
public class PartCounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public PartCount count(String item, String location, String lot, BigDecimal counted, String note, String actor) {
        if (em.find(Item.class, item) == null) {
            throw new InvalidInputException("item", "no item '" + item + "'");
        }
        if (!PartStock.CENTRAL.equals(location) && em.find(Factory.class, location) == null) {
            throw new InvalidInputException("location", "CENTRAL or a factory's id; no factory '" + location + "'");
        }
        String lotKey = lot == null ? PartStock.NO_LOT : lot;
        PartStock stock =
                em.find(PartStock.class, new PartStock.Key(item, location, lotKey), LockModeType.PESSIMISTIC_WRITE);
        if (stock == null) {
            stock = new PartStock(item, location, lotKey);
            em.persist(stock);
        }
        BigDecimal onRecord = stock.quantity();
        BigDecimal variance = counted.subtract(onRecord);
        if (variance.signum() != 0) {
            stock.add(variance);
            em.persist(new PartMovement(stock, variance, PartMovement.Kind.COUNT, note, actor, now()));
        }
        BigDecimal unposted = BigDecimal.ZERO;
        for (PartShortfall shortfall : open(item, location)) {
            unposted = unposted.add(shortfall.quantity());
            shortfall.settle(actor, now());
        }
        var count = new PartCount(stock, onRecord, counted, unposted, note, actor, now());
        em.persist(count);
        return count;
    }

    /** Parts assembly took beyond the record, not yet settled by a count, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<PartShortfall> open(String item, String location) {
        return em.createNamedQuery(PartShortfall.OPEN_AT, PartShortfall.class)
                .setParameter("item", item)
                .setParameter("location", location)
                .setLockMode(LockModeType.NONE)
                .getResultList();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
