package dev.jnsc.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request heads and bodies over the limits get a 4xx that says so, and clients that send more
 * than that, or announce more, are cut off without the server reading it all.
 */
class RequestLimitsTest {
    static final AccountServer.Limits SHORT = new AccountServer.Limits(4, Duration.ofSeconds(1), Duration.ofSeconds(1));
    /** The response deadline, plus the watchdog's tick and slack for a loaded machine. */
    static final Duration CLOSED_WITHIN = Duration.ofSeconds(3);
    static final String ACCOUNTS = "/jwt/v1/accounts/";

    @TempDir
    static Path home;
    static Nsc nsc;
    static String jwtA;
    static String accountA;
    static int servers;

    @BeforeAll
    static void store() {
        nsc = new Nsc(home).tutorial();
        jwtA = Nsc.read(nsc.accountJwt("O", "A"));
        accountA = Signing.subject(jwtA);
    }

    private static Running start() {
        Clock clock = Clock.fixed(Nsc.START.plusSeconds(3600), ZoneOffset.UTC);
        return Running.dir(home.resolve("jwts-" + ++servers), nsc.operatorJwt("O"), ClaimsNotifier.NONE, clock, SHORT);
    }

    /** One request on a fresh connection: the whole answer. */
    private static String exchange(Running s, String head) {
        try (RawClient c = new RawClient(s.port())) {
            c.send(head + "\r\n\r\n");
            return c.response();
        }
    }

    private static String get(String target, String... headerLines) {
        StringBuilder b = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close");
        for (String h : headerLines) {
            b.append("\r\n").append(h);
        }
        return b.toString();
    }

    private static void stillAnswers(Running s) {
        assertEquals(200, s.http.get("/healthz").statusCode());
    }

    @Test
    void aRequestTargetOver8KiBGets414() {
        try (Running s = start()) {
            String atLimit = ACCOUNTS + "A".repeat(RequestLimits.MAX_TARGET - ACCOUNTS.length());
            assertTrue(exchange(s, get(atLimit)).startsWith("HTTP/1.1 400 "), "at the limit: read, and refused as no key");
            String over = exchange(s, get(atLimit + "A"));
            assertTrue(over.startsWith("HTTP/1.1 414 "), over);
            assertTrue(over.endsWith("the request target is longer than 8 KiB\n"), over);
            assertTrue(exchange(s, get("/healthz?x=" + "y".repeat(RequestLimits.MAX_TARGET))).startsWith("HTTP/1.1 414 "));
            stillAnswers(s);
        }
    }

    @Test
    void headersOver32KiBOrOver100LinesGet431() {
        try (Running s = start()) {
            // Host and Connection, and one large header just under / just over 32 KiB in all
            int room = RequestLimits.MAX_HEADER_BYTES - ("Host".length() + 1 + 4) - ("Connection".length() + 5 + 4);
            String under = "X-Big: " + "b".repeat(room - "X-Big".length() - 4);
            assertTrue(exchange(s, get("/healthz", under)).startsWith("HTTP/1.1 200 "), "exactly 32 KiB of headers");
            String over = exchange(s, get("/healthz", under + "b"));
            assertTrue(over.startsWith("HTTP/1.1 431"), over);
            assertTrue(over.endsWith("the request headers are larger than 32 KiB or more than 100 lines\n"), over);

            String[] lines = new String[RequestLimits.MAX_HEADER_LINES - 2];
            Arrays.setAll(lines, i -> "X-H" + i + ": v");
            assertTrue(exchange(s, get("/healthz", lines)).startsWith("HTTP/1.1 200 "), "exactly 100 header lines");
            String[] more = Arrays.copyOf(lines, lines.length + 1);
            more[lines.length] = "X-More: v";
            assertTrue(exchange(s, get("/healthz", more)).startsWith("HTTP/1.1 431"));
            stillAnswers(s);
        }
    }

    @Test
    void aHeadBeyondWhatTheServerReadsIsCutOffUnanswered() {
        try (Running s = start(); RawClient c = new RawClient(s.port())) {
            long t0 = System.nanoTime();
            c.send(get("/healthz", "X-Huge: " + "h".repeat(4 << 20)) + "\r\n\r\n");
            String status = c.statusLine();
            assertFalse(status.startsWith("HTTP/1.1 2"), "a 4 MiB header was read and answered: " + status);
            assertTrue(c.closedByServer(CLOSED_WITHIN), "still connected");
            assertTrue(System.nanoTime() - t0 < CLOSED_WITHIN.toNanos() * 2, "took too long");
            stillAnswers(s);
        }
    }

    @Test
    void aHugeAnnouncedBodyGets413AndTheConnectionIsClosedWhileTheClientSendsNothing() {
        try (Running s = start(); RawClient c = new RawClient(s.port())) {
            long t0 = System.nanoTime();
            c.send("POST " + ACCOUNTS + accountA + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/jwt\r\n"
                    + "Content-Length: 1000000000000\r\n\r\n");
            assertEquals("HTTP/1.1 413 Request Entity Too Large", c.statusLine());
            assertTrue(System.nanoTime() - t0 < Duration.ofMillis(1500).toNanos(), "refused from the headers");
            assertTrue(c.closedByServer(CLOSED_WITHIN), "the connection was left open");
            stillAnswers(s);
            s.awaitLine(l -> l.startsWith("[INF] POST " + ACCOUNTS + accountA + " 413 "), "for the 413");
        }
    }

    @Test
    void aBodyStreamedWithoutEndIsCutOffAfterLittleMoreThan1MiB() throws Exception {
        for (String framing : new String[] {"Transfer-Encoding: chunked", "Content-Length: 1000000000000"}) {
            try (Running s = start(); RawClient c = new RawClient(s.port())) {
                c.send("POST " + ACCOUNTS + accountA + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/jwt\r\n"
                        + framing + "\r\n\r\n");
                boolean chunked = framing.startsWith("Transfer");
                byte[] piece = ((chunked ? "4000\r\n" : "") + "a".repeat(0x4000) + (chunked ? "\r\n" : ""))
                        .getBytes(StandardCharsets.US_ASCII);
                AtomicLong sent = new AtomicLong();
                long limit = 64L << 20;
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                    while (sent.get() < limit && c.send(piece)) {
                        sent.addAndGet(piece.length);
                    }
                });
                writer.get(CLOSED_WITHIN.toMillis() * 2, TimeUnit.MILLISECONDS);
                assertTrue(sent.get() < 16L << 20, framing + ": the server took " + sent + " bytes");
                stillAnswers(s);
                s.awaitLine(l -> l.startsWith("[INF] POST " + ACCOUNTS + accountA + " 413 "), framing + ": for the 413");
            }
        }
    }
}
