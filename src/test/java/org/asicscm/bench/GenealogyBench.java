package org.asicscm.bench;

import static org.asicscm.bench.Benchmark.say;

import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.asicscm.it.Api;

/**
 * QA's figures (issue 12): recall by wafer lot, trace by serial and the analytics at 10^4, 10^5
 * and about 10^6 dies, and burn-in uploads of 50,000 samples. The genealogy is written straight
 * into the application's H2 file between runs of the server (what the events would have built:
 * boards of 34 chips from lots of 10,200 dies, 3 boards to a machine, 100 machines to an order,
 * 4 factories with 4 lines each, half the machines shipped), then each figure is timed through
 * REST against the running server. -Pbench -Dbench.qaOnly=true.
 */
final class GenealogyBench {
    static final int CHIPS = 34;
    static final int DIES_PER_LOT = 10_200;
    static final int[] SCALES_IN_MACHINES = {100, 1_000, 10_000};
    static final int CALLS = 200;

    private final Path war;
    private final Path microJar;
    private final Path rar;
    private final Path data;
    private final Random random = new Random(12);

    GenealogyBench(Path war, Path microJar, Path rar, Path data) {
        this.war = war;
        this.microJar = microJar;
        this.rar = rar;
        this.data = data;
    }

    void run() throws Exception {
        Benchmark.deleteRecursively(data);
        int port = Benchmark.freePort();
        // the first start migrates the database the loader then fills
        try (var app = MicroProcess.application(war, microJar, rar, data, port)) {
            say("server ready in %.1f s (migrations applied)", app.secondsToReady);
        }
        int loaded = 0;
        for (int machines : SCALES_IN_MACHINES) {
            long start = System.nanoTime();
            load(loaded, machines);
            loaded = machines;
            say(
                    "%,d dies in %,d machines (%d lots) loaded in %.1f s",
                    machines * 3L * CHIPS, machines, lots(machines), (System.nanoTime() - start) / 1e9);
            try (var app = MicroProcess.application(war, microJar, rar, data, port)) {
                measure(new Api(new URL("http://127.0.0.1:" + port + "/asic-scm/")), machines);
                if (machines == SCALES_IN_MACHINES[SCALES_IN_MACHINES.length - 1]) {
                    burnIns(new Api(new URL("http://127.0.0.1:" + port + "/asic-scm/")), machines);
                }
            }
        }
    }

    private static int lots(int machines) {
        return (machines * 3 * CHIPS + DIES_PER_LOT - 1) / DIES_PER_LOT;
    }

    private void measure(Api api, int machines) {
        int lots = lots(machines);
        warm(api, machines, lots);
        time("recall by wafer lot, first page of 50", () -> "qa/recall?subject=" + lotNumber(random.nextInt(lots)));
        time("trace by machine serial", () -> "qa/trace/" + machineSerial(random.nextInt(machines)));
        time("trace by board serial", () -> "qa/trace/" + boardSerial(random.nextInt(machines), random.nextInt(3)));
        time(
                "recall by control-board lot",
                () -> "qa/recall?scope=CONTROL_BOARD_LOT&subject=CBL-" + random.nextInt(200));
        timeFew(api, "yield by wafer lot", "qa/analytics/yield?by=LOT");
        timeFew(api, "yield by line", "qa/analytics/yield?by=LINE");
        timeFew(api, "yield by week", "qa/analytics/yield?by=WEEK");
        timeFew(api, "Pareto by code", "qa/analytics/pareto");
        timeFew(api, "Pareto by wafer lot", "qa/analytics/pareto?by=LOT");
        currentApi = api;
    }

    private Api currentApi;
    private int calls;

    private void warm(Api api, int machines, int lots) {
        currentApi = api;
        for (int i = 0; i < 50; i++) {
            check(api.get("qa/recall?subject=" + lotNumber(random.nextInt(lots))));
            check(api.get("qa/trace/" + machineSerial(random.nextInt(machines))));
        }
        check(api.get("qa/analytics/yield?by=LOT"));
        check(api.get("qa/analytics/pareto?by=LOT"));
    }

    private void time(String what, Supplier<String> path) {
        var millis = new ArrayList<Double>();
        for (int i = 0; i < CALLS; i++) {
            String p = path.get();
            long start = System.nanoTime();
            check(currentApi.get(p));
            millis.add((System.nanoTime() - start) / 1e6);
        }
        report(what, millis);
    }

    /**
     * Each call with another (all-including) start date: H2 answers a repeated query from its result
     * cache, which would time the cache, not the query.
     */
    private void timeFew(Api api, String what, String path) {
        var millis = new ArrayList<Double>();
        for (int i = 0; i < 20; i++) {
            String from = java.time.LocalDate.of(2026, 9, 30).minusDays(calls++).toString();
            long start = System.nanoTime();
            check(api.get(path + (path.contains("?") ? "&" : "?") + "from=" + from));
            millis.add((System.nanoTime() - start) / 1e6);
        }
        report(what, millis);
    }

    private static void report(String what, List<Double> millis) {
        say(
                "  %-40s p50 %7.1f ms  p99 %7.1f ms  (%d calls)",
                what, Stats.percentile(millis, 50), Stats.percentile(millis, 99), millis.size());
    }

    private static void check(Api.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException(reply.toString());
        }
    }

    /** Machines whose index is 1 modulo 20 wait for their test: each takes one 50,000-sample log. */
    private void burnIns(Api api, int machines) {
        var millis = new ArrayList<Double>();
        int uploads = Math.min(30, machines / 20);
        for (int i = 0; i < uploads; i++) {
            String log = burnInLog(50_000);
            long start = System.nanoTime();
            var reply =
                    api.postText("qa/units/" + machineSerial(i * 20 + 1) + "/burn-ins", "application/x-ndjson", log);
            millis.add((System.nanoTime() - start) / 1e6);
            if (reply.status() != 201) {
                throw new IllegalStateException(reply.toString());
            }
        }
        report("burn-in upload, 50,000 samples (~5.3 MB)", millis);
    }

    private String burnInLog(int samples) {
        var log = new StringBuilder(samples * 120);
        long t0 = Instant.parse("2026-11-27T00:00:00Z").getEpochSecond();
        for (int i = 0; i < samples; i++) {
            int chain = i % 3;
            log.append("{\"t\":\"")
                    .append(Instant.ofEpochSecond(t0 + i / 3 * 2))
                    .append("\",\"chain\":")
                    .append(chain)
                    .append(",\"hashrateGhs\":")
                    .append(36_000 + random.nextInt(2_000))
                    .append(".5,\"chipTempC\":")
                    .append(60 + random.nextInt(15))
                    .append(",\"pcbTempC\":55,\"errors\":")
                    .append(random.nextInt(3))
                    .append(chain == 0 ? ",\"powerW\":3250" : "")
                    .append("}\n");
        }
        return log.toString();
    }

    static String lotNumber(int i) {
        return String.format("N7-%04d", i);
    }

    static String machineSerial(int m) {
        return String.format("M-%06d", m);
    }

    static String boardSerial(int m, int b) {
        return String.format("HB-%06d-%d", m, b);
    }

    /** Writes machines [from, to) with their boards, dies, tests and shipments, as the events would have. */
    private void load(int from, int to) throws SQLException {
        String url = "jdbc:h2:file:" + data.resolve("h2/scm") + ";WRITE_DELAY=0";
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            db.setAutoCommit(false);
            var loader = new Loader(db);
            for (int m = from; m < to; m++) {
                loader.machine(m);
            }
            loader.flush();
            db.commit();
        }
    }

    private static final class Loader {
        private final PreparedStatement order;
        private final PreparedStatement unit;
        private final PreparedStatement test;
        private final PreparedStatement board;
        private final PreparedStatement run;
        private final PreparedStatement machine;
        private final PreparedStatement fieldReturn;
        private final Instant t0 = Instant.parse("2026-10-01T00:00:00Z");
        private int pending;

        Loader(Connection db) throws SQLException {
            order = db.prepareStatement(
                    "insert into qa_order (build_order_id, order_number, product, chips_per_board) values (?, ?, 'S19P', 34)");
            unit = db.prepareStatement("insert into qa_unit (serial, kind, build_order_id, chains, chips_per_chain,"
                    + " status, attempts, correlation_id, updated_at, version, product, firmware, rework_loops,"
                    + " first_pass, first_tested_at, factory_failures, passed_at_factory)"
                    + " values (?, ?, ?, ?, 34, ?, ?, ?, ?, 0, 'S19P', ?, ?, ?, ?, ?, ?)");
            test = db.prepareStatement("insert into qa_test (id, serial, attempt, hashrate_ths, power_w,"
                    + " efficiency_jth, chips_detected, max_temp_c, outcome, failure_code, note, tested_at,"
                    + " field_return) values (?, ?, ?, ?, ?, ?, ?, 71, ?, ?, null, ?, false)");
            board = db.prepareStatement("insert into gen_board (serial, build_order_id, chip_model, line_id,"
                    + " line_code, factory_id, shift, assembled_at, machine_serial, chain)"
                    + " values (?, ?, 'BM1398', ?, ?, ?, ?, ?, ?, ?)");
            run = db.prepareStatement("insert into gen_die_run (board_serial, first_chip, last_chip, lot_id,"
                    + " lot_number, bin, rework_id) values (?, ?, ?, ?, ?, ?, null)");
            machine = db.prepareStatement("insert into gen_machine (serial, build_order_id, control_board_serial,"
                    + " control_board_lot, psu_serial, psu_lot, assembled_at, shipment_id, customer_id,"
                    + " customer_name, destination_country, shipped_at, delivered_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)");
            fieldReturn = db.prepareStatement("insert into qa_return (id, serial, reported_failure, customer_report,"
                    + " status, received_by, received_at, closed_at, version)"
                    + " values (?, ?, 'FAN_FAILURE', 'fan stopped', 'OPEN', 'bench', ?, null, 0)");
        }

        private static final String[] CODES = {
            "ASIC_MISSING", "ASIC_MISSING", "TEMP_SENSOR_FAULT", "FAN_FAILURE", "LOW_HASHRATE", "COLD_SOLDER_JOINT"
        };

        void machine(int m) throws SQLException {
            String orderId = "bo-" + (m / 100);
            if (m % 100 == 0) {
                order.setString(1, orderId);
                order.setString(2, "BO-" + (m / 100));
                order.addBatch();
            }
            Timestamp at = Timestamp.from(t0.plusSeconds(m * 600L));
            for (int b = 0; b < 3; b++) {
                int n = m * 3 + b;
                String serial = boardSerial(m, b);
                int line = n % 16;
                board.setString(1, serial);
                board.setString(2, orderId);
                board.setString(3, "line-" + line);
                board.setString(4, String.format("L%02d", line + 1));
                board.setString(5, "F" + (line / 4 + 1));
                board.setString(6, "2026-10-01/S" + (n % 2 + 1));
                board.setTimestamp(7, at);
                board.setString(8, machineSerial(m));
                board.setInt(9, b);
                board.addBatch();
                int firstDie = n * CHIPS;
                String bin = n % 3 == 2 ? "B2" : "B1";
                int position = 0;
                while (position < CHIPS) {
                    int lot = (firstDie + position) / DIES_PER_LOT;
                    int lastInLot = Math.min(CHIPS - 1, (lot + 1) * DIES_PER_LOT - firstDie - 1);
                    run.setString(1, serial);
                    run.setInt(2, position);
                    run.setInt(3, lastInLot);
                    run.setString(4, "lot-" + lot);
                    run.setString(5, lotNumber(lot));
                    run.setString(6, bin);
                    run.addBatch();
                    position = lastInLot + 1;
                }
                boolean failedFirst = n % 25 == 7;
                unit(serial, "BOARD", orderId, 1, "PASSED", failedFirst, at, m);
            }
            boolean shipped = m % 2 == 0;
            machine.setString(1, machineSerial(m));
            machine.setString(2, orderId);
            machine.setString(3, "CB-" + m);
            machine.setString(4, "CBL-" + (m % 200));
            machine.setString(5, "PSU-" + m);
            machine.setString(6, "PSUL-" + (m % 100));
            machine.setTimestamp(7, at);
            machine.setString(8, shipped ? "SH-" + (m / 50) : null);
            machine.setString(9, shipped ? "cust-" + (m % 40) : null);
            machine.setString(10, shipped ? "Customer " + (m % 40) : null);
            machine.setString(11, shipped ? "KZ" : null);
            machine.setTimestamp(12, shipped ? at : null);
            machine.addBatch();
            String status = m % 20 == 0 ? "FAILED" : m % 20 == 1 ? "AWAITING_TEST" : "PASSED";
            unit(machineSerial(m), "MACHINE", orderId, 3, status, status.equals("FAILED"), at, m);
            if (shipped && m % 97 == 0) {
                fieldReturn.setString(1, UUID.randomUUID().toString());
                fieldReturn.setString(2, machineSerial(m));
                fieldReturn.setTimestamp(3, at);
                fieldReturn.addBatch();
            }
            if (++pending >= 500) {
                flush();
            }
        }

        private void unit(
                String serial,
                String kind,
                String order,
                int chains,
                String status,
                boolean failedFirst,
                Timestamp at,
                int m)
                throws SQLException {
            boolean awaiting = status.equals("AWAITING_TEST");
            int attempts = awaiting ? 0 : failedFirst && status.equals("PASSED") ? 2 : 1;
            unit.setString(1, serial);
            unit.setString(2, kind);
            unit.setString(3, order);
            unit.setInt(4, chains);
            unit.setString(5, status);
            unit.setInt(6, attempts);
            unit.setString(7, "c-" + order);
            unit.setTimestamp(8, at);
            unit.setString(9, awaiting ? null : "FW-1." + (m % 5));
            unit.setInt(10, attempts == 2 ? 1 : 0);
            unit.setObject(11, awaiting ? null : !failedFirst);
            unit.setTimestamp(12, awaiting ? null : at);
            unit.setInt(13, failedFirst ? 1 : 0);
            unit.setBoolean(14, status.equals("PASSED"));
            unit.addBatch();
            for (int attempt = 1; attempt <= attempts; attempt++) {
                boolean failed = failedFirst && attempt == 1;
                test.setString(1, UUID.randomUUID().toString());
                test.setString(2, serial);
                test.setInt(3, attempt);
                test.setBigDecimal(4, new java.math.BigDecimal(chains * 36));
                test.setBigDecimal(5, new java.math.BigDecimal(chains * 1050));
                test.setBigDecimal(6, new java.math.BigDecimal("29.167"));
                test.setString(7, chains == 1 ? "34" : "34,34,34");
                test.setString(8, failed ? "FAILED" : "PASSED");
                test.setString(9, failed ? CODES[m % CODES.length] : null);
                test.setTimestamp(10, at);
                test.addBatch();
            }
        }

        void flush() throws SQLException {
            for (PreparedStatement s : List.of(order, board, run, machine, unit, test, fieldReturn)) {
                s.executeBatch();
            }
            pending = 0;
        }
    }
}
