package dev.jnsc.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that open connections and send nothing, part of a request, or a request a byte at a
 * time hold up nobody: a complete request is answered promptly meanwhile, and the slow ones are
 * cut off at the deadline.
 */
class SlowClientsTest {
    /** Few workers and short deadlines, so that the slow clients outnumber the workers and time out quickly. */
    static final AccountServer.Limits SMALL = new AccountServer.Limits(4, Duration.ofSeconds(1), Duration.ofSeconds(1));
    /** What "promptly" means here, on a loaded machine; without the guard these requests wait forever. */
    static final Duration PROMPT = Duration.ofMillis(1500);
    /** The request deadline, plus the watchdog's tick and slack for a loaded machine. */
    static final Duration DROPPED_WITHIN = Duration.ofSeconds(3);

    @TempDir
    static Path home;
    static Nsc nsc;
    static String jwtA;
    static String accountA;
    static final AtomicInteger servers = new AtomicInteger();

    @BeforeAll
    static void store() {
        nsc = new Nsc(home).tutorial();
        jwtA = Nsc.read(nsc.accountJwt("O", "A"));
        accountA = Signing.subject(jwtA);
    }

    private static Running start(AccountServer.Limits limits) {
        Clock clock = Clock.fixed(Nsc.START.plusSeconds(3600), ZoneOffset.UTC);
        Running s = Running.dir(home.resolve("jwts-" + servers.incrementAndGet()), nsc.operatorJwt("O"),
                ClaimsNotifier.NONE, clock, limits);
        assertEquals(200, s.http.post("/jwt/v1/accounts/" + accountA, "application/jwt", jwtA).statusCode());
        return s;
    }

    /** The account and /healthz, each answered within {@link #PROMPT} on a fresh connection. */
    private static void answeredPromptly(Running s) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PROMPT).build();
        for (String path : List.of("/jwt/v1/accounts/" + accountA, "/healthz")) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(s.server.url() + path)).timeout(PROMPT)
                    .build(), HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(200, r.statusCode(), path);
            assertTrue(ms < PROMPT.toMillis(), path + " took " + ms + "ms");
            if (path.startsWith("/jwt")) {
                assertEquals(jwtA, r.body());
            }
        }
    }

    private static List<RawClient> open(Running s, int n, String firstBytes) {
        List<RawClient> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RawClient c = new RawClient(s.port());
            c.send(firstBytes);
            out.add(c);
        }
        return out;
    }

    private static void closeAll(List<RawClient> clients) {
        clients.forEach(RawClient::close);
    }

    /** Each client's connection is ended by the server before the deadline. */
    private static void allDroppedBy(List<RawClient> clients, long deadline, String what) {
        for (int i = 0; i < clients.size(); i++) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            assertTrue(clients.get(i).closedByServer(left), what + " #" + i + " still connected");
        }
    }

    @Test
    void withTheDefaultLimitsHundredsOfHangingConnectionsHoldUpNobody() throws Exception {
        try (Running s = start(AccountServer.Limits.DEFAULT)) {
            List<RawClient> idle = open(s, 200, "");
            List<RawClient> partial = open(s, 200, "GET /jwt/v1/acc");
            try {
                answeredPromptly(s);
                answeredPromptly(s);
            } finally {
                closeAll(idle);
                closeAll(partial);
            }
        }
    }

    @Test
    void partialRequestsTricklesAndSlowBodiesAreCutOffAtTheDeadline() throws Exception {
        ExecutorService tricklers = Executors.newCachedThreadPool();
        try (Running s = start(SMALL)) {
            long opened = System.nanoTime();
            List<RawClient> partial = open(s, 200, "GET /jwt/v1/acc");
            // slowloris: a header byte every 100ms, never the end of the headers
            List<RawClient> trickling = open(s, 8, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ");
            List<AtomicInteger> trickled = new ArrayList<>();
            for (RawClient c : trickling) {
                AtomicInteger sent = new AtomicInteger();
                trickled.add(sent);
                tricklers.execute(() -> {
                    try {
                        while (c.send("a")) {
                            sent.incrementAndGet();
                            Thread.sleep(100);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            // a body announced whole and sent in part
            List<RawClient> slowBodies = open(s, 8, "POST /jwt/v1/accounts/" + accountA + " HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/jwt\r\nContent-Length: " + jwtA.length() + "\r\n\r\n" + jwtA.substring(0, 10));
            try {
                answeredPromptly(s);
                long deadline = opened + DROPPED_WITHIN.toNanos();
                allDroppedBy(partial, deadline, "partial request");
                allDroppedBy(trickling, deadline, "trickling client");
                allDroppedBy(slowBodies, deadline, "slow body");
                answeredPromptly(s);
            } finally {
                tricklers.shutdownNow();
                closeAll(partial);
                closeAll(trickling);
                closeAll(slowBodies);
            }
            for (AtomicInteger sent : trickled) {
                assertTrue(sent.get() >= 3, "a trickling client was dropped while it kept sending, after " + sent + " bytes");
            }
            // nothing of the slow bodies was stored: the stored JWT is still the one posted whole
            assertEquals(jwtA, s.http.get("/jwt/v1/accounts/" + accountA).body());
            s.awaitLine(l -> l.startsWith("[WRN] cut off slow clients: "), "for the slow clients");
            s.awaitLine(l -> l.equals("[WRN] POST /jwt/v1/accounts/" + accountA
                    + ": cut off: the request did not arrive within 1s"), "for the slow body");
        }
    }
}
