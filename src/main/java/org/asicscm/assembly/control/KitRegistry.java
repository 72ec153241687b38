package org.asicscm.assembly.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.asicscm.assembly.entity.BuildKit;
import org.asicscm.events.Events;

/**
 * Opens a build order's kit on first sight: BuildOrderCreated, DiesAllocated and DiesReassigned
 * of a new order can arrive at once, in any order; each tries the insert in its own short transaction, so the losers of that
 * race simply find the winner's row instead of failing their whole delivery.
 */
@Stateless
public class KitRegistry {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void open(Events.OrderHeader order, String correlationId) {
        if (em.find(BuildKit.class, order.buildOrderId()) == null) {
            em.persist(new BuildKit(
                    order.buildOrderId(),
                    order.orderNumber(),
                    order.product(),
                    order.chipModel(),
                    order.chipsPerBoard(),
                    order.boardsPerMachine(),
                    order.machines(),
                    order.dueDate(),
                    order.priority(),
                    correlationId));
        }
    }
}
