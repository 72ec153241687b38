package org.asicscm.bench;

import java.util.List;
import java.util.Map;

/** One measured pipeline run: boards per second end to end, and each hop's latencies in ms. */
record Pipeline(String name, int boards, double seconds, Map<String, List<Double>> hopLatenciesMs) {

    double boardsPerSecond() {
        return boards / seconds;
    }

    /**
     * The hops between stages: an event's creation to its consumer's commit. Board-level hops
     * happen three times per machine.
     */
    static final List<String> HOPS = List.of(
            "BoardAssembled->qa",
            "BoardAssembled->allocation",
            "UnitTested->assembly",
            "MachineAssembled->qa",
            "MachineReadyToShip->shipping");
}
