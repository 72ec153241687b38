package org.asicscm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Kills the server with SIGKILL while lots are being received, starts it again on the same data
 * directory, and checks that every lot acknowledged with 201 is still there and that every
 * event written before the crash reaches the broker after it (the outbox sweeper's job).
 * Starts Payara Micro with the same script as the README's run command.
 */
class CrashRecoveryIT {
    private static final Path DATA = Path.of("target", "crash-data").toAbsolutePath();

    @Test
    void acknowledgedWritesAndTheirEventsSurviveAKill() throws Exception {
        deleteRecursively(DATA);
        int port = freePort();
        Api api = new Api(new URL("http://127.0.0.1:" + port + "/asic-scm/"));
        String run = Deployments.unique();

        Process server = start(port, "first");
        try {
            awaitReady(api, server);
            assertEquals(201, api.post("chip-models", "{\"code\":\"CRASH-" + run + "\",\"processNode\":\"5nm\",\"bins\":[{\"name\":"
                    + "\"B1\",\"rank\":1,\"frequencyMhz\":490,\"voltageMv\":1300,\"efficiencyJth\":17.5}]}").status());

            var acknowledged = new ConcurrentLinkedQueue<String>();
            var stop = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String lotNumber = "CRASH-" + run + "-" + i;
                    try {
                        var reply = api.post("wafer-lots", "{\"lotNumber\":\"" + lotNumber + "\",\"chipModel\":\"CRASH-"
                                + run + "\",\"wafers\":25,\"bins\":[{\"bin\":\"B1\",\"goodDies\":4200}]}");
                        if (reply.status() == 201) {
                            acknowledged.add(lotNumber);
                        }
                    } catch (IllegalStateException connectionLost) {
                        return;
                    }
                }
            });
            writer.start();
            Api.eventually("some lots acknowledged", () -> acknowledged.size() >= 40);
            server.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush
            stop.set(true);
            writer.join(Duration.ofSeconds(70).toMillis());
            assertTrue(acknowledged.size() >= 40);

            server = start(port, "second");
            awaitReady(api, server);

            Set<String> present = new HashSet<>();
            api.get("wafer-lots").array().forEach(l -> present.add(l.asJsonObject().getString("lotNumber")));
            List<String> lost = acknowledged.stream().filter(l -> !present.contains(l)).toList();
            assertEquals(List.of(), lost, "acknowledged with 201 but gone after the crash");

            Api.eventually("every LotReceived written before the crash is published after it", () ->
                    api.get("events?type=LotReceived&limit=2000").array().stream()
                            .map(e -> e.asJsonObject())
                            .filter(e -> e.getJsonObject("data").getString("chipModel").equals("CRASH-" + run))
                            .allMatch(e -> e.containsKey("publishedAt")));
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    private static Process start(int port, String name) throws IOException {
        var command = new ProcessBuilder("bash", "src/main/micro/start-micro.sh", System.getProperty("it.war"))
                .redirectErrorStream(true)
                .redirectOutput(DATA.resolve("micro-" + name + ".log").toFile());
        var env = command.environment();
        env.put("MICRO_JAR", System.getProperty("it.micro.jar"));
        env.put("ACTIVEMQ_RAR", System.getProperty("it.rar"));
        env.put("SCM_DATA_DIR", DATA.toString());
        env.put("SCM_HTTP_PORT", String.valueOf(port));
        env.put("JAVA_OPTS", "-Xmx512m");
        if ("h2".equals(System.getProperty("it.db"))) {
            env.remove("SCM_DB_URL"); // the script's default: a file database under SCM_DATA_DIR
            env.remove("SCM_DB_CLASS");
            env.remove("SCM_DB_USER");
            env.remove("SCM_DB_PASSWORD");
        }
        Files.createDirectories(DATA);
        return command.start();
    }

    private static void awaitReady(Api api, Process server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("Payara Micro exited with " + server.exitValue() + "; see " + DATA);
            }
            try {
                var health = api.health();
                if (health.status() == 200 && health.text().contains("\"asic-scm\"")) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready within 180 s; see " + DATA);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
