package org.asicscm.qa.entity;

import java.time.OffsetDateTime;

/** Where, by whom and how a unit was tested: the station, its operator, the firmware flashed and the test program. */
public record TestBench(
        String station,
        String operator,
        String firmware,
        String program,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt) {

    public static TestBench unknown() {
        return new TestBench(null, null, null, null, null, null);
    }
}
