package org.asicscm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation in the OpenAPI document, tried as a hostile client would, signed in with every
 * role (so nothing is refused for want of one): malformed and trailing JSON, wrong types,
 * numbers that overflow (2^31, 2^63, 1e308) or have fractions, unknown properties, a 1 MB string,
 * bodies over the limit (and one of 20 MB), a wrong and a malformed Content-Type, malformed and
 * unknown ids, injection strings and control characters in paths and query parameters. Every
 * answer must be a 4xx problem+json without a stack trace, SQL or Java class name, and no table
 * may gain or lose a row.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {
    private static final Pattern LEAK = Pattern.compile(
            "(?i)(exception|java\\.|jakarta\\.|org\\.(?!asicscm)[a-z]+\\.|sqlstate|select .* from|insert into|\\bat [a-z]+\\.)");
    private static final String HUGE_STRING = "x".repeat(1_048_576);
    private static final List<String> BAD_IDS = List.of(
            "probe-unknown",
            "%zz%",
            "..%2F..%2Fetc%2Fpasswd",
            URLEncoder.encode("' OR '1'='1", StandardCharsets.UTF_8),
            "%00",
            "y".repeat(3000));
    private static final List<String> BAD_QUERY = List.of(
            "99999999999",
            "-1",
            "BOGUS",
            "1e308",
            "2026-13-45",
            "+999999999-01-01",
            "'; drop table app_user; --",
            "%00",
            "%zz",
            "z".repeat(5000));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    void noHostileRequestGetsPastTheBoundaryOrLeaksHowTheServerIsBuilt() throws Exception {
        var api = new Api(base);
        api.get("session"); // signs the operator in (and creates it) before the tables are counted
        Map<String, Long> before = settledRows(api);
        JsonObject document = api.serverJson("/openapi").json();
        JsonObject paths = document.getJsonObject("paths");
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String app = api.applicationUrl();
        String operator = Api.basic(Api.OPERATOR, Api.OPERATOR_PASSWORD);
        var failures = new ArrayList<String>();
        int operations = 0;
        int requests = 0;
        boolean sentHugeBody = false;
        for (var path : new TreeMap<>(paths).entrySet()) {
            for (var entry : path.getValue().asJsonObject().entrySet()) {
                String method = entry.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE").contains(method)) {
                    continue;
                }
                if (path.getKey().equals("/api/session") && !method.equals("POST")) {
                    continue; // signing out is not hostile input
                }
                operations++;
                JsonObject op = entry.getValue().asJsonObject();
                boolean hasPathParameter = path.getKey().contains("{");
                // what each attempt sends: a path, a body (or none) and a content type
                var attempts = new ArrayList<Attempt>();
                for (String id : hasPathParameter ? BAD_IDS : List.of("")) {
                    String target = path.getKey().replaceAll("\\{[^}]+}", id);
                    if (!hasPathParameter && !op.containsKey("requestBody")) {
                        continue; // a plain call of an operation that takes nothing is no attack
                    }
                    if (method.equals("GET") || method.equals("DELETE")) {
                        attempts.add(new Attempt(target, null, null));
                    } else {
                        attempts.add(new Attempt(target, "{\"x-unknown\":1}", "application/json"));
                    }
                }
                String target = path.getKey().replaceAll("\\{[^}]+}", "probe-unknown");
                for (String name : queryParameters(op)) {
                    for (String value : BAD_QUERY) {
                        String encoded =
                                value.startsWith("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
                        attempts.add(new Attempt(
                                target + "?" + name + "=" + encoded,
                                method.equals("GET") ? null : "{\"x-unknown\":1}",
                                "application/json"));
                    }
                }
                if (op.containsKey("requestBody") && !hasPathParameter) {
                    // bodies, on operations whose path names nothing that does not exist
                    for (String body : bodies(op, schemas)) {
                        attempts.add(new Attempt(target, body, "application/json"));
                    }
                    attempts.add(new Attempt(target, "{}", "text/plain"));
                    attempts.add(new Attempt(target, "{}", ";;;=="));
                    attempts.add(new Attempt(target, "{\"a\":\"" + "y".repeat(2_100_000) + "\"}", "application/json"));
                    if (!sentHugeBody) {
                        attempts.add(new Attempt(target, " ".repeat(20 * 1024 * 1024), "application/json"));
                        sentHugeBody = true;
                    }
                }
                for (Attempt attempt : attempts) {
                    Reply reply;
                    try {
                        var request = HttpRequest.newBuilder(URI.create(app + attempt.path()))
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", operator)
                                .method(
                                        method,
                                        attempt.body() == null
                                                ? HttpRequest.BodyPublishers.noBody()
                                                : HttpRequest.BodyPublishers.ofString(attempt.body()));
                        if (attempt.contentType() != null) {
                            request.header("Content-Type", attempt.contentType());
                        }
                        var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        reply = new Reply(
                                answer.statusCode(),
                                answer.headers().firstValue("Content-Type").orElse(""),
                                answer.body());
                    } catch (IllegalArgumentException malformed) {
                        // a path java.net.URI refuses to build ("%zz%"): sent as raw bytes
                        reply = raw(URI.create(app), method, attempt, operator);
                    }
                    requests++;
                    String type = reply.contentType();
                    String what = method + " " + shorten(attempt.path()) + " ["
                            + shorten(attempt.body() == null ? "" : attempt.body()) + "] " + attempt.contentType();
                    boolean query = attempt.path().contains("?");
                    if (attempt.path().contains("%zz%") && !query) {
                        // Payara's HTTP listener answers a path it cannot decode before the application
                        // sees it: 200 with no body (README, "Hostile input"). Asserted as it is, so the
                        // day the runtime answers 400 this test says so.
                        if (reply.status() != 200 || !reply.body().isEmpty()) {
                            failures.add(what + ": the listener's answer changed to " + reply.status());
                        }
                        continue;
                    }
                    if (attempt.path().contains("%00")
                            && !query
                            && reply.status() == 400
                            && reply.body().isEmpty()) {
                        continue; // refused by the listener as an invalid URI, before the application
                    }
                    if (query && method.equals("GET") && reply.status() == 200) {
                        continue; // a filter that matches nothing is a fine answer to a read
                    }
                    if (reply.status() < 400 || reply.status() >= 500) {
                        failures.add(what + ": " + reply.status() + " " + shorten(reply.body()));
                    } else if (!type.startsWith("application/problem+json")) {
                        failures.add(what + ": " + reply.status() + " as " + type + " " + shorten(reply.body()));
                    } else if (LEAK.matcher(reply.body()).find()) {
                        failures.add(what + ": leaks " + shorten(reply.body()));
                    }
                }
            }
        }
        System.out.printf(
                "HostileInputIT: %d operations, %d hostile requests, %d failures%n",
                operations, requests, failures.size());
        assertEquals(List.of(), failures, failures.size() + " hostile requests got through or leaked");
        assertTrue(sentHugeBody, "a 20 MB body was sent");
        assertEquals(before, settledRows(api), "row counts of every table");
    }

    @Test
    void numbersAreTakenAsWrittenOrRefusedNeverWrapped() {
        var api = new Api(base);
        var fixtures = new Fixtures(api);
        String product = fixtures.product(100, "B2");
        String number = "BO-WRAP-" + fixtures.run;
        for (String machines : List.of("4294967396", "-4294967196", "2.5", "1e308")) {
            var refused = api.post(
                    "build-orders",
                    "{\"orderNumber\":\"" + number + "\",\"product\":\"" + product + "\",\"machines\":" + machines
                            + ",\"dueDate\":\"2027-06-30\"}");
            assertEquals(400, refused.status(), machines + ": " + refused);
            assertEquals(
                    "machines",
                    refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        var listed = api.get("build-orders?orderNumber=" + number);
        assertEquals(0, listed.json().getInt("total"), "no order was stored: " + listed);
        var typo = api.post(
                "build-orders",
                "{\"orderNumber\":\"" + number + "\",\"product\":\"" + product
                        + "\",\"machines\":10,\"dueDate\":\"2027-06-30\",\"priorty\":1}");
        assertEquals(400, typo.status(), typo.toString());
        assertEquals(
                "priorty", typo.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        var exact = api.post(
                "build-orders",
                "{\"orderNumber\":\"" + number + "\",\"product\":\"" + product
                        + "\",\"machines\":1.0e1,\"dueDate\":\"2027-06-30\",\"customerOrderRef\":\"PO\\u0000-1\\u202e\"}");
        assertEquals(201, exact.status(), "10 written as 1.0e1 is 10: " + exact);
        assertEquals(10, exact.json().getInt("machines"));
        assertEquals("PO-1", exact.json().getString("customerOrderRef"), "control characters are removed");
    }

    private record Attempt(String path, String body, String contentType) {}

    private record Reply(int status, String contentType, String body) {}

    /** One request over a plain socket, for a path no URI class will build. */
    private static Reply raw(URI app, String method, Attempt attempt, String authorization) throws Exception {
        try (var socket = new java.net.Socket(app.getHost(), app.getPort())) {
            socket.setSoTimeout(30_000);
            byte[] body = attempt.body() == null ? new byte[0] : attempt.body().getBytes(StandardCharsets.UTF_8);
            String head = method + " " + app.getRawPath() + attempt.path() + " HTTP/1.1\r\n"
                    + "Host: " + app.getHost() + ":" + app.getPort() + "\r\n"
                    + "Authorization: " + authorization + "\r\n"
                    + (attempt.contentType() == null ? "" : "Content-Type: " + attempt.contentType() + "\r\n")
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: close\r\n\r\n";
            var out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int blank = answer.indexOf("\r\n\r\n");
            String headers = blank < 0 ? answer : answer.substring(0, blank);
            int status = Integer.parseInt(headers.substring(9, 12));
            String type = headers.lines()
                    .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(13).trim())
                    .findFirst()
                    .orElse("");
            return new Reply(status, type, blank < 0 ? "" : answer.substring(blank + 4));
        }
    }

    /**
     * The counts once the stages have finished applying what earlier tests on this server
     * published (the same counts twice, half a second apart).
     */
    private static Map<String, Long> settledRows(Api api) throws InterruptedException {
        Map<String, Long> last = rows(api);
        for (int i = 0; i < 60; i++) {
            Thread.sleep(500);
            Map<String, Long> now = rows(api);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the tables never settled: " + last);
    }

    private static Map<String, Long> rows(Api api) {
        var reply = api.get("admin/tables");
        assertEquals(200, reply.status(), reply.toString());
        var rows = new LinkedHashMap<String, Long>();
        reply.json().forEach((table, count) -> rows.put(table, ((jakarta.json.JsonNumber) count).longValue()));
        rows.remove("flyway_schema_history");
        return rows;
    }

    private static List<String> queryParameters(JsonObject op) {
        if (!op.containsKey("parameters")) {
            return List.of();
        }
        return op.getJsonArray("parameters").stream()
                .map(p -> p.asJsonObject())
                .filter(p -> "query".equals(p.getString("in")))
                .map(p -> p.getString("name"))
                .toList();
    }

    /** Bodies that must be refused whatever the operation: broken JSON, and each property made wrong. */
    private static List<String> bodies(JsonObject op, JsonObject schemas) {
        var bodies = new ArrayList<>(List.of(
                "{\"a\":",
                "{} }",
                "{}garbage",
                "[]",
                "\"text\"",
                "{\"x-unknown\":1}",
                "{\"x-unknown\":\"' OR 1=1; --\\u0000\\u001b[2J\\u202e\"}"));
        // an operation that takes a file (a screening list as text/csv) has no JSON schema to break
        JsonObject json = op.containsKey("requestBody")
                ? op.getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json")
                : null;
        String ref = json != null ? json.getJsonObject("schema").getString("$ref", "") : "";
        JsonObject schema = ref.isEmpty() ? null : schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
        if (schema == null || !schema.containsKey("properties")) {
            return bodies;
        }
        for (var property : schema.getJsonObject("properties").entrySet()) {
            String name = property.getKey();
            String type = property.getValue().asJsonObject().getString("type", "object");
            var wrong = new ArrayList<String>();
            switch (type) {
                case "integer" ->
                    wrong.addAll(List.of(
                            "2147483648", "-4294967196", "9223372036854775808", "1e308", "2.5", "\"7\"", "true"));
                case "number" -> wrong.addAll(List.of("1e308", "\"7\"", "[1]"));
                case "string" -> wrong.addAll(List.of("\"" + HUGE_STRING + "\"", "42", "{}"));
                case "array" -> wrong.addAll(List.of("\"not a list\"", "[null, {\"x-unknown\":1}]"));
                case "boolean" -> wrong.addAll(List.of("\"yes\"", "1"));
                default -> wrong.add("\"not an object\"");
            }
            for (String value : wrong) {
                bodies.add("{\"" + name + "\":" + value + "}");
            }
        }
        return bodies;
    }

    private static String shorten(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "… (" + text.length() + " characters)";
    }
}
