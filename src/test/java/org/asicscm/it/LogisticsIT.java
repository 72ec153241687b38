package org.asicscm.it;

import static org.asicscm.it.Api.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The logistics desk on the real container, database and broker: a customer order's machines
 * booked in two legs, refused release for each condition in turn until paid, packed and
 * screened (a potential match cleared by a second person), its documents read back from the
 * PDF, and both legs tracked to delivery through the carrier webhook with repeats and late posts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogisticsIT {

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

    /** Two machines built, passed and graded 10 TH/s at 98 J/TH; answers their serials. */
    private List<String> gradedMachines(String name) {
        var floor = fixtures.floorReady(name, 4, 3, 200, 36);
        var serials = new java.util.ArrayList<String>();
        for (String which : List.of("A", "B")) {
            String machine = fixtures.machineReadyToShip(floor, name + which).get(3);
            var graded = api.postText(
                    "qa/units/" + machine + "/burn-ins", "application/x-ndjson", Fixtures.burnInLog(3, "4500"));
            assertEquals(201, graded.status(), graded.toString());
            serials.add(machine);
        }
        eventually(
                "the warehouse knows both grades",
                () -> serials.stream()
                        .allMatch(m -> api.get("shippable-machines/" + m).status() == 200
                                && api.get("shippable-machines/" + m).json().containsKey("gradeThs")));
        return serials;
    }

    private static String code(Api.Reply reply) {
        return reply.json().getString("code", reply.toString());
    }

    private String at(OffsetDateTime t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void anOrderShipsInTwoLegsThroughTheGateTheDocumentsAndTheWebhook() throws IOException {
        List<String> machines = gradedMachines("LG");
        String product = api.get("shippable-machines/" + machines.get(0)).json().getString("product");
        // the order was for 3 machines: 2 are in stock, graded; the third is still planned
        eventually(
                "available to promise counts stock and the schedule",
                () -> api.get("available-to-promise?product=" + product).json().getInt("plannedMachines") == 1);
        JsonObject promise = api.get("available-to-promise?product=" + product).json();
        assertEquals(2, promise.getInt("machines"), promise.toString());
        java.time.LocalDate availableOn = java.time.LocalDate.parse(
                promise.getJsonArray("planned").getJsonObject(0).getString("availableOn"));
        assertTrue(!availableOn.isBefore(Fixtures.today().plusDays(2)), promise.toString());
        String customer = api.post("customers", "{\"name\":\"Almaty Compute LLP\",\"country\":\"KZ\"}")
                .json()
                .getString("id");
        var order = api.post("customer-orders", """
                {"orderNumber":"LG-%s","customerId":"%s","product":"%s","machines":2,"minGradeThs":10,
                 "maxGradeJth":98,"promisedDate":"%s","unitPrice":2450.00,"currency":"USD","deposit":1000}""".formatted(
                        run, customer, product, Fixtures.today().plusDays(30)));
        assertEquals(201, order.status(), order.toString());
        String orderId = order.json().getString("id");
        String bothSerials = "[\"" + machines.get(0) + "\",\"" + machines.get(1) + "\"]";
        assertEquals(
                200,
                api.post("customer-orders/" + orderId + "/reservations", "{\"serials\":" + bothSerials + "}")
                        .status());
        JsonObject afterReservation =
                api.get("available-to-promise?product=" + product).json();
        assertEquals(0, afterReservation.getInt("machines"), afterReservation.toString());
        assertEquals(1, afterReservation.getInt("plannedMachines"), "reserving stock leaves the plan as it was");

        // what happens on the legs is dated from now to under five minutes on (the server refuses
        // carrier events from further in the future), so that it follows the booking
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String truck = "SFT-" + run;
        String awb = "160-" + run;
        String booking = """
                {"customerId":"%s","orderId":"%s","machineSerials":%s,"mode":"AIR","carrier":"SF Express",
                 "incoterm":"DAP","destinationCountry":"KZ","hsCode":"8471.50","declaredValueUsd":4900.00,
                 "consignee":{"name":"Almaty Compute LLP","country":"KZ","address":"Al-Farabi 77, Almaty"},
                 "notifyParty":{"name":"Steppe Customs Brokers","country":"KZ"},
                 "forwarder":{"name":"Arctic Hash Trading LLC","country":"AE"},
                 "legs":[{"mode":"TRUCK","carrier":"SF Express","trackingNumber":"%s","origin":"CNSZX",
                          "destination":"HKHKG","plannedDeparture":"%s","plannedArrival":"%s"},
                         {"mode":"AIR","carrier":"Cathay Cargo","trackingNumber":"%s","origin":"HKHKG",
                          "destination":"KZALA","plannedDeparture":"%s","plannedArrival":"%s"}]}""".formatted(
                        customer,
                        orderId,
                        bothSerials,
                        truck,
                        at(now),
                        at(now.plusMinutes(2)),
                        awb,
                        at(now.plusMinutes(1)),
                        at(now.plusMinutes(4)));
        var shipment = api.post("shipments", booking);
        assertEquals(201, shipment.status(), shipment.toString());
        String id = shipment.json().getString("id");
        assertEquals(2, shipment.json().getJsonArray("legs").size());

        // nothing moves before release: not by hand, not by a carrier
        var early = api.post("carriers/SF%20Express/events", """
                {"events":[{"eventId":"E0-%s","trackingNumber":"%s","milestone":"PICKED_UP","occurredAt":"%s"}]}""".formatted(run, truck, at(now.plusSeconds(5))));
        assertEquals(409, early.status(), early.toString());
        assertEquals("not-released", code(early));

        // the gate refuses each missing condition in turn, and names all of them
        var check = api.get("shipments/" + id + "/release").json();
        assertEquals(false, check.getBoolean("releasable"));
        assertEquals(
                List.of("unpaid", "not-packed", "screening-not-passed"),
                List.copyOf(check.getJsonObject("unmet").keySet()));
        var unpaid = api.post("shipments/" + id + "/release", "{}");
        assertEquals(409, unpaid.status(), unpaid.toString());
        assertEquals("unpaid", code(unpaid));
        String payment = "{\"amount\":%s,\"receivedOn\":\"%s\",\"reference\":\"SWIFT-%s-%s\"}";
        api.post("customer-orders/" + orderId + "/payments", payment.formatted("1000", Fixtures.today(), run, 1));
        assertEquals("unpaid", code(api.post("shipments/" + id + "/release", "{}")), "a deposit is not payment");
        api.post("customer-orders/" + orderId + "/payments", payment.formatted("3900", Fixtures.today(), run, 2));
        assertEquals("not-packed", code(api.post("shipments/" + id + "/release", "{}")));

        String carton = "{\"serials\":[\"%s\"],\"pallet\":\"P1\",\"grossKg\":16.5,\"netKg\":14.2,"
                + "\"lengthCm\":57,\"widthCm\":33,\"heightCm\":29}";
        var noPallet = api.post("shipments/" + id + "/cartons", carton.formatted(machines.get(0)));
        assertEquals(400, noPallet.status(), "the pallet comes first: " + noPallet);
        String pallet = "{\"code\":\"P1\",\"tareKg\":12.5,\"lengthCm\":120,\"widthCm\":80,\"heightCm\":110}";
        assertEquals(201, api.post("shipments/" + id + "/pallets", pallet).status());
        assertEquals("duplicate-pallet", code(api.post("shipments/" + id + "/pallets", pallet)));
        assertEquals(
                201,
                api.post("shipments/" + id + "/cartons", carton.formatted(machines.get(0)))
                        .status());
        var twice = api.post("shipments/" + id + "/cartons", carton.formatted(machines.get(0)));
        assertEquals(409, twice.status(), twice.toString());
        assertEquals("already-packed", code(twice));
        var stranger = api.post("shipments/" + id + "/cartons", carton.formatted("M-NOT-ON-IT-" + run));
        assertEquals("not-on-shipment", code(stranger), stranger.toString());
        var heavyNet = api.post(
                "shipments/" + id + "/cartons",
                carton.formatted(machines.get(1)).replace("\"netKg\":14.2", "\"netKg\":20"));
        assertEquals(400, heavyNet.status(), heavyNet.toString());
        assertEquals(
                201,
                api.post("shipments/" + id + "/cartons", carton.formatted(machines.get(1)))
                        .status());
        assertEquals(2, api.get("shipments/" + id + "/cartons").array().size(), "the refused cartons were not kept");

        // screening: the forwarder scores against a listed company; the one who screened may not clear it
        assertEquals("screening-not-passed", code(api.post("shipments/" + id + "/release", "{}")), "not screened");
        String listVersion = fixtures.screeningList();
        var decisions = api.post("shipments/" + id + "/screening", "");
        assertEquals(200, decisions.status(), decisions.toString());
        JsonObject forwarder = decisions.array().stream()
                .map(v -> v.asJsonObject())
                .filter(d -> d.getString("partyRole").equals("FORWARDER"))
                .findFirst()
                .orElseThrow();
        assertEquals("POTENTIAL_MATCH", forwarder.getString("outcome"), forwarder.toString());
        assertEquals(listVersion, forwarder.getString("listVersion"));
        assertEquals(
                "Arctic Hash Trading FZE",
                forwarder.getString("matchedName"),
                "the entry's own name on a tie with an alternate");
        assertEquals("SAMPLE-LIST", forwarder.getString("matchedSource"));
        assertTrue(forwarder.getJsonNumber("score").doubleValue() >= 0.9, forwarder.toString());
        assertTrue(decisions.array().stream()
                .map(v -> v.asJsonObject())
                .filter(d -> !d.getString("partyRole").equals("FORWARDER"))
                .allMatch(d -> d.getString("outcome").equals("CLEAR")));
        assertEquals("screening-not-passed", code(api.post("shipments/" + id + "/release", "{}")));
        String review = "{\"sameParty\":false,\"reason\":\"different trade licence and address\"}";
        var byScreener = api.post("screening/decisions/" + forwarder.getString("id") + "/review", review);
        assertEquals(409, byScreener.status(), byScreener.toString());
        assertEquals("second-person-required", code(byScreener));
        var cleared = api.as(Api.APPROVER, Api.APPROVER_PASSWORD)
                .post("screening/decisions/" + forwarder.getString("id") + "/review", review);
        assertEquals(200, cleared.status(), cleared.toString());
        assertEquals("CLEARED", cleared.json().getString("outcome"));
        assertEquals(
                1,
                api.get("screening/decisions?shipmentId=" + id + "&outcome=CLEARED")
                        .json()
                        .getJsonArray("items")
                        .size());

        var released = api.post("shipments/" + id + "/release", "{}");
        assertEquals(200, released.status(), released.toString());
        assertEquals(Api.OPERATOR, released.json().getString("releasedBy"));
        var again = api.post("shipments/" + id + "/release", "{}");
        assertEquals("already-released", code(again));

        // documents: every serial once, totals from the order and the packing
        String invoice = text(api.bytes("shipments/" + id + "/documents/commercial-invoice"));
        for (String machine : machines) {
            assertEquals(1, occurrences(invoice, machine), invoice);
        }
        assertTrue(invoice.contains("Total value: 4900.00 USD"), invoice);
        assertTrue(invoice.contains("Incoterm: DAP"), invoice);
        assertTrue(invoice.contains("HS code: 8471.50"), invoice);
        assertTrue(invoice.contains("Consignee: Almaty Compute LLP (KZ)"), invoice);
        // gross: two cartons of 16.5 kg on a pallet of 12.5 kg
        assertTrue(invoice.contains("Net weight: 28.40 kg   Gross weight: 45.50 kg"), invoice);
        String packingList = text(api.bytes("shipments/" + id + "/documents/packing-list"));
        for (String machine : machines) {
            assertEquals(1, occurrences(packingList, machine), packingList);
        }
        assertTrue(packingList.contains("Cartons: 2   Pallets: 1"), packingList);
        assertTrue(packingList.contains("Pallet P1: 2 cartons, tare 12.50 kg, 120 x 80 x 110 cm"), packingList);

        // the truck leg: a repeat is answered, not applied; a late post is kept and moves nothing back
        var first = api.post(
                "carriers/SF%20Express/events",
                """
                {"events":[
                  {"eventId":"T1-%1$s","trackingNumber":"%2$s","milestone":"PICKED_UP","occurredAt":"%3$s","location":"Bao'an"},
                  {"eventId":"T2-%1$s","trackingNumber":"%2$s","milestone":"ARRIVED","occurredAt":"%4$s","location":"HKG"},
                  {"eventId":"T1-%1$s","trackingNumber":"%2$s","milestone":"PICKED_UP","occurredAt":"%3$s"}]}""".formatted(run, truck, at(now.plusSeconds(10)), at(now.plusSeconds(60))));
        assertEquals(200, first.status(), first.toString());
        assertEquals(
                List.of("APPLIED", "APPLIED", "DUPLICATE"),
                first.array().stream()
                        .map(v -> v.asJsonObject().getString("outcome"))
                        .toList());
        var late = api.post("carriers/SF%20Express/events", """
                {"events":[{"eventId":"T3-%s","trackingNumber":"%s","milestone":"DEPARTED","occurredAt":"%s"}]}""".formatted(run, truck, at(now.plusSeconds(30))));
        assertEquals("KEPT", late.array().getJsonObject(0).getString("outcome"));
        var unknown = api.post(
                "carriers/SF%20Express/events",
                """
                {"events":[{"eventId":"T4-%s","trackingNumber":"%s","milestone":"DELIVERED","occurredAt":"%s"},
                           {"eventId":"T5-%s","trackingNumber":"NO-SUCH-%s","milestone":"DELIVERED","occurredAt":"%s"}]}""".formatted(run, truck, at(now.plusSeconds(70)), run, run, at(now.plusSeconds(70))));
        assertEquals(409, unknown.status(), unknown.toString());
        assertEquals("unknown-leg", code(unknown));
        JsonObject legs = api.get("shipments/" + id).json();
        assertEquals("ARRIVED", legs.getJsonArray("legs").getJsonObject(0).getString("status"), "T4 was not applied");
        assertEquals("PICKED_UP", legs.getString("status"), "the first leg's arrival is not the shipment's");

        // the air leg: a slipping estimate is an event; the last leg's milestones are the shipment's
        var slipped = api.post(
                "carriers/Cathay%20Cargo/events",
                """
                {"events":[{"eventId":"A1-%s","trackingNumber":"%s","milestone":"DEPARTED","occurredAt":"%s",
                            "location":"HKG","eta":"%s"}]}""".formatted(run, awb, at(now.plusSeconds(90)), at(now.plusHours(30))));
        assertEquals("APPLIED", slipped.array().getJsonObject(0).getString("outcome"), slipped.toString());
        String correlation = shipment.json().getString("correlationId");
        eventually(
                "the slip is published",
                () -> api.get("events?correlationId=" + correlation + "&type=ShipmentEtaSlipped")
                                .array()
                                .size()
                        == 1);
        var landed = api.post(
                "carriers/Cathay%20Cargo/events",
                """
                {"events":[{"eventId":"A2-%1$s","trackingNumber":"%2$s","milestone":"ARRIVED","occurredAt":"%3$s"},
                           {"eventId":"A3-%1$s","trackingNumber":"%2$s","milestone":"CUSTOMS_CLEARED","occurredAt":"%4$s"},
                           {"eventId":"A4-%1$s","trackingNumber":"%2$s","milestone":"DELIVERED","occurredAt":"%5$s"}]}""".formatted(run, awb, at(now.plusSeconds(150)), at(now.plusSeconds(170)), at(now.plusSeconds(200))));
        assertEquals(200, landed.status(), landed.toString());
        JsonObject delivered = api.get("shipments/" + id).json();
        assertEquals("DELIVERED", delivered.getString("status"), delivered.toString());
        assertEquals(
                List.of("BOOKED", "PICKED_UP", "ARRIVED", "CUSTOMS_CLEARED", "DELIVERED"),
                delivered.getJsonArray("milestones").stream()
                        .map(m -> m.asJsonObject().getString("milestone"))
                        .toList());
        var byCarrier = api.get("shipments/on-time?by=CARRIER").array();
        JsonObject cathay = byCarrier.stream()
                .map(v -> v.asJsonObject())
                .filter(r -> r.getString("key").equals("Cathay Cargo"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(byCarrier.toString()));
        assertTrue(cathay.getInt("arrived") >= 1 && cathay.getInt("onTime") >= 1, cathay.toString());

        // the whole story in one call, in time order
        var timeline = api.get("shipments/" + id + "/timeline").array().stream()
                .map(v -> v.asJsonObject())
                .toList();
        List<String> kinds = timeline.stream().map(e -> e.getString("kind")).toList();
        for (String kind : List.of(
                "ORDER",
                "PAYMENT",
                "RESERVATION",
                "BOOKING",
                "PACKING",
                "SCREENING",
                "SCREENING_REVIEW",
                "RELEASE",
                "CARRIER",
                "EVENT")) {
            assertTrue(kinds.contains(kind), kind + " in " + kinds);
        }
        assertTrue(kinds.indexOf("ORDER") < kinds.indexOf("BOOKING"), kinds.toString());
        assertTrue(kinds.indexOf("SCREENING_REVIEW") < kinds.indexOf("RELEASE"), kinds.toString());
        assertTrue(kinds.indexOf("RELEASE") < kinds.lastIndexOf("CARRIER"), kinds.toString());
        assertEquals(
                7,
                timeline.stream()
                        .filter(e -> e.getString("kind").equals("CARRIER"))
                        .count(),
                "every carrier event once, the late one too, the repeat and the refused batch not");
        var times = timeline.stream()
                .map(e -> OffsetDateTime.parse(e.getString("at")))
                .toList();
        for (int i = 1; i < times.size(); i++) {
            assertTrue(!times.get(i).isBefore(times.get(i - 1)), "in time order: " + timeline);
        }
        assertTrue(
                timeline.stream()
                        .anyMatch(e -> e.getString("kind").equals("EVENT")
                                && e.getString("summary").equals("ShipmentReleased")),
                timeline.toString());
    }

    @Test
    void aScreeningListWithABadRowIsRefusedWholeAndTheListInForceStays() {
        String inForce = fixtures.screeningList();
        String bad =
                "name,alternate_names,addresses,country,source\nGood Name Ltd,,,RU,EU\nBad Country Ltd,,,Russia,EU\n";
        var refused = api.postText("screening/lists?version=BAD-" + run, "text/csv", bad);
        assertEquals(400, refused.status(), refused.toString());
        assertEquals(
                "row[2].country",
                refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(inForce, api.get("screening/lists/current").json().getString("version"));
        assertEquals(
                0,
                api.get("screening/lists").array().stream()
                        .filter(l -> l.asJsonObject().getString("version").equals("BAD-" + run))
                        .count());
        var twice = api.postText("screening/lists?version=" + inForce, "text/csv", bad.replace("Russia", "RU"));
        assertEquals(409, twice.status(), twice.toString());
        assertEquals("duplicate-list-version", code(twice));
        var json = api.postText("screening/lists?version=J-" + run, "application/json", "{}");
        assertEquals(415, json.status(), json.toString());
    }

    @Test
    void creditIsApprovedOnlyByASecondPersonAndALicenceIsAskedWhereTheRulesWantOne() {
        var floor = fixtures.floorReady("LC", 4, 3, 200, 36);
        String machine = fixtures.machineReadyToShip(floor, "LC").get(3);
        assertEquals(201, fixtures.pass(machine, "[4,4,4]").status());
        eventually(
                "the machine is in the warehouse",
                () -> api.get("shippable-machines/" + machine).status() == 200);
        String customer = api.post("customers", "{\"name\":\"Minsk Mining JV\",\"country\":\"BY\"}")
                .json()
                .getString("id");
        var shipment = api.post("shipments", """
                {"customerId":"%s","machineSerials":["%s"],"mode":"ROAD","carrier":"DHL",
                 "incoterm":"FCA","destinationCountry":"BY","hsCode":"8471.50","declaredValueUsd":2450.00}""".formatted(customer, machine));
        assertEquals(201, shipment.status(), shipment.toString());
        String id = shipment.json().getString("id");
        var byBooker = api.post("shipments/" + id + "/release/credit-approval", "{\"note\":\"I vouch for them\"}");
        assertEquals(409, byBooker.status(), byBooker.toString());
        assertEquals("second-person-required", code(byBooker));
        assertEquals(
                201,
                api.post(
                                "shipments/" + id + "/cartons",
                                "{\"serials\":[\"" + machine + "\"],\"grossKg\":16.5,\"netKg\":14.2,\"lengthCm\":57,"
                                        + "\"widthCm\":33,\"heightCm\":29}")
                        .status());
        fixtures.screeningList();
        assertEquals(200, api.post("shipments/" + id + "/screening", "").status());
        assertEquals(
                200,
                api.as(Api.APPROVER, Api.APPROVER_PASSWORD)
                        .post("shipments/" + id + "/release/credit-approval", "{\"note\":\"letter of credit LC-1\"}")
                        .status());
        // a quality hold placed after booking reaches shipping by its event and stops release
        var hold = api.post(
                "qa/holds",
                "{\"scope\":\"WAFER_LOT\",\"subject\":\"LOT-LC-" + run + "\",\"reason\":\"wafer-sort excursion\"}");
        assertEquals(201, hold.status(), hold.toString());
        eventually(
                "shipping learns of the hold",
                () -> api.get("shipments/" + id + "/release")
                        .json()
                        .getJsonObject("unmet")
                        .containsKey("quality-hold"));
        var held = api.post("shipments/" + id + "/release", "{\"exportLicence\":\"BY-EL-" + run + "\"}");
        assertEquals(409, held.status(), held.toString());
        assertEquals("quality-hold", code(held));
        assertEquals(
                200,
                api.post("qa/holds/" + hold.json().getString("id") + "/release", "{\"note\":\"excursion explained\"}")
                        .status());
        eventually(
                "shipping learns the hold is lifted",
                () -> !api.get("shipments/" + id + "/release")
                        .json()
                        .getJsonObject("unmet")
                        .containsKey("quality-hold"));
        var unlicensed = api.post("shipments/" + id + "/release", "{}");
        assertEquals(409, unlicensed.status(), unlicensed.toString());
        assertEquals("export-licence-required", code(unlicensed));
        assertEquals(
                List.of("export-licence-required"),
                List.copyOf(api.get("shipments/" + id + "/release")
                        .json()
                        .getJsonObject("unmet")
                        .keySet()));
        var released = api.post("shipments/" + id + "/release", "{\"exportLicence\":\"BY-EL-" + run + "\"}");
        assertEquals(200, released.status(), released.toString());
        assertEquals("BY-EL-" + run, released.json().getString("exportLicence"));
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int occurrences(String text, String word) {
        var matcher = Pattern.compile(Pattern.quote(word) + "\\b").matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
