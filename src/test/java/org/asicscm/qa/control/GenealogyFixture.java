package org.asicscm.qa.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.asicscm.events.Events;
import org.asicscm.qa.entity.Measurement;
import org.asicscm.qa.entity.Rework;
import org.asicscm.qa.entity.TestBench;
import org.asicscm.testing.ControlDatabase;

/**
 * A small genealogy counted by hand (boards of 4 chips, machines of 3 boards):
 *
 * <pre>
 * BO-1 (S19P): M-1 = HB-11 [N7-0001/B1 x4], HB-12 [N7-0001/B1 x2, N7-0002/B1 x2], HB-13 [N7-0002/B1 x4]
 *                    control-board lot CBL-1, shipped to Hashing Co (RU)
 *              M-2 = HB-21, HB-22, HB-23 [N7-0002/B1 x4 each], CBL-2, in QA
 * BO-2 (S19P): M-3 = HB-31 [N7-0001/B2 x4], HB-32, HB-33 [N7-0003/B1 x4], CBL-1, passed
 *              HB-99 [N7-0001/B1 x4], never put in a machine, not tested
 * Rework: HB-12 failed (chain 0, chip 0); its chip 0 (N7-0001/B1) was replaced by a die of N7-0003/B1.
 *         HB-22 failed (chip 1); its chip 1 (N7-0002/B1) was replaced by a die of N7-0001/B1.
 * Lines: BO-1 on L1 at factory F1, BO-2 on L2 at F2.
 * </pre>
 */
final class GenealogyFixture {
    static final BigDecimal THS = new BigDecimal("33.0");

    private final ControlDatabase db;
    private final QaWiring w;

    GenealogyFixture(ControlDatabase db, QaWiring w) {
        this.db = db;
        this.w = w;
    }

    void build() {
        order("bo-1", "BO-1");
        order("bo-2", "BO-2");
        board("HB-11", "bo-1", "L1", "F1", run("N7-0001", "B1", 4));
        board("HB-12", "bo-1", "L1", "F1", run("N7-0001", "B1", 2), run("N7-0002", "B1", 2));
        board("HB-13", "bo-1", "L1", "F1", run("N7-0002", "B1", 4));
        board("HB-21", "bo-1", "L1", "F1", run("N7-0002", "B1", 4));
        board("HB-22", "bo-1", "L1", "F1", run("N7-0002", "B1", 4));
        board("HB-23", "bo-1", "L1", "F1", run("N7-0002", "B1", 4));
        board("HB-31", "bo-2", "L2", "F2", run("N7-0001", "B2", 4));
        board("HB-32", "bo-2", "L2", "F2", run("N7-0003", "B1", 4));
        board("HB-33", "bo-2", "L2", "F2", run("N7-0003", "B1", 4));
        board("HB-99", "bo-2", "L2", "F2", run("N7-0001", "B1", 4));
        for (String serial : List.of("HB-11", "HB-13", "HB-21", "HB-23", "HB-31", "HB-32", "HB-33")) {
            pass(serial, 1);
        }
        fail("HB-12", 0);
        rework("HB-12", 0, "N7-0003", "B1");
        pass("HB-12", 1);
        fail("HB-22", 1);
        rework("HB-22", 1, "N7-0001", "B1");
        pass("HB-22", 1);
        machine("M-1", "bo-1", "CBL-1", "HB-11", "HB-12", "HB-13");
        machine("M-2", "bo-1", "CBL-2", "HB-21", "HB-22", "HB-23");
        machine("M-3", "bo-2", "CBL-1", "HB-31", "HB-32", "HB-33");
        pass("M-1", 3);
        pass("M-3", 3);
        db.inTransaction(() -> w.genealogy.shipmentBooked(w.event(
                new Events.ShipmentBooked("sh-1", "cust-1", "Hashing Co", "RU", "AIR", "FCA", List.of("M-1")),
                "c-sh")));
    }

    void order(String id, String number) {
        db.inTransaction(() -> w.intake.orderCreated(w.event(
                new Events.BuildOrderCreated(
                        new Events.OrderHeader(id, number, "S19P", "BM1398", 4, 3, 2, LocalDate.of(2026, 12, 20), 5),
                        null),
                "c-" + id)));
    }

    static Events.DieSource run(String lot, String bin, int dies) {
        return new Events.DieSource("a-" + lot + bin, "id-" + lot, lot, bin, dies);
    }

    void board(String serial, String order, String line, String factory, Events.DieSource... sources) {
        int chips = Arrays.stream(sources).mapToInt(Events.DieSource::dies).sum();
        db.inTransaction(() -> w.intake.boardAssembled(w.event(
                new Events.BoardAssembled(
                        serial,
                        order,
                        "line-" + line,
                        "BM1398",
                        chips,
                        List.of(sources),
                        factory,
                        line,
                        "2026-11-27/S1"),
                "c-" + order)));
    }

    void machine(String serial, String order, String controlBoardLot, String... boards) {
        db.inTransaction(() -> w.intake.machineAssembled(w.event(
                new Events.MachineAssembled(
                        serial, order, List.of(boards), 4, "CB-" + serial, "PSU-" + serial, controlBoardLot, "PSUL-1"),
                "c-" + order)));
    }

    void pass(String serial, int chains) {
        db.inTransaction(() -> w.qa.recordTest(
                serial,
                TestBench.unknown(),
                Measurement.ofChips(
                        THS.multiply(BigDecimal.valueOf(chains)), new BigDecimal("3000"), chips(chains, 4), null),
                QaService.LoggedFailure.none(null)));
    }

    void fail(String serial, int chip) {
        db.inTransaction(() -> w.qa.recordTest(
                serial,
                TestBench.unknown(),
                Measurement.ofChips(THS, new BigDecimal("1000"), List.of(3), null),
                new QaService.LoggedFailure(null, null, chip, null)));
    }

    void rework(String serial, int chip, String lot, String bin) {
        db.inTransaction(() -> w.qa.rework(
                serial,
                "replaced chip " + chip,
                List.of(new Rework.Step(Rework.Action.CHIP_REPLACED, 0, chip, null, null, lot, bin, null)),
                "rework-bench"));
    }

    private static List<Integer> chips(int chains, int each) {
        var list = new ArrayList<Integer>();
        for (int i = 0; i < chains; i++) {
            list.add(each);
        }
        return list;
    }
}
