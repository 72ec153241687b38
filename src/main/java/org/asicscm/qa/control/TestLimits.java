package org.asicscm.qa.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.asicscm.allocation.control.Catalogue;
import org.asicscm.allocation.entity.Product;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.UnknownEntityException;
import org.asicscm.qa.entity.FailureCode;
import org.asicscm.qa.entity.LimitSet;
import org.asicscm.qa.entity.Limits;

/** The failure catalogue and the versioned test limits per product. */
@Stateless
public class TestLimits {

    @PersistenceContext
    EntityManager em;

    @EJB
    Catalogue catalogue;

    @Inject
    Clock clock;

    /** A new version of the product's limits; the versions before it stay as they were. */
    public LimitSet define(String productCode, Limits limits, String actor) {
        Product product;
        try {
            product = catalogue.product(productCode);
        } catch (UnknownEntityException e) {
            throw new InvalidInputException("product", "no product '" + productCode + "'");
        }
        check(limits, product.chipsPerBoard());
        // the product row serialises two engineers defining versions at once
        em.lock(product, LockModeType.PESSIMISTIC_WRITE);
        int version = current(productCode).map(l -> l.version() + 1).orElse(1);
        var set = new LimitSet(
                productCode,
                version,
                product.chipsPerBoard(),
                limits,
                actor,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        em.persist(set);
        return set;
    }

    static void check(Limits limits, int chipsPerBoard) {
        if (limits.minChipsPerChain() > chipsPerBoard) {
            throw new InvalidInputException(
                    "minChipsPerChain", "is above the product's " + chipsPerBoard + " chips per board");
        }
        if (limits.minTempC().compareTo(limits.maxTempC()) >= 0) {
            throw new InvalidInputException("minTempC", "must be below maxTempC");
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<LimitSet> current(String product) {
        if (product == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(LimitSet.OF_PRODUCT, LimitSet.class)
                .setParameter("product", product)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<LimitSet> versions(String product) {
        return em.createNamedQuery(LimitSet.OF_PRODUCT, LimitSet.class)
                .setParameter("product", product)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<FailureCode> failureCodes() {
        return em.createNamedQuery(FailureCode.ALL, FailureCode.class).getResultList();
    }

    public FailureCode defineFailureCode(
            String code, FailureCode.Category category, String description, boolean active) {
        FailureCode existing = em.find(FailureCode.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (existing == null) {
            var created = new FailureCode(code, category, description);
            if (!active) {
                created.change(category, description, false);
            }
            em.persist(created);
            return created;
        }
        existing.change(category, description, active);
        return existing;
    }

    /** A code an engineer may log now. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String loggable(String field, String code) {
        if (code == null) {
            return null;
        }
        FailureCode known = em.find(FailureCode.class, code);
        if (known == null || !known.active()) {
            throw new InvalidInputException(
                    field, "'" + code + "' is not an active failure code (GET qa/failure-codes)");
        }
        return code;
    }
}
