package org.asicscm.qa.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.asicscm.events.Events.UnitKind;
import org.asicscm.qa.entity.QaOrder;
import org.asicscm.qa.entity.QaUnit;

/**
 * QA's reactions to what comes off the line: orders say which product their units are judged
 * as, boards and machines wait for their test, and the genealogy learns what each is made of.
 */
@Stateless
public class QaIntake {

    @PersistenceContext
    EntityManager em;

    @EJB
    Genealogy genealogy;

    @Inject
    Clock clock;

    /** Reaction to BuildOrderCreated: the product its units will be judged as. */
    public void orderCreated(EventEnvelope event) {
        var order = event.data(Events.BuildOrderCreated.class).order();
        if (em.find(QaOrder.class, order.buildOrderId()) == null) {
            em.persist(new QaOrder(order.buildOrderId(), order.orderNumber(), order.product(), order.chipsPerBoard()));
        }
    }

    /** Reaction to BoardAssembled: the board waits for its test. */
    public void boardAssembled(EventEnvelope event) {
        var board = event.data(Events.BoardAssembled.class);
        if (em.find(QaUnit.class, board.serial()) == null) {
            arrived(new QaUnit(
                    board.serial(),
                    UnitKind.BOARD,
                    board.buildOrderId(),
                    1,
                    board.chips(),
                    event.correlationId(),
                    now()));
            genealogy.boardAssembled(event);
        }
    }

    /** Reaction to MachineAssembled: the machine waits for its test, one chain per board. */
    public void machineAssembled(EventEnvelope event) {
        var machine = event.data(Events.MachineAssembled.class);
        if (em.find(QaUnit.class, machine.serial()) == null) {
            arrived(new QaUnit(
                    machine.serial(),
                    UnitKind.MACHINE,
                    machine.buildOrderId(),
                    machine.boardSerials().size(),
                    machine.chipsPerBoard(),
                    event.correlationId(),
                    now()));
            genealogy.machineAssembled(event);
        }
    }

    private void arrived(QaUnit unit) {
        QaOrder order = em.find(QaOrder.class, unit.buildOrderId());
        if (order != null) {
            unit.learnProduct(order.product());
        }
        em.persist(unit);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
