package org.asicscm.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.asicscm.it.Api;

/**
 * What signing in costs a read: the same GET (one chip model) by concurrent clients, once with
 * HTTP Basic on every request (the verified credential remembered, as the server does), once
 * with a page's session cookie (no password check at all), alternated and repeated. Also the
 * first request of a user the server has not seen, which pays the PBKDF2 check.
 */
final class AuthCost {
    record Result(double basicPerSecond, double sessionPerSecond, double firstCheckMillis, double cachedMillis) {}

    private final int port;
    private final int clients;

    AuthCost(int port, int clients) {
        this.port = port;
        this.clients = clients;
    }

    Result measure(int requestsPerClient, int rounds) throws Exception {
        var api = new Api(new URL("http://127.0.0.1:" + port + "/asic-scm/"));
        String code = "AUTH" + System.nanoTime() % 100000;
        var model = api.post(
                "chip-models",
                "{\"code\":\"" + code + "\",\"processNode\":\"5nm\",\"bins\":[{\"name\":\"B1\","
                        + "\"rank\":1,\"frequencyMhz\":500,\"voltageMv\":1300,\"efficiencyJth\":16.0}]}");
        if (model.status() != 201) {
            throw new IllegalStateException("chip model: " + model);
        }
        String user = "bench-reader-" + System.nanoTime() % 100000;
        String password = "bench-reader-secret-1";
        var created = api.post(
                "users", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"roles\":[\"auditor\"]}");
        if (created.status() != 201) {
            throw new IllegalStateException("user: " + created);
        }
        URI read = URI.create("http://127.0.0.1:" + port + "/asic-scm/api/chip-models/" + code);
        String basic = Api.basic(user, password);
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        get(http, read, basic);
        double first = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        get(http, read, basic);
        double cached = (System.nanoTime() - start) / 1e6;

        double bestBasic = 0;
        double bestSession = 0;
        for (int round = 0; round < rounds; round++) {
            bestBasic = Math.max(bestBasic, rate(requestsPerClient, () -> {
                var client = HttpClient.newBuilder().build();
                return () -> get(client, read, basic);
            }));
            bestSession = Math.max(bestSession, rate(requestsPerClient, () -> {
                var client = HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .build();
                var signIn = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/asic-scm/api/session"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (signIn.statusCode() != 200) {
                    throw new IllegalStateException("session: " + signIn.statusCode() + " " + signIn.body());
                }
                return () -> get(client, read, null);
            }));
        }
        return new Result(bestBasic, bestSession, first, cached);
    }

    interface Request {
        void send() throws Exception;
    }

    interface Opening {
        Request open() throws Exception;
    }

    private double rate(int requestsPerClient, Opening opening) throws Exception {
        var opened = new java.util.ArrayList<Request>();
        for (int c = 0; c < clients; c++) {
            opened.add(opening.open());
        }
        var next = new java.util.concurrent.atomic.AtomicInteger();
        double seconds = Clients.run(clients, clients, items -> {
            Request mine = opened.get(next.getAndIncrement());
            while (items.take() >= 0) {
                for (int i = 0; i < requestsPerClient; i++) {
                    mine.send();
                }
            }
        });
        return clients * requestsPerClient / seconds;
    }

    private static void get(HttpClient http, URI uri, String authorization) throws Exception {
        var request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        var reply = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + reply.statusCode());
        }
    }
}
