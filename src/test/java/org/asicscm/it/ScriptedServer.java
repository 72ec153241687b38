package org.asicscm.it;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The application started the way the README's run command starts it (src/main/micro/start-micro.sh),
 * as a process a test can kill: for the tests of what survives a crash or an outage.
 */
final class ScriptedServer {
    private ScriptedServer() {}

    /**
     * @param extraEnv added to the script's environment (SCM_BROKER_URL and the like)
     * @param logName  the server's output goes to DATA/micro-logName.log
     */
    static Process start(Path data, int port, Map<String, String> extraEnv, String logName) throws IOException {
        Files.createDirectories(data);
        var command = new ProcessBuilder("bash", "src/main/micro/start-micro.sh", System.getProperty("it.war"))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("micro-" + logName + ".log").toFile());
        var env = command.environment();
        env.put("MICRO_JAR", System.getProperty("it.micro.jar"));
        env.put("ACTIVEMQ_RAR", System.getProperty("it.rar"));
        env.put("SCM_DATA_DIR", data.toString());
        env.put("SCM_HTTP_PORT", String.valueOf(port));
        env.put("SCM_ADMIN_USER", Api.ADMIN);
        env.put("SCM_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        if ("h2".equals(System.getProperty("it.db"))) {
            env.remove("SCM_DB_URL"); // the script's default: a file database under SCM_DATA_DIR
            env.remove("SCM_DB_CLASS");
            env.remove("SCM_DB_USER");
            env.remove("SCM_DB_PASSWORD");
        }
        env.putAll(extraEnv);
        return command.start();
    }

    /**
     * Every socket the server's process listens on is on loopback: the HTTP listener, the broker's
     * connectors, and no data grid (start-micro.sh switches Hazelcast off; --nocluster alone left
     * it on *:6900).
     */
    static List<String> listening(Process server) throws IOException, InterruptedException {
        var ss = new ProcessBuilder("ss", "-ltnupH").redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        ss.waitFor();
        return out.lines()
                .filter(line -> line.contains("pid=" + server.pid() + ","))
                .map(line -> line.trim().split("\\s+")[4])
                .toList();
    }

    static void awaitReady(Api api, Process server, Path data) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("Payara Micro exited with " + server.exitValue() + "; see " + data);
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
        throw new AssertionError("not ready within 180 s; see " + data);
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
