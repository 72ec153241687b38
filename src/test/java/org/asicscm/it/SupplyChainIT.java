package org.asicscm.it;

import static org.asicscm.it.Api.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The four stages on a real Payara Micro with the real database and the embedded ActiveMQ
 * broker, driven through REST only; every hop between stages is a JMS message.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SupplyChainIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    Fixtures fixtures;
    String run;
    String chipModel;

    @BeforeEach
    void setUp() {
        api = new Api(base).resolvingLocations();
        fixtures = new Fixtures(api);
        run = fixtures.run;
        chipModel = fixtures.chipModel;
    }

    private String product(int chipsPerBoard, String minBin) {
        return fixtures.product(chipsPerBoard, minBin);
    }

    private String lot(String lotNumber, int b1, int b2, String... headers) {
        return fixtures.lot(lotNumber, b1, b2, headers);
    }

    private String buildOrder(String number, int chipsPerBoard, int machines, String... headers) {
        return fixtures.buildOrder(number, product(chipsPerBoard, "B2"), machines, 5, headers);
    }

    private Api.Reply allocate(String order, String lot, String bin, int dies) {
        return fixtures.allocate(order, lot, bin, dies);
    }

    private String line() {
        return fixtures.line("XX" + run, 400, 2);
    }

    private void test(String serial, String chips, int expectedStatus) {
        var reply = api.post(
                "qa/units/" + serial + "/tests",
                "{\"hashrateThs\":13.5,\"powerW\":1323,\"chipsDetected\":" + chips + ",\"maxTempC\":76}");
        assertEquals(expectedStatus, reply.status(), reply.toString());
    }

    /** Dies the order's kit on the floor has, or -1 while assembly has not heard of the order. */
    private int diesInKit(String order) {
        var kit = api.get("build-kits/" + order);
        return kit.status() == 200 ? kit.json().getInt("diesAvailable") : -1;
    }

    private String qaStatus(String serial) {
        var reply = api.get("qa/units/" + serial);
        return reply.status() == 200 ? reply.json().getString("status") : "ABSENT";
    }

    /** The requests from 16 clients at once; the replies in the requests' order. */
    private static List<Api.Reply> allAtOnce(List<Callable<Api.Reply>> requests) throws InterruptedException {
        var pool = Executors.newFixedThreadPool(16);
        try {
            return pool.invokeAll(requests).stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aLotBecomesAShipmentDeliveredAbroadWithJmsCarryingEveryHop() {
        String correlation = "flow-" + run;
        String[] traced = {"X-Correlation-Id", correlation};
        String lot = lot("TSMC-N7-" + run, 5000, 3000, traced);
        String order = buildOrder("BO-" + run, 63, 1, traced);

        var allocation = allocate(order, lot, "B1", 189);
        assertEquals(201, allocation.status(), allocation.toString());
        String line = line();

        // allocation -> assembly: the kit's dies reach the floor only through DiesAllocated
        eventually(
                "the kit's dies reach assembly",
                () -> api.get("build-kits/" + order).status() == 200
                        && api.get("build-kits/" + order).json().getInt("boardsCovered") == 3);

        var schedule = api.post(
                "build-schedules",
                "{\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + line + "\",\"startDate\":\""
                        + Fixtures.today().plusDays(1) + "\"}");
        assertEquals(201, schedule.status(), schedule.toString());
        assertEquals(3, schedule.json().getInt("boards"));
        assertEquals(
                line,
                api.get("build-schedules?buildOrderId=" + order)
                        .array()
                        .getJsonObject(0)
                        .getString("lineId"));
        eventually(
                "allocation learns the order is scheduled",
                () -> "SCHEDULED".equals(api.get("build-orders/" + order).json().getString("status")));

        List<String> boards = List.of("HB-" + run + "-1", "HB-" + run + "-2", "HB-" + run + "-3");
        for (String serial : boards) {
            var board = api.post(
                    "hashboards",
                    "{\"serial\":\"" + serial + "\",\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + line + "\"}");
            assertEquals(201, board.status(), board.toString());
            assertEquals(
                    "TSMC-N7-" + run,
                    board.json().getJsonArray("dieSources").getJsonObject(0).getString("lotNumber"));
        }
        // assembly -> qa and assembly -> allocation (dies consumed)
        eventually("boards reach QA", () -> boards.stream().allMatch(b -> "AWAITING_TEST".equals(qaStatus(b))));
        eventually(
                "allocation counts the dies mounted on boards",
                () -> api.get("build-orders/" + order + "/allocations")
                                .array()
                                .getJsonObject(0)
                                .getInt("diesConsumed")
                        == 189);

        test(boards.get(0), "[63]", 201);
        test(boards.get(1), "[0]", 201); // "chain detected 0 of 63 chips"
        test(boards.get(2), "[63]", 201);
        assertEquals("FAILED", qaStatus(boards.get(1)));
        assertEquals(
                "ASIC_MISSING",
                api.get("qa/units/" + boards.get(1))
                        .json()
                        .getJsonArray("tests")
                        .getJsonObject(0)
                        .getString("failureCode"));

        // a machine cannot take a failed board: assembly knows the verdict through UnitTested
        eventually(
                "assembly learns the verdicts",
                () -> "FAILED"
                        .equals(api.get("hashboards/" + boards.get(1)).json().getString("status")));
        var refused = machine("M-" + run, order, boards);
        assertEquals(409, refused.status(), refused.toString());
        assertEquals("board-not-passed", refused.json().getString("code"));

        assertEquals(
                200,
                api.post("qa/units/" + boards.get(1) + "/rework", "{\"note\":\"reflowed chain 0 connector\"}")
                        .status());
        test(boards.get(1), "[63]", 201);
        eventually(
                "assembly learns the retest passed",
                () -> boards.stream()
                        .allMatch(b -> "PASSED"
                                .equals(api.get("hashboards/" + b).json().getString("status"))));

        var machine = machine("M-" + run, order, boards);
        assertEquals(201, machine.status(), machine.toString());
        eventually("the machine reaches QA", () -> "AWAITING_TEST".equals(qaStatus("M-" + run)));
        test("M-" + run, "[63,63,63]", 201);

        // qa -> shipping
        eventually(
                "the machine becomes available to ship",
                () -> api.get("shippable-machines?buildOrderId=" + order).json().getJsonArray("items").stream()
                        .anyMatch(m -> ("M-" + run).equals(m.asJsonObject().getString("serial"))));
        var customer = api.post("customers", "{\"name\":\"Novosibirsk Hosting LLC\",\"country\":\"RU\"}");
        var shipment = api.post("shipments", """
                {"customerId":"%s","machineSerials":["M-%s"],"mode":"AIR","carrier":"SF Express",
                 "incoterm":"DAP","destinationCountry":"RU","hsCode":"8471.50","declaredValueUsd":2450.00}""".formatted(customer.json().getString("id"), run));
        assertEquals(201, shipment.status(), shipment.toString());
        assertEquals(correlation, shipment.json().getString("correlationId"));
        String shipmentId = shipment.json().getString("id");
        var early = api.post("shipments/" + shipmentId + "/milestones", "{\"milestone\":\"PICKED_UP\"}");
        assertEquals(409, early.status(), early.toString());
        assertEquals("not-released", early.json().getString("code"));
        fixtures.releaseWithoutOrder(shipmentId, List.of("M-" + run), "EL-" + run);
        for (String milestone : List.of("PICKED_UP", "DEPARTED", "ARRIVED", "CUSTOMS_CLEARED", "DELIVERED")) {
            var reply = api.post("shipments/" + shipmentId + "/milestones", "{\"milestone\":\"" + milestone + "\"}");
            assertEquals(201, reply.status(), reply.toString());
        }
        assertEquals("DELIVERED", api.get("shipments/" + shipmentId).json().getString("status"));
        var afterDelivery = api.post("shipments/" + shipmentId + "/milestones", "{\"milestone\":\"DEPARTED\"}");
        assertEquals(409, afterDelivery.status(), afterDelivery.toString());
        assertEquals("milestone-out-of-order", afterDelivery.json().getString("code"));
        assertEquals(
                6,
                api.get("shipments/" + shipmentId)
                        .json()
                        .getJsonArray("milestones")
                        .size());

        // traceability: the delivered machine's chips come from the lot
        var tracedMachine = api.get("machines/M-" + run).json();
        assertTrue(tracedMachine.getJsonArray("boards").stream()
                .allMatch(b -> b.asJsonObject()
                        .getJsonArray("dieSources")
                        .getJsonObject(0)
                        .getString("lotId")
                        .equals(lot)));

        // the event log tells the whole story under one correlation id, every event sent to the broker
        eventually(
                "every event of the chain is published",
                () -> api.get("events?correlationId=" + correlation).array().stream()
                        .allMatch(e -> e.asJsonObject().containsKey("publishedAt")));
        List<String> types = api.get("events?correlationId=" + correlation).array().stream()
                .map(e -> e.asJsonObject().getString("type"))
                .toList();
        assertEquals(
                List.of(
                        "LotReceived",
                        "BuildOrderCreated",
                        "DiesAllocated",
                        "BuildScheduled",
                        "BoardAssembled",
                        "BoardAssembled",
                        "BoardAssembled",
                        "UnitTested",
                        "UnitTested",
                        "UnitTested",
                        "UnitReworked",
                        "UnitTested",
                        "MachineAssembled",
                        "UnitTested",
                        "MachineReadyToShip",
                        "ShipmentBooked",
                        "ShipmentReleased",
                        "ShipmentMilestoneReached",
                        "ShipmentMilestoneReached",
                        "ShipmentMilestoneReached",
                        "ShipmentMilestoneReached",
                        "ShipmentMilestoneReached"),
                types);
        var byType = api.get("events?correlationId=" + correlation + "&type=MachineReadyToShip")
                .array();
        assertEquals(1, byType.size());
        assertEquals("M-" + run, byType.getJsonObject(0).getString("subjectId"));
        assertTrue(byType.getJsonObject(0).getJsonObject("consumedAt").containsKey("shipping"), byType.toString());
        var boardAssembled = api.get("events?correlationId=" + correlation + "&type=BoardAssembled")
                .array()
                .getJsonObject(0)
                .getJsonObject("consumedAt");
        assertEquals(java.util.Set.of("qa", "allocation"), boardAssembled.keySet());
    }

    private Api.Reply machine(String serial, String order, List<String> boards) {
        return api.post(
                "machines", """
                {"serial":"%s","buildOrderId":"%s","boardSerials":["%s","%s","%s"],
                 "controlBoardSerial":"CB-%s","psuSerial":"PSU-%s"}""".formatted(serial, order, boards.get(0), boards.get(1), boards.get(2), serial, serial));
    }

    @Test
    void overAllocationIsRefusedWithTheShortageAndChangesNothing() {
        String lot = lot("LOT-SHORT-" + run, 1000, 200);
        String order = buildOrder("BO-SHORT-" + run, 114, 10);
        assertEquals(201, allocate(order, lot, "B2", 150).status());

        var refused = allocate(order, lot, "B2", 51);

        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        JsonObject problem = refused.json();
        assertEquals("insufficient-dies", problem.getString("code"));
        assertEquals(51, problem.getInt("requested"));
        assertEquals(50, problem.getInt("available"));
        assertEquals(1, problem.getInt("shortBy"));
        assertEquals("dies", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        var bin = api.get("wafer-lots/" + lot).json().getJsonArray("bins").getJsonObject(1);
        assertEquals(150, bin.getInt("allocatedDies"));
        assertEquals(
                1, api.get("build-orders/" + order + "/allocations").array().size());
        var history = api.get("wafer-lots/" + lot + "/allocations").array();
        assertEquals(1, history.size());
        assertEquals(order, history.getJsonObject(0).getString("buildOrderId"));
        assertEquals(150, history.getJsonObject(0).getInt("dies"));
        assertEquals(404, api.get("wafer-lots/nope/allocations").status());
        assertEquals(
                1,
                api.get("events?correlationId="
                                + api.get("build-orders/" + order).json().getString("correlationId")
                                + "&type=DiesAllocated")
                        .array()
                        .size());
    }

    @Test
    void aLotOnQualityHoldCannotBeAllocatedFromUntilReleased() {
        String lot = lot("LOT-HOLD-" + run, 1000, 500);
        String order = buildOrder("BO-HOLD-" + run, 63, 2);
        var held = api.post("wafer-lots/" + lot + "/hold", "{\"reason\":\"wafer-sort excursion on wafers 7-9\"}");
        assertEquals(200, held.status(), held.toString());
        assertTrue(held.json().getBoolean("onHold"));

        var refused = allocate(order, lot, "B1", 126);
        assertEquals(409, refused.status(), refused.toString());
        assertEquals("lot-on-hold", refused.json().getString("code"));
        assertEquals(
                0,
                api.get("wafer-lots/" + lot)
                        .json()
                        .getJsonArray("bins")
                        .getJsonObject(0)
                        .getInt("allocatedDies"));
        assertEquals(
                409,
                api.post("wafer-lots/" + lot + "/hold", "{\"reason\":\"again\"}")
                        .status());
        assertEquals(
                400,
                api.post("wafer-lots/" + lot + "/hold", "{\"reason\":\"\"}").status());

        assertEquals(
                200,
                api.approved(api.post("wafer-lots/" + lot + "/release", "{\"reason\":\"retest passed\"}"))
                        .status());
        assertEquals(201, allocate(order, lot, "B1", 126).status());
        var trail = api.get("wafer-lots/" + lot + "/holds").array();
        assertEquals(
                List.of("HOLD", "RELEASE"),
                trail.stream().map(h -> h.asJsonObject().getString("action")).toList());
        String correlation = api.get("wafer-lots/" + lot).json().getString("correlationId");
        assertEquals(
                1,
                api.get("events?correlationId=" + correlation + "&type=LotHeld")
                        .array()
                        .size());
        assertEquals(
                1,
                api.get("events?correlationId=" + correlation + "&type=LotReleased")
                        .array()
                        .size());
        assertEquals(404, api.post("wafer-lots/nope/hold", "{\"reason\":\"x\"}").status());
    }

    @Test
    void releasingAnAllocationGivesItsDiesBackAndAssemblyLearnsIt() {
        String lot = lot("LOT-REL-" + run, 1000, 0);
        String order = buildOrder("BO-REL-" + run, 63, 2);
        String allocation = allocate(order, lot, "B1", 378).json().getString("id");
        eventually(
                "the kit's dies reach assembly",
                () -> api.get("build-kits/" + order).status() == 200 && diesInKit(order) == 378);

        var released = api.post("build-orders/" + order + "/allocations/" + allocation + "/release", "{}");
        assertEquals(200, released.status(), released.toString());
        assertEquals("RELEASED", released.json().getString("status"));
        assertEquals(
                0,
                api.get("wafer-lots/" + lot)
                        .json()
                        .getJsonArray("bins")
                        .getJsonObject(0)
                        .getInt("allocatedDies"));
        // allocation -> assembly: AllocationReleased empties the kit on the floor
        eventually("assembly learns the release", () -> diesInKit(order) == 0);
        assertTrue(api.get("build-kits/" + order)
                .json()
                .getJsonArray("allocations")
                .getJsonObject(0)
                .getBoolean("released"));

        var again = api.post("build-orders/" + order + "/allocations/" + allocation + "/release", "{}");
        assertEquals(409, again.status(), again.toString());
        assertEquals("already-released", again.json().getString("code"));
        assertEquals(201, allocate(order, lot, "B1", 378).status(), "the returned dies can be allocated again");
    }

    @Test
    void embargoedDestinationsAndUnreadyMachinesAreRefused() {
        var customer = api.post("customers", "{\"name\":\"Pyongyang Trading\",\"country\":\"KP\"}");
        assertEquals(201, customer.status(), customer.toString());
        var embargoed = api.post("shipments", """
                {"customerId":"%s","machineSerials":["M-NONE-%s"],"mode":"SEA","carrier":"COSCO",
                 "incoterm":"FOB","destinationCountry":"KP","hsCode":"8543.70","declaredValueUsd":1000}""".formatted(customer.json().getString("id"), run));
        assertEquals(409, embargoed.status(), embargoed.toString());
        assertEquals("embargoed-destination", embargoed.json().getString("code"));
        var unready = api.post("shipments", """
                {"customerId":"%s","machineSerials":["M-NONE-%s"],"mode":"SEA","carrier":"COSCO",
                 "incoterm":"FOB","destinationCountry":"RS","hsCode":"8543.70","declaredValueUsd":1000}""".formatted(customer.json().getString("id"), run));
        assertEquals(409, unready.status(), unready.toString());
        assertEquals("machine-not-ready", unready.json().getString("code"));
        assertEquals(
                "machineSerials[0]",
                unready.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        var badCountry = api.post("customers", "{\"name\":\"X\",\"country\":\"ZZ\"}");
        assertEquals(400, badCountry.status());
        assertEquals(
                "country",
                badCountry.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void concurrentPlannersNeverAllocateMoreThanTheBinHolds() throws Exception {
        String lot = lot("LOT-RACE-" + run, 2050, 0);
        List<String> orders = IntStream.range(0, 10)
                .mapToObj(i -> buildOrder("BO-RACE-" + run + "-" + i, 100, 10))
                .toList();
        List<Callable<Api.Reply>> planners = IntStream.range(0, 50)
                .mapToObj(i -> (Callable<Api.Reply>) () -> allocate(orders.get(i % 10), lot, "B1", 100))
                .toList();

        List<Api.Reply> replies = allAtOnce(planners);

        long granted = replies.stream().filter(r -> r.status() == 201).count();
        long refused = replies.stream()
                .filter(r ->
                        r.status() == 409 && "insufficient-dies".equals(r.json().getString("code")))
                .count();
        assertEquals(50, granted + refused, replies.toString());
        assertEquals(20, granted);
        var bin = api.get("wafer-lots/" + lot).json().getJsonArray("bins").getJsonObject(0);
        assertEquals(2000, bin.getInt("allocatedDies"));
        int recorded = orders.stream()
                .mapToInt(o -> api.get("build-orders/" + o + "/allocations").array().stream()
                        .mapToInt(a -> a.asJsonObject().getInt("dies"))
                        .sum())
                .sum();
        assertEquals(2000, recorded);
    }

    @Test
    void boardsReportedAtOnceEachTakeTheirOwnDiesAndEachGetsItsOwnAnswer() throws Exception {
        // 40 boards' dies in the kit; 45 new serials, 10 of them sent twice, 5 boards on a line the
        // order is not scheduled on and 5 for an order that does not exist, all at once: requests
        // that arrive together are recorded in groups, and each must still get its own answer
        var floor = fixtures.floorReady("RUSH", 100, 20, 5_000, 4_000);
        String otherLine = fixtures.line("YY" + run, 400, 2);
        List<String[]> requests = new java.util.ArrayList<>();
        for (int i = 0; i < 45; i++) {
            requests.add(new String[] {"HB-RUSH-" + run + "-" + i, floor.board("HB-RUSH-" + run + "-" + i)});
        }
        for (int i = 0; i < 10; i++) {
            requests.add(new String[] {"HB-RUSH-" + run + "-" + i, floor.board("HB-RUSH-" + run + "-" + i)});
        }
        for (int i = 0; i < 5; i++) {
            String serial = "HB-OFFLINE-" + run + "-" + i;
            requests.add(
                    new String[] {serial, new Fixtures.Floor(floor.lot(), floor.order(), otherLine).board(serial)});
            String orphan = "HB-ORPHAN-" + run + "-" + i;
            requests.add(
                    new String[] {orphan, new Fixtures.Floor(floor.lot(), "no-such-order", floor.line()).board(orphan)
                    });
        }
        java.util.Collections.shuffle(requests, new java.util.Random(7));

        List<Api.Reply> replies = allAtOnce(requests.stream()
                .map(r -> (Callable<Api.Reply>) () -> api.post("hashboards", r[1]))
                .toList());

        Map<String, Integer> recorded = new java.util.HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            String serial = requests.get(i)[0];
            Api.Reply reply = replies.get(i);
            if (serial.startsWith("HB-OFFLINE")) {
                assertEquals(409, reply.status(), reply.toString());
                assertEquals("not-scheduled-on-line", reply.json().getString("code"));
            } else if (serial.startsWith("HB-ORPHAN")) {
                assertEquals(400, reply.status(), reply.toString());
                assertEquals(
                        "buildOrderId",
                        reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
            } else if (reply.status() == 201) {
                assertEquals(serial, reply.json().getString("serial"));
                assertEquals(100, reply.json().getInt("dies"));
                recorded.merge(serial, 1, Integer::sum);
            } else {
                assertEquals(409, reply.status(), reply.toString());
                assertTrue(
                        List.of("insufficient-kit", "duplicate-serial")
                                .contains(reply.json().getString("code")),
                        reply.toString());
            }
        }
        assertEquals(40, recorded.size(), "the kit held dies for 40 boards: " + recorded);
        assertTrue(recorded.values().stream().allMatch(n -> n == 1), "a serial recorded twice: " + recorded);
        for (int i = 0; i < requests.size(); i++) {
            String serial = requests.get(i)[0];
            if (replies.get(i).status() == 409
                    && "duplicate-serial".equals(replies.get(i).json().getString("code"))) {
                assertTrue(recorded.containsKey(serial), serial + " refused as a duplicate of a board never recorded");
            }
            if (!recorded.containsKey(serial)) {
                assertEquals(404, api.get("hashboards/" + serial).status(), serial + " was refused but exists");
            }
        }
        var kit = api.get("build-kits/" + floor.order()).json();
        assertEquals(0, kit.getInt("diesAvailable"));
        assertEquals(4_000, kit.getJsonArray("allocations").getJsonObject(0).getInt("diesConsumed"));
        Api.eventually(
                "allocation counts every recorded board's dies as consumed",
                () -> api.get("build-orders/" + floor.order() + "/allocations")
                                .array()
                                .getJsonObject(0)
                                .getInt("diesConsumed")
                        == 4_000);
    }

    @Test
    void aTrayOfBoardsIsRecordedWholeOrNotAtAll() {
        var floor = fixtures.floorReady("TRAY", 100, 10, 2_000, 1_000); // ten boards' dies
        String tray = "{\"buildOrderId\":\"" + floor.order() + "\",\"lineId\":\"" + floor.line() + "\",\"serials\":%s}";
        java.util.function.IntFunction<String> serial = i -> "\"HB-TRAY-" + run + "-" + i + "\"";

        var recorded = api.post(
                "hashboard-trays",
                tray.formatted("[" + serial.apply(1) + "," + serial.apply(2) + "," + serial.apply(3) + "]"));
        assertEquals(201, recorded.status(), recorded.toString());
        assertEquals(3, recorded.array().size());
        assertEquals(100, recorded.array().getJsonObject(2).getInt("dies"));
        assertEquals(700, api.get("build-kits/" + floor.order()).json().getInt("diesAvailable"));

        // a serial twice in one tray, one already recorded, more boards than dies, a malformed serial:
        // each refuses the whole tray, names the board, and leaves the kit as it was
        var twice = api.post(
                "hashboard-trays",
                tray.formatted("[" + serial.apply(4) + "," + serial.apply(5) + "," + serial.apply(4) + "]"));
        assertEquals(409, twice.status(), twice.toString());
        assertEquals("duplicate-serial", twice.json().getString("code"));
        assertEquals(
                "serials[2]",
                twice.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        var again = api.post("hashboard-trays", tray.formatted("[" + serial.apply(6) + "," + serial.apply(1) + "]"));
        assertEquals(409, again.status(), again.toString());
        assertEquals(
                "serials[1]",
                again.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        var tooMany = api.post(
                "hashboard-trays",
                tray.formatted(
                        "[" + IntStream.range(10, 18).mapToObj(serial).collect(java.util.stream.Collectors.joining(","))
                                + "]"));
        assertEquals(409, tooMany.status(), tooMany.toString());
        assertEquals("insufficient-kit", tooMany.json().getString("code"));
        var malformed = api.post("hashboard-trays", tray.formatted("[" + serial.apply(7) + ",\"HB 8\"]"));
        assertEquals(400, malformed.status(), malformed.toString());
        assertEquals(
                "serials[1]",
                malformed.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        var oversized = api.post(
                "hashboard-trays",
                tray.formatted("["
                        + IntStream.range(100, 201).mapToObj(serial).collect(java.util.stream.Collectors.joining(","))
                        + "]"));
        assertEquals(400, oversized.status(), oversized.toString());
        assertEquals(400, api.post("hashboard-trays", tray.formatted("[]")).status());

        for (int i : new int[] {4, 5, 6, 7, 10, 17}) {
            assertEquals(
                    404, api.get("hashboards/HB-TRAY-" + run + "-" + i).status(), "board " + i + " of a refused tray");
        }
        assertEquals(700, api.get("build-kits/" + floor.order()).json().getInt("diesAvailable"));
        var exact = api.post(
                "hashboard-trays",
                tray.formatted(
                        "[" + IntStream.range(20, 27).mapToObj(serial).collect(java.util.stream.Collectors.joining(","))
                                + "]"));
        assertEquals(201, exact.status(), exact.toString());
        assertEquals(0, api.get("build-kits/" + floor.order()).json().getInt("diesAvailable"));
        Api.eventually(
                "allocation counts the ten boards' dies as consumed",
                () -> api.get("build-orders/" + floor.order() + "/allocations")
                                .array()
                                .getJsonObject(0)
                                .getInt("diesConsumed")
                        == 1_000);
    }

    @Test
    void badInputGets400NamingTheFieldAndWritesNothing() {
        int lotsBefore = api.get("wafer-lots").json().getInt("total");
        Map<String, String> cases = Map.of(
                "wafers",
                        "{\"lotNumber\":\"L-" + run + "\",\"chipModel\":\"" + chipModel + "\",\"wafers\":-3,"
                                + "\"bins\":[{\"bin\":\"B1\",\"goodDies\":10}]}",
                "lotNumber",
                        "{\"chipModel\":\"" + chipModel
                                + "\",\"wafers\":25,\"bins\":[{\"bin\":\"B1\",\"goodDies\":10}]}",
                "bins[0].goodDies",
                        "{\"lotNumber\":\"L-" + run + "\",\"chipModel\":\"" + chipModel + "\",\"wafers\":25,"
                                + "\"bins\":[{\"bin\":\"B1\",\"goodDies\":-1}]}",
                "chipModel",
                        "{\"lotNumber\":\"L-" + run + "\",\"chipModel\":\"NOPE-" + run + "\",\"wafers\":25,"
                                + "\"bins\":[{\"bin\":\"B1\",\"goodDies\":10}]}",
                "bins[1].bin",
                        "{\"lotNumber\":\"L-" + run + "\",\"chipModel\":\"" + chipModel + "\",\"wafers\":25,"
                                + "\"bins\":[{\"bin\":\"B1\",\"goodDies\":10},{\"bin\":\"B1\",\"goodDies\":5}]}",
                "body", "{\"lotNumber\": ");
        cases.forEach((field, body) -> {
            var reply = api.post("wafer-lots", body);
            assertEquals(400, reply.status(), field + ": " + reply);
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
            assertTrue(
                    reply.json().getJsonArray("errors").stream()
                            .anyMatch(e -> field.equals(e.asJsonObject().getString("field"))),
                    field + ": " + reply);
        });
        assertEquals(lotsBefore, api.get("wafer-lots").json().getInt("total"));

        var pastDue = api.post("build-orders", """
                {"orderNumber":"BO-PAST-%s","product":"%s","machines":5,"dueDate":"2020-01-01"}""".formatted(run, product(114, "B2")));
        assertEquals(400, pastDue.status(), pastDue.toString());
        assertEquals(
                "dueDate",
                pastDue.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        String lot = lot("LOT-BAD-" + run, 100, 100);
        String order = buildOrder("BO-BAD-" + run, 63, 1);
        assertEquals(
                "dies",
                allocate(order, lot, "B1", -5)
                        .json()
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"));
        var noSuchBin = allocate(order, lot, "B9", 5);
        assertEquals(400, noSuchBin.status());
        assertEquals(
                "bin", noSuchBin.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(
                0, api.get("build-orders/" + order + "/allocations").array().size());
        var badCorrelation = api.post("wafer-lots", "{}", "X-Correlation-Id", "has spaces in it");
        assertEquals(400, badCorrelation.status());
        var negativeChain =
                api.post("qa/units/HB-X/tests", "{\"hashrateThs\":1,\"powerW\":1,\"chipsDetected\":[63,-1]}");
        assertEquals(400, negativeChain.status(), negativeChain.toString());
        assertEquals(
                "chipsDetected[1]",
                negativeChain.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        var nullBin = api.post(
                "wafer-lots",
                "{\"lotNumber\":\"L-N-" + run + "\",\"chipModel\":\"" + chipModel
                        + "\",\"wafers\":25,\"bins\":[null]}");
        assertEquals(400, nullBin.status(), nullBin.toString());
        assertEquals(
                "bins[0]",
                nullBin.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void openApiDocumentsEveryEndpoint() {
        var document = api.server("/openapi");
        var built = new java.util.Properties();
        try (var in = SupplyChainIT.class.getResourceAsStream("/asic-scm.properties")) {
            built.load(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(
                document.text().contains("version: " + built.getProperty("version")),
                "/openapi states the build's version " + built.getProperty("version"));
        assertEquals(200, document.status(), document.toString());
        for (String path : List.of(
                "/chip-models",
                "/wafer-lots",
                "/wafer-lots/{id}/hold",
                "/build-orders/{id}/allocations",
                "/build-orders/{id}/allocations/{allocationId}/release",
                "/factories/{id}/lines",
                "/build-kits/{buildOrderId}",
                "/build-schedules",
                "/wafer-lots/{id}/allocations",
                "/hashboards/{serial}",
                "/machines/{serial}",
                "/qa/units/{serial}/tests",
                "/qa/units/{serial}/rework",
                "/qa/units/{serial}/scrap",
                "/customers",
                "/shippable-machines/{serial}",
                "/shipments/{id}/milestones",
                "/events",
                "/chip-models/{code}",
                "/products",
                "/products/{code}",
                "/build-orders/{id}/allocate",
                "/build-orders/{id}/allocations/{allocationId}/confirm",
                "/build-orders/{id}/reassignments",
                "/build-orders/{id}/cancel",
                "/build-orders/{id}/reduce",
                "/planning/shortages",
                "/planning/die-reassignments",
                "/wafer-lots/{id}/corrections",
                "/factories/{id}/lines/{lineId}/capacities",
                "/factories/{id}/closures",
                "/factories/{id}/consignment",
                "/factories/{id}/consignment/movements",
                "/factories/{id}/consignment/counts",
                "/schedule/runs",
                "/schedule/load",
                "/schedule/orders-at-risk")) {
            assertTrue(document.text().contains("api" + path + ":"), "not in /openapi: " + path);
        }
        assertTrue(document.text().contains("Reserve dies of one lot and bin for the order"));
    }

    @Test
    void unknownIdsGet404() {
        for (String path : List.of(
                "wafer-lots/nope",
                "build-orders/nope",
                "build-kits/nope",
                "hashboards/nope",
                "machines/nope",
                "qa/units/nope",
                "shipments/nope",
                "customers/nope",
                "factories/nope",
                "shippable-machines/nope")) {
            var reply = api.get(path);
            assertEquals(404, reply.status(), path + ": " + reply);
            assertTrue(reply.contentType().startsWith("application/problem+json"), path);
        }
        var release = api.post("build-orders/nope/allocations/nope/release", "{}");
        assertEquals(404, release.status());
        var test = api.post("qa/units/nope/tests", "{\"hashrateThs\":1,\"powerW\":1,\"chipsDetected\":[1]}");
        assertEquals(404, test.status());
    }

    @Test
    void aDuplicatedEventIsAppliedOnce() throws Exception {
        String lot = lot("LOT-DUP-" + run, 1000, 0);
        String order = buildOrder("BO-DUP-" + run, 63, 1);
        assertEquals(201, allocate(order, lot, "B1", 189).status());
        String line = line();
        eventually("kit on the floor", () -> diesInKit(order) == 189);
        var scheduled = api.post(
                "build-schedules",
                "{\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + line + "\",\"startDate\":\"" + Fixtures.today()
                        + "\"}");
        assertEquals(201, scheduled.status(), scheduled.toString());
        assertEquals(
                201,
                api.post(
                                "hashboards",
                                "{\"serial\":\"HB-DUP-" + run + "\",\"buildOrderId\":\"" + order + "\",\"lineId\":\""
                                        + line + "\"}")
                        .status());
        eventually(
                "dies consumed once",
                () -> api.get("build-orders/" + order + "/allocations")
                                .array()
                                .getJsonObject(0)
                                .getInt("diesConsumed")
                        == 63);
        String correlation = api.get("build-orders/" + order).json().getString("correlationId");
        JsonObject boardAssembled = api.get("events?correlationId=" + correlation + "&type=BoardAssembled")
                .array()
                .getJsonObject(0);
        String original = jsonWithoutPublishedAt(boardAssembled);

        try (var broker = new Broker()) {
            // the broker delivering the same event again, to both stages that consume it
            broker.send("scm.allocation", original, "dup-" + run);
            broker.send("scm.qa", original, "dup-qa-" + run);
            eventually("the duplicates are consumed", () -> {
                try {
                    return broker.browse("scm.allocation").isEmpty()
                            && broker.browse("scm.qa").isEmpty();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertFalse(broker.holds(Broker.DEAD_LETTERS, "dup-" + run), "a duplicate is no error");
            String eventId = boardAssembled.getString("eventId");
            assertTrue(
                    api.get("dead-letters?status=ALL&limit=1000").array().stream()
                            .noneMatch(d -> eventId.equals(d.asJsonObject().getString("eventId", ""))),
                    "nor a dead letter");
        }
        assertEquals(
                63,
                api.get("build-orders/" + order + "/allocations")
                        .array()
                        .getJsonObject(0)
                        .getInt("diesConsumed"));
        assertEquals(0, api.get("qa/units/HB-DUP-" + run).json().getInt("attempts"));

        // the board fails for good: scrapped, and assembly hears it over JMS
        String board = "HB-DUP-" + run;
        assertEquals(
                409,
                api.post("qa/units/" + board + "/scrap", "{\"note\":\"not failed yet\"}")
                        .status());
        test(board, "[63]", 201);
        assertEquals(
                409,
                api.post("qa/units/" + board + "/scrap", "{\"note\":\"passed units stay\"}")
                        .status());
        String second = "HB-DUP2-" + run;
        assertEquals(
                201,
                api.post(
                                "hashboards",
                                "{\"serial\":\"" + second + "\",\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + line
                                        + "\"}")
                        .status());
        eventually("the second board reaches QA", () -> "AWAITING_TEST".equals(qaStatus(second)));
        test(second, "[12]", 201);
        var scrapped = api.post("qa/units/" + second + "/scrap", "{\"note\":\"lifted pads under U17\"}");
        assertEquals(200, scrapped.status(), scrapped.toString());
        assertEquals("SCRAPPED", scrapped.json().getString("status"));
        eventually(
                "assembly learns the scrap",
                () -> "SCRAPPED".equals(api.get("hashboards/" + second).json().getString("status")));
    }

    @Test
    void aBoardIsBuiltFromOneBinAndRefusedWhenOnlyTwoBinsTogetherCoverIt() {
        String lot = lot("LOT-BIN-" + run, 214, 100);
        String order = buildOrder("BO-BIN-" + run, 114, 1);
        assertEquals(201, allocate(order, lot, "B1", 214).status());
        assertEquals(201, allocate(order, lot, "B2", 100).status());
        String line = line();
        eventually("the dies reach the kit", () -> diesInKit(order) == 314);
        assertEquals(
                1,
                api.get("build-kits/" + order).json().getInt("boardsBuildable"),
                "314 dies, but one bin makes a board");
        assertEquals(
                201,
                api.post(
                                "build-schedules",
                                "{\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + line + "\",\"startDate\":\""
                                        + Fixtures.today() + "\"}")
                        .status());
        String board =
                "{\"serial\":\"HB-BIN-%s-" + run + "\",\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + line + "\"}";
        assertEquals(201, api.post("hashboards", board.formatted(1)).status());

        var refused = api.post("hashboards", board.formatted(2));

        // 100 B1 and 100 B2 are left: 200 dies, no board
        assertEquals(409, refused.status(), refused.toString());
        assertEquals("insufficient-kit", refused.json().getString("code"));
        assertEquals(100, refused.json().getJsonObject("availableByBin").getInt("B1"));
        assertEquals(100, refused.json().getJsonObject("availableByBin").getInt("B2"));
        assertEquals(404, api.get("hashboards/HB-BIN-2-" + run).status());
        var kit = api.get("build-kits/" + order).json();
        assertEquals(200, kit.getInt("diesAvailable"));
        assertEquals(0, kit.getInt("boardsBuildable"));
    }

    @Test
    void aScrappedBoardLetsTheOrderDrawReplacementDiesWithinItsScrapAllowance() {
        // one machine of three boards at the default 2 %: an allowance of one board (rounded up)
        String lot = lot("LOT-SCR-" + run, 1000, 0);
        String order = buildOrder("BO-SCR-" + run, 63, 1);
        assertEquals(201, allocate(order, lot, "B1", 189).status());
        String factory = fixtures.factory("SCR" + run);
        String line = fixtures.line(factory, "SMT-1", 400, 2);
        eventually("the dies reach the kit", () -> diesInKit(order) == 189);
        assertEquals(
                201,
                api.post(
                                "build-schedules",
                                "{\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + line + "\",\"startDate\":\""
                                        + Fixtures.today() + "\"}")
                        .status());
        var full = allocate(order, lot, "B1", 63);
        assertEquals(409, full.status(), "nothing scrapped yet: the order holds all it needs");
        assertEquals(0, full.json().getInt("stillNeeded"));

        scrapNewBoard(order, line, "HB-SCR1-" + run);
        eventually(
                "allocation counts the scrapped board",
                () -> api.get("build-orders/" + order).json().getInt("boardsScrapped") == 1);
        assertEquals(201, allocate(order, lot, "B1", 63).status(), "a replacement board's dies");
        eventually("the replacement reaches the kit", () -> diesInKit(order) == 189);
        var kit = api.get("build-kits/" + order).json();
        assertEquals(1, kit.getInt("boardsScrapped"));
        assertEquals(3, kit.getInt("boardsBuildable"), "three good boards still to build");
        // the scrapped board's dies are the factory's scrap, no longer dies it returned in boards
        var balance = api.get("factories/" + factory + "/consignment").array().stream()
                .map(JsonValue::asJsonObject)
                .filter(b -> b.getString("chipModel").equals(fixtures.chipModel))
                .findFirst()
                .orElseThrow();
        assertEquals(63, balance.getInt("scrapped"));
        assertEquals(0, balance.getInt("inBoards"));

        // a second scrap is beyond the allowance: no more dies, and the refusal says why
        scrapNewBoard(order, line, "HB-SCR2-" + run);
        eventually(
                "allocation counts the second scrapped board",
                () -> api.get("build-orders/" + order).json().getInt("boardsScrapped") == 2);
        var beyond = allocate(order, lot, "B1", 63);
        assertEquals(409, beyond.status(), beyond.toString());
        assertEquals("exceeds-order-need", beyond.json().getString("code"));
        assertEquals(2, beyond.json().getInt("boardsScrapped"));
        assertEquals(1, beyond.json().getInt("scrapAllowanceBoards"));
    }

    private void scrapNewBoard(String order, String line, String serial) {
        assertEquals(
                201,
                api.post(
                                "hashboards",
                                "{\"serial\":\"" + serial + "\",\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + line
                                        + "\"}")
                        .status());
        eventually("the board reaches QA", () -> "AWAITING_TEST".equals(qaStatus(serial)));
        test(serial, "[12]", 201);
        assertEquals(
                200,
                api.post("qa/units/" + serial + "/scrap", "{\"note\":\"cold solder on chain 0\"}")
                        .status());
        eventually(
                "assembly learns the scrap",
                () -> "SCRAPPED".equals(api.get("hashboards/" + serial).json().getString("status")));
    }

    @Test
    void aRetriedAllocationWithItsIdempotencyKeyTakesEffectOnce() throws Exception {
        String lot = lot("LOT-IDEM-" + run, 1000, 0);
        String order = buildOrder("BO-IDEM-" + run, 63, 2);
        String allocate = "{\"lotId\":\"" + lot + "\",\"bin\":\"B1\",\"dies\":%d}";
        String body = allocate.formatted(63);
        String path = "build-orders/" + order + "/allocations";

        var first = api.post(path, body, "Idempotency-Key", "alloc-1-" + run);
        var retry = api.post(path, body, "Idempotency-Key", "alloc-1-" + run);

        assertEquals(201, first.status(), first.toString());
        assertEquals(201, retry.status(), retry.toString());
        assertEquals(first.json().getString("id"), retry.json().getString("id"), "the first answer again");
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(null, first.header("Idempotent-Replayed"));
        assertEquals(1, api.get(path).array().size());

        var other = api.post(path, allocate.formatted(126), "Idempotency-Key", "alloc-1-" + run);
        assertEquals(409, other.status(), other.toString());
        assertEquals("urn:asic-scm:problem:idempotency-key-reused", other.json().getString("type"));
        assertEquals(1, api.get(path).array().size(), "a reused key changes nothing");

        var badKey = api.post(path, body, "Idempotency-Key", "has a space");
        assertEquals(400, badKey.status(), badKey.toString());
        assertEquals(
                "Idempotency-Key",
                badKey.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        // a refusal is not kept: the same key may be retried once the cause is gone
        var refused = api.post(path, allocate.formatted(5000), "Idempotency-Key", "alloc-2-" + run);
        assertEquals(409, refused.status(), refused.toString());
        assertEquals(1, api.get(path).array().size());

        // eight copies of one request at the same moment: one allocation, one answer for all
        String key = "alloc-3-" + run;
        var replies = allAtOnce(IntStream.range(0, 8)
                .<Callable<Api.Reply>>mapToObj(i -> () -> api.post(path, body, "Idempotency-Key", key))
                .toList());
        var ids = replies.stream()
                .peek(r -> assertEquals(201, r.status(), r.toString()))
                .map(r -> r.json().getString("id"))
                .distinct()
                .toList();
        assertEquals(1, ids.size(), "every copy answered with the one allocation");
        assertEquals(2, api.get(path).array().size());
        // a key is its user's own: the same key from another user is a request of its own
        var someoneElse = api.as(Api.APPROVER, Api.APPROVER_PASSWORD)
                .post(path, allocate.formatted(10), "Idempotency-Key", "alloc-1-" + run);
        assertEquals(201, someoneElse.status(), someoneElse.toString());
        assertEquals(null, someoneElse.header("Idempotent-Replayed"));
        assertNotEquals(first.header("Location"), someoneElse.header("Location"));
    }

    @Test
    void aRetriedBoardWithItsIdempotencyKeyIsAnsweredAsTheFirstTime() {
        var floor = fixtures.floorReady("IDB", 63, 1, 1000, 189);
        String board = floor.board("HB-IDB-" + run);
        var first = api.post("hashboards", board, "Idempotency-Key", "board-" + run);
        var retry = api.post("hashboards", board, "Idempotency-Key", "board-" + run);
        assertEquals(201, first.status(), first.toString());
        assertEquals(201, retry.status(), "not 409 duplicate-serial: " + retry);
        assertEquals(first.text(), retry.text());
        var without = api.post("hashboards", board);
        assertEquals(409, without.status(), "without the key a second post is a duplicate serial");
    }

    @Test
    void everyCollectionIsPagedFilteredAndSortedAndBadParametersAre400() {
        String product = product(63, "B2");
        String first = fixtures.buildOrder(
                "BO-LIST-A-" + run, product, 1, 7, Fixtures.today().plusDays(40));
        String second = fixtures.buildOrder(
                "BO-LIST-B-" + run, product, 1, 2, Fixtures.today().plusDays(50));
        String third = fixtures.buildOrder(
                "BO-LIST-C-" + run, product, 1, 2, Fixtures.today().plusDays(20));

        var page0 = api.get("build-orders?product=" + product + "&size=2");
        assertEquals(200, page0.status(), page0.toString());
        assertEquals(3, page0.json().getInt("total"));
        assertEquals(List.of(third, second), ids(page0), "priority, then due date");
        var page1 = api.get("build-orders?product=" + product + "&size=2&page=1");
        assertEquals(List.of(first), ids(page1));
        assertEquals(List.of(second, first, third), ids(api.get("build-orders?product=" + product + "&sort=-dueDate")));
        assertEquals(
                List.of(third),
                ids(api.get("build-orders?product=" + product + "&dueTo="
                        + Fixtures.today().plusDays(30))));
        assertEquals(List.of(second), ids(api.get("build-orders?orderNumber=list-b-" + run)));
        assertEquals(
                0,
                api.get("build-orders?product=" + product + "&status=CANCELLED")
                        .json()
                        .getInt("total"));
        assertEquals(
                0,
                api.get("build-orders?product=" + product + "&page=9")
                        .json()
                        .getJsonArray("items")
                        .size());

        String lot = lot("LOT-LIST-" + run, 10, 0);
        var lots = api.get("wafer-lots?lotNumber=LOT-LIST-" + run).json();
        assertEquals(1, lots.getInt("total"));
        assertEquals(lot, lots.getJsonArray("items").getJsonObject(0).getString("id"));

        for (var bad : List.of(
                List.of("build-orders?status=BOGUS", "status"),
                List.of("build-orders?size=0", "size"),
                List.of("build-orders?size=99999999999", "size"),
                List.of("build-orders?page=-1", "page"),
                List.of("build-orders?sort=colour", "sort"),
                List.of("build-orders?dueFrom=soon", "dueFrom"),
                List.of("hashboards?status=BROKEN", "status"),
                List.of("machines?size=501", "size"),
                List.of("shipments?mode=TELEPORT", "mode"),
                List.of("customers?sort=-age", "sort"),
                List.of("wafer-lots?onHold=maybe", "onHold"),
                List.of("qa/units?kind=CHIP", "kind"),
                List.of("shippable-machines?booked=perhaps", "booked"),
                List.of("events?limit=99999999999", "limit"),
                List.of("dead-letters?limit=lots", "limit"),
                List.of("qa/units/NOPE/tests/first", "attempt"),
                List.of("shipments/NOPE/milestones/0", "number"))) {
            var reply = api.get(bad.get(0));
            assertEquals(400, reply.status(), bad + " -> " + reply);
            assertEquals(
                    bad.get(1),
                    reply.json().getJsonArray("errors").getJsonObject(0).getString("field"),
                    reply.toString());
        }
        for (String list :
                List.of("hashboards", "machines", "shipments", "customers", "qa/units", "shippable-machines")) {
            var reply = api.get(list + "?size=1");
            assertEquals(200, reply.status(), list + " -> " + reply);
            assertTrue(reply.json().getJsonArray("items").size() <= 1, list);
            assertTrue(
                    reply.json().getInt("total")
                            >= reply.json().getJsonArray("items").size(),
                    list);
        }
    }

    @Test
    void metricsCountWhatTheBusinessDidAndTimeEveryEndpoint() {
        double boardsBefore = metric("scm_boards_built_total", "");
        double refusalsBefore = metric("scm_refusals_total", "code=\"exceeds-order-need\"");
        var floor = fixtures.floorReady("MET", 63, 1, 1000, 189);
        assertEquals(201, api.post("hashboards", floor.board("HB-MET-" + run)).status());
        assertEquals(
                409, fixtures.allocate(floor.order(), floor.lot(), "B1", 63).status());

        eventually("the board is counted", () -> metric("scm_boards_built_total", "") >= boardsBefore + 1);
        assertEquals(refusalsBefore + 1, metric("scm_refusals_total", "code=\"exceeds-order-need\""));
        assertTrue(
                metric(
                                "scm_request_seconds_count",
                                "endpoint=\"POST hashboards\",mp_scope=\"application\",status=\"201\"")
                        >= 1,
                "POST hashboards is timed");
        assertTrue(metric("scm_events_written_total", "type=\"BoardAssembled\"") >= 1);
        assertTrue(api.server("/metrics").text().contains("scm_outbox_oldest_age_seconds"));
        var live = api.server("/health/live");
        assertEquals(200, live.status(), live.toString());
        assertTrue(live.text().contains("asic-scm-relay"), live.toString());
    }

    /** A metric's value on /metrics; the labels given must appear in its line; 0 if absent. */
    private double metric(String name, String labels) {
        return api.server("/metrics")
                .text()
                .lines()
                .filter(l -> l.startsWith(name + "{") && l.contains(labels))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void openApiStatesRequiredFieldsPatternsRangesUniqueOperationsAndTheirProblems() {
        var document = api.serverJson("/openapi");
        assertEquals(200, document.status(), document.toString());
        JsonObject schemas = document.json().getJsonObject("components").getJsonObject("schemas");
        JsonObject order = schemas.getJsonObject("BuildOrderRequest");
        assertTrue(order.getJsonArray("required").toString().contains("\"dueDate\""), order.toString());
        assertTrue(order.getJsonArray("required").toString().contains("\"machines\""), order.toString());
        assertFalse(order.getJsonArray("required").toString().contains("\"priority\""), "priority has a default");
        JsonObject machines = order.getJsonObject("properties").getJsonObject("machines");
        assertEquals(1, machines.getInt("minimum"), machines.toString());
        assertEquals(100_000, machines.getInt("maximum"), machines.toString());
        assertEquals(
                "^(?:" + org.asicscm.platform.Codes.PATTERN + ")$",
                order.getJsonObject("properties").getJsonObject("orderNumber").getString("pattern"));
        JsonObject bins =
                schemas.getJsonObject("LotRequest").getJsonObject("properties").getJsonObject("bins");
        assertTrue(bins.containsKey("items"), "a list says what it holds: " + bins);
        assertTrue(schemas.getJsonObject("FactoryRequest")
                .getJsonArray("required")
                .toString()
                .contains("\"code\""));

        var operationIds = new java.util.ArrayList<String>();
        var without4xx = new java.util.ArrayList<String>();
        document.json()
                .getJsonObject("paths")
                .forEach((path, item) -> item.asJsonObject().forEach((method, op) -> {
                    if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
                        return;
                    }
                    operationIds.add(op.asJsonObject().getString("operationId"));
                    boolean takesInput = op.asJsonObject().containsKey("requestBody")
                            || (op.asJsonObject().containsKey("parameters")
                                    && !op.asJsonObject()
                                            .getJsonArray("parameters")
                                            .isEmpty());
                    if (takesInput
                            && op.asJsonObject().getJsonObject("responses").keySet().stream()
                                    .noneMatch(code -> code.startsWith("4"))) {
                        without4xx.add(method + " " + path);
                    }
                }));
        assertEquals(
                operationIds.size(),
                new java.util.HashSet<>(operationIds).size(),
                "duplicated operationIds: " + operationIds);
        assertEquals(List.of(), without4xx, "operations taking input but stating no 4xx answer");
        assertTrue(operationIds.contains("postBuildOrdersByIdAllocations"), operationIds.toString());
        // successes have their codes: a POST that creates answers 201, the rest 200; none is "default"
        JsonObject paths = document.json().getJsonObject("paths");
        assertTrue(paths.getJsonObject("/api/build-orders")
                .getJsonObject("post")
                .getJsonObject("responses")
                .containsKey("201"));
        assertTrue(paths.getJsonObject("/api/build-orders")
                .getJsonObject("get")
                .getJsonObject("responses")
                .containsKey("200"));
        assertTrue(
                paths.getJsonObject("/api/build-orders/{id}/allocate")
                        .getJsonObject("post")
                        .getJsonObject("responses")
                        .containsKey("200"),
                "allocating by policy answers 200 with the run");
        var stillDefault = new java.util.ArrayList<String>();
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, op) -> {
            if (op.getValueType() == jakarta.json.JsonValue.ValueType.OBJECT
                    && op.asJsonObject().containsKey("responses")
                    && op.asJsonObject().getJsonObject("responses").containsKey("default")) {
                stillDefault.add(method + " " + path);
            }
        }));
        assertEquals(List.of(), stillDefault, "operations whose success is still named default");

        // every text a request takes has a length, every list a size (issue 11: strings have lengths in the schema)
        var unbounded = new java.util.ArrayList<String>();
        schemas.forEach((name, schema) -> {
            if (!name.endsWith("Request") || !schema.asJsonObject().containsKey("properties")) {
                return;
            }
            schema.asJsonObject().getJsonObject("properties").forEach((property, value) -> {
                var type = value.asJsonObject().getString("type", "");
                if (type.equals("string")
                        && !value.asJsonObject().containsKey("maxLength")
                        && !value.asJsonObject().containsKey("enum")
                        && !value.asJsonObject().containsKey("format")) {
                    unbounded.add(name + "." + property);
                }
                if (type.equals("array") && !value.asJsonObject().containsKey("maxItems")) {
                    unbounded.add(name + "." + property + "[]");
                }
            });
        });
        assertEquals(List.of(), unbounded, "request properties without a length or size");

        var tagNames = document.json().getJsonArray("tags").stream()
                .map(tag -> tag.asJsonObject().getString("name"))
                .toList();
        assertEquals(tagNames.size(), new java.util.HashSet<>(tagNames).size(), "tags named twice: " + tagNames);
        JsonObject notFound = paths.getJsonObject("/api/build-orders/{id}")
                .getJsonObject("get")
                .getJsonObject("responses")
                .getJsonObject("404");
        assertEquals(
                "#/components/schemas/Problem",
                notFound.getJsonObject("content")
                        .getJsonObject("application/problem+json")
                        .getJsonObject("schema")
                        .getString("$ref"));
        assertTrue(schemas.getJsonObject("Problem").getJsonObject("properties").containsKey("errors"));
        assertEquals(
                "#/components/schemas/LoggedEvent",
                paths.getJsonObject("/api/events")
                        .getJsonObject("get")
                        .getJsonObject("responses")
                        .getJsonObject("200")
                        .getJsonObject("content")
                        .getJsonObject("application/json")
                        .getJsonObject("schema")
                        .getJsonObject("items")
                        .getString("$ref"));
        // .ci/lint-openapi lints this copy with Spectral after the tests
        String out = System.getProperty("it.openapi.out");
        if (out != null) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(out), document.text());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void theReadmesWalkRunsFromALotToADeliveredMachine() throws Exception {
        var script = new ProcessBuilder("bash", "docs/walk.sh", api.applicationUrl()).redirectErrorStream(true);
        script.environment().put("SCM_USER", Api.OPERATOR);
        script.environment().put("SCM_PASSWORD", Api.OPERATOR_PASSWORD);
        script.environment().put("SCM_APPROVER", Api.APPROVER);
        script.environment().put("SCM_APPROVER_PASSWORD", Api.APPROVER_PASSWORD);
        var walk = script.start();
        String output = new String(walk.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(walk.waitFor(3, java.util.concurrent.TimeUnit.MINUTES), output);
        assertEquals(0, walk.exitValue(), output);
        assertTrue(output.contains(" delivered; events at "), output);
    }

    private static List<String> ids(Api.Reply page) {
        return page.json().getJsonArray("items").stream()
                .map(o -> o.asJsonObject().getString("id"))
                .toList();
    }

    private static String jsonWithoutPublishedAt(JsonObject event) {
        var copy = jakarta.json.Json.createObjectBuilder(event);
        copy.remove("publishedAt");
        copy.remove("consumedAt");
        return copy.build().toString();
    }

    @Test
    void theEventLogIsReadByTypeAndTime() {
        String start = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                .minusSeconds(1)
                .toString();
        String lot = lot("LOT-LOG-" + run, 10, 10, "X-Correlation-Id", "log-" + run);
        var received = api.get("events?type=LotReceived&from=" + start).array();
        assertTrue(received.stream().anyMatch(e -> lot.equals(e.asJsonObject().getString("subjectId"))));
        var none = api.get("events?correlationId=log-" + run + "&to=" + start).array();
        assertEquals(0, none.size());
        JsonValue first = api.get("events?correlationId=log-" + run).array().get(0);
        assertEquals("log-" + run, first.asJsonObject().getString("correlationId"));
        assertEquals(400, api.get("events?type=NoSuchEvent").status());
        assertEquals(400, api.get("events?from=yesterday").status());
        var badLimit = api.get("events?limit=0");
        assertEquals(400, badLimit.status());
        assertEquals(
                "limit", badLimit.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
}
