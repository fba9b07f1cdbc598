package dev.jnsc.resolver;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.JsonWriter;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * nats-account-server's HTTP API over {@link AccountJwts}: {@code GET /jwt/v1/accounts/<key>},
 * {@code POST /jwt/v1/accounts/<key>} (writable stores only), the resolver probe
 * {@code GET /jwt/v1/accounts[/]}, {@code GET /jwt/v1/operator}, {@code GET /healthz}, and the
 * activation endpoints of {@link ActivationRoutes}.
 *
 * <p>Paths are matched on their raw (still percent-encoded) form, and the last segment is used
 * only after it decoded as an account public key: an encoded slash or dot never becomes a path.
 * Every request is logged as one line, without bodies.
 */
final class AccountHandler implements HttpHandler {
    static final int MAX_BODY = 1 << 20;
    private static final String ACCOUNTS = "/jwt/v1/accounts/";
    private static final String READ = "GET, HEAD";
    private static final String TEXT = "text/plain; charset=utf-8";
    /** The most JWTs one pack request may ask for: nats-account-server's default MaxReplicationPack. */
    static final int PACK_LIMIT = 10_000;

    private final AccountJwts jwts;
    private final DirJwts writable;
    private final ClaimsNotifier notifier;
    private final Clock clock;
    private final Consumer<String> log;
    private final ExchangeGuard guard;
    private final ActivationRoutes activations;
    private int inFlight;
    private boolean stopping;

    AccountHandler(AccountJwts jwts, ClaimsNotifier notifier, Clock clock, Consumer<String> log, ExchangeGuard guard) {
        this.jwts = jwts;
        this.writable = jwts instanceof DirJwts ? (DirJwts) jwts : null;
        this.notifier = notifier;
        this.clock = clock;
        this.log = log;
        this.guard = guard;
        this.activations = new ActivationRoutes(jwts, writable == null ? null : new DirActivations(writable), clock);
    }

    /**
     * Answers one exchange. When the client is gone, or was cut off, before the exchange is over,
     * an exception goes back to the JDK server: that is what makes it forget the connection.
     */
    @Override
    public void handle(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        boolean entered = enter();
        Reply reply = null;
        int bytes = 0;
        IOException failed = null;
        try {
            reply = entered ? answer(ex, method, path) : Reply.text(503, "the account server is stopping");
            guard.sending();
            bytes = send(ex, method, reply);
        } catch (ClientGone e) {
            log.accept("[WRN] " + method + " " + printable(path) + ": " + e.getMessage());
            failed = new IOException(e.getMessage());
        } catch (IOException e) {
            String why = guard.wasCut() ? "the client did not take it within " + guard.responseTime() : e.getMessage();
            log.accept("[WRN] " + method + " " + printable(path) + ": response not delivered: " + why);
            failed = e;
        } finally {
            ex.close(); // discards what is left of the request: the client has the response time for that too
            if (guard.done() && failed == null) {
                log.accept("[WRN] " + method + " " + printable(path) + ": cut off: the exchange did not end within "
                        + guard.responseTime() + " of the response");
                failed = new IOException("cut off");
            }
            if (reply != null) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                log.accept("[INF] " + method + " " + printable(path) + " " + reply.status() + " " + bytes + "B " + ms + "ms");
            }
            if (entered) {
                exit();
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** The request's remaining part (a posted body) is read first; then files may be touched. */
    private Reply answer(HttpExchange ex, String method, String path) throws ClientGone {
        Reply refused = RequestLimits.refuse(ex);
        String key = null;
        byte[] body = null;
        if (refused == null && method.equals("POST") && writable != null && path != null && path.startsWith(ACCOUNTS)
                && path.length() > ACCOUNTS.length()) {
            key = path.substring(ACCOUNTS.length());
            refused = refusePost(ex.getRequestHeaders(), key);
            if (refused == null) {
                body = receiveBody(ex);
            }
        } else if (refused == null && method.equals("POST") && path != null && activations.takesPost(path)) {
            refused = refuseBody(ex.getRequestHeaders());
            if (refused == null) {
                body = receiveBody(ex);
            }
        }
        guard.working();
        if (refused != null) {
            return refused;
        }
        try {
            if (body != null) {
                return key != null ? post(key, body) : activations.post(body);
            }
            return route(ex, method, path);
        } catch (ResolverException | UncheckedIOException e) {
            // the details name files on the server: they go to its log, not to the client
            log.accept("[ERR] " + method + " " + printable(path) + ": " + e.getMessage());
            return Reply.text(500, "the account server cannot answer this request; its log says why");
        } catch (RuntimeException e) {
            StackTraceElement[] at = e.getStackTrace();
            log.accept("[ERR] " + method + " " + printable(path) + ": " + e + (at.length > 0 ? " at " + at[0] : ""));
            return Reply.text(500, "internal error");
        }
    }

    private Reply route(HttpExchange ex, String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path == null) {
            return Reply.text(404, "not found");
        }
        switch (path) {
            case "/healthz":
                return read ? Reply.of(200, "application/json", "{\"status\":\"ok\"}".getBytes(StandardCharsets.US_ASCII))
                        : Reply.methodNotAllowed(READ);
            case "/jwt/v1/operator":
                return read ? getOperator(ex) : Reply.methodNotAllowed(READ);
            case "/jwt/v1/help":
                return read ? Reply.of(200, TEXT, ApiHelp.TEXT.getBytes(StandardCharsets.UTF_8))
                        : Reply.methodNotAllowed(READ);
            case "/jwt/v1/pack":
                return read ? pack(ex) : Reply.methodNotAllowed(READ);
            case "/jwt/v1/accounts":
            case ACCOUNTS:
                // what a URL resolver asks at start to see that the account server is up
                // with nats-account-server's headers
                return read ? Reply.empty(200).header("Cache-Control", "no-cache, no-store, must-revalidate")
                        .header("Pragma", "no-cache").header("Expires", "0") : Reply.methodNotAllowed(READ);
            default:
                break;
        }
        if (ActivationRoutes.handles(path)) {
            return activations.route(ex, method, path);
        }
        if (!path.startsWith(ACCOUNTS)) {
            return Reply.text(404, "not found");
        }
        String key = path.substring(ACCOUNTS.length());
        if (read) {
            return getAccount(ex, key);
        }
        if (method.equals("POST") && writable == null) {
            return Reply.text(405, "this server serves an nsc folder read-only: change accounts with nsc")
                    .header("Allow", READ);
        }
        return Reply.methodNotAllowed(writable == null ? READ : READ + ", POST");
    }

    /**
     * An account JWT, with nats-account-server's query parameters, in its order: {@code jti} is
     * refused (501); {@code text=true} answers the JWT as text/plain and {@code decode=true} its
     * decoded JSON (both without the checks that follow); {@code check=true} answers 404 when the
     * JWT has expired; then If-None-Match; then {@code notify=true} tells servers of it over NATS.
     */
    private Reply getAccount(HttpExchange ex, String key) {
        if (!isAccountKey(key)) {
            return badKey();
        }
        String query = ex.getRequestURI().getRawQuery();
        if (!param(query, "jti").isEmpty()) {
            return Reply.text(501, "lookup by jti is no longer supported");
        }
        AccountJwts.Stored stored = jwts.account(key);
        if (stored == null) {
            return Reply.text(404, "no JWT for account " + key);
        }
        if (isTrue(query, "text")) {
            return Reply.of(200, TEXT, stored.token().getBytes(StandardCharsets.US_ASCII));
        }
        if (isTrue(query, "decode")) {
            return decoded(stored.token());
        }
        if (isTrue(query, "check")) {
            long exp = Jwt.decode(stored.token()).claims().expires();
            if (exp > 0 && exp < clock.instant().getEpochSecond()) {
                return Reply.text(404, "the JWT of account " + key + " expired at " + Instant.ofEpochSecond(exp));
            }
        }
        if (matches(ex.getRequestHeaders().get("If-None-Match"), Reply.etag(stored))) {
            return Reply.notModified(stored);
        }
        if (isTrue(query, "notify")) {
            if (notifier == ClaimsNotifier.NONE) {
                log.accept("[INF] skipping the notification for account " + key + ": no --nats given");
            } else {
                notifier.accountUpdated(key, stored.token());
            }
        }
        return Reply.jwt(stored);
    }

    private Reply getOperator(HttpExchange ex) {
        AccountJwts.Stored op = jwts.operator();
        String query = ex.getRequestURI().getRawQuery();
        if (isTrue(query, "text")) {
            return Reply.of(200, TEXT, op.token().getBytes(StandardCharsets.US_ASCII));
        }
        return isTrue(query, "decode") ? decoded(op.token()) : Reply.jwt(op);
    }

    private Reply decoded(String token) {
        try {
            return Reply.of(200, TEXT, DecodedJwt.bytes(token));
        } catch (IllegalArgumentException e) {
            log.accept("[ERR] cannot decode a served JWT: " + e.getMessage());
            return Reply.text(500, "error decoding the JWT: " + e.getMessage());
        }
    }

    /**
     * {@code GET /jwt/v1/pack[?max=N]}: the served account JWTs, one {@code <key>|<jwt>} a line
     * joined by newlines (no newline after the last), keys ascending, at most {@code max} (default
     * and upper bound {@value #PACK_LIMIT}, nats-account-server's), expired JWTs left out as its
     * store leaves them out.
     */
    private Reply pack(HttpExchange ex) {
        String max = param(ex.getRequestURI().getRawQuery(), "max");
        int limit = PACK_LIMIT;
        if (!max.isEmpty()) {
            if (!max.matches("[0-9]{1,9}")) {
                return Reply.text(400, "bad max parameter " + JsonWriter.compact().value(max) + ": give a whole number from 0 to "
                        + PACK_LIMIT);
            }
            limit = Integer.parseInt(max);
            if (limit > PACK_LIMIT) {
                return Reply.text(400, "bad max parameter " + JsonWriter.compact().value(max) + ", no more than " + PACK_LIMIT
                        + " are allowed");
            }
        }
        long now = clock.instant().getEpochSecond();
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (String key : jwts.accountKeys()) {
            if (n == limit) {
                break;
            }
            AccountJwts.Stored s;
            try {
                s = jwts.account(key);
            } catch (ResolverException e) {
                log.accept("[WRN] pack: account " + key + " left out: " + e.getMessage());
                continue;
            }
            if (s == null) {
                continue;
            }
            long exp = Jwt.decode(s.token()).claims().expires();
            if (exp > 0 && exp < now) {
                continue;
            }
            if (n > 0) {
                b.append('\n');
            }
            b.append(key).append('|').append(s.token());
            n++;
        }
        return Reply.of(200, TEXT, b.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** The first value of a query parameter, decoded, or "" (Go's {@code URL.Query().Get}). */
    static String param(String rawQuery, String name) {
        if (rawQuery == null) {
            return "";
        }
        for (String pair : rawQuery.split("[&]")) {
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (k.equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return "";
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean isTrue(String rawQuery, String name) {
        return param(rawQuery, name).equalsIgnoreCase("true");
    }

    /** True when an If-None-Match header lists {@code etag} (weak or strong) or is "*". */
    static boolean matches(List<String> ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String header : ifNoneMatch) {
            for (String tag : header.split(",")) {
                String t = tag.trim();
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.equals(etag) || t.equals("*")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Refuses a POST from its headers alone, or returns null when its body is to be read. */
    private static Reply refusePost(Headers h, String key) {
        if (!isAccountKey(key)) {
            return badKey();
        }
        return refuseBody(h);
    }

    /** Refuses a POST body by its declared type and length (account and activation JWTs alike), or null. */
    static Reply refuseBody(Headers h) {
        String type = h.getFirst("Content-Type");
        if (type != null) {
            String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!media.equals(Reply.JWT) && !media.equals("text/plain")) {
                return Reply.text(415, "send the JWT as the body with Content-Type application/jwt or text/plain");
            }
        }
        String length = h.getFirst("Content-Length");
        return length != null && isLarger(length.trim(), MAX_BODY) ? tooLarge() : null;
    }

    /** Up to one byte more than allowed, so that too much is seen without reading all of it. */
    private byte[] receiveBody(HttpExchange ex) throws ClientGone {
        try {
            return ex.getRequestBody().readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw new ClientGone(guard.wasCut() ? "cut off: the request did not arrive within " + guard.requestTime()
                    : "the client went away while sending the request: " + e.getMessage());
        }
    }

    private Reply post(String key, byte[] body) {
        if (body.length > MAX_BODY) {
            return tooLarge();
        }
        String token = new String(body, StandardCharsets.UTF_8).trim();
        AccountClaims claims;
        try {
            claims = PostedJwtCheck.check(key, token, writable.operatorClaims(), clock.instant().getEpochSecond());
        } catch (PostedJwtCheck.Refused e) {
            return Reply.text(400, e.getMessage());
        }
        DirJwts.Saved saved = writable.save(claims, token, () -> notifier.accountUpdated(key, token));
        if (saved.kept()) {
            return Reply.text(409, "account " + key + " already has a JWT issued later (" + Instant.ofEpochSecond(saved.storedIat())
                    + ") than the posted one (" + Instant.ofEpochSecond(claims.issuedAt()) + "); it was kept");
        }
        return Reply.empty(200);
    }

    private static boolean isLarger(String number, long max) {
        if (!number.matches("[0-9]{1,19}")) {
            return false; // the server itself refuses malformed lengths before we get here
        }
        return number.length() > 10 || Long.parseLong(number) > max;
    }

    /** The client stopped sending, or was cut off, before its request was complete: nothing can be answered. */
    private static final class ClientGone extends Exception {
        private static final long serialVersionUID = 1L;

        ClientGone(String message) {
            super(message, null, false, false);
        }
    }

    private static Reply tooLarge() {
        return Reply.text(413, "the request body is larger than 1 MiB, which no account JWT is")
                .header("Connection", "close");
    }

    /**
     * True for an account public key in its one canonical spelling. The decoder accepts a 57th
     * character of zero bits; Go's does not, and nothing else may name a file.
     */
    static boolean isAccountKey(String key) {
        return key.length() == 56 && NKey.isValidPublicKey(key, KeyKind.ACCOUNT);
    }

    private static Reply badKey() {
        return Reply.text(400, "the path must end with an account public key (56 characters starting with A)");
    }

    private static int send(HttpExchange ex, String method, Reply reply) throws IOException {
        Headers h = ex.getResponseHeaders();
        reply.headers().forEach(h::set);
        byte[] body = reply.body();
        if (method.equals("HEAD") || reply.status() == 304 || body.length == 0) {
            ex.sendResponseHeaders(reply.status(), -1);
            return 0;
        }
        ex.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
        return body.length;
    }

    /** A request path as logged: printable ASCII only, and not too long. */
    static String printable(String path) {
        if (path == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder(Math.min(path.length(), 200));
        for (int i = 0; i < path.length() && i < 200; i++) {
            char c = path.charAt(i);
            b.append(c > ' ' && c < 127 ? c : '?');
        }
        return path.length() > 200 ? b.append("...").toString() : b.toString();
    }

    private synchronized boolean enter() {
        if (stopping) {
            return false;
        }
        inFlight++;
        return true;
    }

    private synchronized void exit() {
        if (--inFlight == 0) {
            notifyAll();
        }
    }

    /** Refuses new requests, then waits up to {@code millis} for those under way to finish. */
    synchronized void drain(long millis) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (inFlight > 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }
}
