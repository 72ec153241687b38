package org.asicscm.bench;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Runs every measurement {@code bench.runs} times and prints medians and spreads:
 * start-up and memory of a bare Payara Micro and of the application, pipeline throughput and
 * per-hop latency through the application, and the same pipeline without an application server.
 * Then, on the same running application, the planner's operations: allocation by policy with
 * competing clients, and a whole-plan scheduler run over 1,000 orders on 20 lines for 90 days.
 * Before the pipeline, the event path alone: boards posted flat out for a window, consumer
 * applications per second, backlog and drain, and hop latency at half that rate (EventIngest), once
 * with one board per request and once with boards in trays (-Dbench.ingestTray, -Dbench.trayIngestSeconds).
 * Settings: -Dbench.boards (per run, a multiple of 3), -Dbench.clients, -Dbench.runs, -Dbench.warmup,
 * -Dbench.allocations (per run), -Dbench.ingestSeconds and -Dbench.ingestWarmup (the window and its
 * warm-up), -Dbench.planningOnly=true to skip everything but planning, -Dbench.ingestOnly=true to
 * measure only start-up, memory and the event path.
 */
public final class Benchmark {
    private static final Path OUT = Path.of("target", "bench").toAbsolutePath();

    public static void main(String[] args) throws Exception {
        int boards = Integer.getInteger("bench.boards", 300);
        int clients = Integer.getInteger("bench.clients", 8);
        int runs = Integer.getInteger("bench.runs", 3);
        int warmup = Integer.getInteger("bench.warmup", 300);
        int allocationCount = Integer.getInteger("bench.allocations", 1000);
        boolean planningOnly = Boolean.getBoolean("bench.planningOnly");
        boolean ingestOnly = Boolean.getBoolean("bench.ingestOnly");

        int ingestSeconds = Integer.getInteger("bench.ingestSeconds", 60);
        int ingestWarmup = Integer.getInteger("bench.ingestWarmup", 10);
        int tray = Integer.getInteger("bench.ingestTray", 20);
        int traySeconds = Integer.getInteger("bench.trayIngestSeconds", 30);
        Path war = Path.of(System.getProperty("bench.war"));
        Path microJar = Path.of(System.getProperty("bench.micro.jar"));
        Path rar = Path.of(System.getProperty("bench.rar"));
        deleteRecursively(OUT);
        Files.createDirectories(OUT);
        if (Boolean.getBoolean("bench.logisticsOnly")) {
            new LogisticsBench(war, microJar, rar, OUT.resolve("logistics")).run();
            return;
        }
        if (Boolean.getBoolean("bench.materialsOnly")) {
            new MaterialsBench(war, microJar, rar, OUT, runs, clients).run();
            return;
        }
        if (Boolean.getBoolean("bench.qaOnly")) {
            new GenealogyBench(war, microJar, rar, OUT.resolve("qa")).run();
            return;
        }
        if (Boolean.getBoolean("bench.authOnly")) {
            authCost(war, microJar, rar, clients, runs);
            return;
        }
        say(
                "%d boards per run (%d machines), %d clients, %d runs, %d warm-up boards; %d cores, %s %s",
                boards,
                boards / 3,
                clients,
                runs,
                warmup,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"));

        List<Double> bareReady = new ArrayList<>();
        List<Double> bareRss = new ArrayList<>();
        List<Double> appReady = new ArrayList<>();
        List<Double> appRss = new ArrayList<>();
        List<Pipeline> app = new ArrayList<>();
        List<Pipeline> raw = new ArrayList<>();
        var planning = new Planning();
        var ingest = new Ingest();
        var trays = new Ingest();
        for (int run = 1; run <= runs; run++) {
            if (!planningOnly) {
                try (var bare = MicroProcess.bare(microJar, OUT.resolve("bare-" + run), freePort())) {
                    bareReady.add(bare.secondsToReady);
                    bareRss.add(bare.residentMegabytes());
                    say(
                            "bare Payara Micro run %d: ready in %.1f s, %.0f MB resident",
                            run, bare.secondsToReady, bare.residentMegabytes());
                }
            }
            try (var micro = MicroProcess.application(war, microJar, rar, OUT.resolve("app-" + run), freePort())) {
                appReady.add(micro.secondsToReady);
                if (!planningOnly) {
                    var measured =
                            new EventIngest(micro.port(), clients, 1).run("ingest" + run, ingestWarmup, ingestSeconds);
                    ingest.add(measured, micro.residentMegabytes());
                    sayIngest("event ingest run " + run, measured, micro.residentMegabytes());
                    if (tray > 1) {
                        var inTrays = new EventIngest(micro.port(), clients, tray)
                                .run("trays" + run, ingestWarmup, traySeconds);
                        trays.add(inTrays, micro.residentMegabytes());
                        sayIngest(
                                "event ingest in trays of " + tray + " run " + run, inTrays, micro.residentMegabytes());
                    }
                }
                if (!planningOnly && !ingestOnly) {
                    var pipeline = new RestPipeline(micro.port(), clients);
                    pipeline.run("warmup" + run, warmup / 3);
                    Pipeline measured = pipeline.run("app" + run, boards / 3);
                    app.add(measured);
                    appRss.add(micro.residentMegabytes());
                    say(
                            "application run %d: ready in %.1f s; %.1f boards/s; %.0f MB resident after the run",
                            run, micro.secondsToReady, measured.boardsPerSecond(), micro.residentMegabytes());
                }
                if (!ingestOnly) {
                    planning.measure(new PlanningBench(micro.port(), clients), run, allocationCount);
                }
            }
            if (planningOnly || ingestOnly) {
                continue;
            }
            try (var limit = new RawPipeline(OUT.resolve("raw-" + run), clients)) {
                limit.run("warmup" + run, warmup / 3);
                Pipeline measured = limit.run("raw" + run, boards / 3);
                raw.add(measured);
                say("raw limit run %d: %.1f boards/s", run, measured.boardsPerSecond());
            }
        }
        if (!ingestOnly) {
            planning.algorithm.addAll(PlanningBench.algorithmMillis(8).subList(3, 8));
        }
        report(boards, clients, runs, bareReady, bareRss, appReady, appRss, app, raw, planning, ingest, trays, tray);
    }

    private static void sayIngest(String what, EventIngest.Result measured, double residentMegabytes) {
        say(
                "%s: %.0f boards/s accepted, %.0f consumer applications/s, backlog %d at the window's end (%.2f s of"
                        + " work), drained %.1f s later; hop p50 %.1f ms p99 %.1f ms at half rate; %.0f MB resident",
                what,
                measured.acceptedPerSecond(),
                measured.applicationsPerSecond(),
                measured.backlogAtEnd(),
                measured.backlogSeconds(),
                measured.drainSeconds(),
                Stats.percentile(measured.latenciesMs(), 50),
                Stats.percentile(measured.latenciesMs(), 99),
                residentMegabytes);
    }

    /** The event path's figures, one value per run. */
    private static final class Ingest {
        final List<Double> accepted = new ArrayList<>();
        final List<Double> applications = new ArrayList<>();
        final List<Double> backlog = new ArrayList<>();
        final List<Double> backlogSeconds = new ArrayList<>();
        final List<Double> drain = new ArrayList<>();
        final List<Double> p50 = new ArrayList<>();
        final List<Double> p99 = new ArrayList<>();
        final List<Double> rss = new ArrayList<>();

        void add(EventIngest.Result result, double residentMegabytes) {
            accepted.add(result.acceptedPerSecond());
            applications.add(result.applicationsPerSecond());
            backlog.add((double) result.backlogAtEnd());
            backlogSeconds.add(result.backlogSeconds());
            drain.add(result.drainSeconds());
            p50.add(Stats.percentile(result.latenciesMs(), 50));
            p99.add(Stats.percentile(result.latenciesMs(), 99));
            rss.add(residentMegabytes);
        }
    }

    /** The planner's figures, one value per run. */
    private static final class Planning {
        final List<Double> allocationsPerSecond = new ArrayList<>();
        final List<Double> allocationP50 = new ArrayList<>();
        final List<Double> allocationP99 = new ArrayList<>();
        final List<Double> scheduleWall = new ArrayList<>();
        final List<Double> scheduleServer = new ArrayList<>();
        final List<Double> lateOrders = new ArrayList<>();
        final List<Double> algorithm = new ArrayList<>();

        void measure(PlanningBench bench, int run, int allocations) throws Exception {
            // first, while its 1,000 orders are the only ones with boards to build
            var schedule = bench.scheduleRuns("sched" + run + "-" + System.nanoTime(), 2)
                    .get(1);
            scheduleWall.add(schedule.wallSeconds());
            scheduleServer.add(schedule.serverMillis());
            lateOrders.add((double) schedule.lateOrders());
            say(
                    "scheduler run %d: %d orders placed on 20 lines over 90 days in %.2f s (%.0f ms in the service), %d late",
                    run,
                    schedule.placedOrders(),
                    schedule.wallSeconds(),
                    schedule.serverMillis(),
                    schedule.lateOrders());
            bench.allocations("alloc-warmup" + run + "-" + System.nanoTime(), allocations / 5);
            var measured = bench.allocations("alloc" + run + "-" + System.nanoTime(), allocations);
            allocationsPerSecond.add(measured.perSecond());
            allocationP50.add(Stats.percentile(measured.latenciesMs(), 50));
            allocationP99.add(Stats.percentile(measured.latenciesMs(), 99));
            say(
                    "allocation run %d: %d allocations by best fit in %.1f s, %.0f/s, p50 %.1f ms, p99 %.1f ms",
                    run,
                    measured.count(),
                    measured.seconds(),
                    measured.perSecond(),
                    allocationP50.get(allocationP50.size() - 1),
                    allocationP99.get(allocationP99.size() - 1));
        }
    }

    /**
     * -Dbench.authOnly=true: what signing in costs a read (docs/benchmarks.md, "Sign-in"): requests
     * per second with HTTP Basic on every request against the same with a session cookie.
     */
    private static void authCost(Path war, Path microJar, Path rar, int clients, int runs) throws Exception {
        int requests = Integer.getInteger("bench.authRequests", 500);
        for (int run = 1; run <= runs; run++) {
            try (var micro = MicroProcess.application(war, microJar, rar, OUT.resolve("auth-" + run), freePort())) {
                var result = new AuthCost(micro.port(), clients).measure(requests, 3);
                say(
                        "sign-in run %d (ready in %.1f s): %.0f reads/s with Basic, %.0f with a session (Basic at %.1f %%"
                                + " of session); a user's first request %.0f ms (PBKDF2), the next %.1f ms",
                        run,
                        micro.secondsToReady,
                        result.basicPerSecond(),
                        result.sessionPerSecond(),
                        100 * result.basicPerSecond() / result.sessionPerSecond(),
                        result.firstCheckMillis(),
                        result.cachedMillis());
            }
        }
    }

    private static void report(
            int boards,
            int clients,
            int runs,
            List<Double> bareReady,
            List<Double> bareRss,
            List<Double> appReady,
            List<Double> appRss,
            List<Pipeline> app,
            List<Pipeline> raw,
            Planning planning,
            Ingest ingest,
            Ingest trays,
            int tray)
            throws IOException {
        List<Double> appRate = app.stream().map(Pipeline::boardsPerSecond).toList();
        List<Double> rawRate = raw.stream().map(Pipeline::boardsPerSecond).toList();
        List<Double> ratio = new ArrayList<>();
        for (int i = 0; i < app.size(); i++) {
            ratio.add(appRate.get(i) / rawRate.get(i));
        }
        var rows = new ArrayList<String[]>();
        var json = Json.createObjectBuilder()
                .add("date", OffsetDateTime.now(ZoneOffset.UTC).toString())
                .add("host", InetAddress.getLocalHost().getHostName())
                .add("cores", Runtime.getRuntime().availableProcessors())
                .add("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"))
                .add("payaraMicro", System.getProperty("bench.payara.version", "?"))
                .add("activemq", System.getProperty("bench.activemq.version", "?"))
                .add("h2", org.h2.engine.Constants.VERSION)
                .add("boardsPerRun", boards)
                .add("clients", clients)
                .add("runs", runs);
        var figures = Json.createObjectBuilder();
        row(rows, figures, "bare Payara Micro: launch to ready (s)", bareReady);
        row(rows, figures, "bare Payara Micro: resident memory (MB)", bareRss);
        row(rows, figures, "application: launch to ready (s)", appReady);
        row(rows, figures, "application: resident memory after the run (MB)", appRss);
        row(rows, figures, "event ingest: boards accepted/s, " + clients + " clients", ingest.accepted);
        row(rows, figures, "event ingest: consumer applications committed/s", ingest.applications);
        row(rows, figures, "event ingest: backlog at the window's end (applications)", ingest.backlog);
        row(rows, figures, "event ingest: backlog at the window's end (s of work)", ingest.backlogSeconds);
        row(rows, figures, "event ingest: drained after the window (s)", ingest.drain);
        row(rows, figures, "event ingest: BoardAssembled hop p50 at half rate (ms)", ingest.p50);
        row(rows, figures, "event ingest: BoardAssembled hop p99 at half rate (ms)", ingest.p99);
        row(rows, figures, "application: resident memory after the ingest run (MB)", ingest.rss);
        String inTrays = "event ingest in trays of " + tray + ": ";
        row(rows, figures, inTrays + "boards accepted/s", trays.accepted);
        row(rows, figures, inTrays + "consumer applications committed/s", trays.applications);
        row(rows, figures, inTrays + "backlog at the window's end (s of work)", trays.backlogSeconds);
        row(rows, figures, inTrays + "drained after the window (s)", trays.drain);
        row(rows, figures, inTrays + "BoardAssembled hop p50 at half rate (ms)", trays.p50);
        row(rows, figures, inTrays + "BoardAssembled hop p99 at half rate (ms)", trays.p99);
        row(rows, figures, "application: resident memory after the ingest in trays (MB)", trays.rss);
        row(rows, figures, "application: boards/s end to end", appRate);
        row(rows, figures, "raw limit: boards/s end to end", rawRate);
        row(rows, figures, "ratio application / raw limit", ratio);
        for (String hop : Pipeline.HOPS) {
            row(rows, figures, "application hop " + hop + " p50 (ms)", perRun(app, hop, 50));
            row(rows, figures, "application hop " + hop + " p99 (ms)", perRun(app, hop, 99));
            row(rows, figures, "raw hop " + hop + " p50 (ms)", perRun(raw, hop, 50));
            row(rows, figures, "raw hop " + hop + " p99 (ms)", perRun(raw, hop, 99));
        }
        row(
                rows,
                figures,
                "allocation by best fit: allocations/s, " + clients + " clients",
                planning.allocationsPerSecond);
        row(rows, figures, "allocation by best fit: p50 (ms)", planning.allocationP50);
        row(rows, figures, "allocation by best fit: p99 (ms)", planning.allocationP99);
        // the second run of the same orders: since issue 14 an order whose shifts do not change is not
        // rewritten, so this is a re-plan with nothing changed (MaterialsBench also times a first plan)
        row(
                rows,
                figures,
                "scheduler run, 1000 orders / 20 lines / 90 days, nothing changed: wall (s)",
                planning.scheduleWall);
        row(rows, figures, "scheduler run: time in the service (ms)", planning.scheduleServer);
        row(rows, figures, "scheduler run: late orders", planning.lateOrders);
        row(rows, figures, "scheduling algorithm alone, same shape (ms)", planning.algorithm);
        json.add("figures", figures);

        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(40);
        var table = new StringBuilder(
                String.format("%n%-" + width + "s | %10s | %10s | %s%n", "measure", "median", "spread", "runs"));
        rows.forEach(r -> table.append(String.format("%-" + width + "s | %10s | %10s | %s%n", r[0], r[1], r[2], r[3])));
        System.out.println(table);
        Files.writeString(OUT.resolve("results.json"), json.build().toString());
        var csv = new StringBuilder("measure,median,spread,runs\n");
        rows.forEach(r -> csv.append('"')
                .append(r[0])
                .append("\",")
                .append(r[1])
                .append(',')
                .append(r[2])
                .append(",\"")
                .append(r[3])
                .append("\"\n"));
        Files.writeString(OUT.resolve("results.csv"), csv.toString());
        say("written %s and results.csv", OUT.resolve("results.json"));
    }

    private static List<Double> perRun(List<Pipeline> runs, String hop, double percentile) {
        return runs.stream()
                .map(p -> Stats.percentile(p.hopLatenciesMs().getOrDefault(hop, List.of()), percentile))
                .toList();
    }

    private static void row(List<String[]> rows, JsonObjectBuilder figures, String name, List<Double> values) {
        if (values.isEmpty()) {
            return; // not measured in this run (bench.planningOnly)
        }
        String runs = values.stream()
                .map(Benchmark::fmt)
                .reduce((a, b) -> a + " " + b)
                .orElse("");
        rows.add(new String[] {name, fmt(Stats.median(values)), fmt(Stats.spread(values)), runs});
        var entry =
                Json.createObjectBuilder().add("median", Stats.median(values)).add("spread", Stats.spread(values));
        var each = Json.createArrayBuilder();
        values.forEach(each::add);
        figures.add(name, entry.add("runs", each));
    }

    private static String fmt(double value) {
        return Double.isNaN(value)
                ? "-"
                : String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }

    static void say(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Benchmark() {}
}
