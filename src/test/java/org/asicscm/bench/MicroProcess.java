package org.asicscm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A Payara Micro started as a separate process: with the application, or bare. */
final class MicroProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    final double secondsToReady;

    private final Path log;

    private MicroProcess(Process process, int port, Path log, String readyMarker) throws Exception {
        this.process = process;
        this.port = port;
        this.log = log;
        long start = System.nanoTime();
        if (readyMarker == null) {
            awaitBoot();
        } else {
            awaitReady(readyMarker);
        }
        this.secondsToReady = (System.nanoTime() - start) / 1e9;
    }

    /** The application with the README's run script, on a fresh data directory. */
    static MicroProcess application(Path war, Path microJar, Path rar, Path dataDir, int port) throws Exception {
        var builder = new ProcessBuilder("bash", "src/main/micro/start-micro.sh", war.toString());
        Map<String, String> env = builder.environment();
        env.put("MICRO_JAR", microJar.toString());
        env.put("ACTIVEMQ_RAR", rar.toString());
        env.put("SCM_DATA_DIR", dataDir.toString());
        env.put("SCM_HTTP_PORT", String.valueOf(port));
        env.put("SCM_ADMIN_USER", org.asicscm.it.Api.ADMIN);
        env.put("SCM_ADMIN_PASSWORD", org.asicscm.it.Api.ADMIN_PASSWORD);
        List.of("SCM_DB_URL", "SCM_DB_CLASS", "SCM_DB_USER", "SCM_DB_PASSWORD", "SCM_BROKER_URL")
                .forEach(env::remove);
        if (Boolean.getBoolean("bench.jfr")) {
            // a profile of the application during the run, written when the process stops
            env.put(
                    "JAVA_OPTS",
                    "-XX:StartFlightRecording=filename=" + dataDir.resolve("app.jfr") + ",settings=profile");
        }
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("micro.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new MicroProcess(builder.start(), port, log, "\"asic-scm\"");
    }

    /** Payara Micro with nothing deployed, same JVM and options otherwise. */
    static MicroProcess bare(Path microJar, Path dir, int port) throws Exception {
        Files.createDirectories(dir);
        var builder = new ProcessBuilder(
                "java",
                "-Duser.timezone=UTC",
                "-jar",
                microJar.toString(),
                "--nocluster",
                "--port",
                String.valueOf(port));
        Path log = dir.resolve("bare-micro.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        // with nothing deployed there is no /health: ready is Micro's own "ready in" line
        return new MicroProcess(builder.start(), port, log, null);
    }

    private void awaitReady(String marker) throws Exception {
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains(marker)) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not ready within 240 s; see " + log);
    }

    private void awaitBoot() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue());
            }
            if (Files.exists(log) && Files.readString(log).contains(") ready in ")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not ready within 240 s; see " + log);
    }

    /** Resident memory of the JVM, from /proc (the script execs java, so the pid is the JVM's). */
    double residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
