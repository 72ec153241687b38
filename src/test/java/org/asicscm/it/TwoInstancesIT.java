package org.asicscm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The scale-out topology, started by src/main/micro/two-instances.sh: a standalone broker, the
 * machine's PostgreSQL and two instances. Clients post boards and QA tests to both; one instance
 * is killed with SIGKILL mid-run; the other finishes its work. Nothing acknowledged is lost, every
 * event is applied once (dies consumed = dies on boards), and a reservation that lapses while two
 * sweepers run expires once. Two instances need a database both can reach, so this runs with the
 * PostgreSQL profile (CI's second pass), not on the embedded H2.
 */
@EnabledIfSystemProperty(named = "it.db", matches = "postgresql")
class TwoInstancesIT {
    private static final Path DATA = Path.of("target", "two-data").toAbsolutePath();
    private static final String SCHEMA = "scm_two_it";
    private static final int CHIPS_PER_BOARD = 10;

    @Test
    void twoInstancesShareTheWorkAndOneKilledLosesNothing() throws Exception {
        ScriptedServer.deleteRecursively(DATA);
        Files.createDirectories(DATA);
        String pg = "jdbc:postgresql://127.0.0.1:5432/test";
        try (var connection = DriverManager.getConnection(pg, "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        int first = ScriptedServer.freePort();
        int second = ScriptedServer.freePort();
        var script = new ProcessBuilder("bash", "src/main/micro/two-instances.sh")
                .redirectErrorStream(true)
                .redirectOutput(DATA.resolve("script.log").toFile());
        var env = script.environment();
        env.put("SCM_TWO_DIR", DATA.toString());
        env.put("SCM_TWO_PORTS", first + " " + second);
        env.put("SCM_TWO_BROKER_PORT", String.valueOf(ScriptedServer.freePort()));
        env.put("SCM_DB_URL", pg + "?currentSchema=" + SCHEMA);
        env.put("SCM_DB_USER", "postgres");
        env.put("SCM_DB_PASSWORD", "");
        env.remove("SCM_DB_CLASS");
        Process topology = script.start();
        Api one = new Api(new URL("http://127.0.0.1:" + first + "/asic-scm/"));
        Api two = new Api(new URL("http://127.0.0.1:" + second + "/asic-scm/"));
        try {
            ScriptedServer.awaitReady(one, topology, DATA);
            ScriptedServer.awaitReady(two, topology, DATA);

            var fixtures = new Fixtures(one);
            String run = fixtures.run;
            var floor = fixtures.floorReady("TW", CHIPS_PER_BOARD, 3_000, 100_000, 90_000);
            String order = floor.order();
            // a reservation that lapses in 2 s while both instances' sweepers run
            String reserved = fixtures.buildOrder("BO-RES-" + run, fixtures.product(CHIPS_PER_BOARD, "B2"), 10, 5);
            var reservation = two.post(
                    "build-orders/" + reserved + "/allocations",
                    "{\"lotId\":\"" + floor.lot() + "\",\"bin\":\"B1\",\"dies\":100,\"reserveFor\":\"PT2S\"}");
            assertEquals(201, reservation.status(), reservation.toString());

            Set<String> boards = ConcurrentHashMap.newKeySet();
            Set<String> tested = ConcurrentHashMap.newKeySet();
            var stop = new AtomicBoolean();
            var sequence = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                Api api = c % 2 == 0 ? one : two;
                Thread client = new Thread(() -> {
                    List<String> untested = new ArrayList<>();
                    while (!stop.get()) {
                        try {
                            String serial = "HB-TWO-" + run + "-" + sequence.incrementAndGet();
                            if (api.post("hashboards", floor.board(serial)).status() == 201) {
                                boards.add(serial);
                                untested.add(serial);
                            }
                            if (untested.size() > 3) {
                                String board = untested.remove(0);
                                int status = api.post(
                                                "qa/units/" + board + "/tests",
                                                "{\"hashrateThs\":13.5," + "\"powerW\":1323,\"chipsDetected\":["
                                                        + CHIPS_PER_BOARD + "]}")
                                        .status();
                                if (status == 201) {
                                    tested.add(board);
                                } else if (status == 404) {
                                    untested.add(board);
                                }
                            }
                        } catch (IllegalStateException instanceGone) {
                            return; // this client's instance was killed
                        }
                    }
                });
                client.start();
                clients.add(client);
            }
            Thread.sleep(6_000);
            long pid = Long.parseLong(
                    Files.readString(DATA.resolve("instance-2.pid")).strip());
            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL mid-run
            Thread.sleep(4_000);
            stop.set(true);
            for (Thread client : clients) {
                client.join();
            }
            assertTrue(boards.size() >= 50, "load too light: " + boards.size());

            // the survivor applies everything, including what the killed one had taken but not acknowledged
            Api.eventually("every board's dies consumed once", () -> {
                int consumed = one.get("build-orders/" + order + "/allocations")
                        .array()
                        .getJsonObject(0)
                        .getInt("diesConsumed");
                return consumed >= boards.size() * CHIPS_PER_BOARD;
            });
            Thread.sleep(2_000); // anything applied twice would show by now
            String correlation = one.get("build-orders/" + order).json().getString("correlationId");
            long built = one.get("events?correlationId=" + correlation + "&type=BoardAssembled&limit=2000")
                    .array()
                    .size();
            assertTrue(built >= boards.size(), "every acknowledged board has its event");
            assertEquals(
                    built * CHIPS_PER_BOARD,
                    one.get("build-orders/" + order + "/allocations")
                            .array()
                            .getJsonObject(0)
                            .getInt("diesConsumed"),
                    "each BoardAssembled applied exactly once");
            Api.eventually(
                    "QA has every board",
                    () -> boards.stream().allMatch(b -> one.get("qa/units/" + b).status() == 200));
            Api.eventually(
                    "assembly has every verdict",
                    () -> tested.stream()
                            .allMatch(b -> "PASSED"
                                    .equals(one.get("hashboards/" + b).json().getString("status"))));

            String reservedCorrelation =
                    one.get("build-orders/" + reserved).json().getString("correlationId");
            Api.eventually(
                    "the reservation lapsed",
                    () -> one.get("events?correlationId=" + reservedCorrelation + "&type=AllocationExpired")
                                    .array()
                                    .size()
                            >= 1);
            Thread.sleep(6_000); // another sweep on each instance
            assertEquals(
                    1,
                    one.get("events?correlationId=" + reservedCorrelation + "&type=AllocationExpired")
                            .array()
                            .size(),
                    "two sweepers, one expiry");
            assertEquals(0, one.get("dead-letters").array().size(), "no dead letters");
        } finally {
            topology.destroy(); // the script's trap stops the broker and the instances
            topology.waitFor();
            for (String name : List.of("instance-1.pid", "instance-2.pid", "broker.pid")) {
                Path pidFile = DATA.resolve(name);
                if (Files.exists(pidFile)) {
                    ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                            .ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }
}
