package org.asicscm.assembly.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.asicscm.assembly.entity.ConsignmentCount;
import org.asicscm.assembly.entity.ConsignmentMovement;
import org.asicscm.assembly.entity.Factory;
import org.asicscm.assembly.entity.Hashboard;
import org.asicscm.events.Events;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.platform.UnknownEntityException;

/** Dies on consignment at contract factories, reconciled against the boards they return and the scrap they report. */
@Stateless
public class ConsignmentService {
    public static final double DEFAULT_TOLERANCE_PERCENT = 0.5;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @EJB
    EventOutbox outbox;

    @EJB
    AssemblyService assembly;

    public ConsignmentMovement record(
            String factoryId, String chipModel, ConsignmentMovement.Kind kind, int dies, String reference) {
        var movement = new ConsignmentMovement(assembly.factory(factoryId), chipModel, kind, dies, reference, now());
        em.persist(movement);
        return movement;
    }

    /** Where a factory's consigned dies of one chip model stand, and the latest count against it. */
    public ConsignmentMovement movement(String factoryId, String movementId) {
        ConsignmentMovement movement = em.find(ConsignmentMovement.class, movementId);
        if (movement == null || !movement.factoryId().equals(factoryId)) {
            throw new UnknownEntityException("consignment movement", movementId);
        }
        return movement;
    }

    public record Balance(
            String chipModel,
            int consigned,
            int inBoards,
            int scrapped,
            int expectedOnHand,
            ConsignmentCount latestCount) {}

    public List<Balance> balances(String factoryId) {
        assembly.factory(factoryId);
        var balances = new ArrayList<Balance>();
        for (String chipModel : em.createNamedQuery(ConsignmentMovement.CHIP_MODELS, String.class)
                .setParameter("factoryId", factoryId)
                .getResultList()) {
            balances.add(balance(factoryId, chipModel));
        }
        return balances;
    }

    /** Reconciles a stock count; a difference beyond the tolerance is flagged and published. */
    public ConsignmentCount count(String factoryId, String chipModel, int diesOnHand, double tolerancePercent) {
        // the factory row serialises counts and movements of one factory
        Factory factory = em.find(Factory.class, factoryId, LockModeType.PESSIMISTIC_WRITE);
        if (factory == null) {
            throw new UnknownEntityException("factory", factoryId);
        }
        Balance balance = balance(factoryId, chipModel);
        var count = new ConsignmentCount(
                factory,
                chipModel,
                diesOnHand,
                balance.consigned(),
                balance.inBoards(),
                balance.scrapped(),
                tolerancePercent,
                now());
        em.persist(count);
        if (count.flagged()) {
            outbox.publish(
                    new Events.ConsignmentDiscrepancyFlagged(
                            factory.id(),
                            factory.code(),
                            chipModel,
                            count.diesExpected(),
                            count.diesCounted(),
                            count.difference(),
                            count.toleranceDies()),
                    "consignment-" + factory.code(),
                    null);
        }
        return count;
    }

    private Balance balance(String factoryId, String chipModel) {
        int consigned = total(factoryId, chipModel, ConsignmentMovement.Kind.CONSIGNED);
        int scrapped = total(factoryId, chipModel, ConsignmentMovement.Kind.SCRAPPED);
        int inBoards = ((Number) em.createNamedQuery(Hashboard.DIES_AT_FACTORY)
                        .setParameter("factoryId", factoryId)
                        .setParameter("chipModel", chipModel)
                        .getSingleResult())
                .intValue();
        var latest = em.createNamedQuery(ConsignmentCount.LATEST, ConsignmentCount.class)
                .setParameter("factoryId", factoryId)
                .setParameter("chipModel", chipModel)
                .setMaxResults(1)
                .getResultList();
        return new Balance(
                chipModel,
                consigned,
                inBoards,
                scrapped,
                consigned - inBoards - scrapped,
                latest.isEmpty() ? null : latest.get(0));
    }

    private int total(String factoryId, String chipModel, ConsignmentMovement.Kind kind) {
        return ((Number) em.createNamedQuery(ConsignmentMovement.TOTAL)
                        .setParameter("factoryId", factoryId)
                        .setParameter("chipModel", chipModel)
                        .setParameter("kind", kind)
                        .getSingleResult())
                .intValue();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
