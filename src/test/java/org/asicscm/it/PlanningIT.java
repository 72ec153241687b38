package org.asicscm.it;

import static org.asicscm.it.Api.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The planner's work on a real container: policies, shortages, reservations, re-assignment, corrections. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlanningIT {

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

    private List<String> allocations(String order) {
        return api.get("build-orders/" + order + "/allocations").array().stream()
                .map(v -> v.asJsonObject())
                .map(a -> a.getString("lotNumber") + "/" + a.getString("bin") + "=" + a.getInt("dies") + " "
                        + a.getString("status"))
                .toList();
    }

    private JsonObject bin(String lot, String bin) {
        return api.get("wafer-lots/" + lot).json().getJsonArray("bins").stream()
                .map(v -> v.asJsonObject())
                .filter(b -> bin.equals(b.getString("bin")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anOrderIsBuiltToTheBomInForceWhenItOpensAndABadBomIsRefusedWhole() {
        String product = fx.product(4, "B2");
        for (String item : List.of("PCB", "PSU", "FAN")) {
            var registered = api.post(
                    "items", """
                    {"code":"%s-%s","description":"%s for the S9","kind":"%s","uom":"EA","lotTracked":%s}""".formatted(item, run, item, item.equals("PCB") ? "PCB" : item, item.equals("PSU")));
            assertEquals(201, registered.status(), registered.toString());
        }
        assertEquals(409, api.post("items", """
                {"code":"PCB-%s","description":"again","kind":"PCB","uom":"EA"}""".formatted(run)).status());
        String lines = """
                [{"level":"HASHBOARD","item":"PCB-%1$s","quantity":1,"scrapFactor":0.02},
                 {"level":"MACHINE","item":"PSU-%1$s","quantity":1},
                 {"level":"MACHINE","item":"FAN-%1$s","quantity":4}]""".formatted(run);
        String today = Fixtures.today().toString();
        var v1 = api.post(
                "products/" + product + "/boms", "{\"effectiveFrom\":\"" + today + "\",\"lines\":" + lines + "}");
        assertEquals(201, v1.status(), v1.toString());
        assertEquals(1, v1.json().getInt("version"));

        String order = fx.buildOrder("BO-BOM-" + run, product, 10, 5);
        assertEquals(1, api.get("build-orders/" + order).json().getInt("bomVersion"));
        var v2 = api.post(
                "products/" + product + "/boms",
                "{\"effectiveFrom\":\"" + Fixtures.today().plusDays(1) + "\",\"lines\":"
                        + lines.replace("\"quantity\":4", "\"quantity\":2") + "}");
        assertEquals(201, v2.status(), v2.toString());
        // 10 machines of 3 boards: 30 PCBs x 1.02 -> 31; per machine by item: 40 fans (version 1, not version
        // 2's 20), 10 PSUs
        var needs = api.get("build-orders/" + order + "/materials").array();
        assertEquals(
                List.of("PCB-" + run + "=31", "FAN-" + run + "=40", "PSU-" + run + "=10"),
                needs.stream()
                        .map(v -> v.asJsonObject())
                        .map(n -> n.getString("item") + "="
                                + n.getJsonNumber("gross").bigDecimalValue().toPlainString())
                        .toList());

        String bad = "{\"effectiveFrom\":\"" + Fixtures.today().plusDays(9) + "\",\"lines\":[%s]}";
        var self = api.post(
                "products/" + product + "/boms",
                bad.formatted("{\"level\":\"MACHINE\",\"item\":\"" + product + "\",\"quantity\":1}"));
        assertEquals(400, self.status(), self.toString());
        assertEquals("lines[0].item", field(self));
        var unknown = api.post(
                "products/" + product + "/boms",
                bad.formatted("{\"level\":\"MACHINE\",\"item\":\"NOPE-" + run + "\",\"quantity\":1}"));
        assertEquals("lines[0].item", field(unknown), unknown.toString());
        var negative = api.post(
                "products/" + product + "/boms",
                bad.formatted("{\"level\":\"MACHINE\",\"item\":\"FAN-" + run + "\",\"quantity\":-4}"));
        assertEquals(400, negative.status(), negative.toString());
        assertEquals("lines[0].quantity", field(negative), negative.toString());
        assertEquals(2, api.get("products/" + product + "/boms").array().size(), "the refused versions were not kept");
        assertEquals(404, api.get("products/NOPE-" + run + "/boms/in-force").status());
    }

    @Test
    void partsArriveByPurchaseOrderAndLotAndAFactoryUsesNoMoreThanItHas() {
        String psu = "PSU-" + run;
        assertEquals(201, api.post("items", """
                {"code":"%s","description":"PSU 3.6 kW","kind":"PSU","uom":"EA","lotTracked":true}""".formatted(psu)).status());
        var po = api.post(
                "purchase-orders", """
                {"poNumber":"PO-%s","supplier":"APW Power","lines":[{"item":"%s","quantity":50,"expectedOn":"%s"}]}""".formatted(run, psu, Fixtures.today().plusDays(10)));
        assertEquals(201, po.status(), po.toString());
        String poId = po.json().getString("id");
        var noLine =
                api.post("purchase-orders/" + poId + "/receipts", "{\"line\":2,\"quantity\":5,\"supplierLot\":\"L1\"}");
        assertEquals(400, noLine.status(), noLine.toString());
        assertEquals("line", field(noLine));
        var noLot = api.post("purchase-orders/" + poId + "/receipts", "{\"line\":1,\"quantity\":5}");
        assertEquals("supplierLot", field(noLot), noLot.toString());
        assertEquals(
                200,
                api.post(
                                "purchase-orders/" + poId + "/receipts",
                                "{\"line\":1,\"quantity\":30,\"supplierLot\":\"PSL-" + run + "\"}")
                        .status());
        var over = api.post(
                "purchase-orders/" + poId + "/receipts",
                "{\"line\":1,\"quantity\":21,\"supplierLot\":\"PSL-" + run + "\"}");
        assertEquals(409, over.status(), over.toString());
        assertEquals("over-receipt", over.json().getString("code"));
        var line =
                api.get("purchase-orders/" + poId).json().getJsonArray("lines").getJsonObject(0);
        assertEquals(
                0,
                new java.math.BigDecimal("20")
                        .compareTo(line.getJsonNumber("open").bigDecimalValue()),
                line.toString());

        String factory = fx.factory("PF" + run);
        var moved = api.post("parts-stock/transfers", """
                {"item":"%s","supplierLot":"PSL-%s","quantity":12,"factoryId":"%s"}""".formatted(psu, run, factory));
        assertEquals(200, moved.status(), moved.toString());
        var used = api.post("parts-stock/consumptions", """
                {"item":"%s","location":"%s","quantity":13,"reference":"BO-X"}""".formatted(psu, factory));
        assertEquals(409, used.status(), used.toString());
        assertEquals("insufficient-parts", used.json().getString("code"));
        assertEquals(
                200,
                api.post("parts-stock/consumptions", """
                        {"item":"%s","location":"%s","quantity":12,"reference":"BO-X"}""".formatted(psu, factory))
                        .status());
        assertEquals(
                0,
                api.get("parts-stock?item=" + psu + "&location=" + factory)
                        .array()
                        .size());
        var central = api.get("parts-stock?item=" + psu + "&location=CENTRAL").array();
        assertEquals(
                0,
                new java.math.BigDecimal("18")
                        .compareTo(central.getJsonObject(0)
                                .getJsonNumber("quantity")
                                .bigDecimalValue()));
    }

    @Test
    void bestFitSpendsTheMinimumBinFirstAndAShortageIsReportedNotHalfAllocated() {
        String older = fx.lot("OLD-" + run, 500, 300);
        String newer = fx.lot("NEW-" + run, 1000, 200);
        String product = fx.product(100, "B2");
        String first = fx.buildOrder("BO-FIT-" + run, product, 2, 5); // 600 dies

        var run1 = api.post("build-orders/" + first + "/allocate", "{\"policy\":\"BEST_FIT\"}");
        assertEquals(200, run1.status(), run1.toString());
        assertEquals(600, run1.json().getInt("allocated"));
        assertEquals(0, run1.json().getInt("shortBy"));
        assertEquals(
                List.of(
                        "OLD-" + run + "/B2=300 ACTIVE",
                        "NEW-" + run + "/B2=200 ACTIVE",
                        "OLD-" + run + "/B1=100 ACTIVE"),
                allocations(first));
        assertEquals(3, run1.json().getJsonArray("explanation").size());

        // 1,400 B1 dies are left; an urgent order for 2,000 is refused whole without partial
        String urgent = fx.buildOrder("BO-URG-" + run, fx.product(100, "B2"), 7, 1); // 2,100 dies
        var refused =
                api.post("build-orders/" + urgent + "/allocate", "{\"policy\":\"OLDEST_LOT_FIRST\",\"dies\":2000}");
        assertEquals(409, refused.status(), refused.toString());
        assertEquals("insufficient-dies", refused.json().getString("code"));
        assertEquals(600, refused.json().getInt("shortBy"));
        assertEquals(List.of(), allocations(urgent));
        assertEquals(400, bin(older, "B1").getInt("availableDies"));

        var partial = api.post(
                "build-orders/" + urgent + "/allocate",
                "{\"policy\":\"OLDEST_LOT_FIRST\",\"dies\":2000,\"partial\":true}");
        assertEquals(200, partial.status(), partial.toString());
        assertEquals(1400, partial.json().getInt("allocated"));
        assertEquals(600, partial.json().getInt("shortBy"));
        assertEquals(List.of("OLD-" + run + "/B1=400 ACTIVE", "NEW-" + run + "/B1=1000 ACTIVE"), allocations(urgent));
        assertEquals(0, bin(newer, "B1").getInt("availableDies"));

        var report = api.get("planning/shortages?chipModel=" + fx.chipModel);
        assertEquals(200, report.status(), report.toString());
        var atRisk = report.json().getJsonArray("ordersAtRisk");
        assertEquals(1, atRisk.size(), report.toString());
        assertEquals("BO-URG-" + run, atRisk.getJsonObject(0).getString("orderNumber"));
        assertEquals(700, atRisk.getJsonObject(0).getInt("uncoveredDies"));
        var b2 = report.json().getJsonArray("bins").stream()
                .map(v -> v.asJsonObject())
                .filter(b -> "B2".equals(b.getString("bin")))
                .findFirst()
                .orElseThrow();
        assertEquals(700, b2.getInt("shortDies"));
    }

    /**
     * Reserving and confirming through REST. The lapse itself is tested on a clock the test moves
     * (ReservationExpiryTest, KitFollowsAllocationsTest), not by waiting here for wall time.
     */
    @Test
    void aReservationHoldsItsDiesUntilConfirmedAndIsConfirmedOnce() {
        String lot = fx.lot("RSV-" + run, 1000, 0);
        String order = fx.buildOrder("BO-RSV-" + run, fx.product(100, "B2"), 2, 5);
        var pencilled = api.post(
                "build-orders/" + order + "/allocations",
                "{\"lotId\":\"" + lot + "\",\"bin\":\"B1\",\"dies\":300,\"reserveFor\":\"PT2H\"}");
        assertEquals(201, pencilled.status(), pencilled.toString());
        assertEquals("RESERVED", pencilled.json().getString("status"));
        assertTrue(pencilled.json().containsKey("expiresAt"), pencilled.toString());
        assertEquals(700, bin(lot, "B1").getInt("availableDies"), "a reservation holds its dies");
        var kept = api.post(
                "build-orders/" + order + "/allocations",
                "{\"lotId\":\"" + lot + "\",\"bin\":\"B1\",\"dies\":200,\"reserveFor\":\"PT2H\"}");
        String keptId = kept.json().getString("id");
        assertEquals(
                "ACTIVE",
                api.post("build-orders/" + order + "/allocations/" + keptId + "/confirm", "{}")
                        .json()
                        .getString("status"));
        assertEquals(
                409,
                api.post("build-orders/" + order + "/allocations/" + keptId + "/confirm", "{}")
                        .status());
        assertTrue(
                allocations(order).contains("RSV-" + run + "/B1=300 RESERVED"),
                allocations(order).toString());
        assertTrue(
                allocations(order).contains("RSV-" + run + "/B1=200 ACTIVE"),
                allocations(order).toString());
        assertEquals(500, bin(lot, "B1").getInt("availableDies"));
        eventually(
                "assembly's kit holds the reserved and the confirmed dies",
                () -> api.get("build-kits/" + order).json().getInt("diesAvailable") == 500);

        var badDuration = api.post(
                "build-orders/" + order + "/allocations",
                "{\"lotId\":\"" + lot + "\",\"bin\":\"B1\",\"dies\":1,\"reserveFor\":\"two days\"}");
        assertEquals(400, badDuration.status());
        assertEquals("reserveFor", field(badDuration));
        assertEquals(500, bin(lot, "B1").getInt("availableDies"), "a refused reservation takes nothing");
    }

    @Test
    void diesMoveOnlyToAMoreUrgentOrderInOneAuditedStep() {
        String lot = fx.lot("MOVE-" + run, 1000, 0);
        String product = fx.product(100, "B2");
        String lax = fx.buildOrder("BO-LAX-" + run, product, 2, 8);
        String urgent = fx.buildOrder("BO-HOT-" + run, product, 1, 2);
        assertEquals(201, fx.allocate(lax, lot, "B1", 600).status());

        var backwards = api.post("planning/die-reassignments", """
                {"fromOrderId":"%s","toOrderId":"%s","dies":100,"reason":"wrong way"}""".formatted(urgent, lax));
        assertEquals(409, backwards.status(), backwards.toString());
        assertEquals("not-more-urgent", backwards.json().getString("code"));
        var tooMany = api.post("planning/die-reassignments", """
                {"fromOrderId":"%s","toOrderId":"%s","dies":301,"reason":"more than it needs"}""".formatted(lax, urgent));
        assertEquals(409, tooMany.status(), tooMany.toString());
        assertEquals("exceeds-order-need", tooMany.json().getString("code"));

        var moved = api.post("planning/die-reassignments", """
                {"fromOrderId":"%s","toOrderId":"%s","dies":300,"reason":"customer deposit for BO-HOT"}""".formatted(lax, urgent));
        assertEquals(201, moved.status(), moved.toString());
        assertEquals(List.of("MOVE-" + run + "/B1=300 ACTIVE"), allocations(lax));
        assertEquals(List.of("MOVE-" + run + "/B1=300 ACTIVE"), allocations(urgent));
        assertEquals(600, bin(lot, "B1").getInt("allocatedDies"));
        assertEquals(
                "customer deposit for BO-HOT",
                api.get("build-orders/" + lax + "/reassignments")
                        .array()
                        .getJsonObject(0)
                        .getString("reason"));
        eventually(
                "both kits on the floor follow",
                () -> api.get("build-kits/" + urgent).status() == 200
                        && api.get("build-kits/" + urgent).json().getInt("boardsCovered") == 3
                        && api.get("build-kits/" + lax).json().getInt("diesAvailable") == 300);
    }

    @Test
    void aLotCorrectionWithdrawsFromTheLeastUrgentOrderAndSaysSo() {
        String lot = fx.lot("CORR-" + run, 1000, 50);
        String product = fx.product(100, "B2");
        String urgent = fx.buildOrder("BO-C1-" + run, product, 2, 1);
        String lax = fx.buildOrder("BO-C9-" + run, product, 2, 9);
        assertEquals(201, fx.allocate(urgent, lot, "B1", 600).status());
        assertEquals(201, fx.allocate(lax, lot, "B1", 400).status());

        var unknownBin = api.post(
                "wafer-lots/" + lot + "/corrections",
                "{\"reason\":\"retest\",\"bins\":[{\"bin\":\"B1\",\"goodDies\":700},{\"bin\":\"B3\",\"goodDies\":1}]}");
        assertEquals(400, unknownBin.status(), unknownBin.toString());
        assertEquals("bins[1].bin", field(unknownBin));
        assertEquals(1000, bin(lot, "B1").getInt("goodDies"));

        var asked = api.post(
                "wafer-lots/" + lot + "/corrections",
                "{\"reason\":\"retest after probe-card fault\",\"bins\":[{\"bin\":\"B1\",\"goodDies\":700}]}");
        assertEquals(202, asked.status(), "a downward correction waits for a second person: " + asked);
        assertEquals(1000, bin(lot, "B1").getInt("goodDies"), "nothing changes before the approval");
        var corrected = api.approved(asked);
        assertEquals(200, corrected.status(), corrected.toString());
        var withdrawals = corrected.json().getJsonObject("result").getJsonArray("withdrawals");
        assertEquals(1, withdrawals.size(), corrected.toString());
        assertEquals("BO-C9-" + run, withdrawals.getJsonObject(0).getString("orderNumber"));
        assertEquals(300, withdrawals.getJsonObject(0).getInt("dies"));
        assertEquals(700, bin(lot, "B1").getInt("allocatedDies"));
        assertEquals(List.of("CORR-" + run + "/B1=600 ACTIVE"), allocations(urgent));
        assertEquals(List.of("CORR-" + run + "/B1=100 ACTIVE"), allocations(lax));
        var log = api.get("wafer-lots/" + lot + "/corrections").array();
        assertEquals(1000, log.getJsonObject(0).getInt("goodBefore"));
        assertEquals(300, log.getJsonObject(0).getInt("diesWithdrawn"));
        eventually(
                "the lax order's kit gives the dies up",
                () -> api.get("build-kits/" + lax).json().getInt("diesAvailable") == 100);
    }

    @Test
    void badPlanningInputIsRefusedByFieldAndChangesNothing() {
        String lot = fx.lot("BADP-" + run, 100, 0);
        String product = fx.product(100, "B2");
        String order = fx.buildOrder("BO-BADP-" + run, product, 1, 5);
        String strict = fx.buildOrder("BO-STRICT-" + run, fx.product(100, "B1"), 1, 5);
        int ordersBefore = api.get("planning/shortages?chipModel=" + fx.chipModel)
                .json()
                .getJsonArray("ordersAtRisk")
                .size();

        var cases = List.of(
                List.of(
                        "build-orders",
                        "{\"orderNumber\":\"X-" + run + "\",\"product\":\"NO-SUCH\",\"machines\":1,"
                                + "\"dueDate\":\"2099-01-01\"}",
                        "product"),
                List.of(
                        "build-orders",
                        "{\"orderNumber\":\"X-" + run + "\",\"product\":\"" + product + "\",\"machines\":-3,"
                                + "\"dueDate\":\"2099-01-01\"}",
                        "machines"),
                List.of(
                        "build-orders",
                        "{\"orderNumber\":\"X-" + run + "\",\"product\":\"" + product + "\",\"machines\":1,"
                                + "\"dueDate\":\"2099-01-01\",\"priority\":0}",
                        "priority"),
                List.of(
                        "wafer-lots",
                        "{\"lotNumber\":\"X-" + run + "\",\"chipModel\":\"" + fx.chipModel + "\",\"wafers\":25,"
                                + "\"bins\":[{\"bin\":\"B1\",\"goodDies\":5},{\"bin\":\"B7\",\"goodDies\":5}]}",
                        "bins[1].bin"),
                List.of(
                        "products",
                        "{\"code\":\"X-" + run + "\",\"name\":\"x\",\"chipModel\":\"" + fx.chipModel + "\","
                                + "\"chipsPerBoard\":100,\"boardsPerMachine\":3,\"minBin\":\"B2\",\"substitutes\":[\"B3\"]}",
                        "substitutes[0]"),
                List.of(
                        "products",
                        "{\"code\":\"X-" + run + "\",\"name\":\"x\",\"chipModel\":\"" + fx.chipModel + "\","
                                + "\"chipsPerBoard\":100,\"boardsPerMachine\":3,\"minBin\":\"B9\"}",
                        "minBin"),
                List.of(
                        "chip-models",
                        "{\"code\":\"X-" + run + "\",\"processNode\":\"5nm\",\"bins\":[{\"name\":\"B1\",\"rank\":1,"
                                + "\"frequencyMhz\":500,\"voltageMv\":1300,\"efficiencyJth\":-1}]}",
                        "bins[0].efficiencyJth"),
                List.of("build-orders/" + order + "/allocate", "{\"policy\":\"CHEAPEST\"}", "policy"),
                List.of("build-orders/" + order + "/allocate", "{\"policy\":\"BEST_FIT\",\"dies\":-1}", "dies"),
                List.of(
                        "planning/die-reassignments",
                        "{\"fromOrderId\":\"" + order + "\",\"toOrderId\":\"nope\",\"dies\":1," + "\"reason\":\"r\"}",
                        "toOrderId"),
                List.of(
                        "wafer-lots/" + lot + "/corrections",
                        "{\"reason\":\"r\",\"bins\":[{\"bin\":\"B1\",\"goodDies\":-1}]}",
                        "bins[0].goodDies"));
        for (List<String> c : cases) {
            var reply = api.post(c.get(0), c.get(1));
            assertEquals(400, reply.status(), c + " -> " + reply);
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
            assertTrue(
                    reply.json().getJsonArray("errors").stream()
                            .anyMatch(e -> c.get(2).equals(e.asJsonObject().getString("field"))),
                    c + " -> " + reply);
        }
        var notAcceptable = fx.allocate(strict, lot, "B2", 10);
        assertEquals(409, notAcceptable.status(), notAcceptable.toString());
        assertEquals("bin-not-acceptable", notAcceptable.json().getString("code"));
        assertEquals(List.of(), allocations(order));
        assertEquals(List.of(), allocations(strict));
        assertEquals(100, bin(lot, "B1").getInt("availableDies"));
        assertEquals(404, api.get("products/NO-SUCH").status());
        assertEquals(400, api.get("planning/shortages?chipModel=NO-SUCH").status());
        assertEquals(
                ordersBefore,
                api.get("planning/shortages?chipModel=" + fx.chipModel)
                        .json()
                        .getJsonArray("ordersAtRisk")
                        .size());
    }

    private String correlationOf(String order) {
        return api.get("build-orders/" + order).json().getString("correlationId");
    }

    private int events(String order, String type) {
        return api.get("events?type=" + type + "&correlationId=" + correlationOf(order))
                .array()
                .size();
    }

    private String schedule(String order, String line, LocalDate start) {
        var reply = api.post(
                "build-schedules",
                "{\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + line + "\",\"startDate\":\"" + start + "\"}");
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getString("id");
    }

    private void awaitBuildable(String order, int boards) {
        eventually(
                "the kit's dies reach assembly",
                () -> api.get("build-kits/" + order).status() == 200
                        && api.get("build-kits/" + order).json().getInt("boardsCovered") == boards);
    }

    @Test
    void factoriesOutsideBaoanAreRegisteredWithTheirOwnPlaceAndTimeZone() {
        var dongguan = api.post(
                "factories",
                "{\"code\":\"DG" + run + "\",\"name\":\"Chang'an Board Works\","
                        + "\"city\":\"Dongguan\",\"district\":\"Chang'an\"}");
        assertEquals(201, dongguan.status(), dongguan.toString());
        assertEquals("Asia/Shanghai", dongguan.json().getString("timeZone"));
        assertEquals("Dongguan", dongguan.json().getString("city"));
        assertEquals("Chang'an", dongguan.json().getString("district"));
        var penang = api.post(
                "factories",
                "{\"code\":\"PN" + run + "\",\"name\":\"Bayan Lepas EMS\","
                        + "\"country\":\"MY\",\"city\":\"Penang\",\"district\":\"Bayan Lepas\"}");
        assertEquals(201, penang.status(), penang.toString());
        assertEquals("Asia/Kuala_Lumpur", penang.json().getString("timeZone"));
        var baoan = api.post(
                "factories", "{\"code\":\"BA" + run + "\",\"name\":\"Xin'an Works\",\"subDistrict\":\"Xin'an\"}");
        assertEquals(201, baoan.status(), baoan.toString());
        assertEquals("XIN_AN", baoan.json().getString("subDistrict"));
        assertEquals("Bao'an", baoan.json().getString("district"));

        // refused, naming the field, and nothing registered
        for (var refused : List.of(
                List.of("{\"code\":\"X1" + run + "\",\"name\":\"n\",\"subDistrict\":\"Longhua\"}", "subDistrict"),
                List.of(
                        "{\"code\":\"X2" + run + "\",\"name\":\"n\",\"country\":\"US\",\"city\":\"Austin\"}",
                        "timeZone"),
                List.of("{\"code\":\"X3" + run + "\",\"name\":\"n\",\"timeZone\":\"Mars/Olympus\"}", "timeZone"),
                List.of("{\"code\":\"X4" + run + "\",\"name\":\"n\",\"country\":\"XX\"}", "country"))) {
            var reply = api.post("factories", refused.get(0));
            assertEquals(400, reply.status(), reply.toString());
            assertEquals(refused.get(1), field(reply), reply.toString());
        }
        assertTrue(
                api.get("factories").array().stream()
                        .map(f -> f.asJsonObject().getString("code"))
                        .noneMatch(code -> code.startsWith("X") && code.endsWith(run)),
                "a refused factory was registered");
    }

    @Test
    void aFactoryPlansFromItsOwnTodayWhateverTheDateElsewhere() {
        // Los Angeles is a day behind Shanghai for most of the day: its today is a past day in Bao'an
        var factory = api.post(
                "factories",
                "{\"code\":\"LA" + run + "\",\"name\":\"Fremont Integration\","
                        + "\"country\":\"US\",\"city\":\"Fremont\",\"district\":\"Alameda\",\"timeZone\":\"America/Los_Angeles\"}");
        assertEquals(201, factory.status(), factory.toString());
        LocalDate laToday = LocalDate.parse(factory.json().getString("today"));
        LocalDate expected = LocalDate.now(java.time.ZoneId.of("America/Los_Angeles"));
        assertTrue(laToday.equals(expected) || laToday.equals(expected.minusDays(1)), laToday + " against " + expected);
        String line = fx.line(factory.json().getString("id"), "SMT-1", 100, 2);
        String lot = fx.lot("LA-" + run, 1_000, 0);
        String order = fx.buildOrder("BO-LA-" + run, fx.product(100, "B2"), 1, 5);
        assertEquals(201, fx.allocate(order, lot, "B1", 300).status());
        awaitBuildable(order, 3);

        var yesterday = api.post(
                "build-schedules",
                "{\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + line + "\",\"startDate\":\""
                        + laToday.minusDays(1) + "\"}");
        assertEquals(400, yesterday.status(), yesterday.toString());
        assertEquals("startDate", field(yesterday));
        var schedule = api.post(
                "build-schedules",
                "{\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + line + "\",\"startDate\":\"" + laToday + "\"}");
        assertEquals(201, schedule.status(), schedule.toString());
        assertEquals(laToday.toString(), schedule.json().getString("startDate"));
    }

    @Test
    void aLineGoingDownMovesItsOrdersWithinTheFactoryAndFlagsTheLateOnes() {
        LocalDate today = Fixtures.today();
        String lot = fx.lot("LD-" + run, 12_000, 0);
        String order = fx.buildOrder("BO-LD-" + run, fx.product(100, "B2"), 40, 5, today.plusDays(3)); // 120 boards
        assertEquals(201, fx.allocate(order, lot, "B1", 12_000).status());
        String factory = fx.factory("LD" + run);
        String fast = fx.line(factory, "SMT-1", 40, 2);
        String slow = fx.line(factory, "SMT-2", 10, 1);
        awaitBuildable(order, 120);

        schedule(order, fast, today.plusDays(1));
        var before = api.get("build-schedules?buildOrderId=" + order).array();
        assertEquals(1, before.size());
        assertEquals(today.plusDays(2).toString(), before.getJsonObject(0).getString("endDate"));
        assertEquals(0, events(order, "BuildFlaggedLate"));

        var backwards = api.post("factories/" + factory + "/closures", """
                {"lineId":"%s","firstDay":"%s","lastDay":"%s","reason":"reflow oven"}""".formatted(fast, today.plusDays(5), today));
        assertEquals(400, backwards.status(), backwards.toString());
        assertEquals("lastDay", field(backwards));
        assertEquals(
                404,
                api.post("factories/" + factory + "/closures", """
                {"lineId":"nope","firstDay":"%s","lastDay":"%s","reason":"x"}""".formatted(today, today))
                        .status());

        var down = api.post("factories/" + factory + "/closures", """
                {"lineId":"%s","firstDay":"%s","lastDay":"%s","reason":"reflow oven maintenance"}""".formatted(fast, today, today.plusDays(5)));
        assertEquals(201, down.status(), down.toString());
        var moved = down.json().getJsonArray("rescheduled");
        assertEquals(1, moved.size(), down.toString());
        // the slow line makes 10 a day while the fast one is down; the fast one finishes on day 6
        assertEquals(today.plusDays(6).toString(), moved.getJsonObject(0).getString("plannedEnd"));
        assertEquals(3, moved.getJsonObject(0).getInt("daysLate"));

        var schedules = api.get("build-schedules?buildOrderId=" + order).array();
        for (var s : schedules) {
            for (var shift : s.asJsonObject().getJsonArray("shifts")) {
                LocalDate day = LocalDate.parse(shift.asJsonObject().getString("day"));
                assertTrue(
                        !fast.equals(s.asJsonObject().getString("lineId")) || day.isAfter(today.plusDays(5)),
                        "planned on the line while it is down: " + s);
            }
        }
        assertEquals(
                120,
                schedules.stream()
                        .mapToInt(s -> s.asJsonObject().getInt("boards"))
                        .sum());
        eventually(
                "the change is published",
                () -> events(order, "BuildRescheduled") == 1 && events(order, "BuildFlaggedLate") == 1);

        var load = api.get("schedule/load?from=" + today + "&to=" + today.plusDays(6)).array().stream()
                .map(v -> v.asJsonObject())
                .filter(d -> fast.equals(d.getString("lineId")))
                .toList();
        assertEquals(7, load.size());
        assertTrue(
                load.subList(0, 6).stream().allMatch(d -> !d.getBoolean("open") && d.getInt("boards") == 0),
                load.toString());
        assertEquals(
                50, load.get(6).getInt("boards")); // 40 in shift 1, 10 in shift 2; the slow line makes the other 10
        assertEquals(63, load.get(6).getInt("percentOfCapacity")); // 1.25 of 2 shifts

        var atRisk = api.get("schedule/orders-at-risk").array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> order.equals(o.getString("buildOrderId")))
                .findFirst()
                .orElseThrow();
        assertEquals(3, atRisk.getInt("daysLate"));
        assertEquals(1, api.get("factories/" + factory + "/closures").array().size());

        String other = fx.line(factory, "SMT-3", 10, 1);
        assertEquals(
                200,
                api.post(
                                "factories/" + factory + "/lines/" + other + "/capacities",
                                "{\"product\":\"OTHER-" + run + "\",\"boardsPerShift\":10}")
                        .status());
        var wrongLine = api.post(
                "build-schedules",
                "{\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + other + "\",\"startDate\":\"" + today.plusDays(1)
                        + "\"}");
        assertEquals(409, wrongLine.status(), wrongLine.toString());
        assertEquals("line-cannot-build", wrongLine.json().getString("code"));
    }

    @Test
    void aLotOnHoldPutsThePlannedBoardsOfItsDiesAtRiskUntilReleased() {
        LocalDate today = Fixtures.today();
        String lot = fx.lot("HOLD-" + run, 600, 0);
        String order = fx.buildOrder("BO-HOLD-" + run, fx.product(100, "B2"), 2, 5);
        assertEquals(201, fx.allocate(order, lot, "B1", 600).status());
        String factory = fx.factory("HL" + run);
        String line = fx.line(factory, "SMT-1", 100, 2);
        awaitBuildable(order, 6);
        schedule(order, line, today);

        assertEquals(
                200,
                api.post("wafer-lots/" + lot + "/hold", "{\"reason\":\"wafer-sort excursion\"}")
                        .status());
        eventually("assembly flags the planned boards", () -> events(order, "BuildAtRisk") == 1);
        var atRisk = api.get("schedule/orders-at-risk").array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> order.equals(o.getString("buildOrderId")))
                .findFirst()
                .orElseThrow();
        assertEquals(6, atRisk.getInt("boardsOnHold"));
        var blocked = api.post(
                "hashboards",
                "{\"serial\":\"HB-H-" + run + "\",\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + line + "\"}");
        assertEquals(409, blocked.status(), blocked.toString());
        assertEquals("insufficient-kit", blocked.json().getString("code"));

        assertEquals(
                200,
                api.approved(api.post("wafer-lots/" + lot + "/release", "{\"reason\":\"retest passed\"}"))
                        .status());
        eventually(
                "the dies count again",
                () -> api.get("build-kits/" + order).json().getInt("diesAvailable") == 600);
        assertEquals(
                201,
                api.post(
                                "hashboards",
                                "{\"serial\":\"HB-H-" + run + "\",\"buildOrderId\":\"" + order + "\",\"lineId\":\""
                                        + line + "\"}")
                        .status());

        // the factory had 600 dies on consignment and reports 20 scrapped; the board took 100
        String movements = "factories/" + factory + "/consignment/movements";
        assertEquals(
                201,
                api.post(
                                movements,
                                "{\"chipModel\":\"" + fx.chipModel + "\",\"kind\":\"CONSIGNED\",\"dies\":600,"
                                        + "\"reference\":\"DN-" + run + "\"}")
                        .status());
        assertEquals(
                201,
                api.post(
                                movements,
                                "{\"chipModel\":\"" + fx.chipModel + "\",\"kind\":\"SCRAPPED\",\"dies\":20,"
                                        + "\"reference\":\"placement damage\"}")
                        .status());
        var badKind = api.post(
                movements,
                "{\"chipModel\":\"" + fx.chipModel + "\",\"kind\":\"LOST\",\"dies\":1," + "\"reference\":\"x\"}");
        assertEquals(400, badKind.status());
        assertEquals("kind", field(badKind));
        String counts = "factories/" + factory + "/consignment/counts";
        var withinTolerance = api.post(
                counts, "{\"chipModel\":\"" + fx.chipModel + "\",\"diesOnHand\":476," + "\"tolerancePercent\":1}");
        assertEquals(200, withinTolerance.status(), withinTolerance.toString());
        assertEquals(480, withinTolerance.json().getInt("diesExpected"));
        assertEquals(-4, withinTolerance.json().getInt("difference"));
        assertEquals(false, withinTolerance.json().getBoolean("flagged"));
        var missing = api.post(counts, "{\"chipModel\":\"" + fx.chipModel + "\",\"diesOnHand\":470}");
        assertEquals(true, missing.json().getBoolean("flagged"), missing.toString());
        // a retest cannot take back dies that are on a board already
        var belowBoards = api.post(
                "wafer-lots/" + lot + "/corrections",
                "{\"reason\":\"retest\",\"bins\":[{\"bin\":\"B1\",\"goodDies\":50}]}");
        assertEquals(409, belowBoards.status(), belowBoards.toString());
        assertEquals("below-consumed", belowBoards.json().getString("code"));
        assertEquals(600, bin(lot, "B1").getInt("goodDies"));

        var balance = api.get("factories/" + factory + "/consignment").array().getJsonObject(0);
        assertEquals(100, balance.getInt("inBoards"));
        assertEquals(-10, balance.getJsonObject("latestCount").getInt("difference"));
        eventually(
                "the discrepancy is published",
                () -> api.get("events?type=ConsignmentDiscrepancyFlagged&correlationId=" + "consignment-HL" + run)
                                .array()
                                .size()
                        == 1);
    }

    @Test
    void aPlanRunPlacesTheMostUrgentOrderFirstAndNoShiftIsOverfilled() {
        LocalDate today = Fixtures.today();
        String lot = fx.lot("RUN-" + run, 30_000, 0);
        String product = fx.product(100, "B2");
        String lax = fx.buildOrder("BO-RL-" + run, product, 50, 9, today.plusDays(2));
        String urgent = fx.buildOrder("BO-RU-" + run, product, 50, 1, today.plusDays(20));
        assertEquals(201, fx.allocate(lax, lot, "B1", 15_000).status());
        assertEquals(201, fx.allocate(urgent, lot, "B1", 15_000).status());
        awaitBuildable(lax, 150);
        awaitBuildable(urgent, 150);

        var badRun = api.post("schedule/runs", "{\"horizonDays\":0}");
        assertEquals(400, badRun.status(), badRun.toString());
        assertEquals("horizonDays", field(badRun));
        var planRun = api.post("schedule/runs", "{\"horizonDays\":30}");
        assertEquals(200, planRun.status(), planRun.toString());
        var plan = planRun.json().getJsonArray("plan").stream()
                .map(v -> v.asJsonObject())
                .toList();
        int urgentAt = -1;
        int laxAt = -1;
        for (int i = 0; i < plan.size(); i++) {
            if (urgent.equals(plan.get(i).getString("buildOrderId"))) {
                urgentAt = i;
            } else if (lax.equals(plan.get(i).getString("buildOrderId"))) {
                laxAt = i;
            }
        }
        assertTrue(urgentAt >= 0 && laxAt > urgentAt, "the urgent order is placed first: " + urgentAt + ", " + laxAt);
        assertEquals(150, plan.get(urgentAt).getInt("placedBoards"));
        assertTrue(api.get("build-schedules?buildOrderId=" + urgent).array().size() >= 1);
        // each shift, not the day's average: a day half empty must not hide one overfilled shift
        var shifts = api.get("schedule/load?from=" + today + "&to=" + today.plusDays(29)).array().stream()
                .flatMap(d -> d.asJsonObject().getJsonArray("shiftLoads").stream())
                .map(v -> v.asJsonObject())
                .toList();
        assertTrue(shifts.stream().anyMatch(shift -> shift.getInt("boards") > 0), "the plan run placed boards");
        var overfilled = shifts.stream()
                .filter(shift -> shift.getInt("percentOfCapacity") > 100)
                .toList();
        assertEquals(List.of(), overfilled, "shifts planned beyond their capacity");
        assertEquals(400, api.get("schedule/load?from=tomorrow").status());
    }

    @Test
    void reducingOrCancellingAnOrderGivesItsSurplusDiesBackNewestFirst() {
        String lot = fx.lot("RED-" + run, 1000, 0);
        String order = fx.buildOrder("BO-RED-" + run, fx.product(100, "B2"), 2, 5); // 600 dies
        assertEquals(201, fx.allocate(order, lot, "B1", 400).status());
        assertEquals(201, fx.allocate(order, lot, "B1", 200).status());
        String line = fx.line("RD" + run, 100, 2);
        awaitBuildable(order, 6);
        schedule(order, line, Fixtures.today().plusDays(1));

        var notFewer = api.post("build-orders/" + order + "/reduce", "{\"machines\":2,\"reason\":\"same\"}");
        assertEquals(400, notFewer.status(), notFewer.toString());
        assertEquals("machines", field(notFewer));
        var reduced =
                api.post("build-orders/" + order + "/reduce", "{\"machines\":1,\"reason\":\"customer cut the order\"}");
        assertEquals(200, reduced.status(), reduced.toString());
        assertEquals(300, reduced.json().getInt("diesRequired"));
        assertEquals(List.of("RED-" + run + "/B1=300 ACTIVE", "RED-" + run + "/B1=200 RELEASED"), allocations(order));
        assertEquals(300, bin(lot, "B1").getInt("allocatedDies"));
        eventually(
                "the kit shrinks",
                () -> api.get("build-kits/" + order).json().getInt("boardsOrdered") == 3
                        && api.get("build-kits/" + order).json().getInt("diesAvailable") == 300);
        eventually("the plan shrinks with it", () -> events(order, "BuildRescheduled") == 1);
        assertEquals(
                3,
                api.get("build-schedules?buildOrderId=" + order).array().stream()
                        .mapToInt(v -> v.asJsonObject().getInt("boards"))
                        .sum());

        var cancelled = api.post("build-orders/" + order + "/cancel", "{\"reason\":\"deposit not paid\"}");
        assertEquals(200, cancelled.status(), cancelled.toString());
        assertEquals("CANCELLED", cancelled.json().getString("status"));
        assertEquals(0, bin(lot, "B1").getInt("allocatedDies"));
        assertEquals(
                409,
                api.post("build-orders/" + order + "/cancel", "{\"reason\":\"again\"}")
                        .status());
        var afterCancel = fx.allocate(order, lot, "B1", 100);
        assertEquals(409, afterCancel.status());
        assertEquals("order-closed", afterCancel.json().getString("code"));
        eventually(
                "the kit is empty and the order leaves the plan",
                () -> api.get("build-kits/" + order).json().getInt("diesAvailable") == 0
                        && api.get("build-schedules?buildOrderId=" + order)
                                .array()
                                .isEmpty());
    }

    @Test
    void fiftyPlannersAllocatingByPolicyAtOnceNeverTakeMoreThanTheLotHas() throws Exception {
        String lot = fx.lot("RACE-" + run, 0, 2050);
        String product = fx.product(100, "B2");
        List<String> orders = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> fx.buildOrder("BO-PR-" + run + "-" + i, product, 4, 1 + i % 9))
                .toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(25);
        List<Api.Reply> replies = new java.util.ArrayList<>();
        try {
            var futures = java.util.stream.IntStream.range(0, 50)
                    .mapToObj(i -> pool.submit(() -> retryingWhenBusy(() -> api.post(
                            "build-orders/" + orders.get(i % 10) + "/allocate",
                            "{\"policy\":\"" + (i % 2 == 0 ? "BEST_FIT" : "OLDEST_LOT_FIRST") + "\",\"dies\":100}"))))
                    .toList();
            for (var future : futures) {
                replies.add(future.get());
            }
        } finally {
            pool.shutdown();
        }
        long granted = replies.stream().filter(r -> r.status() == 200).count();
        long refused = replies.stream()
                .filter(r ->
                        r.status() == 409 && "insufficient-dies".equals(r.json().getString("code")))
                .count();
        assertEquals(50, granted + refused, replies.toString());
        assertEquals(20, granted);
        int recorded = orders.stream()
                .mapToInt(o -> api.get("build-orders/" + o + "/allocations").array().stream()
                        .mapToInt(a -> a.asJsonObject().getInt("dies"))
                        .sum())
                .sum();
        assertEquals(2000, recorded);
        assertEquals(2000, bin(lot, "B2").getInt("allocatedDies"));
        assertEquals(50, bin(lot, "B2").getInt("availableDies"));
    }

    /**
     * As a client does: a 503 changed nothing and says when to retry. Fifty planners on one lot
     * queue on its bin's lock, and the last of them may wait longer than the lock timeout.
     */
    private static Api.Reply retryingWhenBusy(java.util.function.Supplier<Api.Reply> request)
            throws InterruptedException {
        Api.Reply reply = request.get();
        for (int attempt = 1; reply.status() == 503 && attempt <= 5; attempt++) {
            Thread.sleep(
                    1_000L * Integer.parseInt(java.util.Objects.requireNonNullElse(reply.header("Retry-After"), "1")));
            reply = request.get();
        }
        return reply;
    }
}
