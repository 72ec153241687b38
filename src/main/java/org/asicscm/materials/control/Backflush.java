package org.asicscm.materials.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.asicscm.allocation.entity.BuildOrder;
import org.asicscm.materials.entity.BomLine;
import org.asicscm.materials.entity.Item;
import org.asicscm.materials.entity.PartMovement;
import org.asicscm.materials.entity.PartShortfall;
import org.asicscm.platform.Acting;

/**
 * Takes the parts of what was built from the factory's stock, by the order's BOM version: each
 * board its hashboard-level parts, each machine its machine-level parts (a PSU or control board
 * from the lot the floor scanned). Runs in the transaction that records the board or machine, so
 * the two commit together. What the factory does not have on record is not refused (the board is
 * built: the parts were there) but kept as a shortfall, unposted until a count settles it. The
 * BOM quantity is taken, without its scrap factor: what scrap really took, a count finds.
 */
@Stateless
public class Backflush {

    @PersistenceContext
    EntityManager em;

    @EJB
    Boms boms;

    @EJB
    PartStocks stocks;

    @Inject
    Clock clock;

    /** The hashboard-level parts of boards of an order built at a factory. */
    public void boards(String buildOrderId, String factoryId, int boards, String reference) {
        take(buildOrderId, factoryId, BomLine.Level.HASHBOARD, boards, reference, Map.of());
    }

    /** The machine-level parts of one machine; lots by item kind, for the lot-tracked parts scanned. */
    public void machine(String buildOrderId, String factoryId, String reference, Map<Item.Kind, String> lots) {
        take(buildOrderId, factoryId, BomLine.Level.MACHINE, 1, reference, lots);
    }

    private void take(
            String buildOrderId,
            String factoryId,
            BomLine.Level level,
            int units,
            String reference,
            Map<Item.Kind, String> lots) {
        BuildOrder order = em.find(BuildOrder.class, buildOrderId);
        if (order == null || order.bomVersion() == null || factoryId == null) {
            return; // built to no bill of materials: no parts are tracked for it
        }
        // lines come sorted by level and item: every transaction locks the same stocks in the same order
        for (BomLine line : boms.version(order.product(), order.bomVersion()).lines()) {
            if (line.level() != level) {
                continue;
            }
            Item item = em.find(Item.class, line.itemCode());
            BigDecimal quantity = line.quantity().multiply(BigDecimal.valueOf(units));
            BigDecimal missing = stocks.takeUpTo(
                    item.code(),
                    factoryId,
                    lots.get(item.kind()),
                    quantity,
                    PartMovement.Kind.BACKFLUSH,
                    reference,
                    Acting.actor());
            if (missing.signum() > 0) {
                em.persist(new PartShortfall(item.code(), factoryId, missing, reference, now()));
            }
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
