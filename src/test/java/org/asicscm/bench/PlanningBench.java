package org.asicscm.bench;

import static org.asicscm.bench.RestPipeline.expect;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.asicscm.assembly.control.CapacityPlan;
import org.asicscm.events.EventType;
import org.asicscm.it.Api;
import org.asicscm.it.Fixtures;

/**
 * The planner's two heavy operations against a running server: allocating dies by policy while
 * several planners compete for the same stock, and a whole-plan scheduler run over 1,000 build
 * orders on 20 lines for 90 days. Also times the scheduling algorithm alone, in this JVM.
 */
final class PlanningBench {
    static final int SCHEDULE_ORDERS = 1000;
    static final int SCHEDULE_LINES = 20;
    static final int HORIZON_DAYS = 90;

    private final Api api;
    private final int clients;

    PlanningBench(int port, int clients) throws Exception {
        this.api = new Api(new URL("http://127.0.0.1:" + port + "/asic-scm/"));
        this.clients = clients;
    }

    record Allocations(int count, double seconds, List<Double> latenciesMs) {
        double perSecond() {
            return count / seconds;
        }
    }

    /**
     * Clients allocate 342 dies (one S19-class machine) at a time by best fit to 400 orders of one
     * chip model, drawing on the same 20 lots: every request locks the same bins.
     */
    Allocations allocations(String tag, int count) throws Exception {
        var fx = new Fixtures(api);
        String chip = fx.chipModel;
        String product = fx.product(114, "B3");
        for (int i = 0; i < 20; i++) {
            expect(
                    201,
                    api.post(
                            "wafer-lots",
                            "{\"lotNumber\":\"AL-" + tag + "-" + i + "\",\"chipModel\":\"" + chip
                                    + "\",\"wafers\":25,\"bins\":[{\"bin\":\"B1\",\"goodDies\":20000},{\"bin\":\"B2\",\"goodDies\":40000},"
                                    + "{\"bin\":\"B3\",\"goodDies\":60000}]}"));
        }
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            orders.add(fx.buildOrder(
                    "AO-" + tag + "-" + i,
                    product,
                    200,
                    1 + i % 9,
                    Fixtures.today().plusDays(60)));
        }
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        double seconds = Clients.run(clients, count, items -> {
            for (int i = items.take(); i >= 0; i = items.take()) {
                long start = System.nanoTime();
                expect(
                        200,
                        api.post(
                                "build-orders/" + orders.get(i % orders.size()) + "/allocate",
                                "{\"policy\":\"BEST_FIT\",\"dies\":342}"));
                latencies.add((System.nanoTime() - start) / 1e6);
            }
        });
        return new Allocations(count, seconds, latencies);
    }

    record ScheduleRun(double wallSeconds, double serverMillis, int placedOrders, int lateOrders) {}

    /**
     * 1,000 orders of 5 to 60 machines, due in 10 to 90 days, their dies allocated, on 20 lines in
     * four factories (60 boards a shift, two shifts), one factory closed for a week and one line
     * down for three days; then the whole plan is run, {@code repeats} times.
     */
    List<ScheduleRun> scheduleRuns(String tag, int repeats) throws Exception {
        var setUp = prepare(tag, (product, factories) -> {});
        List<ScheduleRun> runs = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            runs.add(scheduleRun(setUp));
        }
        return runs;
    }

    /** The orders, lines and lots of a schedule benchmark, and when their set-up began. */
    record SetUp(OffsetDateTime started, String product, List<String> factories, List<String> orders) {}

    /** Before the orders are opened: what else the plan is to take into account (a BOM, parts). */
    interface BeforeOrders {
        void prepare(String product, List<String> factories) throws Exception;
    }

    /** One whole-plan run, once the server is quiet. */
    ScheduleRun scheduleRun(SetUp setUp) {
        // each run starts on a quiet server, not beside the relay still sending the last run's events
        awaitQuiet(setUp.started());
        long start = System.nanoTime();
        var plan = expect(200, api.post("schedule/runs", "{\"horizonDays\":" + HORIZON_DAYS + "}"));
        double wall = (System.nanoTime() - start) / 1e9;
        return new ScheduleRun(
                wall,
                plan.getJsonNumber("elapsedMillis").doubleValue(),
                plan.getInt("orders"),
                plan.getInt("lateOrders"));
    }

    SetUp prepare(String tag, BeforeOrders beforeOrders) throws Exception {
        OffsetDateTime setUpStarted = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5);
        var fx = new Fixtures(api);
        String chip = fx.chipModel;
        String product = fx.product(114, "B3");
        List<String> lots = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            lots.add(expect(
                            201,
                            api.post(
                                    "wafer-lots",
                                    "{\"lotNumber\":\"SL-" + tag + "-" + i + "\",\"chipModel\":\"" + chip
                                            + "\",\"wafers\":25,\"bins\":[{\"bin\":\"B3\",\"goodDies\":1000000}]}"))
                    .getString("id"));
        }
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")); // the factories are in Bao'an
        List<String> factories = new ArrayList<>();
        for (int f = 0; f < SCHEDULE_LINES / 5; f++) {
            String factory = fx.factory("SF" + f + "-" + Math.abs(tag.hashCode()));
            factories.add(factory);
            for (int l = 0; l < 5; l++) {
                String line = fx.line(factory, "SMT-" + l, 60, 2);
                expect(
                        200,
                        api.post(
                                "factories/" + factory + "/lines/" + line + "/capacities",
                                "{\"product\":\"" + product + "\",\"boardsPerShift\":60}"));
                if (f == 1 && l == 0) {
                    expect(
                            201,
                            api.post(
                                    "factories/" + factory + "/closures",
                                    "{\"lineId\":\"" + line + "\",\"firstDay\":\"" + today.plusDays(10)
                                            + "\",\"lastDay\":\"" + today.plusDays(12)
                                            + "\",\"reason\":\"bench: line down\"}"));
                }
            }
        }
        expect(
                201,
                api.post(
                        "factories/" + factories.get(0) + "/closures",
                        "{\"firstDay\":\"" + today.plusDays(20) + "\",\"lastDay\":\"" + today.plusDays(26)
                                + "\",\"reason\":\"bench: Spring Festival\"}"));
        beforeOrders.prepare(product, factories);
        var random = new Random(7);
        List<int[]> shapes = new ArrayList<>();
        for (int i = 0; i < SCHEDULE_ORDERS; i++) {
            shapes.add(new int[] {5 + random.nextInt(56), 10 + random.nextInt(81), 1 + random.nextInt(9)});
        }
        List<String> orders = Collections.synchronizedList(new ArrayList<>());
        Clients.run(clients, SCHEDULE_ORDERS, items -> {
            for (int i = items.take(); i >= 0; i = items.take()) {
                int[] shape = shapes.get(i);
                String order = fx.buildOrder(
                        "SO-" + tag + "-" + i,
                        product,
                        shape[0],
                        shape[2],
                        Fixtures.today().plusDays(shape[1]));
                expect(
                        201,
                        api.post(
                                "build-orders/" + order + "/allocations",
                                "{\"lotId\":\"" + lots.get(i % lots.size()) + "\",\"bin\":\"B3\",\"dies\":"
                                        + shape[0] * 3 * 114 + "}"));
                orders.add(order);
            }
        });
        // the kits reach assembly over JMS
        for (String order : orders) {
            RestPipeline.await(() -> {
                var kit = api.get("build-kits/" + order);
                return kit.status() == 200
                        && kit.json().getInt("boardsCovered") == kit.json().getInt("boardsOrdered");
            });
        }
        return new SetUp(setUpStarted, product, factories, orders);
    }

    /** Waits until every event since a time is published and applied by each stage that consumes it. */
    void awaitQuiet(OffsetDateTime since) {
        String from = since.toString();
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            var page = api.get("events?limit=2000&from=" + URLEncoder.encode(from, StandardCharsets.UTF_8))
                    .array();
            boolean settled = page.stream()
                    .map(v -> v.asJsonObject())
                    .allMatch(e -> e.containsKey("publishedAt")
                            && e.getJsonObject("consumedAt").size()
                                    == EventType.byWireName(e.getString("type"))
                                            .orElseThrow()
                                            .consumers()
                                            .size());
            if (settled && page.size() < 2000) {
                return;
            }
            if (settled) {
                from = page.getJsonObject(page.size() - 1).getString("occurredAt");
            } else {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("events still in flight after 10 minutes");
    }

    /** The scheduling algorithm alone on the same shape of problem: milliseconds per whole plan. */
    static List<Double> algorithmMillis(int repeats) {
        LocalDate from = LocalDate.of(2027, 1, 4);
        var lines = new ArrayList<CapacityPlan.Line>();
        for (int l = 0; l < SCHEDULE_LINES; l++) {
            Set<LocalDate> closed = new HashSet<>();
            if (l < 5) {
                for (int d = 20; d <= 26; d++) {
                    closed.add(from.plusDays(d));
                }
            }
            lines.add(new CapacityPlan.Line("l" + l, "L" + l, 2, 60, Map.of("S19", 60), closed));
        }
        var random = new Random(7);
        var jobs = new ArrayList<CapacityPlan.Job>();
        for (int i = 0; i < SCHEDULE_ORDERS; i++) {
            jobs.add(new CapacityPlan.Job(
                    "o" + i,
                    "SO-" + i,
                    "S19",
                    3 * (5 + random.nextInt(56)),
                    from.plusDays(10 + random.nextInt(81)),
                    1 + random.nextInt(9)));
        }
        var millis = new ArrayList<Double>();
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            new CapacityPlan(lines, from, HORIZON_DAYS).placeAll(jobs);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }
}
