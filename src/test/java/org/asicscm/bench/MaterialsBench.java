package org.asicscm.bench;

import static org.asicscm.bench.Benchmark.say;
import static org.asicscm.bench.RestPipeline.expect;

import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.asicscm.assembly.control.CapacityPlan;
import org.asicscm.it.Api;
import org.asicscm.materials.control.PartsAvailability;

/**
 * The planner's figures with parts (issue 14): 1,000 orders on 20 lines over 90 days, their
 * product built of 40 purchased items (10 per hashboard, 30 per machine), part of each item at
 * the central warehouse, part at the four factories and the rest on purchase orders arriving
 * over six weeks; one item is short. Measures a first plan run (every order written), a re-plan
 * with nothing changed, net requirements by week for every item, a what-if (one factory closed
 * for a week, the short item's deliveries two weeks late) and applying it (a re-plan after a
 * change). -Pbench -Dbench.materialsOnly=true; -Dbench.runs=N servers (default 3).
 */
final class MaterialsBench {
    static final int ITEMS = 40;

    private final Path war;
    private final Path microJar;
    private final Path rar;
    private final Path out;
    private final int runs;
    private final int clients;

    MaterialsBench(Path war, Path microJar, Path rar, Path out, int runs, int clients) {
        this.war = war;
        this.microJar = microJar;
        this.rar = rar;
        this.out = out;
        this.runs = runs;
        this.clients = clients;
    }

    void run() throws Exception {
        var firstPlan = new ArrayList<Double>();
        var firstPlanServer = new ArrayList<Double>();
        var unchanged = new ArrayList<Double>();
        var unchangedServer = new ArrayList<Double>();
        var netRequirements = new ArrayList<Double>();
        var whatIf = new ArrayList<Double>();
        var applied = new ArrayList<Double>();
        for (int run = 1; run <= runs; run++) {
            try (var micro = MicroProcess.application(
                    war, microJar, rar, out.resolve("materials-" + run), Benchmark.freePort())) {
                var api = new Api(new URL("http://127.0.0.1:" + micro.port() + "/asic-scm/"));
                var bench = new PlanningBench(micro.port(), clients);
                String tag = "mat" + run + "-" + System.nanoTime();
                var setUp = bench.prepare(tag, (product, factories) -> parts(api, tag, product, factories));
                var first = bench.scheduleRun(setUp);
                firstPlan.add(first.wallSeconds());
                firstPlanServer.add(first.serverMillis());
                var again = bench.scheduleRun(setUp);
                unchanged.add(again.wallSeconds());
                unchangedServer.add(again.serverMillis());
                say(
                        "run %d: first plan %.2f s (%.0f ms in the service, %d late), re-plan unchanged %.2f s (%.0f ms)",
                        run,
                        first.wallSeconds(),
                        first.serverMillis(),
                        first.lateOrders(),
                        again.wallSeconds(),
                        again.serverMillis());
                for (int i = 0; i < 6; i++) {
                    long start = System.nanoTime();
                    var report = expect(200, api.get("schedule/net-requirements?weeks=13&size=100"));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (i >= 1) {
                        netRequirements.add(seconds);
                    }
                    if (i == 0) {
                        say("net requirements: %d items", report.getInt("total"));
                    }
                }
                LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
                String scenario = """
                        {"name":"%s","horizonDays":%d,
                         "closures":[{"factoryId":"%s","firstDay":"%s","lastDay":"%s"}],
                         "receiptDelays":[{"poNumber":"PO-%s-LATE","line":1,"expectedOn":"%s"}]}""".formatted(
                                tag,
                                PlanningBench.HORIZON_DAYS,
                                setUp.factories().get(2),
                                today.plusDays(3),
                                today.plusDays(9),
                                tag,
                                today.plusDays(35));
                String id = null;
                for (int i = 0; i < 4; i++) {
                    long start = System.nanoTime();
                    var tried = expect(201, api.post("schedule/scenarios", scenario));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (i >= 1) {
                        whatIf.add(seconds);
                    }
                    if (i == 0) {
                        var comparison = tried.getJsonObject("comparison");
                        say(
                                "what-if: %d orders move, %d late now, %d late with the changes",
                                comparison.getJsonArray("moved").size(),
                                comparison.getInt("lateNow"),
                                comparison.getInt("lateScenario"));
                    }
                    id = tried.getString("id");
                }
                bench.awaitQuiet(setUp.started());
                long start = System.nanoTime();
                var plan = expect(200, api.post("schedule/scenarios/" + id + "/apply", ""));
                applied.add((System.nanoTime() - start) / 1e9);
                say(
                        "run %d: net requirements p50 %.0f ms, what-if p50 %.0f ms, applying it (closure, receipt, re-plan"
                                + " of %d orders) %.2f s",
                        run,
                        1000
                                * Stats.median(
                                        netRequirements.subList(netRequirements.size() - 5, netRequirements.size())),
                        1000 * Stats.median(whatIf.subList(whatIf.size() - 3, whatIf.size())),
                        plan.getJsonArray("plan").size(),
                        applied.get(applied.size() - 1));
            }
        }
        var algorithm = algorithmMillis(8).subList(3, 8);
        say("the algorithm alone, same shape with 40 items (ms): %s", algorithm);
        say("first plan run (s): %s; in the service (ms): %s", firstPlan, firstPlanServer);
        say("re-plan, nothing changed (s): %s; in the service (ms): %s", unchanged, unchangedServer);
        say("net requirements, 40 items x 13 weeks (s): %s", netRequirements);
        say("what-if (s): %s", whatIf);
        say("scenario applied (s): %s", applied);
        say(
                "medians: algorithm %.0f ms, first plan %.2f s, re-plan unchanged %.2f s, net requirements %.3f s, what-if"
                        + " %.3f s, applied %.2f s",
                Stats.median(algorithm),
                Stats.median(firstPlan),
                Stats.median(unchanged),
                Stats.median(netRequirements),
                Stats.median(whatIf),
                Stats.median(applied));
    }

    /**
     * The scheduling algorithm alone, in this JVM, on the same shape: 1,000 jobs on 20 lines in
     * four factories over 90 days, each board taking the 40 items, supplied as in {@link #parts}.
     */
    static List<Double> algorithmMillis(int repeats) {
        LocalDate from = LocalDate.of(2027, 1, 4);
        var lines = new ArrayList<CapacityPlan.Line>();
        for (int l = 0; l < PlanningBench.SCHEDULE_LINES; l++) {
            lines.add(new CapacityPlan.Line("l" + l, "L" + l, 2, 60, Map.of("S19", 60), Set.of(), "F" + l / 5));
        }
        var random = new Random(7);
        var perBoard = new HashMap<String, Double>();
        var demand = new long[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            int quantity = 1 + random.nextInt(i < 10 ? 3 : 4);
            perBoard.put("I" + i, i < 10 ? quantity : quantity / 3.0);
            demand[i] = (i < 10 ? 97_500L : 32_500L) * quantity;
        }
        var jobs = new ArrayList<CapacityPlan.Job>();
        for (int i = 0; i < PlanningBench.SCHEDULE_ORDERS; i++) {
            jobs.add(new CapacityPlan.Job(
                    "o" + i,
                    "SO-" + i,
                    "S19",
                    3 * (5 + random.nextInt(56)),
                    from.plusDays(10 + random.nextInt(81)),
                    1 + random.nextInt(9),
                    perBoard));
        }
        var millis = new ArrayList<Double>();
        for (int r = 0; r < repeats; r++) {
            var parts = new PartsAvailability(from, PlanningBench.HORIZON_DAYS, 1);
            for (int i = 0; i < ITEMS; i++) {
                long onHand = demand[i] * 6 / 10;
                parts.atCentral("I" + i, from, onHand * 2 / 3);
                for (int f = 0; f < 4; f++) {
                    parts.atFactory("F" + f, "I" + i, from, onHand / 12);
                }
                long rest = i == ITEMS - 1 ? demand[i] / 10 : demand[i] * 4 / 10;
                for (int week = 1; week <= 5; week += 2) {
                    parts.atCentral("I" + i, from.plusWeeks(week), rest / 3 + 1);
                }
            }
            long start = System.nanoTime();
            new CapacityPlan(lines, from, PlanningBench.HORIZON_DAYS, parts).placeAll(jobs);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    /**
     * The 40 items and the product's BOM; each item's demand (about 32,500 machines, 97,500 boards)
     * covered 40 % by central stock, 20 % by stock at the factories and 40 % by purchase orders
     * arriving in weeks 1, 3 and 5; item 39 is received only to 70 %, its last delivery on an order
     * of its own.
     */
    private static void parts(Api api, String tag, String product, List<String> factories) {
        var random = new Random(11);
        var lines = new StringBuilder();
        var demand = new long[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            String code = "I" + i + "-" + tag;
            expect(201, api.post("items", """
                            {"code":"%s","description":"bench part %d","kind":"OTHER","uom":"EA"}""".formatted(code, i)));
            boolean board = i < 10;
            int quantity = 1 + random.nextInt(board ? 3 : 4);
            demand[i] = (board ? 97_500L : 32_500L) * quantity;
            lines.append(lines.isEmpty() ? "" : ",")
                    .append("{\"level\":\"")
                    .append(board ? "HASHBOARD" : "MACHINE")
                    .append("\",\"item\":\"")
                    .append(code)
                    .append("\",\"quantity\":")
                    .append(quantity)
                    .append("}");
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        expect(
                201,
                api.post(
                        "products/" + product + "/boms",
                        "{\"effectiveFrom\":\"" + today + "\",\"lines\":[" + lines + "]}"));
        var now = new StringBuilder();
        var later = new StringBuilder();
        for (int i = 0; i < ITEMS; i++) {
            String code = "I" + i + "-" + tag;
            long onHand = demand[i] * 6 / 10;
            now.append(now.isEmpty() ? "" : ",")
                    .append("{\"item\":\"%s\",\"quantity\":%d,\"expectedOn\":\"%s\"}".formatted(code, onHand, today));
            long rest = i == ITEMS - 1 ? demand[i] / 10 : demand[i] * 4 / 10;
            for (int week = 1; week <= 5; week += 2) {
                later.append(later.isEmpty() ? "" : ",")
                        .append("{\"item\":\"%s\",\"quantity\":%d,\"expectedOn\":\"%s\"}"
                                .formatted(code, rest / 3 + 1, today.plusWeeks(week)));
            }
        }
        String received = expect(
                        201,
                        api.post(
                                "purchase-orders",
                                "{\"poNumber\":\"PO-" + tag + "-NOW\",\"supplier\":\"Bench\",\"lines\":[" + now + "]}"))
                .getString("id");
        expect(
                201,
                api.post(
                        "purchase-orders",
                        "{\"poNumber\":\"PO-" + tag + "-OPEN\",\"supplier\":\"Bench\",\"lines\":[" + later + "]}"));
        expect(
                201,
                api.post(
                        "purchase-orders",
                        "{\"poNumber\":\"PO-" + tag + "-LATE\",\"supplier\":\"Bench\",\"lines\":[{\"item\":\"I"
                                + (ITEMS - 1) + "-" + tag + "\",\"quantity\":" + demand[ITEMS - 1] / 5
                                + ",\"expectedOn\":\"" + today.plusWeeks(2) + "\"}]}"));
        for (int i = 0; i < ITEMS; i++) {
            long onHand = demand[i] * 6 / 10;
            expect(
                    200,
                    api.post(
                            "purchase-orders/" + received + "/receipts",
                            "{\"line\":" + (i + 1) + ",\"quantity\":" + onHand + "}"));
            for (String factory : factories) {
                // a third of what was received goes out to the factories, split evenly
                expect(
                        200,
                        api.post(
                                "parts-stock/transfers",
                                "{\"item\":\"I" + i + "-" + tag + "\",\"quantity\":" + onHand / 3 / factories.size()
                                        + ",\"factoryId\":\"" + factory + "\"}"));
            }
        }
    }
}
