package org.asicscm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's limit program runs on a tiny N: its SQL still fits the schema the migrations
 * build, and every hop it measures is seen. Figures are not asserted: that is the benchmark's job.
 */
class RawPipelineSmokeTest {

    @Test
    void theLimitProgramPushesMachinesThroughEveryHop() throws Exception {
        var dir = Files.createTempDirectory("raw-pipeline");
        try (var raw = new RawPipeline(dir, 2)) {
            Pipeline run = raw.run("smoke", 2);
            assertEquals(6, run.boards());
            assertTrue(run.seconds() > 0);
            for (String hop : Pipeline.HOPS) {
                List<Double> latencies = run.hopLatenciesMs().get(hop);
                assertTrue(latencies != null && !latencies.isEmpty(), "no measurement for " + hop);
            }
            assertEquals(6, run.hopLatenciesMs().get("BoardAssembled->qa").size());
            assertEquals(
                    2, run.hopLatenciesMs().get("MachineReadyToShip->shipping").size());
        }
    }

    @Test
    void percentilesUseTheNearestRank() {
        var values = List.of(5.0, 1.0, 4.0, 2.0, 3.0);
        assertEquals(3.0, Stats.percentile(values, 50));
        assertEquals(5.0, Stats.percentile(values, 99));
        assertEquals(1.0, Stats.percentile(values, 1));
        assertEquals(3.0, Stats.median(values));
        assertEquals(2.5, Stats.median(List.of(1.0, 2.0, 3.0, 4.0)));
        assertEquals(4.0, Stats.spread(values));
    }
}
