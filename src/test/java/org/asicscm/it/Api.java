package org.asicscm.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A small JSON client for the application's REST API, as an outside caller sees it. It signs
 * in with HTTP Basic as {@link #OPERATOR}, a user holding every role, whom it creates through
 * the API as the first admin the first time it talks to a server ({@link #as} and
 * {@link #anonymous} give a client that signs in otherwise).
 */
public final class Api {
    /** The first admin every test server starts with (SCM_ADMIN_USER / SCM_ADMIN_PASSWORD). */
    public static final String ADMIN = "it-admin";

    public static final String ADMIN_PASSWORD = "it-admin-secret-1";
    /** Holds every role: the tests of the stages act as this user. */
    public static final String OPERATOR = "it-operator";

    public static final String OPERATOR_PASSWORD = "it-operator-secret-1";
    /** A second person with every role, who approves what four eyes must see. */
    public static final String APPROVER = "it-approver";

    public static final String APPROVER_PASSWORD = "it-approver-secret-1";
    private static final java.util.Set<URI> PREPARED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final boolean resolveLocations;

    public Api(URL deployment) {
        // Micro reports the machine's own address; everything here stays on loopback
        this(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                URI.create("http://127.0.0.1:" + deployment.getPort()
                        + deployment.getPath().replaceAll("/+$", "") + "/api/"),
                basic(OPERATOR, OPERATOR_PASSWORD),
                false);
    }

    private Api(HttpClient http, URI base, String authorization, boolean resolveLocations) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
        this.resolveLocations = resolveLocations;
    }

    /** The same server, signed in as another user. */
    public Api as(String user, String password) {
        return new Api(http, base, basic(user, password), resolveLocations);
    }

    /** The same server, without credentials. */
    public Api anonymous() {
        return new Api(http, base, null, resolveLocations);
    }

    /** From now on every 201 with a Location is followed by a GET of it, which must answer 200. */
    public Api resolvingLocations() {
        return new Api(http, base, authorization, true);
    }

    public static String basic(String user, String password) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Creates {@link #OPERATOR} and {@link #APPROVER} on this server as the first admin, once per server. */
    private void prepare() {
        if (authorization == null || PREPARED.contains(base)) {
            return;
        }
        for (String[] user :
                List.of(new String[] {OPERATOR, OPERATOR_PASSWORD}, new String[] {APPROVER, APPROVER_PASSWORD})) {
            var body = "{\"username\":\"" + user[0] + "\",\"password\":\"" + user[1]
                    + "\",\"displayName\":\"Integration tests\",\"roles\":"
                    + "[\"planner\",\"qa\",\"logistics\",\"compliance\",\"admin\",\"auditor\"]}";
            var created = rawSend(HttpRequest.newBuilder(base.resolve("users"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            // 409: an earlier client (or an earlier run on the same database) created it
            if (created.status() != 201 && created.status() != 409) {
                throw new IllegalStateException("could not create " + user[0] + ": " + created);
            }
        }
        PREPARED.add(base);
    }

    /**
     * The second person's approval of an action that answered 202: the approval as it stands
     * afterwards, its {@code result} the action's own answer.
     */
    public Reply approved(Reply pending) {
        if (pending.status() != 202) {
            throw new AssertionError("expected 202 waiting for approval, got " + pending);
        }
        return as(APPROVER, APPROVER_PASSWORD)
                .post("approvals/" + pending.json().getString("id") + "/approve", "{\"note\":\"seen\"}");
    }

    public record Reply(int status, String contentType, String text, java.net.http.HttpHeaders headers) {

        /** A response header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonObject json() {
            return Json.createReader(new StringReader(text)).readObject();
        }

        public JsonArray array() {
            return Json.createReader(new StringReader(text)).readArray();
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Reply post(String path, String json, String... headers) {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        Reply reply = send(request.build());
        String location = reply.header("Location");
        if (resolveLocations && reply.status() == 201 && location != null) {
            // on loopback whatever host the server names: the test talks to 127.0.0.1 only
            URI named = URI.create(location);
            Reply resource = send(HttpRequest.newBuilder(base.resolve(
                            named.getRawPath() + (named.getRawQuery() == null ? "" : "?" + named.getRawQuery())))
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build());
            if (resource.status() != 200) {
                throw new AssertionError("POST " + path + " answered Location " + location + ", which answers "
                        + resource.status() + " " + resource.text());
            }
        }
        return reply;
    }

    /** MicroProfile Health readiness of the whole server. */
    public Reply health() {
        return server("/health/ready");
    }

    /** A path of the server itself, outside the application (/openapi, /health, /metrics). */
    /** The application's root on the server, e.g. http://127.0.0.1:8181/asic-scm. */
    public String applicationUrl() {
        return base.resolve("..").toString().replaceAll("/$", "");
    }

    /** A path of the server itself, asking for JSON (/openapi answers YAML otherwise). */
    public Reply serverJson(String absolutePath) {
        return send(HttpRequest.newBuilder(base.resolve(absolutePath))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    public Reply server(String absolutePath) {
        return send(HttpRequest.newBuilder(base.resolve(absolutePath))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    /** A body that is not JSON (a burn-in log, say), with its own media type. */
    public Reply postText(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Any method without a body, for checking what an API does not offer. */
    public Reply send(String method, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build());
    }

    private Reply send(HttpRequest request) {
        if (authorization == null || request.uri().getPath().startsWith(base.getPath()) == false) {
            return rawSend(request);
        }
        prepare();
        var signed = HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", authorization)
                .build();
        return rawSend(signed);
    }

    /** A binary download (a PDF): its bytes; anything but 200 fails the test. */
    public byte[] bytes(String path) {
        prepare();
        var request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(
                        path + " answered " + response.statusCode() + ": " + new String(response.body()));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply rawSend(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every event of a correlation id, oldest first, paged through the event log by time: each
     * page starts at the last one's instant, and events of that instant, read twice, are merged.
     */
    public java.util.Collection<JsonObject> events(String correlationId) {
        var events = new java.util.LinkedHashMap<String, JsonObject>();
        String from = null;
        while (true) {
            var page = get("events?correlationId=" + correlationId + "&limit=2000"
                            + (from == null
                                    ? ""
                                    : "&from="
                                            + java.net.URLEncoder.encode(
                                                    from, java.nio.charset.StandardCharsets.UTF_8)))
                    .array();
            int before = events.size();
            page.forEach(e -> events.put(e.asJsonObject().getString("eventId"), e.asJsonObject()));
            if (page.size() < 2000 || events.size() == before) {
                return events.values();
            }
            from = page.getJsonObject(page.size() - 1).getString("occurredAt");
        }
    }

    /** Waits for what JMS carries to another stage; fails with the message after the timeout. */
    public static void eventually(String what, BooleanSupplier condition) {
        eventually(what, Duration.ofSeconds(30), condition);
    }

    public static void eventually(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
    }

    public static String str(JsonValue value) {
        return ((jakarta.json.JsonString) value).getString();
    }
}
