package dev.jnsc.resolver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** An nats-account-server style HTTP server: POST and GET {@code <url>/accounts/<key>}. */
public final class AccountServerClient {
    /** An HTTP outcome: the status code and the body (the JWT, or the server's reason). */
    public record Response(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final String base;
    private final Duration timeout;
    private final HttpClient http;

    public AccountServerClient(String url, Duration timeout) {
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Posts every account JWT concurrently; the responses by account key. */
    public Map<String, Response> push(Map<String, String> jwtsByAccount) {
        return push(jwtsByAccount, n -> {
        });
    }

    /** As {@link #push(Map)}, telling {@code progress} how many responses were taken so far (in order). */
    public Map<String, Response> push(Map<String, String> jwtsByAccount, java.util.function.IntConsumer progress) {
        Map<String, CompletableFuture<Response>> pending = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : jwtsByAccount.entrySet()) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/accounts/" + e.getKey())).timeout(timeout)
                    .header("Content-Type", "application/jwt")
                    .POST(HttpRequest.BodyPublishers.ofString(e.getValue(), StandardCharsets.US_ASCII)).build();
            pending.put(e.getKey(), send(req));
        }
        Map<String, Response> out = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<Response>> e : pending.entrySet()) {
            out.put(e.getKey(), e.getValue().join());
            progress.accept(out.size());
        }
        return out;
    }

    /** The account JWT the server holds, or a non-2xx response (404 when it has none). */
    public Response pull(String accountKey) {
        return send(HttpRequest.newBuilder(URI.create(base + "/accounts/" + accountKey)).timeout(timeout).GET().build())
                .join();
    }

    /** The operator JWT the server serves. */
    public Response operator() {
        return send(HttpRequest.newBuilder(URI.create(base + "/operator")).timeout(timeout).GET().build()).join();
    }

    /**
     * A GET of any URL (init's operator JWT), following redirects; status 0 and the reason when the
     * server could not be reached.
     */
    public static Response get(String url, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Response(0, "invalid URL: " + e.getMessage());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        return new AccountServerClient(url, timeout, http).send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build())
                .join();
    }

    private AccountServerClient(String url, Duration timeout, HttpClient http) {
        this.base = url;
        this.timeout = timeout;
        this.http = http;
    }

    private CompletableFuture<Response> send(HttpRequest req) {
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(r -> new Response(r.statusCode(), r.body() == null ? "" : r.body().trim()))
                .exceptionally(t -> new Response(0, "cannot reach " + base + ": " + reason(t)));
    }

    private static String reason(Throwable t) {
        Throwable c = t.getCause() != null ? t.getCause() : t;
        if (c instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (c instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (c instanceof IOException && c.getMessage() != null) {
            return c.getMessage();
        }
        return c.getClass().getSimpleName();
    }
}
