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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asicscm.allocation.entity.BuildOrder;
import org.asicscm.allocation.entity.Product;
import org.asicscm.materials.entity.BomLine;
import org.asicscm.materials.entity.BomVersion;
import org.asicscm.materials.entity.Item;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;

/**
 * Products' bills of materials: versions with effective dates, checked whole before anything is
 * written, and what a build order needs of each item under the version it was opened with.
 */
@Stateless
public class Boms {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** A line as asked for, before it is checked. */
    public record Line(BomLine.Level level, String item, BigDecimal quantity, BigDecimal scrapFactor) {}

    /** What a build order takes of one item: per unit, units, scrap, gross. */
    public record Requirement(
            String item,
            String description,
            String uom,
            BomLine.Level level,
            BigDecimal quantityPerUnit,
            long units,
            BigDecimal scrapFactor,
            BigDecimal gross) {}

    /**
     * A new version of the product's BOM, numbered after the last, in force from effectiveFrom
     * (not before today, and after the version before it takes effect).
     */
    public BomVersion define(String productCode, LocalDate effectiveFrom, String note, List<Line> lines, String actor) {
        // the product's row orders two planners defining versions at once: numbers stay 1, 2, 3
        Product product = em.find(Product.class, productCode, LockModeType.PESSIMISTIC_WRITE);
        if (product == null) {
            throw new UnknownEntityException("product", productCode);
        }
        if (effectiveFrom.isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("effectiveFrom", "must not be in the past");
        }
        var seen = new HashSet<String>();
        var checked = new ArrayList<BomLine>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String field = "lines[" + i + "]";
            if (line.item().equals(productCode)) {
                throw new InvalidInputException(field + ".item", "a BOM may not contain its own product");
            }
            if (em.find(Item.class, line.item()) == null) {
                throw new InvalidInputException(field + ".item", "no item '" + line.item() + "'");
            }
            if (!seen.add(line.level() + "|" + line.item())) {
                throw new InvalidInputException(
                        field + ".item", "item " + line.item() + " is listed twice at level " + line.level());
            }
            checked.add(new BomLine(
                    line.level(),
                    line.item(),
                    line.quantity(),
                    line.scrapFactor() == null ? BigDecimal.ZERO : line.scrapFactor()));
        }
        List<BomVersion> versions = versions(productCode);
        if (!versions.isEmpty()) {
            BomVersion last = versions.get(versions.size() - 1);
            if (!effectiveFrom.isAfter(last.effectiveFrom())) {
                throw new RuleViolationException(
                        "effective-date-not-after-last",
                        "effectiveFrom",
                        "version " + last.version() + " takes effect on " + last.effectiveFrom()
                                + "; a new version must take effect after it",
                        Map.of(
                                "lastVersion",
                                last.version(),
                                "lastEffectiveFrom",
                                last.effectiveFrom().toString()));
            }
        }
        var version = new BomVersion(productCode, versions.size() + 1, effectiveFrom, note, checked, actor, now());
        em.persist(version);
        return version;
    }

    /** The product's versions, oldest first; 404 for a product that does not exist (not an empty list). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<BomVersion> versions(String productCode) {
        if (em.find(Product.class, productCode) == null) {
            throw new UnknownEntityException("product", productCode);
        }
        return em.createNamedQuery(BomVersion.OF_PRODUCT, BomVersion.class)
                .setParameter("product", productCode)
                .getResultList();
    }

    /** The version in force on a day: the latest whose effective date is not after it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<BomVersion> inForce(String productCode, LocalDate on) {
        BomVersion found = null;
        for (BomVersion v : versions(productCode)) {
            if (!v.effectiveFrom().isAfter(on)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public BomVersion version(String productCode, int number) {
        return versions(productCode).stream()
                .filter(v -> v.version() == number)
                .findFirst()
                .orElseThrow(() -> new UnknownEntityException("BOM version", productCode + "/" + number));
    }

    /** What the build order takes of each item under the BOM version it was opened with (none if it had none). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Requirement> requirements(String buildOrderId) {
        BuildOrder order = em.find(BuildOrder.class, buildOrderId);
        if (order == null) {
            throw new UnknownEntityException("build order", buildOrderId);
        }
        if (order.bomVersion() == null) {
            return List.of();
        }
        var requirements = new ArrayList<Requirement>();
        for (BomLine line : version(order.product(), order.bomVersion()).lines()) {
            Item item = em.find(Item.class, line.itemCode());
            long units = line.level() == BomLine.Level.HASHBOARD
                    ? (long) order.machines() * order.boardsPerMachine()
                    : order.machines();
            requirements.add(new Requirement(
                    item.code(),
                    item.description(),
                    item.uom().name(),
                    line.level(),
                    line.quantity(),
                    units,
                    line.scrapFactor(),
                    line.grossFor(order.machines(), order.boardsPerMachine())));
        }
        return requirements;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
