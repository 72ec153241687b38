package org.asicscm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
 * Who may do what, for every operation the OpenAPI document lists (so a new endpoint is covered
 * the day it is added): each states its roles; without credentials it answers 401 with a
 * challenge, with a wrong password 401, signed in without one of its roles 403, all as
 * problem+json and before the operation looks at its input. Then the users API and a page's
 * session sign-in, as an admin and a page would use them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessIT {
    private static final List<String> ROLES =
            List.of("planner", "qa", "logistics", "compliance", "admin", "auditor", "carrier");
    /** The only operations anyone may call: a page signs in and out. */
    private static final List<String> OPEN = List.of("POST /api/session", "DELETE /api/session");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    String run;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        run = Deployments.unique().toLowerCase();
    }

    @Test
    void everyOperationStatesItsRolesAndRefusesEveryoneElse() throws Exception {
        // one user per role, to knock at each door with a role it does not allow
        for (String role : ROLES) {
            var created = api.post("users", user("only-" + role + "-" + run, role));
            assertEquals(201, created.status(), created.toString());
        }
        JsonObject paths = api.serverJson("/openapi").json().getJsonObject("paths");
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String root = api.applicationUrl().replaceAll("/asic-scm$", "");
        var withoutRoles = new ArrayList<String>();
        var open = new ArrayList<String>();
        var failures = new ArrayList<String>();
        int operations = 0;
        int requests = 0;
        for (var path : new TreeMap<>(paths).entrySet()) {
            for (var entry : path.getValue().asJsonObject().entrySet()) {
                String method = entry.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                operations++;
                String operation = method + " " + path.getKey();
                JsonObject op = entry.getValue().asJsonObject();
                List<String> allowed = op.containsKey("x-roles")
                        ? op.getJsonArray("x-roles").getValuesAs(JsonString.class).stream()
                                .map(JsonString::getString)
                                .toList()
                        : List.of();
                if (allowed.isEmpty()) {
                    withoutRoles.add(operation);
                    continue;
                }
                if (allowed.equals(List.of("*"))) {
                    open.add(operation);
                    continue;
                }
                URI uri = URI.create(root + "/asic-scm" + path.getKey().replaceAll("\\{[^}]+}", "probe-" + run));
                Map<String, String> attempts = new java.util.LinkedHashMap<>();
                attempts.put("anonymous", null);
                attempts.put("wrong password", Api.basic(Api.OPERATOR, "not-the-password"));
                ROLES.stream()
                        .filter(role -> !allowed.contains(role))
                        .findFirst()
                        .ifPresent(role -> attempts.put(
                                "as " + role, Api.basic("only-" + role + "-" + run, "secret-for-" + role + "-1")));
                for (var attempt : attempts.entrySet()) {
                    var request = HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .method(
                                    method,
                                    method.equals("GET") || method.equals("DELETE")
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString("{}"));
                    if (attempt.getValue() != null) {
                        request.header("Authorization", attempt.getValue());
                    }
                    var reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    requests++;
                    int expected = attempt.getKey().startsWith("as ") ? 403 : 401;
                    String type = reply.headers().firstValue("Content-Type").orElse("");
                    boolean challenged = expected == 403
                            || reply.headers()
                                    .firstValue("WWW-Authenticate")
                                    .orElse("")
                                    .startsWith("Basic");
                    if (reply.statusCode() != expected || !type.startsWith("application/problem+json") || !challenged) {
                        failures.add(operation + " " + attempt.getKey() + ": " + reply.statusCode() + " " + type + " "
                                + reply.body());
                    }
                }
            }
        }
        System.out.printf(
                "AccessIT: %d operations, %d requests without the right to call them, %d failures%n",
                operations, requests, failures.size());
        assertEquals(List.of(), withoutRoles, "operations that state no roles");
        assertEquals(OPEN, open, "operations open to anyone");
        assertEquals(List.of(), failures, "operations that did not refuse");
        assertTrue(operations > 80, "the document lists " + operations + " operations");
    }

    @Test
    void anAdminManagesUsersAndAChangeTakesEffectAtOnce() {
        String name = "planner-" + run;
        var created = api.post("users", user(name, "planner"));
        assertEquals(201, created.status(), created.toString());
        assertEquals("[\"planner\"]", created.json().getJsonArray("roles").toString());
        assertTrue(created.toString().contains("password") == false, "a password never leaves the server");
        var planner = api.as(name, "secret-for-planner-1");
        assertEquals(200, planner.get("build-orders").status());
        assertEquals(403, planner.get("users").status(), "a planner does not manage users");

        assertEquals(409, api.post("users", user(name, "qa")).status(), "one user per name");
        var badRole = api.post("users", user("x-" + run, "superuser"));
        assertEquals(400, badRole.status(), badRole.toString());
        assertTrue(badRole.text().contains("roles[0]"), badRole.toString());
        var shortPassword =
                api.post("users", "{\"username\":\"short-" + run + "\",\"password\":\"short\",\"roles\":[\"qa\"]}");
        assertEquals(400, shortPassword.status(), shortPassword.toString());
        assertTrue(shortPassword.text().contains("\"password\""), shortPassword.toString());
        assertEquals(404, api.get("users/short-" + run).status(), "a refused user is not half-created");

        var regranted = api.put("users/" + name + "/roles", "{\"roles\":[\"qa\"]}");
        assertEquals(200, regranted.status(), regranted.toString());
        assertEquals(403, planner.get("build-orders").status(), "the role is gone at once, cache or not");
        assertEquals(200, planner.get("qa/units").status());

        assertEquals(
                200,
                api.post("users/" + name + "/password", "{\"password\":\"a-new-secret-12\"}")
                        .status());
        assertEquals(401, planner.get("qa/units").status(), "the old password no longer works");
        assertEquals(200, api.as(name, "a-new-secret-12").get("qa/units").status());

        assertEquals(200, api.post("users/" + name + "/disable", "{}").status());
        assertEquals(401, api.as(name, "a-new-secret-12").get("qa/units").status(), "a disabled user cannot sign in");
        var auditor = api.post("users", user("auditor-" + run, "auditor"));
        assertEquals(201, auditor.status());
        var reader = api.as("auditor-" + run, "secret-for-auditor-1");
        assertEquals(200, reader.get("users/" + name).status(), "an auditor reads users");
        assertEquals(403, reader.post("users", user("y-" + run, "qa")).status(), "and changes nothing");
    }

    @Test
    void aPageSignsInOnceAndMustSaySoOnEveryChange() throws Exception {
        String name = "page-" + run;
        assertEquals(201, api.post("users", user(name, "planner")).status());
        var cookies = new java.net.CookieManager();
        var browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String app = api.applicationUrl() + "/api/";
        var wrong = browser.send(
                json(app + "session", "POST", "{\"username\":\"" + name + "\",\"password\":\"wrong-password-1\"}"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode(), wrong.body());
        var signedIn = browser.send(
                json(app + "session", "POST", "{\"username\":\"" + name + "\",\"password\":\"secret-for-planner-1\"}"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        assertTrue(signedIn.body().contains("\"planner\""), signedIn.body());
        var who = browser.send(
                HttpRequest.newBuilder(URI.create(app + "session")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, who.statusCode(), who.body());
        assertTrue(who.body().contains(name), who.body());

        String model = "{\"code\":\"PG" + run.toUpperCase() + "\",\"processNode\":\"5nm\",\"bins\":[{\"name\":\"B1\","
                + "\"rank\":1,\"frequencyMhz\":500,\"voltageMv\":1300,\"efficiencyJth\":16.0}]}";
        var forged = browser.send(json(app + "chip-models", "POST", model), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, forged.statusCode(), "a change without the page header may be another site's form");
        var fromThePage = browser.send(
                HttpRequest.newBuilder(URI.create(app + "chip-models"))
                        .header("Content-Type", "application/json")
                        .header("X-Requested-By", "asic-scm")
                        .POST(HttpRequest.BodyPublishers.ofString(model))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, fromThePage.statusCode(), fromThePage.body());

        var out = browser.send(
                HttpRequest.newBuilder(URI.create(app + "session"))
                        .header("X-Requested-By", "asic-scm")
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, out.statusCode(), out.body());
        var after = browser.send(
                HttpRequest.newBuilder(URI.create(app + "session")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, after.statusCode(), "signed out");
    }

    @Test
    void everyChangeIsAuditedWithWhoWhenWhatAndTheCorrelationIdAndEventsCarryTheUser() {
        String planner = "audited-" + run;
        assertEquals(201, api.post("users", user(planner, "planner")).status());
        var asPlanner = api.as(planner, "secret-for-planner-1");
        var fixtures = new Fixtures(asPlanner);
        String correlation = "audit-" + run;
        String lot = fixtures.lot("AUD-" + run, 1000, 0, "X-Correlation-Id", correlation);
        var held = asPlanner.post(
                "wafer-lots/" + lot + "/hold", "{\"reason\":\"voids on wafer 7\"}", "X-Correlation-Id", correlation);
        assertEquals(200, held.status(), held.toString());

        String auditor = "reader-" + run;
        assertEquals(201, api.post("users", user(auditor, "auditor")).status());
        var asAuditor = api.as(auditor, "secret-for-auditor-1");
        var trail = asAuditor.get("audit?entity=WaferLot&id=" + lot);
        assertEquals(200, trail.status(), trail.toString());
        var entries = trail.json().getJsonArray("items");
        assertEquals(2, entries.size(), "created, then held: " + trail);
        var hold = entries.getJsonObject(0); // newest first
        assertEquals("updated", hold.getString("action"));
        assertEquals(planner, hold.getString("actor"));
        assertEquals(correlation, hold.getString("correlationId"));
        assertEquals(
                "{\"before\":false,\"after\":true}",
                jakarta.json.Json.createReader(new java.io.StringReader(hold.getString("changes")))
                        .readObject()
                        .getJsonObject("onHold")
                        .toString());
        assertEquals("created", entries.getJsonObject(1).getString("action"));
        assertEquals(200, asAuditor.get("audit?user=" + planner).status());
        assertEquals(403, asPlanner.get("audit").status(), "a planner does not read the audit trail");

        var csv = asAuditor.get("audit/export?entity=WaferLot&id=" + lot);
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        var lines = csv.text().strip().split("\r\n");
        assertEquals("at,actor,action,entity,entityId,changes,correlationId", lines[0]);
        assertEquals(3, lines.length, csv.text());
        assertTrue(lines[2].contains(",updated,WaferLot,"), lines[2]);

        // audit rows are only ever written: there is no way to change or remove one
        for (String method : List.of("POST", "PUT", "DELETE")) {
            var refused = api.send(method, "audit/" + hold.getString("id"));
            assertTrue(refused.status() == 404 || refused.status() == 405, method + ": " + refused);
        }
        var password = api.post("users/" + auditor + "/password", "{\"password\":\"another-secret-12\"}");
        assertEquals(200, password.status());
        var passwordChange =
                asAuditor.as(Api.OPERATOR, Api.OPERATOR_PASSWORD).get("audit?entity=AppUser&id=" + auditor);
        assertTrue(passwordChange.text().contains("(not recorded)"), passwordChange.toString());
        assertTrue(!passwordChange.text().contains("PBKDF2"), "no password hash in the trail: " + passwordChange);

        // the events of the planner's request and of every stage's reaction name the planner
        var events = api.events(correlation);
        assertTrue(events.size() >= 2, events.toString());
        for (var event : events) {
            assertEquals(planner, event.getString("actor"), event.toString());
        }
    }

    @Test
    void aSecondPersonMustApproveReleasingAHoldOrLoweringALot() {
        String first = "first-" + run;
        String second = "second-" + run;
        assertEquals(201, api.post("users", user(first, "planner")).status());
        assertEquals(201, api.post("users", user(second, "planner")).status());
        var one = api.as(first, "secret-for-planner-1");
        var other = api.as(second, "secret-for-planner-1");
        String lot = new Fixtures(one).lot("FOUR-" + run, 1000, 100);
        assertEquals(
                200,
                one.post("wafer-lots/" + lot + "/hold", "{\"reason\":\"voids\"}")
                        .status());

        var asked = one.post("wafer-lots/" + lot + "/release", "{\"reason\":\"retest passed\"}");
        assertEquals(202, asked.status(), asked.toString());
        assertEquals("PENDING", asked.json().getString("status"));
        assertTrue(
                asked.header("Location")
                        .endsWith("/api/approvals/" + asked.json().getString("id")),
                asked.header("Location"));
        String approval = "approvals/" + asked.json().getString("id");
        assertEquals(
                409,
                one.post("wafer-lots/" + lot + "/release", "{\"reason\":\"again\"}")
                        .status(),
                "one at a time");

        var own = one.post(approval + "/approve", "{}");
        assertEquals(409, own.status(), own.toString());
        assertEquals("same-person", own.json().getString("code"));
        assertTrue(one.get("wafer-lots/" + lot).json().getBoolean("onHold"), "still on hold");

        var approved = other.post(approval + "/approve", "{\"note\":\"retest report read\"}");
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("APPROVED", approved.json().getString("status"));
        assertEquals(first, approved.json().getString("requestedBy"));
        assertEquals(second, approved.json().getString("decidedBy"));
        assertEquals(false, approved.json().getJsonObject("result").getBoolean("onHold"));
        assertEquals(false, one.get("wafer-lots/" + lot).json().getBoolean("onHold"));
        assertEquals(409, other.post(approval + "/approve", "{}").status(), "approved once");

        // raising a bin needs no second person; lowering one does, and a rejection changes nothing
        var raised = one.post(
                "wafer-lots/" + lot + "/corrections",
                "{\"reason\":\"recount\",\"bins\":[{\"bin\":\"B2\",\"goodDies\":150}]}");
        assertEquals(200, raised.status(), raised.toString());
        var lowered = one.post(
                "wafer-lots/" + lot + "/corrections",
                "{\"reason\":\"retest\",\"bins\":[{\"bin\":\"B1\",\"goodDies\":900}]}");
        assertEquals(202, lowered.status(), lowered.toString());
        var rejected = other.post(
                "approvals/" + lowered.json().getString("id") + "/reject", "{\"note\":\"retest data missing\"}");
        assertEquals("REJECTED", rejected.json().getString("status"), rejected.toString());
        assertEquals(
                1000,
                one.get("wafer-lots/" + lot)
                        .json()
                        .getJsonArray("bins")
                        .getJsonObject(0)
                        .getInt("goodDies"));
        var pending = api.get("approvals?status=PENDING&kind=LOT_CORRECTION");
        assertEquals(200, pending.status());
        assertTrue(!pending.text().contains(lowered.json().getString("id")), "no longer pending");
    }

    @Test
    void anAuthorizationHeaderThatIsNotUserAndPasswordInBasicIsRefused() throws Exception {
        var http = HttpClient.newHttpClient();
        String orders = api.applicationUrl() + "/api/build-orders";
        for (String header : List.of(
                "Bearer eyJhbGciOiJub25lIn0.e30.",
                "Basic !!!not-base64!!!",
                Api.basic("", "no-user-name"),
                "Basic " + java.util.Base64.getEncoder().encodeToString("no-colon".getBytes()))) {
            var reply = http.send(
                    HttpRequest.newBuilder(URI.create(orders))
                            .header("Authorization", header)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, reply.statusCode(), header + ": " + reply.body());
            assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(reply.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), header);
        }
    }

    private static HttpRequest json(String uri, String method, String body) {
        return HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String user(String name, String role) {
        return "{\"username\":\"" + name + "\",\"displayName\":\"" + role + " for a test\",\"password\":\"secret-for-"
                + role + "-1\",\"roles\":[\"" + role + "\"]}";
    }
}
