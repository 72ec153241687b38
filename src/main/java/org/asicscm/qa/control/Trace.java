package org.asicscm.qa.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.asicscm.platform.UnknownEntityException;
import org.asicscm.qa.entity.DieRun;
import org.asicscm.qa.entity.FieldReturn;
import org.asicscm.qa.entity.QaOrder;
import org.asicscm.qa.entity.QaUnit;
import org.asicscm.qa.entity.Rework;
import org.asicscm.qa.entity.TestRecord;
import org.asicscm.qa.entity.TracedBoard;
import org.asicscm.qa.entity.TracedMachine;
import org.asicscm.qa.entity.UnitMakeup;

/**
 * Trace backward: from a machine or board serial to every lot and bin on each chip position,
 * the line, factory and shift each board was built on, the control board and PSU, every test
 * and rework, where the machine went and what came back. A serial's trace holds only its own
 * boards and dies, never those of its build order's other machines.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Trace {

    @PersistenceContext
    EntityManager em;

    /** One board of the traced unit, with what fills its chip positions now. */
    public record Board(TracedBoard board, QaUnit unit, List<DieRun> runs) {}

    public record Report(
            String serial,
            QaUnit unit,
            String orderNumber,
            String product,
            TracedMachine machine,
            List<Board> boards,
            List<TestRecord> tests,
            List<Rework> reworks,
            List<FieldReturn> returns) {}

    public Report trace(String serial) {
        TracedMachine machine = em.find(TracedMachine.class, serial);
        TracedBoard board = machine == null ? em.find(TracedBoard.class, serial) : null;
        if (machine == null && board == null) {
            throw new UnknownEntityException("machine or board", serial);
        }
        if (board != null && board.machineSerial() != null) {
            machine = em.find(TracedMachine.class, board.machineSerial());
        }
        List<TracedBoard> boards = machine != null && board == null ? boardsOf(serial) : List.of(board);
        var units = new ArrayList<String>();
        units.add(serial);
        if (board == null) {
            boards.forEach(b -> units.add(b.serial()));
        }
        QaUnit unit = em.find(QaUnit.class, serial);
        QaOrder order = unit == null ? null : em.find(QaOrder.class, unit.buildOrderId());
        return new Report(
                serial,
                unit,
                order == null ? null : order.orderNumber(),
                order == null ? null : order.product(),
                machine,
                boards.stream()
                        .map(b -> new Board(b, em.find(QaUnit.class, b.serial()), runsOf(b.serial())))
                        .toList(),
                em.createQuery(
                                "select t from TestRecord t where t.serial in :units order by t.testedAt, t.serial",
                                TestRecord.class)
                        .setParameter("units", units)
                        .getResultList(),
                em.createQuery("select r from Rework r where r.serial in :units order by r.doneAt, r.id", Rework.class)
                        .setParameter("units", units)
                        .getResultList(),
                em.createQuery(
                                "select r from FieldReturn r where r.serial in :units order by r.receivedAt",
                                FieldReturn.class)
                        .setParameter("units", units)
                        .getResultList());
    }

    /** The lots, lots with bins, supplier lots and firmware a unit carries (a board's machine's parts do not count). */
    public UnitMakeup makeup(QaUnit unit) {
        Set<String> lots = new LinkedHashSet<>();
        Set<String> lotBins = new LinkedHashSet<>();
        String controlBoardLot = null;
        String psuLot = null;
        List<String> boards;
        if (unit.kind() == org.asicscm.events.Events.UnitKind.MACHINE) {
            TracedMachine machine = em.find(TracedMachine.class, unit.serial());
            boards = boardsOf(unit.serial()).stream().map(TracedBoard::serial).toList();
            if (machine != null) {
                controlBoardLot = machine.controlBoardLot();
                psuLot = machine.psuLot();
            }
        } else {
            boards = List.of(unit.serial());
        }
        if (!boards.isEmpty()) {
            em.createQuery("select r from DieRun r where r.boardSerial in :boards", DieRun.class)
                    .setParameter("boards", boards)
                    .getResultList()
                    .forEach(r -> {
                        lots.add(r.lotNumber());
                        lotBins.add(r.lotNumber() + "/" + r.bin());
                    });
        }
        return new UnitMakeup(lots, lotBins, controlBoardLot, psuLot, unit.firmware());
    }

    private List<TracedBoard> boardsOf(String machineSerial) {
        return em.createQuery(
                        "select b from TracedBoard b where b.machineSerial = :machine order by b.chain",
                        TracedBoard.class)
                .setParameter("machine", machineSerial)
                .getResultList();
    }

    private List<DieRun> runsOf(String boardSerial) {
        return em.createNamedQuery(DieRun.OF_BOARD, DieRun.class)
                .setParameter("serial", boardSerial)
                .getResultList();
    }
}
