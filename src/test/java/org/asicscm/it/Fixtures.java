package org.asicscm.it;

import static org.asicscm.it.Api.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Master data made through REST, for the container tests and the benchmark: one chip model per
 * instance with bins B1 to B3.
 */
public final class Fixtures {
    final Api api;
    public final String run;
    public final String chipModel;

    public Fixtures(Api api) {
        this.api = api;
        // Arquillian may start a class's tests while the application's start-up singletons (Flyway
        // on an empty PostgreSQL schema) still hold back its web context: wait until it answers.
        // CI once saw one class wait more than 30 s here (stop 20), never locally: the wait is
        // reported, and longer, so that a slow start shows as a figure and not as four failures
        long asked = System.nanoTime();
        Api.eventually("the application answers", Duration.ofSeconds(120), () -> {
            try {
                return api.get("events?limit=1").status() == 200;
            } catch (IllegalStateException notListening) {
                return false;
            }
        });
        long waited = (System.nanoTime() - asked) / 1_000_000;
        if (waited > 5_000) {
            System.out.println("[fixtures] the application answered after " + waited + " ms");
        }
        this.run = Deployments.unique();
        this.chipModel = "BM1398-" + run;
        var model = api.post("chip-models", """
                {"code":"%s","processNode":"7nm","bins":[
                 {"name":"B1","rank":1,"frequencyMhz":650,"voltageMv":1280,"efficiencyJth":29.5},
                 {"name":"B2","rank":2,"frequencyMhz":600,"voltageMv":1320,"efficiencyJth":32.0},
                 {"name":"B3","rank":3,"frequencyMhz":550,"voltageMv":1360,"efficiencyJth":34.5}]}""".formatted(chipModel));
        assertEquals(201, model.status(), model.toString());
    }

    /** Loads docs/screening-list-sample.csv as a new list version, in force from now; answers the version. */
    public String screeningList() {
        String version = "IT-" + Deployments.unique();
        String csv;
        try {
            csv = Files.readString(Path.of("docs/screening-list-sample.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var loaded = api.postText("screening/lists?version=" + version, "text/csv", csv);
        assertEquals(201, loaded.status(), loaded.toString());
        return version;
    }

    /**
     * Takes a shipment booked without an order through the release gate: every machine in a carton
     * of its own, its parties screened on a freshly loaded list, its credit approved by the second
     * person, released with the licence number (null where none is needed).
     */
    public void releaseWithoutOrder(String shipmentId, List<String> serials, String licence) {
        for (String serial : serials) {
            var packed = api.post(
                    "shipments/" + shipmentId + "/cartons",
                    "{\"serials\":[\"" + serial + "\"],\"grossKg\":16.5,\"netKg\":14.2,\"lengthCm\":57,"
                            + "\"widthCm\":33,\"heightCm\":29}");
            assertEquals(201, packed.status(), packed.toString());
        }
        screeningList();
        var screened = api.post("shipments/" + shipmentId + "/screening", "");
        assertEquals(200, screened.status(), screened.toString());
        var approved = api.as(Api.APPROVER, Api.APPROVER_PASSWORD)
                .post(
                        "shipments/" + shipmentId + "/release/credit-approval",
                        "{\"note\":\"a customer of good standing\"}");
        assertEquals(200, approved.status(), approved.toString());
        var released = api.post(
                "shipments/" + shipmentId + "/release",
                licence == null ? "{}" : "{\"exportLicence\":\"" + licence + "\"}");
        assertEquals(200, released.status(), released.toString());
    }

    public String qaStatus(String serial) {
        var reply = api.get("qa/units/" + serial);
        return reply.status() == 200 ? reply.json().getString("status") : "ABSENT";
    }

    public Api.Reply pass(String serial, String chipsDetected) {
        return api.post(
                "qa/units/" + serial + "/tests",
                "{\"hashrateThs\":13.5,\"powerW\":1323,\"chipsDetected\":" + chipsDetected
                        + ",\"station\":\"ST-7\",\"firmware\":\"FW-1.0\"}");
    }

    /** Boards of 4 chips each, built and passed, then a machine of the first three; answers the serials. */
    public List<String> machineReadyToShip(Floor floor, String name) {
        var boards = new ArrayList<String>();
        for (int i = 1; i <= 3; i++) {
            String serial = "HB-" + name + i + "-" + run;
            var built = api.post("hashboards", floor.board(serial));
            assertEquals(201, built.status(), built.toString());
            boards.add(serial);
        }
        eventually("boards reach QA", () -> boards.stream().allMatch(b -> "AWAITING_TEST".equals(qaStatus(b))));
        for (String board : boards) {
            assertEquals(201, pass(board, "[4]").status());
        }
        eventually(
                "assembly learns the verdicts",
                () -> boards.stream()
                        .allMatch(b -> "PASSED"
                                .equals(api.get("hashboards/" + b).json().getString("status"))));
        String machine = "M-" + name + "-" + run;
        var assembled = api.post("machines", """
                {"serial":"%s","buildOrderId":"%s","boardSerials":["%s","%s","%s"],
                 "controlBoardSerial":"CB-%s","psuSerial":"PSU-%s","controlBoardLot":"CBL-%s","psuLot":"PSUL-%s"}""".formatted(
                machine, floor.order(), boards.get(0), boards.get(1), boards.get(2), machine, machine, run, run));
        assertEquals(201, assembled.status(), assembled.toString());
        eventually("the machine reaches QA", () -> "AWAITING_TEST".equals(qaStatus(machine)));
        boards.add(machine);
        return boards;
    }

    /** A burn-in log of 20 minutes: each chain at ghs GH/s, 68 °C, 1,320 W. */
    public static String burnInLog(int chains, String ghs) {
        var log = new StringBuilder();
        for (int minute = 0; minute < 20; minute++) {
            for (int chain = 0; chain < chains; chain++) {
                log.append(String.format(
                        "{\"t\":\"2026-11-27T10:%02d:00Z\",\"chain\":%d,\"hashrateGhs\":%s,\"chipTempC\":68,"
                                + "\"pcbTempC\":55,\"errors\":0,\"powerW\":1320}%n",
                        minute, chain, ghs));
            }
        }
        return log.toString();
    }

    /** A product taking chipsPerBoard dies of at least bin minBin, with the better bins as substitutes. */
    public String product(int chipsPerBoard, String minBin) {
        String code = "P-" + chipsPerBoard + "-" + minBin + "-" + run;
        if (api.get("products/" + code).status() == 200) {
            return code;
        }
        String substitutes = switch (minBin) {
            case "B3" -> "[\"B2\",\"B1\"]";
            case "B2" -> "[\"B1\"]";
            default -> "[]";
        };
        var reply = api.post("products", """
                {"code":"%s","name":"S9 13.5 TH/s","chipModel":"%s","chipsPerBoard":%d,"boardsPerMachine":3,
                 "minBin":"%s","substitutes":%s}""".formatted(code, chipModel, chipsPerBoard, minBin, substitutes));
        assertEquals(201, reply.status(), reply.toString());
        return code;
    }

    public String lot(String lotNumber, int b1, int b2, String... headers) {
        var reply = api.post("wafer-lots", """
                {"lotNumber":"%s","chipModel":"%s","wafers":25,
                 "bins":[{"bin":"B1","goodDies":%d},{"bin":"B2","goodDies":%d}]}""".formatted(lotNumber, chipModel, b1, b2), headers);
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getString("id");
    }

    public String buildOrder(String number, String product, int machines, int priority, String... headers) {
        return buildOrder(number, product, machines, priority, today().plusDays(30), headers);
    }

    public String buildOrder(
            String number, String product, int machines, int priority, LocalDate due, String... headers) {
        var reply = api.post("build-orders", """
                {"orderNumber":"%s","product":"%s","machines":%d,"dueDate":"%s","priority":%d}""".formatted(number, product, machines, due, priority), headers);
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getString("id");
    }

    public Api.Reply allocate(String order, String lot, String bin, int dies) {
        return api.post(
                "build-orders/" + order + "/allocations",
                "{\"lotId\":\"" + lot + "\",\"bin\":\"" + bin + "\",\"dies\":" + dies + "}");
    }

    public String line(String factoryCode, int boardsPerShift, int shiftsPerDay) {
        return line(factory(factoryCode), "SMT-1", boardsPerShift, shiftsPerDay);
    }

    public String factory(String code) {
        var factory = api.post(
                "factories",
                "{\"code\":\"" + code + "\",\"name\":\"Xixiang Hashboard Works\"," + "\"subDistrict\":\"XIXIANG\"}");
        assertEquals(201, factory.status(), factory.toString());
        return factory.json().getString("id");
    }

    public String line(String factoryId, String code, int boardsPerShift, int shiftsPerDay) {
        var line = api.post(
                "factories/" + factoryId + "/lines",
                "{\"code\":\"" + code + "\",\"boardsPerShift\":" + boardsPerShift + ",\"shiftsPerDay\":" + shiftsPerDay
                        + "}");
        assertEquals(201, line.status(), line.toString());
        return line.json().getString("id");
    }

    /** Today at the test factories, all in Bao'an: plans are dates in the factory's time zone. */
    public static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    }

    /** A build order with dies in its kit on the floor and a line it is scheduled on: ready for boards. */
    public record Floor(String lot, String order, String line) {
        public String board(String serial) {
            return "{\"serial\":\"" + serial + "\",\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + line + "\"}";
        }
    }

    /** One lot of lotDies B1 dies, allocatedDies of them to a new priority-1 order, a line, and the plan. */
    public Floor floorReady(String name, int chipsPerBoard, int machines, int lotDies, int allocatedDies) {
        String product = product(chipsPerBoard, "B2");
        String lot = lot("LOT-" + name + "-" + run, lotDies, 0);
        String order = buildOrder("BO-" + name + "-" + run, product, machines, 1);
        var allocated = allocate(order, lot, "B1", allocatedDies);
        assertEquals(201, allocated.status(), allocated.toString());
        String line = line(name + run, 5_000, 3);
        Api.eventually("the dies reach the kit on the floor", () -> {
            var kit = api.get("build-kits/" + order);
            return kit.status() == 200 && kit.json().getInt("diesAvailable") == allocatedDies;
        });
        var scheduled = api.post(
                "build-schedules",
                "{\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + line + "\",\"startDate\":\"" + today() + "\"}");
        assertEquals(201, scheduled.status(), scheduled.toString());
        return new Floor(lot, order, line);
    }
}
