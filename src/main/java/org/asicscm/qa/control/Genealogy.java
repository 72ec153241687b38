package org.asicscm.qa.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.asicscm.events.Events.ShipmentMilestoneReached;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.qa.entity.DieRun;
import org.asicscm.qa.entity.Rework;
import org.asicscm.qa.entity.TracedBoard;
import org.asicscm.qa.entity.TracedMachine;

/**
 * QA's genealogy read model, kept from the other stages' events: which lot and bin fill which
 * chip positions of each board, which boards (by chain) and parts make each machine, and which
 * shipment and customer it went to. Rework keeps it true when a chip or a part is replaced.
 */
@Stateless
public class Genealogy {

    @PersistenceContext
    EntityManager em;

    /**
     * Reaction to BoardAssembled: its sources fill chip positions 0.. in their order. Called once
     * per board, with the board's QA unit (QaIntake checks that the board is new).
     */
    public void boardAssembled(EventEnvelope event) {
        var board = event.data(Events.BoardAssembled.class);
        em.persist(new TracedBoard(
                board.serial(),
                board.buildOrderId(),
                board.chipModel(),
                board.lineId(),
                board.lineCode(),
                board.factoryId(),
                board.shift(),
                event.occurredAt()));
        int position = 0;
        for (Events.DieSource source : board.sources()) {
            em.persist(new DieRun(
                    board.serial(),
                    position,
                    position + source.dies() - 1,
                    source.lotId(),
                    source.lotNumber(),
                    source.bin(),
                    null));
            position += source.dies();
        }
    }

    /** Reaction to MachineAssembled, once per machine: each board goes in as the chain of its place in the list. */
    public void machineAssembled(EventEnvelope event) {
        var machine = event.data(Events.MachineAssembled.class);
        em.persist(new TracedMachine(
                machine.serial(),
                machine.buildOrderId(),
                machine.controlBoardSerial(),
                machine.controlBoardLot(),
                machine.psuSerial(),
                machine.psuLot(),
                event.occurredAt()));
        List<String> boards = machine.boardSerials();
        for (int chain = 0; chain < boards.size(); chain++) {
            TracedBoard board = em.find(TracedBoard.class, boards.get(chain));
            if (board != null) {
                board.fitInto(machine.serial(), chain);
            }
        }
    }

    /** Reaction to ShipmentBooked: each machine now belongs to a shipment and a customer. */
    public void shipmentBooked(EventEnvelope event) {
        var booked = event.data(Events.ShipmentBooked.class);
        for (String serial : booked.machineSerials()) {
            TracedMachine machine = em.find(TracedMachine.class, serial);
            if (machine != null) {
                machine.shipped(
                        booked.shipmentId(),
                        booked.customerId(),
                        booked.customerName(),
                        booked.destinationCountry(),
                        event.occurredAt());
            }
        }
    }

    /** Reaction to a shipment's milestones: only delivery changes where a machine is. */
    public void milestoneReached(EventEnvelope event) {
        var milestone = event.data(ShipmentMilestoneReached.class);
        if (!"DELIVERED".equals(milestone.milestone())) {
            return;
        }
        em.createQuery("select m from TracedMachine m where m.shipmentId = :shipment", TracedMachine.class)
                .setParameter("shipment", milestone.shipmentId())
                .getResultList()
                .forEach(m -> m.delivered(milestone.occurredAt()));
    }

    public List<DieRun> runsOf(String boardSerial) {
        return em.createNamedQuery(DieRun.OF_BOARD, DieRun.class)
                .setParameter("serial", boardSerial)
                .getResultList();
    }

    /**
     * Puts the step's change into the genealogy.
     *
     * @param unitSerial a board, or a machine whose board is found by the step's chain
     * @param field the request field the step came in, to name in a refusal
     * @return what came off (the replaced chip's lot/bin, the swapped part's serial), or null
     */
    public String apply(String unitSerial, boolean machine, Rework.Step step, String reworkId, String field) {
        return switch (step.action()) {
            case CHIP_REPLACED -> replaceChip(boardAt(unitSerial, machine, step.chain(), field), step, reworkId, field);
            case CONTROL_BOARD_SWAP ->
                machineOf(unitSerial, machine, field).swapControlBoard(step.newPartSerial(), step.newPartLot());
            case PSU_SWAP -> machineOf(unitSerial, machine, field).swapPsu(step.newPartSerial(), step.newPartLot());
            default -> null;
        };
    }

    private String boardAt(String unitSerial, boolean machine, int chain, String field) {
        if (!machine) {
            return unitSerial;
        }
        return em.createQuery(
                        "select b.serial from TracedBoard b where b.machineSerial = :machine and b.chain = :chain",
                        String.class)
                .setParameter("machine", unitSerial)
                .setParameter("chain", chain)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        field + ".chain", "machine " + unitSerial + " has no board on chain " + chain));
    }

    private TracedMachine machineOf(String unitSerial, boolean machine, String field) {
        TracedMachine traced = machine ? em.find(TracedMachine.class, unitSerial) : null;
        if (traced == null) {
            throw new InvalidInputException(field + ".action", "only a machine has a control board and a PSU");
        }
        return traced;
    }

    private String replaceChip(String boardSerial, Rework.Step step, String reworkId, String field) {
        int position = step.chipIndex();
        DieRun run = runsOf(boardSerial).stream()
                .filter(r -> r.covers(position))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        field + ".chipIndex", "board " + boardSerial + " has no chip at position " + position));
        String removed = run.lotNumber() + "/" + run.bin();
        if (run.lastChip() > position) {
            em.persist(new DieRun(
                    boardSerial,
                    position + 1,
                    run.lastChip(),
                    run.lotId(),
                    run.lotNumber(),
                    run.bin(),
                    run.reworkId()));
        }
        if (run.firstChip() < position) {
            run.endBefore(position);
        } else {
            em.remove(run);
            em.flush();
        }
        em.persist(new DieRun(boardSerial, position, position, null, step.newDieLot(), step.newDieBin(), reworkId));
        return removed;
    }
}
