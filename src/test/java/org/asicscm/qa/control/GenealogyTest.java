package org.asicscm.qa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.asicscm.platform.UnknownEntityException;
import org.asicscm.qa.control.Recall.Location;
import org.asicscm.qa.control.Recall.Subject;
import org.asicscm.qa.entity.DieRun;
import org.asicscm.qa.entity.QualityHold.Scope;
import org.asicscm.testing.ControlDatabase;
import org.asicscm.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recall and trace on GenealogyFixture's hand-counted genealogy, asserted exactly. */
class GenealogyTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T02:00:00Z"));
    private final ControlDatabase db = new ControlDatabase();
    private final QaWiring w = new QaWiring(db, clock);

    @BeforeEach
    void build() {
        new GenealogyFixture(db, w).build();
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** serial, machine, chain, dies from the subject, location, customer */
    private List<String> recall(Scope scope, String subject, String bin) {
        return db.fresh(() -> w.recall.rows(new Subject(scope, subject, bin), 0, 50)).stream()
                .map(r -> r.boardSerial() + " " + r.machineSerial() + " " + r.chain() + " " + r.diesFromSubject() + " "
                        + r.location() + " " + r.customerName())
                .toList();
    }

    @Test
    void aWaferLotIsRecalledOnEveryBoardThatCarriesItNowWithWhereEachIs() {
        assertEquals(
                List.of(
                        "HB-11 M-1 0 4 SHIPPED Hashing Co",
                        "HB-12 M-1 1 1 SHIPPED Hashing Co",
                        "HB-22 M-2 1 1 IN_QA null",
                        "HB-31 M-3 0 4 IN_STOCK null",
                        "HB-99 null null 4 IN_QA null"),
                recall(Scope.WAFER_LOT, "N7-0001", null));
        var summary = db.fresh(() -> w.recall.summary(new Subject(Scope.WAFER_LOT, "N7-0001", null)));
        assertEquals(5, summary.rows());
        assertEquals(5, summary.boards());
        assertEquals(3, summary.machines());
        assertEquals(Map.of(Location.SHIPPED, 2L, Location.IN_QA, 2L, Location.IN_STOCK, 1L), summary.byLocation());
    }

    @Test
    void aLotAndBinLeavesOutTheLotsOtherBins() {
        assertEquals(
                List.of(
                        "HB-11 M-1 0 4 SHIPPED Hashing Co",
                        "HB-12 M-1 1 1 SHIPPED Hashing Co",
                        "HB-22 M-2 1 1 IN_QA null",
                        "HB-99 null null 4 IN_QA null"),
                recall(Scope.LOT_BIN, "N7-0001", "B1"));
        assertEquals(List.of("HB-31 M-3 0 4 IN_STOCK null"), recall(Scope.LOT_BIN, "N7-0001", "B2"));
    }

    @Test
    void aReworkedChipBringsItsNewLotAndTakesTheOldOneAway() {
        assertEquals(
                List.of(
                        "HB-12 M-1 1 1 SHIPPED Hashing Co",
                        "HB-32 M-3 1 4 IN_STOCK null",
                        "HB-33 M-3 2 4 IN_STOCK null"),
                recall(Scope.WAFER_LOT, "N7-0003", null));
        // HB-22 lost one N7-0002 die to rework and keeps three
        assertEquals(
                "HB-22 M-2 1 3 IN_QA null",
                recall(Scope.WAFER_LOT, "N7-0002", null).stream()
                        .filter(r -> r.startsWith("HB-22"))
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void aControlBoardLotIsRecalledByMachine() {
        assertEquals(
                List.of("null M-1 null null SHIPPED Hashing Co", "null M-3 null null IN_STOCK null"),
                recall(Scope.CONTROL_BOARD_LOT, "CBL-1", null));
        assertEquals(List.of(), recall(Scope.CONTROL_BOARD_LOT, "CBL-9", null));
    }

    @Test
    void pagesFollowTheSerialOrder() {
        var second = db.fresh(() -> w.recall.rows(new Subject(Scope.WAFER_LOT, "N7-0001", null), 1, 2));
        assertEquals(
                List.of("HB-22", "HB-31"),
                second.stream().map(Recall.Row::boardSerial).toList());
    }

    private static String runs(List<DieRun> runs) {
        return String.join(
                ", ",
                runs.stream()
                        .map(r -> r.firstChip() + "-" + r.lastChip() + " " + r.lotNumber() + "/" + r.bin()
                                + (r.reworkId() == null ? "" : " (rework)"))
                        .toList());
    }

    @Test
    void aMachineIsTracedToItsOwnBoardsAndDiesAndNoSiblingsOfItsOrder() {
        var report = db.fresh(() -> w.trace.trace("M-1"));
        assertEquals("BO-1", report.orderNumber());
        assertEquals("S19P", report.product());
        assertEquals("CBL-1", report.machine().controlBoardLot());
        assertEquals("sh-1", report.machine().shipmentId());
        assertEquals(
                List.of("HB-11", "HB-12", "HB-13"),
                report.boards().stream().map(b -> b.board().serial()).toList());
        assertEquals(
                List.of("0-3 N7-0001/B1", "0-0 N7-0003/B1 (rework), 1-1 N7-0001/B1, 2-3 N7-0002/B1", "0-3 N7-0002/B1"),
                report.boards().stream().map(b -> runs(b.runs())).toList());
        assertEquals(
                List.of("L1", "L1", "L1"),
                report.boards().stream().map(b -> b.board().lineCode()).toList());
        // its boards' tests (HB-12 twice) and its own, never M-2's or M-3's
        assertEquals(
                List.of("HB-11", "HB-12", "HB-12", "HB-13", "M-1").stream()
                        .sorted()
                        .toList(),
                report.tests().stream().map(t -> t.serial()).sorted().toList());
        assertEquals(1, report.reworks().size());
        assertEquals("N7-0001/B1", report.reworks().get(0).removedPart());
    }

    @Test
    void aBoardIsTracedWithTheMachineItWentInto() {
        var report = db.fresh(() -> w.trace.trace("HB-22"));
        assertEquals("M-2", report.machine().serial());
        assertEquals(1, report.boards().size());
        assertEquals(
                "0-0 N7-0002/B1, 1-1 N7-0001/B1 (rework), 2-3 N7-0002/B1",
                runs(report.boards().get(0).runs()));
        assertEquals(1, report.boards().get(0).board().chain());
    }

    @Test
    void anUnknownSerialIsNotFound() {
        assertThrows(UnknownEntityException.class, () -> w.trace.trace("M-404"));
    }
}
