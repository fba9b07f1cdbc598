package dev.jnsc.resolver;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP response, decided before anything is sent: status, headers and body. */
record Reply(int status, Map<String, String> headers, byte[] body) {
    static final String JWT = "application/jwt";
    private static final String TEXT = "text/plain; charset=utf-8";

    /** A reason as text, one line. */
    static Reply text(int status, String message) {
        return of(status, TEXT, (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static Reply empty(int status) {
        return new Reply(status, new LinkedHashMap<>(), new byte[0]);
    }

    static Reply of(int status, String contentType, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        return new Reply(status, h, body);
    }

    /** A JWT with its ETag, never cached without asking again. */
    static Reply jwt(AccountJwts.Stored stored) {
        return of(200, JWT, stored.bytes()).cacheHeaders(stored);
    }

    static Reply notModified(AccountJwts.Stored stored) {
        return empty(304).cacheHeaders(stored);
    }

    static Reply methodNotAllowed(String allow) {
        return text(405, "method not allowed here; use " + allow).header("Allow", allow);
    }

    Reply cacheHeaders(AccountJwts.Stored stored) {
        return header("ETag", etag(stored)).header("Cache-Control", "no-cache");
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    static String etag(AccountJwts.Stored stored) {
        return stored.etag();
    }
}
