package dev.jnsc.resolver;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Activation tokens over HTTP: read one from a URL (add import --token http://...), and push one
 * to an account server ({@code POST <url>/activations}, then read back
 * {@code GET <url>/activations/<hash id>}). Loaded only when a command is given such a URL.
 */
public final class ActivationClient {
    /** More than any activation token: the Go library refuses tokens over 1 MiB. */
    private static final int MAX_BYTES = (1 << 20) + 1;

    private final Duration timeout;
    private final HttpClient http;

    public ActivationClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The body of {@code url} (a token, bare or decorated); fails unless the server answers 200. */
    public byte[] fetch(String url) {
        return fetch(url, "the activation token");
    }

    /** The body of {@code url} ({@code what} names it in messages); fails unless the server answers 200. */
    public byte[] fetch(String url, String what) {
        HttpRequest req = HttpRequest.newBuilder(uri(url)).timeout(timeout).GET().build();
        HttpResponse<InputStream> res = send(req, url);
        byte[] body = read(res, url);
        if (res.statusCode() != 200) {
            throw new ResolverException("cannot load " + what + " from " + url + ": the server answered "
                    + res.statusCode() + reason(body));
        }
        return body;
    }

    /**
     * Posts the token to {@code <accountServerUrl>/activations} and reads it back from
     * {@code <accountServerUrl>/activations/<hashId>}; returns that URL.
     */
    public String push(String accountServerUrl, String token, String hashId) {
        String base = accountServerUrl.endsWith("/") ? accountServerUrl.substring(0, accountServerUrl.length() - 1)
                : accountServerUrl;
        String post = base + "/activations";
        HttpRequest req = HttpRequest.newBuilder(uri(post)).timeout(timeout).header("Content-Type", "application/jwt")
                .POST(HttpRequest.BodyPublishers.ofString(token, StandardCharsets.US_ASCII)).build();
        HttpResponse<InputStream> res = send(req, post);
        byte[] body = read(res, post);
        if (res.statusCode() < 200 || res.statusCode() > 299) {
            throw new ResolverException("the account server refused the activation (POST " + post + "): "
                    + res.statusCode() + reason(body));
        }
        String get = post + "/" + hashId;
        String back = new String(fetchForPush(get), StandardCharsets.UTF_8).trim();
        if (!back.equals(token)) {
            throw new ResolverException("the account server accepted the activation but " + get
                    + " serves another token: it kept one issued later");
        }
        return get;
    }

    private byte[] fetchForPush(String url) {
        HttpRequest req = HttpRequest.newBuilder(uri(url)).timeout(timeout).GET().build();
        HttpResponse<InputStream> res = send(req, url);
        byte[] body = read(res, url);
        if (res.statusCode() != 200) {
            throw new ResolverException("the account server accepted the activation but does not serve it at " + url
                    + ": " + res.statusCode() + reason(body));
        }
        return body;
    }

    private static URI uri(String url) {
        try {
            URI u = new URI(url);
            if (u.getHost() == null) {
                throw new ResolverException("\"" + url + "\" is not a usable URL: it has no host");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new ResolverException("\"" + url + "\" is not a valid URL: " + e.getReason());
        }
    }

    private HttpResponse<InputStream> send(HttpRequest req, String url) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new ResolverException("no answer from " + url + " within " + seconds() + " (timed out)", e);
        } catch (ConnectException e) {
            throw new ResolverException("cannot reach " + url + ": connection refused", e);
        } catch (IOException e) {
            throw new ResolverException("cannot reach " + url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResolverException("interrupted while waiting for " + url, e);
        }
    }

    private byte[] read(HttpResponse<InputStream> res, String url) {
        try (InputStream in = res.body()) {
            byte[] b = in.readNBytes(MAX_BYTES);
            if (b.length == MAX_BYTES) {
                throw new ResolverException(url + " answered more than 1 MiB, which no activation token is");
            }
            return b;
        } catch (IOException e) {
            throw new ResolverException("cannot read the answer of " + url + ": " + e.getMessage(), e);
        }
    }

    private String seconds() {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    /** The first line of a short text body, as " (text)"; nothing for an empty or long one. */
    private static String reason(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8).strip();
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl);
        }
        if (s.isEmpty() || s.length() > 300) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (");
        s.codePoints().forEach(c -> b.appendCodePoint(c < ' ' || c == 127 ? '?' : c));
        return b.append(')').toString();
    }
}
