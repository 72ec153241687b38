package org.asicscm.qa.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Reading a burn-in log: the sums it makes, and each malformed line refused by number and field. */
class BurnInLogTest {

    static String sample(int second, int chain, String ghs, String temp, String extra) {
        return String.format(
                "{\"t\":\"2026-11-27T08:%02d:%02dZ\",\"chain\":%d,\"hashrateGhs\":%s,\"chipTempC\":%s%s}",
                second / 60, second % 60, chain, ghs, temp, extra);
    }

    private static final String LOG = String.join(
            "\n",
            sample(0, 0, "36000", "70", ",\"powerW\":3200,\"errors\":1"),
            sample(0, 1, "37000", "72", ",\"pcbTempC\":60"),
            sample(0, 2, "38000", "74", ",\"chips\":113"),
            sample(60, 0, "38000", "71", ",\"powerW\":3300"),
            sample(60, 1, "37000", "75.5", ""),
            sample(60, 2, "36000", "73", ",\"errors\":2"));

    @Test
    void aLogAddsUpToTheMeansAndExtremesOfEachChain() {
        var summary = BurnInLog.read(LOG + "\n", 3, 114);
        assertEquals(6, summary.samples());
        assertEquals(OffsetDateTime.parse("2026-11-27T08:00:00Z"), summary.startedAt());
        assertEquals(OffsetDateTime.parse("2026-11-27T08:01:00Z"), summary.endedAt());
        assertEquals(new BigDecimal("111.000"), summary.hashrateThs());
        assertEquals(new BigDecimal("3250.0"), summary.powerW());
        assertEquals(new BigDecimal("29.279"), summary.efficiencyJth());
        assertEquals(new BigDecimal("75.5"), summary.maxChipTempC());
        assertEquals(3, summary.errors());
        assertEquals(113, summary.chainReadings().get(2).chipsDetected(), "the fewest chips seen");
        assertEquals(114, summary.chainReadings().get(0).chipsDetected(), "no count: all found");
        assertEquals(new BigDecimal("60"), summary.chainReadings().get(1).pcbTempC());
    }

    private static String refused(String log) {
        return assertThrows(BurnInLog.BadLine.class, () -> BurnInLog.read(log, 3, 114))
                .field();
    }

    @Test
    void theFirstBadLineRefusesTheWholeLogByNumberAndField() {
        String[] lines = LOG.split("\n");
        assertEquals("line[3]", refused(lines[0] + "\n" + lines[1] + "\nnot json\n" + lines[3]));
        assertEquals("line[2]", refused(lines[0] + "\n[1,2]"));
        assertEquals("line[2].chain", refused(lines[0] + "\n" + sample(0, 3, "1", "70", "")));
        assertEquals("line[2].chipTempC", refused(lines[0] + "\n" + sample(0, 1, "1", "\"hot\"", "")));
        assertEquals("line[2].chipTempC", refused(lines[0] + "\n" + sample(0, 1, "1", "201", "")));
        assertEquals("line[2].voltage", refused(lines[0] + "\n" + sample(0, 1, "1", "70", ",\"voltage\":12")));
        assertEquals("line[2].t", refused(lines[3] + "\n" + lines[0]));
        assertEquals("line[2].hashrateGhs", refused(lines[0] + "\n{\"t\":\"2026-11-27T08:00:00Z\",\"chain\":1}"));
        assertEquals("line[2]", refused(lines[0] + "\n\n" + lines[1]));
        assertEquals("line[1]", refused(""));
        assertEquals("line[2].chain", refused(lines[0] + "\n" + lines[1]), "chain 2 never reported");
        assertEquals("line[3].powerW", refused(lines[1] + "\n" + lines[2] + "\n" + lines[4].replace("1,", "0,")));
        assertEquals("line[2].errors", refused(lines[0] + "\n" + sample(0, 1, "1", "70", ",\"errors\":1.5")));
    }

    @Test
    void aLogHoldsAtMostFiftyThousandSamples() {
        var log = new StringBuilder();
        for (int i = 0; i <= BurnInLog.MAX_SAMPLES; i++) {
            log.append(sample(0, i % 3, "36000", "70", ",\"powerW\":3200")).append('\n');
        }
        assertEquals("line[50001]", refused(log.toString()));
        log.setLength(log.length() - log.toString().split("\n")[0].length() - 1);
        assertEquals(50_000, BurnInLog.read(log.toString(), 3, 114).samples());
    }
}
