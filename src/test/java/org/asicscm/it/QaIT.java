package org.asicscm.it;

import static org.asicscm.it.Api.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The QA stage on the real container, database and broker: a quality hold blocks a pass and,
 * through its event, shipment booking until it is released; recall and trace through REST and
 * CSV; burn-in grading; returns; and every new endpoint's refusals.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QaIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    Fixtures fixtures;
    String run;

    @BeforeEach
    void setUp() {
        api = new Api(base).resolvingLocations();
        fixtures = new Fixtures(api);
        run = fixtures.run;
    }

    private Api.Reply book(String customer, String machine) {
        return api.post("shipments", """
                {"customerId":"%s","machineSerials":["%s"],"mode":"AIR","carrier":"SF Express",
                 "incoterm":"DAP","destinationCountry":"KZ","hsCode":"8471.50","declaredValueUsd":2450.00}""".formatted(customer, machine));
    }

    @Test
    void aHeldLotBlocksAPassAndBookingThroughItsEventUntilReleased() {
        var floor = fixtures.floorReady("QH", 4, 3, 200, 36);
        String lotNumber = "LOT-QH-" + run;
        var units = fixtures.machineReadyToShip(floor, "QH");
        String machine = units.get(3);
        assertEquals(201, fixtures.pass(machine, "[4,4,4]").status());
        eventually(
                "the machine becomes available to ship",
                () -> api.get("shippable-machines/" + machine).status() == 200);
        String spareBoard = "HB-QH9-" + run;
        assertEquals(201, api.post("hashboards", floor.board(spareBoard)).status());
        eventually("the spare board reaches QA", () -> "AWAITING_TEST".equals(fixtures.qaStatus(spareBoard)));

        var hold = api.post(
                "qa/holds",
                "{\"scope\":\"WAFER_LOT\",\"subject\":\"" + lotNumber + "\",\"reason\":\"wafer-sort excursion\"}");
        assertEquals(201, hold.status(), hold.toString());
        String holdId = hold.json().getString("id");
        var blocks = api.get("qa/holds/" + holdId + "/blocks").json();
        assertEquals(4, blocks.getJsonObject("summary").getInt("boards"));
        assertEquals(1, blocks.getJsonObject("summary").getInt("machines"));

        var refusedPass = fixtures.pass(spareBoard, "[4]");
        assertEquals(409, refusedPass.status(), refusedPass.toString());
        assertEquals("quality-hold", refusedPass.json().getString("code"));
        assertEquals("AWAITING_TEST", fixtures.qaStatus(spareBoard), "the refused test wrote nothing");

        String customer = api.post("customers", "{\"name\":\"Astana Compute LLP\",\"country\":\"KZ\"}")
                .json()
                .getString("id");
        eventually("shipping learns the hold", () -> book(customer, machine).status() == 409);
        var refusedBooking = book(customer, machine);
        assertEquals("quality-hold", refusedBooking.json().getString("code"), refusedBooking.toString());
        assertEquals("machineSerials[0]", field(refusedBooking));

        var released = api.post("qa/holds/" + holdId + "/release", "{\"note\":\"excursion explained\"}");
        assertEquals(200, released.status(), released.toString());
        assertEquals(false, released.json().getBoolean("active"));
        assertEquals(201, fixtures.pass(spareBoard, "[4]").status());
        eventually("shipping learns the release", () -> book(customer, machine).status() == 201);

        // the genealogy follows the machine onto the shipment
        eventually(
                "QA learns the shipment",
                () -> api.get("qa/trace/" + machine)
                                .json()
                                .getJsonObject("machine")
                                .containsKey("shipmentId")
                        && "Astana Compute LLP"
                                .equals(api.get("qa/trace/" + machine)
                                        .json()
                                        .getJsonObject("machine")
                                        .getString("customerName", "")));
        var trace = api.get("qa/trace/" + machine).json();
        assertEquals(3, trace.getJsonArray("boards").size());
        assertEquals("CBL-" + run, trace.getJsonObject("machine").getString("controlBoardLot"));
        for (int chain = 0; chain < 3; chain++) {
            var board = trace.getJsonArray("boards").getJsonObject(chain);
            assertEquals(chain, board.getInt("chain"));
            assertEquals(units.get(chain), board.getString("serial"));
            var dies = board.getJsonArray("dies");
            assertEquals(1, dies.size());
            assertEquals(lotNumber, dies.getJsonObject(0).getString("lotNumber"));
            assertEquals(3, dies.getJsonObject(0).getInt("lastChip"));
        }
        var traceCsv = api.get("qa/trace/" + machine + "/export");
        assertEquals(200, traceCsv.status());
        assertTrue(traceCsv.contentType().startsWith("text/csv"), traceCsv.contentType());
        assertEquals(4, traceCsv.text().strip().split("\r\n").length, traceCsv.text());

        var recall = api.get("qa/recall?subject=" + lotNumber).json();
        assertEquals(4, recall.getJsonObject("units").getInt("total"));
        // the machine's three boards went with it; the spare board passed and waits in stock
        var byLocation = recall.getJsonObject("summary").getJsonObject("byLocation");
        assertEquals(3, byLocation.getInt("SHIPPED"), byLocation.toString());
        assertEquals(1, byLocation.getInt("IN_STOCK"), byLocation.toString());
        assertEquals(2, byLocation.size(), byLocation.toString());
        var recallCsv = api.get("qa/recall/export?subject=" + lotNumber);
        assertEquals(5, recallCsv.text().strip().split("\r\n").length, recallCsv.text());
        assertTrue(recallCsv.text().contains(spareBoard + ",,"), recallCsv.text());

        var byCbLot =
                api.get("qa/recall?scope=CONTROL_BOARD_LOT&subject=CBL-" + run).json();
        assertEquals(1, byCbLot.getJsonObject("units").getInt("total"));
        var byFirmware = api.get("qa/recall?scope=FIRMWARE&subject=FW-1.0").json();
        assertTrue(byFirmware.getJsonObject("units").getInt("total") >= 5);

        // back from the field
        var returned = api.post(
                "qa/returns",
                "{\"serial\":\"" + machine + "\",\"reportedFailure\":\"FAN_FAILURE\",\"customerReport\":\"fan 2\"}");
        assertEquals(201, returned.status(), returned.toString());
        assertEquals("AWAITING_TEST", fixtures.qaStatus(machine));
        var pareto = api.get("qa/analytics/pareto?by=LOT&code=FAN_FAILURE").array();
        assertTrue(
                pareto.stream()
                        .anyMatch(r -> lotNumber.equals(r.asJsonObject().getString("key"))
                                && r.asJsonObject().getInt("fieldFailures") == 1),
                pareto.toString());
        // every grouping runs on this database, as JSON and as CSV
        for (String by : List.of("PRODUCT", "FACTORY", "LINE", "LOT", "BIN", "WEEK")) {
            for (String kind : List.of("BOARD", "MACHINE")) {
                var yield = api.get("qa/analytics/yield?by=" + by + "&kind=" + kind + "&from=2026-01-01");
                assertEquals(200, yield.status(), by + " " + yield);
                assertTrue(yield.array().size() >= 1, by + " " + kind + " " + yield);
            }
        }
        var byLot = api.get("qa/analytics/yield?by=LOT").array().stream()
                .map(r -> r.asJsonObject())
                .filter(r -> lotNumber.equals(r.getString("key")))
                .findFirst()
                .orElseThrow();
        assertEquals(4, byLot.getInt("tested"), byLot.toString());
        assertEquals(4, byLot.getInt("firstPassed"), byLot.toString());
        for (String by : List.of("CODE", "LOT", "BIN", "LINE", "FACTORY")) {
            var bars = api.get("qa/analytics/pareto?by=" + by + "&to=2099-01-01");
            assertEquals(200, bars.status(), by + " " + bars);
        }
        var csv = api.get("qa/analytics/yield/export?by=LINE");
        assertEquals(200, csv.status());
        assertTrue(csv.text().startsWith("key,tested,firstPassed,passed"), csv.text());
        assertEquals(200, api.get("qa/analytics/pareto/export?by=LOT").status());
    }

    @Test
    void aBurnInUploadGradesTheMachineOrIsRefusedWholeByLine() {
        var floor = fixtures.floorReady("BI", 4, 3, 200, 36);
        String machine = fixtures.machineReadyToShip(floor, "BI").get(3);
        String bad = fixtures.burnInLog(3, "4500").replaceFirst("\"chipTempC\":68", "\"chipTempC\":\"hot\"");
        var refused = api.postText("qa/units/" + machine + "/burn-ins", "application/x-ndjson", bad);
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("line[1].chipTempC", field(refused));
        assertEquals(0, api.get("qa/units/" + machine + "/burn-ins").array().size(), "nothing was kept");
        assertEquals("AWAITING_TEST", fixtures.qaStatus(machine));

        var graded = api.postText(
                "qa/units/" + machine + "/burn-ins", "application/x-ndjson", fixtures.burnInLog(3, "4500"));
        assertEquals(201, graded.status(), graded.toString());
        assertEquals(60, graded.json().getInt("samples"));
        assertEquals(
                "13.5",
                graded.json()
                        .getJsonNumber("hashrateThs")
                        .bigDecimalValue()
                        .stripTrailingZeros()
                        .toPlainString());
        assertEquals(
                "10",
                graded.json()
                        .getJsonNumber("gradeThs")
                        .bigDecimalValue()
                        .stripTrailingZeros()
                        .toPlainString());
        assertEquals(
                "98",
                graded.json()
                        .getJsonNumber("gradeJth")
                        .bigDecimalValue()
                        .stripTrailingZeros()
                        .toPlainString());
        var unit = api.get("qa/units/" + machine).json();
        assertEquals("PASSED", unit.getString("status"));
        assertEquals("BURN_IN", unit.getJsonArray("tests").getJsonObject(0).getString("program"));
        var again = api.postText(
                "qa/units/" + machine + "/burn-ins", "application/x-ndjson", fixtures.burnInLog(3, "4500"));
        assertEquals(409, again.status(), "a passed machine is not waiting for a test");
    }

    @Test
    void aGradedMachineGoesOnlyToAnOrderItsGradeSatisfiesAndPaymentsAddUp() {
        var floor = fixtures.floorReady("CO", 4, 3, 200, 36);
        String product = api.get("build-orders/" + floor.order()).json().getString("product");
        String machine = fixtures.machineReadyToShip(floor, "CO").get(3);
        // 3 chains at 4,500 GH/s on 1,320 W: 13.5 TH/s at 97.8 J/TH, graded 10 TH/s at most 98 J/TH
        var graded = api.postText(
                "qa/units/" + machine + "/burn-ins", "application/x-ndjson", fixtures.burnInLog(3, "4500"));
        assertEquals(201, graded.status(), graded.toString());
        try {
            eventually(
                    "the warehouse knows the grade",
                    () -> api.get("shippable-machines/" + machine).status() == 200
                            && api.get("shippable-machines/" + machine).json().containsKey("gradeThs"));
        } catch (AssertionError e) {
            throw new AssertionError(
                    api.get("shippable-machines/" + machine) + " / " + api.get("qa/units/" + machine) + " / "
                            + api.get("dead-letters"),
                    e);
        }
        var inStock = api.get("shippable-machines/" + machine).json();
        assertEquals(product, inStock.getString("product"), inStock.toString());
        assertEquals(
                1, api.get("available-to-promise?product=" + product).json().getInt("machines"));
        var stock = api.get("available-to-promise?product=" + product)
                .json()
                .getJsonArray("grades")
                .getJsonObject(0);
        assertEquals(
                0,
                new java.math.BigDecimal("10")
                        .compareTo(stock.getJsonNumber("gradeThs").bigDecimalValue()));
        assertEquals(
                0,
                new java.math.BigDecimal("98")
                        .compareTo(stock.getJsonNumber("gradeJth").bigDecimalValue()));

        String customer = api.post("customers", "{\"name\":\"Tashkent Hash LLC\",\"country\":\"UZ\"}")
                .json()
                .getString("id");
        java.util.function.BiFunction<String, String, String> order = (number, grade) -> {
            var opened = api.post(
                    "customer-orders",
                    ("{\"orderNumber\":\"%s-%s\",\"customerId\":\"%s\","
                                    + "\"product\":\"%s\",\"machines\":1,%s,\"promisedDate\":\"%s\","
                                    + "\"unitPrice\":2450.00,\"currency\":\"USD\",\"deposit\":500}")
                            .formatted(
                                    number,
                                    run,
                                    customer,
                                    product,
                                    grade,
                                    Fixtures.today().plusDays(30)));
            assertEquals(201, opened.status(), opened.toString());
            return opened.json().getString("id");
        };
        String tooHigh = order.apply("CO-A", "\"minGradeThs\":15,\"maxGradeJth\":98");
        String exactOnly = order.apply("CO-B", "\"minGradeThs\":5,\"maxGradeJth\":100");
        String fits = order.apply("CO-C", "\"minGradeThs\":10,\"maxGradeJth\":98");
        String reserve = "{\"serials\":[\"" + machine + "\"]}";
        var lower = api.post("customer-orders/" + tooHigh + "/reservations", reserve);
        assertEquals(409, lower.status(), lower.toString());
        assertEquals("grade-below-order", lower.json().getString("code"));
        var higher = api.post("customer-orders/" + exactOnly + "/reservations", reserve);
        assertEquals(409, higher.status(), higher.toString());
        assertEquals("higher-grade-not-allowed", higher.json().getString("code"));
        var reserved = api.post("customer-orders/" + fits + "/reservations", reserve);
        assertEquals(200, reserved.status(), reserved.toString());
        assertEquals(
                List.of(machine),
                reserved.json().getJsonArray("reservedSerials").stream()
                        .map(v -> ((jakarta.json.JsonString) v).getString())
                        .toList());
        assertEquals(
                0, api.get("available-to-promise?product=" + product).json().getInt("machines"));
        var twice = api.post("customer-orders/" + exactOnly + "/reservations", reserve);
        assertEquals("machine-taken", twice.json().getString("code"), twice.toString());

        String payment = "{\"amount\":%s,\"receivedOn\":\"%s\",\"reference\":\"SWIFT-%s\"}";
        var deposit = api.post("customer-orders/" + fits + "/payments", payment.formatted("500", Fixtures.today(), 1));
        assertEquals(201, deposit.status(), deposit.toString());
        assertTrue(deposit.json().getBoolean("depositPaid"));
        assertEquals(false, deposit.json().getBoolean("paidInFull"));
        var over = api.post("customer-orders/" + fits + "/payments", payment.formatted("2000", Fixtures.today(), 2));
        assertEquals(409, over.status(), over.toString());
        assertEquals("overpaid", over.json().getString("code"));
        var balance = api.post("customer-orders/" + fits + "/payments", payment.formatted("1950", Fixtures.today(), 3));
        assertTrue(balance.json().getBoolean("paidInFull"), balance.toString());
        assertEquals(
                0, balance.json().getJsonNumber("balance").bigDecimalValue().signum());
        assertEquals(2, balance.json().getJsonArray("payments").size(), "the refused payment was not recorded");

        String good = "{\"orderNumber\":\"CO-X-%s\",\"customerId\":\"%s\",\"product\":\"%s\",\"machines\":1,"
                + "\"minGradeThs\":10,\"maxGradeJth\":98,\"promisedDate\":\"%s\",\"unitPrice\":2450.00,"
                + "\"currency\":\"%s\"}";
        refused(
                api.post("customer-orders", good.formatted(run, customer, product, Fixtures.today(), "usd")),
                400,
                "currency");
        refused(
                api.post("customer-orders", good.formatted(run, customer, product, Fixtures.today(), "XXQ")),
                400,
                "currency");
        refused(
                api.post(
                        "customer-orders",
                        good.formatted(run, customer, product, Fixtures.today().minusDays(2), "USD")),
                400,
                "promisedDate");
        refused(
                api.post("customer-orders", good.formatted(run, "nobody", product, Fixtures.today(), "USD")),
                400,
                "customerId");
        refused(api.post("customer-orders/no-such-order/reservations", reserve), 404, null);
        refused(api.get("available-to-promise"), 400, "product");
    }

    /** The field a problem names (the first of its errors). */
    private static String field(Api.Reply reply) {
        var errors = reply.json().getJsonArray("errors");
        return errors == null || errors.isEmpty()
                ? null
                : errors.getJsonObject(0).getString("field");
    }

    private void refused(Api.Reply reply, int status, String field) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.toString());
        if (field != null) {
            assertEquals(field, field(reply), reply.toString());
        }
    }

    @Test
    void badInputToEveryQaEndpointIs400NamingTheFieldAndUnknownIdsAre404() {
        String product = fixtures.product(4, "B2");
        refused(api.post("qa/limit-sets", """
                        {"product":"%s","minChipsPerChain":5,"minChainHashrateGhs":4000,"minHashrateThs":12,
                         "maxEfficiencyJth":110,"minTempC":0,"maxTempC":85}""".formatted(product)), 400, "minChipsPerChain");
        refused(api.post("qa/limit-sets", """
                        {"product":"%s","minChipsPerChain":4,"minChainHashrateGhs":4000,"minHashrateThs":12,
                         "maxEfficiencyJth":110,"minTempC":90,"maxTempC":85}""".formatted(product)), 400, "minTempC");
        refused(api.post("qa/limit-sets", """
                        {"product":"NOPE-%s","minChipsPerChain":4,"minChainHashrateGhs":4000,"minHashrateThs":12,
                         "maxEfficiencyJth":110,"minTempC":0,"maxTempC":85}""".formatted(run)), 400, "product");
        refused(api.get("qa/limit-sets/" + product), 404, null);
        var defined = api.post("qa/limit-sets", """
                {"product":"%s","minChipsPerChain":4,"minChainHashrateGhs":4000,"minHashrateThs":12,
                 "maxEfficiencyJth":110,"minTempC":0,"maxTempC":85}""".formatted(product));
        assertEquals(201, defined.status(), defined.toString());
        assertEquals(1, defined.json().getInt("version"));

        refused(api.put("qa/failure-codes/bad%20code", "{\"category\":\"CHIPS\",\"description\":\"x\"}"), 400, "code");
        refused(
                api.put("qa/failure-codes/NEW_" + run.toUpperCase().replace('-', '_'), "{\"category\":\"NOPE\"}"),
                400,
                null);
        refused(api.post("qa/holds", "{\"scope\":\"LOT_BIN\",\"subject\":\"N7-1\",\"reason\":\"x\"}"), 400, "bin");
        refused(
                api.post("qa/holds", "{\"scope\":\"WAFER_LOT\",\"subject\":\"N7 1\",\"reason\":\"x\"}"),
                400,
                "subject");
        refused(api.post("qa/holds", "{\"scope\":\"WAFER_LOT\",\"subject\":\"N7-1\"}"), 400, "reason");
        refused(api.get("qa/holds/no-such-hold"), 404, null);
        refused(api.post("qa/holds/no-such-hold/release", "{\"note\":\"x\"}"), 404, null);
        refused(api.get("qa/holds?active=maybe"), 400, "active");
        refused(api.get("qa/recall?subject=N7-1&scope=LOT_BIN"), 400, "bin");
        refused(api.get("qa/recall"), 400, "subject");
        refused(api.get("qa/recall?subject=N7-1&size=501"), 400, "size");
        refused(api.get("qa/trace/no-such-serial"), 404, null);
        refused(api.get("qa/analytics/yield?by=COLOUR"), 400, "by");
        refused(api.get("qa/analytics/pareto?by=WEEK"), 400, "by");
        refused(api.get("qa/analytics/yield?from=2026-12-01&to=2026-11-01"), 400, "to");
        refused(
                api.post("qa/returns", "{\"serial\":\"M-none-" + run + "\",\"reportedFailure\":\"FAN_FAILURE\"}"),
                404,
                null);
        refused(api.post("qa/returns", "{\"serial\":\"M-1\",\"reportedFailure\":\"NO_SUCH\"}"), 400, "reportedFailure");
        refused(api.get("qa/returns/no-such-return"), 404, null);
        refused(
                api.postText("qa/units/no-such/burn-ins", "application/x-ndjson", fixtures.burnInLog(1, "1")),
                404,
                null);

        var floor = fixtures.floorReady("QB", 4, 1, 100, 12);
        String board = "HB-QB-" + run;
        assertEquals(201, api.post("hashboards", floor.board(board)).status());
        eventually("the board reaches QA", () -> "AWAITING_TEST".equals(fixtures.qaStatus(board)));
        refused(api.post("qa/units/" + board + "/tests", "{\"hashrateThs\":3,\"powerW\":300}"), 400, "chains");
        refused(
                api.post(
                        "qa/units/" + board + "/tests",
                        "{\"hashrateThs\":3,\"powerW\":300,\"chipsDetected\":[4],\"failureCode\":\"NO_SUCH\"}"),
                400,
                "failureCode");
        refused(
                api.post(
                        "qa/units/" + board + "/tests",
                        "{\"hashrateThs\":3,\"powerW\":300,\"chains\":[{\"chipsDetected\":4},{\"chipsDetected\":4}]}"),
                400,
                "chains");
        refused(
                api.post(
                        "qa/units/" + board + "/tests",
                        "{\"hashrateThs\":3,\"powerW\":300,\"chipsDetected\":[4],\"failedChip\":4,"
                                + "\"failureCode\":\"COLD_SOLDER_JOINT\"}"),
                400,
                "failedChip");
        assertEquals(0, api.get("qa/units/" + board).json().getInt("attempts"), "no refused test was recorded");
        refused(
                api.postText("qa/units/" + board + "/burn-ins", "application/x-ndjson", fixtures.burnInLog(1, "1")),
                409,
                null);

        var failed = api.post(
                "qa/units/" + board + "/tests",
                "{\"hashrateThs\":3,\"powerW\":300,\"chains\":[{\"chipsDetected\":3,\"hashrateGhs\":2900,"
                        + "\"chipTempC\":71}],\"failedChip\":2,\"station\":\"ST-1\"}");
        assertEquals(201, failed.status(), failed.toString());
        assertEquals("ASIC_MISSING", failed.json().getString("failureCode"));
        assertEquals(2, failed.json().getInt("failedChip"));
        assertEquals(1, failed.json().getInt("limitSetVersion"));
        refused(
                api.post(
                        "qa/units/" + board + "/rework",
                        "{\"note\":\"chip\",\"steps\":[{\"action\":\"CHIP_REPLACED\",\"chain\":0,\"chipIndex\":9,"
                                + "\"newDieLot\":\"N7-9\",\"newDieBin\":\"B1\"}]}"),
                400,
                "steps[0].chipIndex");
        assertEquals("FAILED", fixtures.qaStatus(board), "the refused rework wrote nothing");
        var reworked = api.post(
                "qa/units/" + board + "/rework",
                "{\"note\":\"chip 2\",\"steps\":[{\"action\":\"CHIP_REPLACED\",\"chain\":0,\"chipIndex\":2,"
                        + "\"newDieLot\":\"N7-9\",\"newDieBin\":\"B1\"}]}");
        assertEquals(200, reworked.status(), reworked.toString());
        assertEquals(
                "CHIP_REPLACED",
                reworked.json().getJsonArray("reworks").getJsonObject(0).getString("action"));
        var dies = api.get("qa/trace/" + board)
                .json()
                .getJsonArray("boards")
                .getJsonObject(0)
                .getJsonArray("dies");
        assertEquals(3, dies.size(), dies.toString());
        assertEquals("N7-9", dies.getJsonObject(1).getString("lotNumber"));
        assertTrue(dies.getJsonObject(1).getBoolean("replacedInRework"));
    }
}
