package org.asicscm.bench;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.asicscm.it.Api;

/**
 * The event path under load: clients post hashboards for one build order as fast as the API
 * takes them; each board's BoardAssembled is applied by two consumers (allocation and QA). Counts,
 * inside a measuring window after a warm-up, the boards accepted and the consumer applications
 * committed, the backlog left at the window's end and how long it takes to drain; then, at half
 * the accepted rate, each hop's latency from the event's creation to the consumer's commit.
 */
final class EventIngest {
    static final List<String> CONSUMERS = List.of("allocation", "qa");

    record Result(
            double acceptedPerSecond,
            double applicationsPerSecond,
            int backlogAtEnd,
            double backlogSeconds,
            double drainSeconds,
            List<Double> latenciesMs) {}

    private final Api api;
    private final RestPipeline floor;
    private final int clients;
    private final int tray;

    /** tray: boards per request; 1 posts each board alone (hashboards), more posts trays (hashboard-trays). */
    EventIngest(int port, int clients, int tray) throws Exception {
        this.tray = tray;
        this.api = new Api(new URL("http://127.0.0.1:" + port + "/asic-scm/"));
        this.floor = new RestPipeline(port, clients);
        this.clients = clients;
    }

    Result run(String name, int warmupSeconds, int windowSeconds) throws Exception {
        // short: it ends up in chip model and product codes (at most 32 characters)
        String tag = name + "-" + System.nanoTime() % 1_000_000_000L;
        String correlation = "ingest-" + tag;
        // one order by default (every board waits for the same kit); bench.ingestOrders spreads the
        // clients over several, which tells the kit's lock from the rest of a board's cost
        List<String[]> orders = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("bench.ingestOrders", 1); i++) {
            String order =
                    floor.setUp(tag + "-" + i, correlation, 30_000); // 9.7 million dies: under a lot's 10 million
            orders.add(new String[] {
                order,
                api.get("build-schedules?buildOrderId=" + order)
                        .array()
                        .getJsonObject(0)
                        .getString("lineId")
            });
        }

        var accepted = new AtomicInteger();
        var measuring = new AtomicBoolean();
        Instant start = Instant.now().plusSeconds(warmupSeconds);
        Instant end = start.plusSeconds(windowSeconds);
        post(tag + "-max", orders, end, 0, () -> {
            if (measuring.get() || !Instant.now().isBefore(start)) {
                measuring.set(true);
                accepted.addAndGet(tray);
            }
        });
        double acceptedPerSecond = accepted.get() / (double) windowSeconds;

        var events = drained(correlation, Duration.ofSeconds(180));
        int inWindow = 0;
        int backlog = 0;
        Instant lastApplied = end;
        for (JsonObject event : events) {
            if (!"BoardAssembled".equals(event.getString("type"))) {
                continue;
            }
            Instant occurred =
                    OffsetDateTime.parse(event.getString("occurredAt")).toInstant();
            for (String consumer : CONSUMERS) {
                Instant applied = OffsetDateTime.parse(
                                Api.str(event.getJsonObject("consumedAt").get(consumer)))
                        .toInstant();
                if (!applied.isBefore(start) && applied.isBefore(end)) {
                    inWindow++;
                }
                if (occurred.isBefore(end) && !applied.isBefore(end)) {
                    backlog++;
                }
                if (applied.isAfter(lastApplied)) {
                    lastApplied = applied;
                }
            }
        }
        double applicationsPerSecond = inWindow / (double) windowSeconds;

        // latency at half the rate the API sustained: paced clients for a third of the window
        String paced = tag + "-half";
        Instant pacedEnd = Instant.now().plusSeconds(Math.max(10, windowSeconds / 3));
        long intervalNanos = (long) (1e9 * clients * tray / Math.max(1, acceptedPerSecond / 2));
        Instant pacedStart = Instant.now();
        post(paced, orders, pacedEnd, intervalNanos, () -> {});
        List<Double> latencies = new ArrayList<>();
        for (JsonObject event : drained(correlation, Duration.ofSeconds(180))) {
            Instant occurred =
                    OffsetDateTime.parse(event.getString("occurredAt")).toInstant();
            if ("BoardAssembled".equals(event.getString("type")) && occurred.isAfter(pacedStart)) {
                for (String consumer : CONSUMERS) {
                    Instant applied = OffsetDateTime.parse(
                                    Api.str(event.getJsonObject("consumedAt").get(consumer)))
                            .toInstant();
                    latencies.add(Duration.between(occurred, applied).toNanos() / 1e6);
                }
            }
        }
        return new Result(
                acceptedPerSecond,
                applicationsPerSecond,
                backlog,
                backlog / Math.max(1, applicationsPerSecond),
                Math.max(0, Duration.between(end, lastApplied).toNanos() / 1e9),
                latencies);
    }

    /** Clients posting boards until {@code until}, each at most one per {@code intervalNanos} (0: flat out). */
    private void post(String prefix, List<String[]> orders, Instant until, long intervalNanos, Runnable onAccepted)
            throws Exception {
        var serial = new AtomicInteger();
        Clients.run(clients, clients, items -> {
            int client = items.take();
            if (client < 0) {
                return;
            }
            String[] order = orders.get(client % orders.size());
            long next = System.nanoTime();
            while (Instant.now().isBefore(until)) {
                if (tray == 1) {
                    String board = "HB-" + prefix + "-" + serial.incrementAndGet();
                    RestPipeline.expect(
                            201,
                            api.post(
                                    "hashboards",
                                    "{\"serial\":\"" + board + "\",\"buildOrderId\":\"" + order[0] + "\",\"lineId\":\""
                                            + order[1] + "\"}"));
                } else {
                    var serials = new StringBuilder();
                    for (int i = 0; i < tray; i++) {
                        serials.append(i == 0 ? "\"" : ",\"")
                                .append("HB-")
                                .append(prefix)
                                .append('-')
                                .append(serial.incrementAndGet())
                                .append('"');
                    }
                    var reply = api.post(
                            "hashboard-trays",
                            "{\"buildOrderId\":\"" + order[0] + "\",\"lineId\":\"" + order[1] + "\",\"serials\":["
                                    + serials + "]}");
                    if (reply.status() != 201) {
                        throw new IllegalStateException("expected 201, got " + reply);
                    }
                }
                onAccepted.run();
                if (intervalNanos > 0) {
                    next += intervalNanos;
                    LockSupport.parkNanos(next - System.nanoTime());
                }
            }
        });
    }

    /**
     * Waits until every event of the correlation is applied by each of its consumers, and
     * returns them; fails if an accepted board's event never is (lost).
     */
    private java.util.Collection<JsonObject> drained(String correlation, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            var events = api.events(correlation);
            long open = events.stream()
                    .filter(e -> "BoardAssembled".equals(e.getString("type")))
                    .filter(e -> !e.getJsonObject("consumedAt").keySet().containsAll(CONSUMERS))
                    .count();
            if (open == 0) {
                return events;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(open + " BoardAssembled events not applied by both consumers after "
                        + patience.toSeconds() + " s: lost");
            }
            Thread.sleep(500);
        }
    }
}
