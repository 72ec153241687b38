package org.asicscm.it;

import static org.asicscm.it.Api.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Parts in the plan on a real container: the scheduler waits for parts, names what is short,
 * the net requirements add up, and the frozen window holds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MaterialPlanningIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    Fixtures fx;
    String run;

    @BeforeEach
    void setUp() {
        api = new Api(base).resolvingLocations();
        fx = new Fixtures(api);
        run = fx.run;
    }

    private static String field(Api.Reply reply) {
        return reply.json().getJsonArray("errors").getJsonObject(0).getString("field");
    }

    private void ok(int status, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.toString());
    }

    /** The order's boards by day, over all its schedules. */
    private Map<LocalDate, Integer> boardsByDay(String order) {
        var days = new TreeMap<LocalDate, Integer>();
        api.get("build-schedules?buildOrderId=" + order).array().stream()
                .flatMap(s -> s.asJsonObject().getJsonArray("shifts").stream())
                .map(v -> v.asJsonObject())
                .forEach(s -> days.merge(LocalDate.parse(s.getString("day")), s.getInt("boards"), Integer::sum));
        return days;
    }

    /**
     * A 30-machine order (90 boards of one PCB and a third of a PSU each) at a factory with 300
     * PCBs and 20 PSUs, and 15 more PSUs on a purchase order due in six days; its line builds 60
     * boards a shift. A second order of 10 machines has no dies yet.
     */
    @Test
    void theSchedulerWaitsForPartsNamesTheShortageAndTheNetRequirementsAddUp() {
        LocalDate today = Fixtures.today();
        String pcb = "PCB-" + run;
        String psu = "PSU-" + run;
        ok(201, api.post("items", """
                {"code":"%s","description":"Hashboard PCB","kind":"PCB","uom":"EA"}""".formatted(pcb)));
        ok(201, api.post("items", """
                {"code":"%s","description":"PSU 3.6 kW","kind":"PSU","uom":"EA"}""".formatted(psu)));
        String product = fx.product(50, "B1");
        ok(201, api.post("products/" + product + "/boms", """
                {"effectiveFrom":"%s","lines":[{"level":"HASHBOARD","item":"%s","quantity":1},
                 {"level":"MACHINE","item":"%s","quantity":1}]}""".formatted(today, pcb, psu)));
        String factory = fx.factory("MF" + run);
        String factoryCode = "MF" + run;
        String line = fx.line(factory, "SMT-1", 60, 1);
        // the line builds this product only: other tests' orders cannot take its shifts
        ok(200, api.post("factories/" + factory + "/lines/" + line + "/capacities", """
                {"product":"%s","boardsPerShift":60}""".formatted(product)));
        var po = api.post("purchase-orders", """
                {"poNumber":"PO-M-%s","supplier":"APW Power","lines":[
                 {"item":"%s","quantity":300,"expectedOn":"%s"},
                 {"item":"%s","quantity":20,"expectedOn":"%s"},
                 {"item":"%s","quantity":15,"expectedOn":"%s"}]}""".formatted(run, pcb, today, psu, today, psu, today.plusDays(6)));
        ok(201, po);
        String poId = po.json().getString("id");
        ok(200, api.post("purchase-orders/" + poId + "/receipts", "{\"line\":1,\"quantity\":300}"));
        ok(200, api.post("purchase-orders/" + poId + "/receipts", "{\"line\":2,\"quantity\":20}"));
        ok(200, api.post("parts-stock/transfers", """
                {"item":"%s","quantity":300,"factoryId":"%s"}""".formatted(pcb, factory)));
        ok(200, api.post("parts-stock/transfers", """
                {"item":"%s","quantity":20,"factoryId":"%s"}""".formatted(psu, factory)));

        String lot = fx.lot("MLOT-" + run, 10_000, 0);
        String order = fx.buildOrder("BO-M-" + run, product, 30, 1, today.plusDays(3));
        String waiting = fx.buildOrder("BO-MW-" + run, product, 10, 5, today.plusDays(10));
        ok(201, fx.allocate(order, lot, "B1", 90 * 50));
        eventually(
                "the kit's dies reach assembly",
                () -> api.get("build-kits/" + order).status() == 200
                        && api.get("build-kits/" + order).json().getInt("boardsCovered") == 90);

        var planRun = api.post("schedule/runs", "{\"horizonDays\":30}");
        ok(200, planRun);
        // 20 PSUs make 60 boards today; the other 30 wait for the purchase order, at the factory a day after it
        assertEquals(Map.of(today, 60, today.plusDays(7), 30), boardsByDay(order));
        JsonObject planned = planRun.json().getJsonArray("plan").stream()
                .map(v -> v.asJsonObject())
                .filter(p -> order.equals(p.getString("buildOrderId")))
                .findFirst()
                .orElseThrow();
        assertEquals(4, planned.getInt("daysLate"));
        var shortage = planned.getJsonArray("shortages").getJsonObject(0);
        assertEquals(1, planned.getJsonArray("shortages").size(), planned.toString());
        assertEquals(psu, shortage.getString("item"));
        assertEquals(10, shortage.getInt("quantity"), "30 boards lack a third of a PSU each");
        assertEquals(today.plusDays(1).toString(), shortage.getString("neededOn"));

        JsonObject atRisk = api.get("schedule/orders-at-risk").array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> order.equals(o.getString("buildOrderId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the order waiting for PSUs is at risk"));
        var named = atRisk.getJsonArray("shortages").getJsonObject(0);
        assertEquals(
                List.of(psu, factoryCode, 10L, today.plusDays(1).toString()),
                List.of(
                        named.getString("item"),
                        named.getString("factoryCode"),
                        named.getJsonNumber("quantity").longValue(),
                        named.getString("neededOn")));
        assertTrue(
                atRisk.getJsonArray("reasons")
                        .getString(atRisk.getJsonArray("reasons").size() - 1)
                        .equals("short of 10 " + psu + " at " + factoryCode + " from " + today.plusDays(1)),
                atRisk.toString());
        var lineDay = api.get("schedule/load?from=" + today.plusDays(1) + "&to=" + today.plusDays(1)).array().stream()
                .map(v -> v.asJsonObject())
                .filter(d -> line.equals(d.getString("lineId")))
                .findFirst()
                .orElseThrow();
        assertEquals(0, lineDay.getInt("boards"));
        assertEquals(
                "BO-M-" + run,
                lineDay.getJsonArray("shortages").getJsonObject(0).getString("orderNumber"));

        // PSUs: 20 on hand, 15 on order; the plan takes 20 this week and 10 a week on, the order without
        // dies 10 in the week it is due: 5 are still to buy, in that week
        var report = api.get("schedule/net-requirements?from=" + today + "&weeks=4&item=" + psu);
        ok(200, report);
        var row = report.json().getJsonArray("items").getJsonObject(0);
        assertEquals(20, row.getInt("onHand"));
        assertEquals(5, row.getInt("totalNet"), row.toString());
        var weeks =
                row.getJsonArray("weeks").stream().map(v -> v.asJsonObject()).toList();
        assertEquals(40, weeks.stream().mapToInt(w -> w.getInt("gross")).sum(), row.toString());
        assertEquals(15, weeks.stream().mapToInt(w -> w.getInt("onOrder")).sum());
        LocalDate dueWeek = today.plusDays(10).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertEquals(
                List.of(dueWeek.toString()),
                weeks.stream()
                        .filter(w -> w.getInt("net") > 0)
                        .map(w -> w.getString("weekOf"))
                        .toList());
        assertTrue(weeks.stream().allMatch(w -> w.getInt("projectedOnHand") >= 0), row.toString());

        ok(400, api.get("schedule/net-requirements?weeks=0"));
        assertEquals("weeks", field(api.get("schedule/net-requirements?weeks=0")));
        assertEquals("item", field(api.get("schedule/net-requirements?item=NOPE-" + run)));

        // the PSUs arrive early; with two days frozen, today's shift stays and the rest may not move into tomorrow
        var badWindow = api.put("factories/" + factory + "/frozen-window", "{\"days\":61}");
        ok(400, badWindow);
        assertEquals("days", field(badWindow));
        ok(404, api.put("factories/NOPE-" + run + "/frozen-window", "{\"days\":2}"));
        var frozen = api.put("factories/" + factory + "/frozen-window", "{\"days\":2}");
        ok(200, frozen);
        assertEquals(2, frozen.json().getInt("frozenDays"));
        ok(200, api.post("purchase-orders/" + poId + "/receipts", "{\"line\":3,\"quantity\":15}"));
        ok(200, api.post("schedule/runs", "{\"from\":\"" + today + "\",\"horizonDays\":30}"));
        assertEquals(Map.of(today, 60, today.plusDays(2), 30), boardsByDay(order));
        assertTrue(
                api.get("schedule/orders-at-risk").array().stream()
                        .map(v -> v.asJsonObject())
                        .filter(o -> order.equals(o.getString("buildOrderId")))
                        .allMatch(o -> o.getJsonArray("shortages").isEmpty()),
                "nothing is short any more");
    }

    /**
     * A 20-machine order needing 20 PSUs, all on a purchase order due today (at the factory
     * tomorrow), and 60 PCBs, at the factory, on a line of 60 boards a shift: planned for tomorrow. What if the PSUs come five
     * days late and the line is down the day after?
     */
    @Test
    void aWhatIfComparesWithoutChangingAnythingAndIsAppliedOnce() {
        LocalDate today = Fixtures.today();
        String psu = "PSUW-" + run;
        ok(201, api.post("items", """
                {"code":"%s","description":"PSU 3.6 kW","kind":"PSU","uom":"EA"}""".formatted(psu)));
        String pcb = "PCBW-" + run;
        ok(201, api.post("items", """
                {"code":"%s","description":"Hashboard PCB","kind":"PCB","uom":"EA"}""".formatted(pcb)));
        String product = fx.product(51, "B1");
        ok(201, api.post("products/" + product + "/boms", """
                {"effectiveFrom":"%s","lines":[{"level":"MACHINE","item":"%s","quantity":1},
                 {"level":"HASHBOARD","item":"%s","quantity":1}]}""".formatted(today, psu, pcb)));
        String factory = fx.factory("WF" + run);
        String line = fx.line(factory, "SMT-1", 60, 1);
        ok(200, api.post("factories/" + factory + "/lines/" + line + "/capacities", """
                {"product":"%s","boardsPerShift":60}""".formatted(product)));
        var po = api.post("purchase-orders", """
                {"poNumber":"PO-W-%s","supplier":"APW Power","lines":[{"item":"%s","quantity":20,"expectedOn":"%s"},
                 {"item":"%s","quantity":60,"expectedOn":"%s"}]}""".formatted(run, psu, today, pcb, today));
        ok(201, po);
        // the PCBs are at this factory only: the order cannot go to other tests' lines elsewhere
        ok(200, api.post("purchase-orders/" + po.json().getString("id") + "/receipts", "{\"line\":2,\"quantity\":60}"));
        ok(200, api.post("parts-stock/transfers", """
                {"item":"%s","quantity":60,"factoryId":"%s"}""".formatted(pcb, factory)));
        String lot = fx.lot("WLOT-" + run, 10_000, 0);
        String order = fx.buildOrder("BO-W-" + run, product, 20, 1, today.plusDays(2));
        ok(201, fx.allocate(order, lot, "B1", 60 * 51));
        eventually(
                "the kit's dies reach assembly",
                () -> api.get("build-kits/" + order).status() == 200
                        && api.get("build-kits/" + order).json().getInt("boardsCovered") == 60);
        ok(200, api.post("schedule/runs", "{\"from\":\"" + today + "\",\"horizonDays\":30}"));
        assertEquals(Map.of(today.plusDays(1), 60), boardsByDay(order));
        // a run that changes nothing for the order rewrites nothing and tells nobody
        String scheduleId = api.get("build-schedules?buildOrderId=" + order)
                .array()
                .getJsonObject(0)
                .getString("id");
        ok(200, api.post("schedule/runs", "{\"from\":\"" + today + "\",\"horizonDays\":30}"));
        assertEquals(
                scheduleId,
                api.get("build-schedules?buildOrderId=" + order)
                        .array()
                        .getJsonObject(0)
                        .getString("id"));
        String correlation = api.get("build-orders/" + order).json().getString("correlationId");
        assertEquals(
                0,
                api.get("events?type=BuildRescheduled&correlationId=" + correlation)
                        .array()
                        .size());
        int scenariosBefore = api.get("schedule/scenarios").json().getInt("total");

        String late =
                """
                {"name":"PSUs late %s","from":"%s","horizonDays":30,
                 "receiptDelays":[{"poNumber":"PO-W-%s","line":1,"expectedOn":"%s"}],
                 "closures":[{"factoryId":"%s","lineId":"%s","firstDay":"%s","lastDay":"%s"}]}""".formatted(run, today, run, today.plusDays(5), factory, line, today.plusDays(6), today.plusDays(6));
        var tried = api.post("schedule/scenarios", late);
        ok(201, tried);
        var comparison = tried.json().getJsonObject("comparison");
        var moved = comparison.getJsonArray("moved").stream()
                .map(v -> v.asJsonObject())
                .filter(m -> order.equals(m.getString("buildOrderId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(comparison.toString()));
        assertEquals(today.plusDays(1).toString(), moved.getString("plannedEndNow"));
        // the PSUs reach the factory on the 6th day; the line is down on it
        assertEquals(today.plusDays(7).toString(), moved.getString("plannedEndScenario"));
        assertTrue(comparison.getJsonArray("newlyLate").contains(jakarta.json.Json.createValue("BO-W-" + run)));
        var load = comparison.getJsonArray("load").stream()
                .map(v -> v.asJsonObject())
                .filter(l -> ("WF" + run).equals(l.getString("factoryCode")))
                .findFirst()
                .orElseThrow();
        assertEquals(60, load.getInt("boardsNow"));
        assertEquals(60, load.getInt("boardsScenario"));
        // nothing changed
        assertEquals(Map.of(today.plusDays(1), 60), boardsByDay(order));
        assertEquals(0, api.get("factories/" + factory + "/closures").array().size());
        String poId = po.json().getString("id");
        assertEquals(
                today.toString(),
                api.get("purchase-orders/" + poId)
                        .json()
                        .getJsonArray("lines")
                        .getJsonObject(0)
                        .getString("expectedOn"));

        // an extra order is compared, but only taken at the order desk
        var withOrder = api.post("schedule/scenarios", """
                {"name":"rush %s","from":"%s","horizonDays":30,
                 "orders":[{"orderNumber":"RUSH-%s","product":"%s","machines":5,"dueDate":"%s","priority":1}]}""".formatted(run, today, run, product, today.plusDays(3)));
        ok(201, withOrder);
        var added = withOrder
                .json()
                .getJsonObject("comparison")
                .getJsonArray("added")
                .getJsonObject(0);
        assertEquals("RUSH-" + run, added.getString("orderNumber"));
        var refused = api.post("schedule/scenarios/" + withOrder.json().getString("id") + "/apply", "");
        ok(409, refused);
        assertEquals("scenario-has-orders", refused.json().getString("code"));

        // bad scenarios are refused by field, and not kept
        var badLine = api.post("schedule/scenarios", late.replace(line, "NOPE"));
        ok(400, badLine);
        assertEquals("closures[0].lineId", field(badLine));
        var badReceipt = api.post("schedule/scenarios", late.replace("\"line\":1", "\"line\":9"));
        assertEquals("receiptDelays[0].line", field(badReceipt), badReceipt.toString());
        var badProduct = api.post("schedule/scenarios", """
                {"name":"x","orders":[{"product":"NOPE-%s","machines":5,"dueDate":"%s","priority":1}]}""".formatted(run, today));
        assertEquals("orders[0].product", field(badProduct), badProduct.toString());
        var past =
                api.post("schedule/scenarios", late.replace("\"from\":\"" + today, "\"from\":\"" + today.minusDays(5)));
        assertEquals("from", field(past), past.toString());
        var noName = api.post("schedule/scenarios", "{\"horizonDays\":30}");
        assertEquals("name", field(noName), noName.toString());
        assertEquals(scenariosBefore + 2, api.get("schedule/scenarios").json().getInt("total"));

        String id = tried.json().getString("id");
        var applied = api.post("schedule/scenarios/" + id + "/apply", "");
        ok(200, applied);
        assertEquals(Map.of(today.plusDays(7), 60), boardsByDay(order));
        assertEquals(1, api.get("factories/" + factory + "/closures").array().size());
        assertEquals(
                today.plusDays(5).toString(),
                api.get("purchase-orders/" + poId)
                        .json()
                        .getJsonArray("lines")
                        .getJsonObject(0)
                        .getString("expectedOn"));
        var again = api.post("schedule/scenarios/" + id + "/apply", "");
        ok(409, again);
        assertEquals("already-applied", again.json().getString("code"));
        var after = api.get("schedule/scenarios/" + id).json();
        assertTrue(after.containsKey("appliedBy") && !after.isNull("appliedBy"), after.toString());
        ok(404, api.get("schedule/scenarios/NOPE-" + run));
    }

    private java.math.BigDecimal onHand(String item, String location) {
        return api.get("parts-stock?item=" + item + "&location=" + location).array().stream()
                .map(v -> v.asJsonObject().getJsonNumber("quantity").bigDecimalValue())
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }

    /**
     * A board takes a PCB and two heat sinks, a machine a PSU of the lot scanned. The factory has
     * 10 PCBs, 4 heat sinks and one PSU: the third board is built all the same, and what the record
     * lacked stays unposted until a count.
     */
    @Test
    void boardsAndMachinesTakeTheirPartsAndACountSettlesWhatTheRecordLacked() {
        LocalDate today = Fixtures.today();
        String pcb = "PCBB-" + run;
        String sink = "HSB-" + run;
        String psu = "PSUB-" + run;
        ok(201, api.post("items", """
                {"code":"%s","description":"Hashboard PCB","kind":"PCB","uom":"EA"}""".formatted(pcb)));
        ok(201, api.post("items", """
                {"code":"%s","description":"Heat sink","kind":"HEAT_SINK","uom":"EA"}""".formatted(sink)));
        ok(201, api.post("items", """
                {"code":"%s","description":"PSU 3.6 kW","kind":"PSU","uom":"EA","lotTracked":true}""".formatted(psu)));
        String product = fx.product(4, "B2");
        ok(201, api.post("products/" + product + "/boms", """
                {"effectiveFrom":"%s","lines":[{"level":"HASHBOARD","item":"%s","quantity":1},
                 {"level":"HASHBOARD","item":"%s","quantity":2},{"level":"MACHINE","item":"%s","quantity":1}]}""".formatted(today, pcb, sink, psu)));
        String factory = fx.factory("BF" + run);
        String line = fx.line(factory, "SMT-1", 5_000, 3);
        var po = api.post("purchase-orders", """
                {"poNumber":"PO-B-%s","supplier":"Parts","lines":[{"item":"%s","quantity":10,"expectedOn":"%s"},
                 {"item":"%s","quantity":4,"expectedOn":"%s"},{"item":"%s","quantity":2,"expectedOn":"%s"}]}""".formatted(run, pcb, today, sink, today, psu, today));
        ok(201, po);
        String poId = po.json().getString("id");
        ok(200, api.post("purchase-orders/" + poId + "/receipts", "{\"line\":1,\"quantity\":10}"));
        ok(200, api.post("purchase-orders/" + poId + "/receipts", "{\"line\":2,\"quantity\":4}"));
        // the PSU the machine is built with comes from lot PSUL-<run>; another lot is older by name
        ok(200, api.post("purchase-orders/" + poId + "/receipts", """
                {"line":3,"quantity":1,"supplierLot":"A-OLDER-%s"}""".formatted(run)));
        ok(200, api.post("purchase-orders/" + poId + "/receipts", """
                {"line":3,"quantity":1,"supplierLot":"PSUL-%s"}""".formatted(run)));
        for (String transfer : List.of(
                "{\"item\":\"" + pcb + "\",\"quantity\":10",
                "{\"item\":\"" + sink + "\",\"quantity\":4",
                "{\"item\":\"" + psu + "\",\"supplierLot\":\"A-OLDER-" + run + "\",\"quantity\":1",
                "{\"item\":\"" + psu + "\",\"supplierLot\":\"PSUL-" + run + "\",\"quantity\":1")) {
            ok(200, api.post("parts-stock/transfers", transfer + ",\"factoryId\":\"" + factory + "\"}"));
        }
        String lot = fx.lot("BLOT-" + run, 1_000, 0);
        String order = fx.buildOrder("BO-B-" + run, product, 1, 1);
        ok(201, fx.allocate(order, lot, "B1", 12));
        eventually(
                "the dies reach the kit",
                () -> api.get("build-kits/" + order).status() == 200
                        && api.get("build-kits/" + order).json().getInt("diesAvailable") == 12);
        ok(201, api.post("build-schedules", """
                {"buildOrderId":"%s","lineId":"%s","startDate":"%s"}""".formatted(order, line, today)));

        var serials = fx.machineReadyToShip(new Fixtures.Floor(lot, order, line), "B");
        assertEquals(0, new java.math.BigDecimal("7").compareTo(onHand(pcb, factory)));
        assertEquals(0, onHand(sink, factory).signum(), "four heat sinks for two boards, then none");
        var shortfalls = api.get("parts-stock/shortfalls?item=" + sink + "&location=" + factory)
                .array();
        assertEquals(1, shortfalls.size(), shortfalls.toString());
        assertEquals(serials.get(2), shortfalls.getJsonObject(0).getString("reference"));
        assertEquals(
                0,
                new java.math.BigDecimal("2")
                        .compareTo(shortfalls
                                .getJsonObject(0)
                                .getJsonNumber("quantity")
                                .bigDecimalValue()));
        var psus = api.get("parts-stock?item=" + psu + "&location=" + factory).array();
        assertEquals(1, psus.size(), psus.toString());
        assertEquals("A-OLDER-" + run, psus.getJsonObject(0).getString("supplierLot"), "the scanned lot was taken");

        var count = api.post("parts-stock/counts", """
                {"item":"%s","location":"%s","counted":1,"note":"cycle count"}""".formatted(sink, factory));
        ok(200, count);
        assertEquals(
                0,
                new java.math.BigDecimal("1")
                        .compareTo(count.json().getJsonNumber("variance").bigDecimalValue()));
        assertEquals(
                0,
                new java.math.BigDecimal("2")
                        .compareTo(count.json().getJsonNumber("unposted").bigDecimalValue()));
        assertEquals(
                0,
                api.get("parts-stock/shortfalls?item=" + sink + "&location=" + factory)
                        .array()
                        .size());
        assertEquals(0, java.math.BigDecimal.ONE.compareTo(onHand(sink, factory)));
        var negative = api.post("parts-stock/counts", """
                {"item":"%s","location":"%s","counted":-1}""".formatted(sink, factory));
        ok(400, negative);
        assertEquals("counted", field(negative));
        assertEquals("location", field(api.post("parts-stock/counts", """
                {"item":"%s","location":"NOWHERE","counted":1}""".formatted(sink))));
        assertEquals("item", field(api.get("parts-stock/shortfalls?location=" + factory)));

        // a second order: one heat sink is too few for a board, and none is on its way
        String second = fx.buildOrder("BO-B2-" + run, product, 1, 1);
        ok(201, fx.allocate(second, lot, "B1", 12));
        eventually(
                "the dies reach the kit",
                () -> api.get("build-kits/" + second).status() == 200
                        && api.get("build-kits/" + second).json().getInt("diesAvailable") == 12);
        var refused = api.post("build-schedules", """
                {"buildOrderId":"%s","lineId":"%s","startDate":"%s"}""".formatted(second, line, today));
        ok(409, refused);
        assertEquals("no-parts", refused.json().getString("code"));
        assertEquals(
                sink, refused.json().getJsonArray("shortages").getJsonObject(0).getString("item"));
    }
}
