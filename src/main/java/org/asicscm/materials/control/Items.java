package org.asicscm.materials.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.asicscm.materials.entity.Item;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;

/** The item master: purchased parts by code. */
@Stateless
public class Items {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public Item register(String code, String description, Item.Kind kind, Item.Uom uom, boolean lotTracked) {
        if (em.find(Item.class, code) != null) {
            throw new RuleViolationException("duplicate-item", "code", "item " + code + " exists already");
        }
        var item = new Item(
                code,
                description,
                kind,
                uom,
                lotTracked,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        em.persist(item);
        return item;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Item item(String code) {
        Item item = em.find(Item.class, code);
        if (item == null) {
            throw new UnknownEntityException("item", code);
        }
        return item;
    }
}
