package org.asicscm.qa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.asicscm.allocation.entity.Bin;
import org.asicscm.events.Events;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.qa.entity.Limits;
import org.asicscm.qa.entity.QaUnit;
import org.asicscm.testing.ControlDatabase;
import org.asicscm.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A burn-in upload is a test of the machine: it grades a pass, keeps the log, and keeps nothing of a bad log. */
class BurnInsTest {
    private final ControlDatabase db = new ControlDatabase();
    private final QaWiring w = new QaWiring(db, new MovableClock(Instant.parse("2026-11-27T02:00:00Z")));

    @BeforeEach
    void build() {
        new GenealogyFixture(db, w).build();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static String log(String chain1Ghs) {
        var log = new StringBuilder();
        for (int minute = 0; minute < 10; minute++) {
            for (int chain = 0; chain < 3; chain++) {
                String ghs = chain == 1 ? chain1Ghs : "37500";
                log.append(String.format(
                        "{\"t\":\"2026-11-27T09:%02d:00Z\",\"chain\":%d,\"hashrateGhs\":%s,\"chipTempC\":70%s}%n",
                        minute, chain, ghs, chain == 0 ? ",\"powerW\":3300" : ""));
            }
        }
        return log.toString();
    }

    @Test
    void aPassingBurnInGradesTheMachineAndKeepsItsLog() throws Exception {
        String text = log("37500");
        var burnIn = db.inTransaction(() -> w.burnIns.upload("M-2", text, "BI-3", "FW-1.4", "qa-op"));

        assertTrue(burnIn.passed());
        assertEquals(new BigDecimal("112.500"), burnIn.hashrateThs());
        assertEquals(
                new BigDecimal("110"), burnIn.gradeThs().stripTrailingZeros().setScale(0));
        assertEquals(new BigDecimal("29.5"), burnIn.gradeJth().stripTrailingZeros());
        QaUnit m2 = db.fresh(() -> w.qa.unit("M-2"));
        assertEquals(QaUnit.Status.PASSED, m2.status());
        assertEquals("FW-1.4", m2.firmware());
        assertEquals(0, new BigDecimal("110").compareTo(m2.gradeThs()));
        var test = db.fresh(() -> w.qa.testsOf("M-2")).get(0);
        assertEquals("BURN_IN", test.bench().program());
        assertEquals("BI-3", test.bench().station());
        var graded = w.publishedOf(Events.MachineGraded.class);
        assertEquals(1, graded.size());
        assertEquals(30, graded.get(0).samples());
        try (var unzip = new GZIPInputStream(new ByteArrayInputStream(
                db.fresh(() -> w.burnIns.burnIn("M-2", burnIn.id())).logGzip()))) {
            assertEquals(text, new String(unzip.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aBurnInBelowTheProductsLimitsFailsAndGivesNoGrade() {
        db.inTransaction(() -> {
            w.allocation.catalogue.registerChipModel(
                    "BM1398", "7nm", null, List.of(new Bin("B1", 1, 600, 1300, new BigDecimal("29.5"))));
            w.allocation.catalogue.registerProduct(
                    "S19P", "Antminer S19 Pro", "BM1398", 4, 3, "B1", List.of(), new BigDecimal("2"));
            w.limits.define(
                    "S19P",
                    new Limits(
                            4,
                            new BigDecimal("30000"),
                            new BigDecimal("100"),
                            new BigDecimal("30"),
                            BigDecimal.ZERO,
                            new BigDecimal("85")),
                    "qa-lead");
        });
        var burnIn = db.inTransaction(() -> w.burnIns.upload("M-2", log("0"), null, null, "qa-op"));

        assertFalse(burnIn.passed());
        assertNull(burnIn.gradeThs());
        var test = db.fresh(() -> w.qa.testsOf("M-2")).get(0);
        assertEquals("LOW_HASHRATE", test.failureCode());
        assertEquals(1, test.failedChain());
        assertEquals(1, test.limitSetVersion());
        assertEquals(QaUnit.Status.FAILED, db.fresh(() -> w.qa.unit("M-2")).status());
        assertFalse(w.publishedOf(Events.MachineGraded.class).get(0).passed());
    }

    @Test
    void aBadLineKeepsNothingAndABoardHasNoBurnIn() {
        String bad = log("37500").replaceFirst("\"chipTempC\":70", "\"chipTempC\":\"hot\"");
        var refused = assertThrows(
                InvalidInputException.class,
                () -> db.inTransaction(() -> w.burnIns.upload("M-2", bad, null, null, "qa-op")));
        assertEquals("line[1].chipTempC", refused.field());
        assertEquals(
                QaUnit.Status.AWAITING_TEST, db.fresh(() -> w.qa.unit("M-2")).status());
        assertTrue(db.fresh(() -> w.burnIns.of("M-2")).isEmpty());
        var board = assertThrows(
                RuleViolationException.class,
                () -> db.inTransaction(() -> w.burnIns.upload("HB-99", log("37500"), null, null, "qa-op")));
        assertEquals("not-a-machine", board.code());
    }
}
