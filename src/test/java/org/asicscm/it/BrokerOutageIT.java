package org.asicscm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.broker.BrokerService;
import org.junit.jupiter.api.Test;

/**
 * External broker mode with the broker stopped for 20 s under load: the API goes on accepting
 * boards (their events wait in the outbox), readiness says the broker is down, and once the broker
 * is back every event is delivered and applied once. The broker is a standalone ActiveMQ Classic
 * (its own jars, persistent KahaDB) in the test's JVM; the application runs with the README's script.
 */
class BrokerOutageIT {
    private static final Path DATA = Path.of("target", "outage-data").toAbsolutePath();
    private static final int CHIPS_PER_BOARD = 10;

    @Test
    void aBrokerAwayFor20SecondsLosesNothingAndStopsNoWrite() throws Exception {
        ScriptedServer.deleteRecursively(DATA);
        int brokerPort = ScriptedServer.freePort();
        int port = ScriptedServer.freePort();
        BrokerService broker = broker(brokerPort);
        Api api = new Api(new URL("http://127.0.0.1:" + port + "/asic-scm/"));
        Process server =
                ScriptedServer.start(DATA, port, Map.of("SCM_BROKER_URL", "tcp://127.0.0.1:" + brokerPort), "1");
        try {
            ScriptedServer.awaitReady(api, server, DATA);
            var fixtures = new Fixtures(api);
            String run = fixtures.run;
            // dies for 90,000 boards: three clients on PostgreSQL posted more than 9,000 in the outage window
            var floor = fixtures.floorReady("BO", CHIPS_PER_BOARD, 30_000, 900_000, 900_000);
            String order = floor.order();

            Set<String> boards = ConcurrentHashMap.newKeySet();
            var stop = new AtomicBoolean();
            var sequence = new AtomicInteger();
            List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                Thread client = new Thread(() -> {
                    while (!stop.get()) {
                        String serial = "HB-BO-" + run + "-" + sequence.incrementAndGet();
                        var reply = api.post("hashboards", floor.board(serial));
                        if (reply.status() == 201) {
                            boards.add(serial);
                        } else {
                            refused.add(reply.toString());
                        }
                    }
                });
                client.start();
                clients.add(client);
            }
            Thread.sleep(3_000);
            broker.stop();
            broker.waitUntilStopped();
            long away = System.nanoTime();
            int beforeOutage = boards.size();
            Api.eventually("readiness says the broker is down", () -> {
                var health = api.health();
                return health.status() == 503 && health.text().contains("broker");
            });
            while (System.nanoTime() - away < Duration.ofSeconds(20).toNanos()) {
                Thread.sleep(250);
            }
            int duringOutage = boards.size() - beforeOutage;
            assertTrue(duringOutage >= 20, "writes go on while the broker is away: " + duringOutage + " boards");

            broker = broker(brokerPort);
            ScriptedServer.awaitReady(api, server, DATA);
            Thread.sleep(2_000);
            stop.set(true);
            for (Thread client : clients) {
                client.join();
            }

            assertEquals(List.of(), refused.stream().limit(5).toList(), "boards refused during the outage");
            String correlation = api.get("build-orders/" + order).json().getString("correlationId");
            Api.eventually(
                    "every board's BoardAssembled applied by allocation and QA",
                    () -> api.get("build-orders/" + order + "/allocations")
                                    .array()
                                    .getJsonObject(0)
                                    .getInt("diesConsumed")
                            == boards.size() * CHIPS_PER_BOARD);
            Api.eventually(
                    "QA has every board",
                    () -> boards.stream().allMatch(b -> api.get("qa/units/" + b).status() == 200));
            // and nothing twice: the dies consumed stay at the boards' count
            Thread.sleep(2_000);
            assertEquals(
                    boards.size() * CHIPS_PER_BOARD,
                    api.get("build-orders/" + order + "/allocations")
                            .array()
                            .getJsonObject(0)
                            .getInt("diesConsumed"));
            assertTrue(
                    api.get("events?correlationId=" + correlation + "&type=BoardAssembled&limit=2000").array().stream()
                            .allMatch(e -> e.asJsonObject().containsKey("publishedAt")));
            // (other tests' dead letters may share the database on PostgreSQL: look at this order's only)
            assertEquals(
                    0,
                    api.get("dead-letters?status=ALL&limit=1000").array().stream()
                            .filter(d -> correlation.equals(d.asJsonObject().getString("correlationId", "")))
                            .count(),
                    "an outage makes no dead letters");
        } finally {
            server.destroyForcibly().waitFor();
            broker.stop();
        }
    }

    private static BrokerService broker(int port) throws Exception {
        return StandaloneBroker.start("tcp://127.0.0.1:" + port, DATA.resolve("broker"));
    }
}
