package org.asicscm.bench;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.asicscm.it.Api;

/**
 * Pushes machines through the running application the way the floor would: boards recorded,
 * tested, built into a machine, the machine tested, until shipping has it. Concurrent clients,
 * each taking the next machine; between steps a client polls the REST API for what JMS carried.
 */
final class RestPipeline {
    private final Api api;
    private final int clients;

    RestPipeline(int port, int clients) throws Exception {
        this.api = new Api(new URL("http://127.0.0.1:" + port + "/asic-scm/"));
        this.clients = clients;
    }

    Pipeline run(String name, int machines) throws Exception {
        String tag = name + "-" + System.nanoTime();
        String correlation = "bench-" + tag;
        String order = setUp(tag, correlation, machines);
        String line = api.get("build-schedules?buildOrderId=" + order)
                .array()
                .getJsonObject(0)
                .getString("lineId");

        double seconds = Clients.run(clients, machines, items -> {
            for (int m = items.take(); m >= 0; m = items.take()) {
                buildAndShip(tag + "-" + m, order, line);
            }
        });
        return new Pipeline(name, machines * 3, seconds, hopLatencies(correlation));
    }

    String setUp(String tag, String correlation, int machines) {
        String[] traced = {"X-Correlation-Id", correlation};
        String chip = "BM1366-" + tag;
        expect(
                201,
                api.post(
                        "chip-models",
                        "{\"code\":\"" + chip + "\",\"processNode\":\"5nm\",\"bins\":[{\"name\":\"B1\","
                                + "\"rank\":1,\"frequencyMhz\":490,\"voltageMv\":1300,\"efficiencyJth\":17.5}]}"));
        expect(
                201,
                api.post(
                        "products",
                        "{\"code\":\"S21-" + tag + "\",\"name\":\"S21 200 TH/s\",\"chipModel\":\"" + chip
                                + "\",\"chipsPerBoard\":108,\"boardsPerMachine\":3,\"minBin\":\"B1\"}"));
        int dies = machines * 3 * 108;
        String lot = expect(
                        201,
                        api.post(
                                "wafer-lots",
                                "{\"lotNumber\":\"LOT-" + tag + "\",\"chipModel\":\"" + chip
                                        + "\",\"wafers\":25,\"bins\":[{\"bin\":\"B1\",\"goodDies\":" + dies + "}]}",
                                traced))
                .getString("id");
        String order = expect(
                        201,
                        api.post(
                                "build-orders",
                                "{\"orderNumber\":\"BO-" + tag + "\",\"product\":\"S21-" + tag
                                        + "\",\"machines\":" + machines
                                        + ",\"dueDate\":\""
                                        + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                                                .plusDays(60) + "\"}",
                                traced))
                .getString("id");
        expect(
                201,
                api.post(
                        "build-orders/" + order + "/allocations",
                        "{\"lotId\":\"" + lot + "\",\"bin\":\"B1\",\"dies\":" + dies + "}"));
        String factory = expect(
                        201,
                        api.post(
                                "factories",
                                "{\"code\":\"F" + Math.abs(tag.hashCode()) + "\",\"name\":\"Fuyong Works\","
                                        + "\"subDistrict\":\"FUYONG\"}"))
                .getString("id");
        String line = expect(
                        201,
                        api.post(
                                "factories/" + factory + "/lines",
                                "{\"code\":\"SMT-1\",\"boardsPerShift\":5000,\"shiftsPerDay\":2}"))
                .getString("id");
        // set up for this product only, so that the planning benchmark's orders never land on it
        expect(
                200,
                api.post(
                        "factories/" + factory + "/lines/" + line + "/capacities",
                        "{\"product\":\"S21-" + tag + "\",\"boardsPerShift\":5000}"));
        await(() -> api.get("build-kits/" + order).status() == 200);
        expect(
                201,
                api.post(
                        "build-schedules",
                        "{\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + line + "\",\"startDate\":\""
                                + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\"}"));
        return order;
    }

    private void buildAndShip(String id, String order, String line) {
        List<String> boards = List.of("HB-" + id + "-1", "HB-" + id + "-2", "HB-" + id + "-3");
        for (String board : boards) {
            expect(
                    201,
                    api.post(
                            "hashboards",
                            "{\"serial\":\"" + board + "\",\"buildOrderId\":\"" + order + "\",\"lineId\":\"" + line
                                    + "\"}"));
        }
        for (String board : boards) {
            await(() -> api.get("qa/units/" + board).status() == 200);
            expect(
                    201,
                    api.post(
                            "qa/units/" + board + "/tests",
                            "{\"hashrateThs\":66.7,\"powerW\":1170,\"chipsDetected\":[108],\"maxTempC\":71}"));
        }
        for (String board : boards) {
            await(() -> "PASSED".equals(api.get("hashboards/" + board).json().getString("status")));
        }
        String machine = "M-" + id;
        expect(
                201,
                api.post(
                        "machines",
                        "{\"serial\":\"" + machine + "\",\"buildOrderId\":\"" + order
                                + "\",\"boardSerials\":[\"" + String.join("\",\"", boards)
                                + "\"],\"controlBoardSerial\":\"CB-" + id
                                + "\",\"psuSerial\":\"PSU-" + id + "\"}"));
        await(() -> api.get("qa/units/" + machine).status() == 200);
        expect(
                201,
                api.post(
                        "qa/units/" + machine + "/tests",
                        "{\"hashrateThs\":200,\"powerW\":3500,\"chipsDetected\":[108,108,108],\"maxTempC\":74}"));
        await(() -> api.get("shippable-machines/" + machine).status() == 200);
    }

    /** From the event log: each event's creation to each consumer's commit. */
    private Map<String, List<Double>> hopLatencies(String correlation) {
        Map<String, List<Double>> hops = new HashMap<>();
        for (JsonObject event : api.events(correlation)) {
            OffsetDateTime occurred = OffsetDateTime.parse(event.getString("occurredAt"));
            event.getJsonObject("consumedAt").forEach((consumer, at) -> {
                double ms = Duration.between(occurred, OffsetDateTime.parse(Api.str(at)))
                                .toNanos()
                        / 1e6;
                hops.computeIfAbsent(event.getString("type") + "->" + consumer, k -> new ArrayList<>())
                        .add(ms);
            });
        }
        return hops;
    }

    static JsonObject expect(int status, Api.Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + reply);
        }
        return reply.text().isEmpty() ? null : reply.json();
    }

    /** Polls what JMS carries to another stage; a stuck pipeline fails the benchmark. */
    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pipeline stuck for 120 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
