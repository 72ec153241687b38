package org.asicscm.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.function.UnaryOperator;

/** Pages of any entity for the list endpoints: the boundary says which filters, this runs them. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Lists {

    @PersistenceContext
    EntityManager em;

    /**
     * @param uniqueAttribute the entity's id, the last sort key, so that pages are stable
     * @param filters         adds the request's filters to the listing
     */
    public <E> Page<E> page(
            Class<E> type, String uniqueAttribute, UnaryOperator<Listing<E>> filters, PageRequest request) {
        return filters.apply(new Listing<>(em, type, uniqueAttribute)).page(request);
    }
}
