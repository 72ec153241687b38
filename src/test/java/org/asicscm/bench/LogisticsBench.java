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
import org.asicscm.compliance.control.NameMatcher;
import org.asicscm.it.Api;

/**
 * The logistics desk's figures (issue 13): restricted-party screening of 10,000 parties against a
 * list of 20,000 entries (in the matcher, and through REST with each decision written), available
 * to promise over 10,000 machines in stock, and the documents of a 500-machine shipment. The stock
 * and the shipment are written straight into the application's H2 file between two runs of the
 * server; the list is loaded through REST. -Pbench -Dbench.logisticsOnly=true.
 */
final class LogisticsBench {
    static final int LISTED = 20_000;
    static final int PARTIES = 10_000;
    static final int IN_STOCK = 10_000;
    static final int SHIPPED = 500;
    static final String PRODUCT = "S21-BENCH";

    private final Path war;
    private final Path microJar;
    private final Path rar;
    private final Path data;
    private final Random random = new Random(13);

    // made-up names: pseudo-words of consonant-vowel syllables (about as many different beginnings as
    // a real list's names have), one in eight in Cyrillic, one in five with a word companies share
    private static final String CONSONANTS = "bcdfghklmnprstvzjw";
    private static final String VOWELS = "aeiouy";
    private static final String CYRILLIC_CONSONANTS = "бвгдзклмнпрстфхчш";
    private static final String CYRILLIC_VOWELS = "аеиоуя";
    private static final String[] COMMON = {"Trading", "Group", "International", "Technology", "Mining", "Logistics"};
    private static final String[] FORMS = {"LLC", "Ltd", "OOO", "GmbH", "FZE", "TOO", "d.o.o.", ""};

    LogisticsBench(Path war, Path microJar, Path rar, Path data) {
        this.war = war;
        this.microJar = microJar;
        this.rar = rar;
        this.data = data;
    }

    void run() throws Exception {
        var listed = new ArrayList<List<String>>();
        for (int i = 0; i < LISTED; i++) {
            listed.add(List.of(name(), name() + " " + FORMS[random.nextInt(FORMS.length)]));
        }
        var parties = new ArrayList<String>();
        for (int i = 0; i < PARTIES; i++) {
            // one in ten a variant of a listed name (reordered, another legal form), the rest made up
            parties.add(
                    i % 10 == 0
                            ? reordered(listed.get(random.nextInt(LISTED)).get(0)) + " LLC"
                            : name() + " " + FORMS[random.nextInt(FORMS.length)]);
        }
        matcher(listed, parties);

        Benchmark.deleteRecursively(data);
        int port = Benchmark.freePort();
        try (var app = MicroProcess.application(war, microJar, rar, data, port)) {
            say("server ready in %.1f s (migrations applied)", app.secondsToReady);
        }
        long start = System.nanoTime();
        String shipmentId = load();
        say(
                "%,d machines in stock and a %,d-machine shipment loaded in %.1f s",
                IN_STOCK, SHIPPED, (System.nanoTime() - start) / 1e9);
        try (var app = MicroProcess.application(war, microJar, rar, data, port)) {
            var api = new Api(new URL("http://127.0.0.1:" + port + "/asic-scm/"));
            availableToPromise(api);
            documents(api, shipmentId);
            screeningThroughRest(api, listed, shipmentId);
        }
    }

    private String name() {
        var name = new StringBuilder();
        int words = 2 + random.nextInt(2);
        for (int w = 0; w < words; w++) {
            boolean cyrillic = random.nextInt(8) == 0;
            String consonants = cyrillic ? CYRILLIC_CONSONANTS : CONSONANTS;
            String vowels = cyrillic ? CYRILLIC_VOWELS : VOWELS;
            var word = new StringBuilder();
            for (int syllable = 0, n = 2 + random.nextInt(2); syllable < n; syllable++) {
                word.append(consonants.charAt(random.nextInt(consonants.length())))
                        .append(vowels.charAt(random.nextInt(vowels.length())));
            }
            word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
            name.append(w == 0 ? "" : " ").append(word);
        }
        if (random.nextInt(5) == 0) {
            name.append(' ').append(COMMON[random.nextInt(COMMON.length)]);
        }
        return name.toString();
    }

    private static String reordered(String name) {
        var words = new ArrayList<>(List.of(name.split(" ")));
        java.util.Collections.reverse(words);
        return String.join(" ", words);
    }

    private void matcher(List<List<String>> listed, List<String> parties) {
        long start = System.nanoTime();
        var entries = new ArrayList<NameMatcher.Listed>();
        for (int i = 0; i < listed.size(); i++) {
            entries.add(new NameMatcher.Listed(i, listed.get(i)));
        }
        var matcher = new NameMatcher(entries);
        say(
                "screening index of %,d entries (%,d names) built in %.0f ms",
                LISTED, matcher.size(), (System.nanoTime() - start) / 1e6);
        for (int i = 0; i < 2_000; i++) {
            matcher.best(parties.get(i % parties.size())); // warm-up
        }
        var millis = new ArrayList<Double>();
        int matches = 0;
        for (String party : parties) {
            long t = System.nanoTime();
            var best = matcher.best(party);
            millis.add((System.nanoTime() - t) / 1e6);
            if (best != null && best.score() >= 0.90) {
                matches++;
            }
        }
        say(
                "screening %,d parties against %,d entries (matcher): p50 %.3f ms, p99 %.3f ms, max %.2f ms;"
                        + " %,d potential matches",
                PARTIES,
                LISTED,
                Stats.percentile(millis, 50),
                Stats.percentile(millis, 99),
                Stats.percentile(millis, 100),
                matches);
    }

    private void availableToPromise(Api api) {
        var millis = new ArrayList<Double>();
        for (int i = 0; i < 250; i++) {
            long t = System.nanoTime();
            var reply = api.get("available-to-promise?product=" + PRODUCT);
            double ms = (System.nanoTime() - t) / 1e6;
            check(reply, 200);
            if (i >= 50) {
                millis.add(ms);
            }
        }
        say(
                "available to promise over %,d machines in stock: p50 %.1f ms, p99 %.1f ms (%d calls)",
                IN_STOCK, Stats.percentile(millis, 50), Stats.percentile(millis, 99), millis.size());
    }

    private void documents(Api api, String shipmentId) {
        for (String document : List.of("commercial-invoice", "packing-list")) {
            var millis = new ArrayList<Double>();
            int size = 0;
            for (int i = 0; i < 25; i++) {
                long t = System.nanoTime();
                byte[] pdf = api.bytes("shipments/" + shipmentId + "/documents/" + document);
                double ms = (System.nanoTime() - t) / 1e6;
                size = pdf.length;
                if (i >= 5) {
                    millis.add(ms);
                }
            }
            say(
                    "%s of a %,d-machine shipment (%,d bytes): p50 %.0f ms, p99 %.0f ms (%d calls)",
                    document, SHIPPED, size, Stats.percentile(millis, 50), Stats.percentile(millis, 99), millis.size());
        }
    }

    private void screeningThroughRest(Api api, List<List<String>> listed, String shipmentId) {
        var csv = new StringBuilder("name,alternate_names,addresses,country,source\n");
        for (List<String> names : listed) {
            csv.append('"')
                    .append(names.get(0))
                    .append("\",\"")
                    .append(names.get(1))
                    .append("\",,RU,BENCH\n");
        }
        long t0 = System.nanoTime();
        check(api.postText("screening/lists?version=BENCH-1", "text/csv", csv.toString()), 201);
        say(
                "a %,d-entry list (%,d KB) loaded through REST in %.1f s",
                LISTED, csv.length() / 1024, (System.nanoTime() - t0) / 1e9);
        var millis = new ArrayList<Double>();
        for (int i = 0; i < 550; i++) {
            long t = System.nanoTime();
            check(api.post("shipments/" + shipmentId + "/screening", ""), 200);
            double ms = (System.nanoTime() - t) / 1e6;
            if (i >= 50) {
                millis.add(ms);
            }
        }
        say(
                "screening a shipment's 2 parties through REST (decisions written): p50 %.1f ms, p99 %.1f ms"
                        + " (%d calls; the first builds the index)",
                Stats.percentile(millis, 50), Stats.percentile(millis, 99), millis.size());
    }

    private static void check(Api.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException(reply.toString());
        }
    }

    /** 10,000 graded machines in stock in six grades, and one shipment of 500 in cartons of one; answers its id. */
    private String load() throws SQLException {
        String url = "jdbc:h2:file:" + data.resolve("h2/scm") + ";WRITE_DELAY=0";
        String shipmentId = "shipment-bench";
        Timestamp at = Timestamp.from(Instant.parse("2026-11-01T00:00:00Z"));
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            db.setAutoCommit(false);
            try (var customer = db.prepareStatement("insert into customer (id, name, country) values (?, ?, ?)")) {
                customer.setString(1, "customer-bench");
                customer.setString(2, "Almaty Compute LLP");
                customer.setString(3, "KZ");
                customer.executeUpdate();
            }
            try (var shipment = db.prepareStatement("insert into shipment (id, customer_id, mode, carrier, incoterm,"
                    + " destination_country, hs_code, declared_value_usd, status, correlation_id, booked_at, version,"
                    + " booked_by) values (?, 'customer-bench', 'AIR', 'SF Express', 'DAP', 'KZ', '8471.50', ?,"
                    + " 'BOOKED', 'bench', ?, 0, 'bench')")) {
                shipment.setString(1, shipmentId);
                shipment.setBigDecimal(2, new java.math.BigDecimal("1225000.00"));
                shipment.setTimestamp(3, at);
                shipment.executeUpdate();
            }
            try (PreparedStatement machine = db.prepareStatement("insert into shippable_machine (serial,"
                            + " build_order_id, correlation_id, shipment_id, ready_at, version, product, grade_ths,"
                            + " grade_jth) values (?, 'bo-bench', 'bench', ?, ?, 0, ?, ?, ?)");
                    PreparedStatement carton = db.prepareStatement("insert into carton (id, shipment_id, number,"
                            + " pallet, gross_kg, net_kg, length_cm, width_cm, height_cm, packed_by, packed_at)"
                            + " values (?, ?, ?, ?, 16.5, 14.2, 57, 33, 29, 'bench', ?)");
                    PreparedStatement item =
                            db.prepareStatement("insert into carton_item (serial, carton_id) values (?, ?)")) {
                for (int m = 0; m < IN_STOCK + SHIPPED; m++) {
                    boolean shipped = m >= IN_STOCK;
                    String serial = String.format("M-%06d", m);
                    machine.setString(1, serial);
                    machine.setString(2, shipped ? shipmentId : null);
                    machine.setTimestamp(3, at);
                    machine.setString(4, PRODUCT);
                    machine.setBigDecimal(5, java.math.BigDecimal.valueOf(180 + 5 * (m % 6)));
                    machine.setBigDecimal(6, new java.math.BigDecimal("17.5"));
                    machine.addBatch();
                    if (shipped) {
                        int number = m - IN_STOCK + 1;
                        carton.setString(1, "carton-" + number);
                        carton.setString(2, shipmentId);
                        carton.setInt(3, number);
                        carton.setString(4, "P" + (number / 40 + 1));
                        carton.setTimestamp(5, at);
                        carton.addBatch();
                        item.setString(1, serial);
                        item.setString(2, "carton-" + number);
                        item.addBatch();
                    }
                }
                machine.executeBatch();
                carton.executeBatch();
                item.executeBatch();
            }
            db.commit();
        }
        return shipmentId;
    }
}
