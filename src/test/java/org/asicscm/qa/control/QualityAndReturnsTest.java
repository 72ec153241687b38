package org.asicscm.qa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.asicscm.events.Events;
import org.asicscm.events.Events.UnitKind;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;
import org.asicscm.qa.control.QaAnalytics.Dimension;
import org.asicscm.qa.control.QaAnalytics.Filters;
import org.asicscm.qa.entity.FieldReturn;
import org.asicscm.qa.entity.Measurement;
import org.asicscm.qa.entity.QaUnit;
import org.asicscm.qa.entity.QualityHold.Scope;
import org.asicscm.qa.entity.Rework;
import org.asicscm.qa.entity.TestBench;
import org.asicscm.testing.ControlDatabase;
import org.asicscm.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Holds, returns, the rework limit and the analytics on GenealogyFixture's hand-counted data. */
class QualityAndReturnsTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T02:00:00Z"));
    private final ControlDatabase db = new ControlDatabase();
    private final QaWiring w = new QaWiring(db, clock);
    private final GenealogyFixture fixture = new GenealogyFixture(db, w);

    @BeforeEach
    void build() {
        fixture.build();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private QaUnit unit(String serial) {
        return db.fresh(() -> w.qa.unit(serial));
    }

    @Test
    void aHeldLotBlocksAPassOfEveryUnitCarryingItAndTellsShippingItsMachines() {
        fixture.board("HB-41", "bo-2", "L2", "F2", GenealogyFixture.run("N7-0003", "B1", 4));
        var hold = db.inTransaction(
                () -> w.holds.place(Scope.WAFER_LOT, "N7-0003", null, "wafer-sort excursion", "qa-lead"));

        var placed = w.publishedOf(Events.QualityHoldPlaced.class);
        assertEquals(1, placed.size());
        // M-1 carries N7-0003 through HB-12's replaced chip, M-3 through HB-32 and HB-33
        assertEquals(List.of("M-1", "M-3"), placed.get(0).machineSerials());
        assertEquals(4, placed.get(0).boards());

        var refused = assertThrows(RuleViolationException.class, () -> fixture.pass("HB-41", 1));
        assertEquals("quality-hold", refused.code());
        assertEquals(hold.id(), refused.details().get("holdId"));
        assertEquals(QaUnit.Status.AWAITING_TEST, unit("HB-41").status(), "nothing was recorded");
        assertEquals(0, unit("HB-41").attempts());
        // a unit that does not carry the lot still passes
        fixture.pass("HB-99", 1);

        db.inTransaction(() -> w.holds.release(hold.id(), "excursion explained", "qa-lead"));
        assertEquals(1, w.publishedOf(Events.QualityHoldReleased.class).size());
        fixture.pass("HB-41", 1);
        assertEquals(QaUnit.Status.PASSED, unit("HB-41").status());
        assertThrows(
                RuleViolationException.class,
                () -> db.inTransaction(() -> w.holds.release(hold.id(), "again", "qa-lead")));
    }

    @Test
    void aHeldFirmwareBlocksAPassWithItFlashedAndABinHoldNeedsItsBin() {
        db.inTransaction(() -> w.holds.place(Scope.FIRMWARE, "FW-2.1", null, "bricks PSUs", "qa-lead"));
        fixture.board("HB-42", "bo-2", "L2", "F2", GenealogyFixture.run("N7-0009", "B1", 4));
        var flashed = assertThrows(
                RuleViolationException.class,
                () -> db.inTransaction(() -> w.qa.recordTest(
                        "HB-42",
                        new TestBench("ST-1", "op", "FW-2.1", "FT", null, null),
                        Measurement.ofChips(new BigDecimal("33"), new BigDecimal("1000"), List.of(4), null),
                        QaService.LoggedFailure.none(null))));
        assertEquals("quality-hold", flashed.code());
        var noBin = assertThrows(
                InvalidInputException.class,
                () -> db.inTransaction(() -> w.holds.place(Scope.LOT_BIN, "N7-0001", null, "x", "qa-lead")));
        assertEquals("bin", noBin.field());
        var twice = assertThrows(
                RuleViolationException.class,
                () -> db.inTransaction(() -> w.holds.place(Scope.FIRMWARE, "FW-2.1", null, "again", "qa-lead")));
        assertEquals("already-on-hold", twice.code());
    }

    @Test
    void aReturnIsReceivedOnlyForAShippedMachineAndClosesWhenItPassesAgain() {
        var neverShipped = assertThrows(
                RuleViolationException.class,
                () -> db.inTransaction(() -> w.returns.receive("M-3", "FAN_FAILURE", "fan noise", "qa")));
        assertEquals("never-shipped", neverShipped.code());
        assertThrows(
                UnknownEntityException.class,
                () -> db.inTransaction(() -> w.returns.receive("M-404", "FAN_FAILURE", null, "qa")));
        var unknownCode = assertThrows(
                InvalidInputException.class,
                () -> db.inTransaction(() -> w.returns.receive("M-1", "NO_SUCH_CODE", null, "qa")));
        assertEquals("reportedFailure", unknownCode.field());

        var received = db.inTransaction(() -> w.returns.receive("M-1", "FAN_FAILURE", "fan 3 stopped", "qa"));
        assertEquals(QaUnit.Status.AWAITING_TEST, unit("M-1").status());
        assertEquals(
                "RETURNED",
                db.fresh(() -> w.recall.rows(new Recall.Subject(Scope.CONTROL_BOARD_LOT, "CBL-1", null), 0, 5))
                        .get(0)
                        .location()
                        .name());
        var again = assertThrows(
                RuleViolationException.class,
                () -> db.inTransaction(() -> w.returns.receive("M-1", "FAN_FAILURE", null, "qa")));
        assertEquals("return-open", again.code());

        int readyBefore = w.publishedOf(Events.MachineReadyToShip.class).size();
        fixture.pass("M-1", 3);
        assertEquals(
                FieldReturn.Status.REPAIRED,
                db.fresh(() -> w.returns.fieldReturn(received.id())).status());
        assertTrue(db.fresh(() -> w.qa.testsOf("M-1")).get(1).fieldReturn());
        assertEquals(
                readyBefore,
                w.publishedOf(Events.MachineReadyToShip.class).size(),
                "a repaired return goes back to its owner, not to the warehouse");
    }

    @Test
    void pastTheReworkLimitOnlyEngineeringReviewOrScrapIsLeft() {
        fixture.board("HB-50", "bo-2", "L2", "F2", GenealogyFixture.run("N7-0009", "B1", 4));
        for (int loop = 0; loop < 3; loop++) {
            fixture.fail("HB-50", 2);
            db.inTransaction(() -> w.qa.rework("HB-50", "reflow", List.of(reflow()), "bench"));
        }
        fixture.fail("HB-50", 2);
        var refused = assertThrows(
                RuleViolationException.class,
                () -> db.inTransaction(() -> w.qa.rework("HB-50", "once more", List.of(reflow()), "bench")));
        assertEquals("rework-limit-reached", refused.code());
        assertEquals(3, unit("HB-50").reworkLoops());

        db.inTransaction(() -> w.qa.sendToEngineeringReview("HB-50", "fourth failure at chip 2"));
        assertEquals(QaUnit.Status.ENGINEERING_REVIEW, unit("HB-50").status());
        db.inTransaction(() -> w.qa.scrap("HB-50", "engineering: scrap"));
        assertEquals(QaUnit.Status.SCRAPPED, unit("HB-50").status());
    }

    @Test
    void aChipReplacementOffTheBoardIsRefusedNamingTheFieldAndWritesNothing() {
        fixture.board("HB-51", "bo-2", "L2", "F2", GenealogyFixture.run("N7-0009", "B1", 4));
        fixture.fail("HB-51", 0);
        var offBoard = assertThrows(
                InvalidInputException.class,
                () -> db.inTransaction(() -> w.qa.rework(
                        "HB-51",
                        "chip",
                        List.of(new Rework.Step(Rework.Action.CHIP_REPLACED, 0, 4, null, null, "N7-0001", "B1", null)),
                        "bench")));
        assertEquals("steps[0].chipIndex", offBoard.field());
        var noLot = assertThrows(
                InvalidInputException.class,
                () -> db.inTransaction(() -> w.qa.rework(
                        "HB-51",
                        "chip",
                        List.of(new Rework.Step(Rework.Action.CHIP_REPLACED, 0, 1, null, null, null, "B1", null)),
                        "bench")));
        assertEquals("steps[0].newDieLot", noLot.field());
        // a good step before a bad one is undone with it: the board still carries what it did
        var secondBad = assertThrows(
                InvalidInputException.class,
                () -> db.inTransaction(() -> w.qa.rework(
                        "HB-51",
                        "two chips",
                        List.of(
                                new Rework.Step(Rework.Action.CHIP_REPLACED, 0, 1, null, null, "N7-0001", "B1", null),
                                new Rework.Step(Rework.Action.CHIP_REPLACED, 0, 9, null, null, "N7-0001", "B1", null)),
                        "bench")));
        assertEquals("steps[1].chipIndex", secondBad.field());
        assertEquals(
                List.of("0-3 N7-0009/B1"),
                db.fresh(() -> w.genealogy.runsOf("HB-51")).stream()
                        .map(r -> r.firstChip() + "-" + r.lastChip() + " " + r.lotNumber() + "/" + r.bin())
                        .toList());
        assertEquals(QaUnit.Status.FAILED, unit("HB-51").status());
        assertEquals(0, unit("HB-51").reworkLoops());
        assertTrue(db.fresh(() -> w.qa.reworksOf("HB-51")).isEmpty());
    }

    private static Rework.Step reflow() {
        return new Rework.Step(Rework.Action.REFLOW, 0, null, null, null, null, null, null);
    }

    private static final Filters BOARDS = new Filters(UnitKind.BOARD, null, null, null, null);

    @Test
    void yieldIsCountedAsByHand() {
        // 9 boards tested (HB-99 was not); HB-12 and HB-22 failed first, were reworked once and passed
        var all = db.fresh(() -> w.analytics.yieldBy(Dimension.PRODUCT, BOARDS));
        assertEquals(1, all.size());
        var s19 = all.get(0);
        assertEquals("S19P", s19.key());
        assertEquals(9, s19.tested());
        assertEquals(7, s19.firstPassed());
        assertEquals(9, s19.passed());
        assertEquals(2, s19.failures());
        assertEquals(new BigDecimal("1.0000"), s19.yield());
        assertEquals(new BigDecimal("0.7778"), s19.firstPassYield());
        assertEquals(new BigDecimal("222.2222"), s19.failuresPer1000());
        assertEquals(new BigDecimal("0.2222"), s19.meanReworkLoops());

        var byLine = db.fresh(() -> w.analytics.yieldBy(Dimension.LINE, BOARDS));
        assertEquals(
                List.of("L1", "L2"),
                byLine.stream().map(QaAnalytics.YieldRow::key).toList());
        assertEquals(6, byLine.get(0).tested());
        assertEquals(4, byLine.get(0).firstPassed());
        assertEquals(3, byLine.get(1).tested());
        assertEquals(3, byLine.get(1).firstPassed());

        // a unit counts under every lot it carries now: HB-12 and HB-22 under N7-0001 after rework
        var byLot = db.fresh(() -> w.analytics.yieldBy(Dimension.LOT, BOARDS));
        assertEquals(
                List.of("N7-0001", "N7-0002", "N7-0003"),
                byLot.stream().map(QaAnalytics.YieldRow::key).toList());
        assertEquals(4, byLot.get(0).tested());
        assertEquals(2, byLot.get(0).firstPassed());
        assertEquals(5, byLot.get(1).tested());

        var nothing = db.fresh(() -> w.analytics.yieldBy(
                Dimension.PRODUCT, new Filters(UnitKind.BOARD, LocalDate.of(2026, 11, 28), null, null, null)));
        assertTrue(nothing.isEmpty(), "nothing was tested after the 28th");
        var week = db.fresh(() -> w.analytics.yieldBy(Dimension.WEEK, BOARDS));
        assertEquals("2026-W48", week.get(0).key());
    }

    @Test
    void theParetoCountsFactoryAndFieldFailuresMostFirst() {
        db.inTransaction(() -> w.returns.receive("M-1", "FAN_FAILURE", "fan 3 stopped", "qa"));
        var byCode =
                db.fresh(() -> w.analytics.pareto(Dimension.CODE, null, new Filters(null, null, null, null, null)));
        assertEquals(
                List.of("ASIC_MISSING 2 0 0.6667 0.6667", "FAN_FAILURE 0 1 0.3333 1.0000"),
                byCode.stream()
                        .map(r -> r.key() + " " + r.factoryFailures() + " " + r.fieldFailures() + " " + r.share() + " "
                                + r.cumulativeShare())
                        .toList());
        // HB-12's and HB-22's failures and M-1's return, under each lot the unit carries
        var byLot = db.fresh(() -> w.analytics.pareto(Dimension.LOT, null, new Filters(null, null, null, null, null)));
        assertEquals(
                List.of("N7-0001 2 1", "N7-0002 2 1", "N7-0003 1 1"),
                byLot.stream()
                        .map(r -> r.key() + " " + r.factoryFailures() + " " + r.fieldFailures())
                        .toList());
        var onlyFans = db.fresh(
                () -> w.analytics.pareto(Dimension.FACTORY, "FAN_FAILURE", new Filters(null, null, null, null, null)));
        assertEquals(
                List.of("F1 0 1"),
                onlyFans.stream()
                        .map(r -> r.key() + " " + r.factoryFailures() + " " + r.fieldFailures())
                        .toList());
        assertFalse(byLot.isEmpty());
    }
}
