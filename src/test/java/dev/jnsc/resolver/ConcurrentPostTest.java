package dev.jnsc.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.LockHolder;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Posts of one account racing each other, on one server, two servers in one process, or against
 * another process holding the folder: the JWT issued last stays, and an older one never replaces it.
 */
class ConcurrentPostTest {
    static final Clock CLOCK = Clock.fixed(Nsc.START.plusSeconds(3600), ZoneOffset.UTC);

    @TempDir
    static Path home;
    static Nsc nsc;
    static NKey operatorKey;
    static String jwtA;
    static String accountA;
    static int folders;

    Path dir;
    final List<String> notified = Collections.synchronizedList(new ArrayList<>());
    final ClaimsNotifier recorder = new ClaimsNotifier() {
        @Override
        public void accountUpdated(String accountKey, String token) {
            notified.add(token);
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void store() {
        nsc = new Nsc(home).tutorial();
        operatorKey = Signing.operatorKey(nsc, "O");
        jwtA = Nsc.read(nsc.accountJwt("O", "A"));
        accountA = Signing.subject(jwtA);
    }

    @BeforeEach
    void folder() {
        dir = home.resolve("jwts-" + ++folders);
    }

    private Running start() {
        return Running.dir(dir, nsc.operatorJwt("O"), recorder, CLOCK);
    }

    /** Account A issued {@code seconds} after the store's clock, with a description of its own: its own jti. */
    private static String version(int seconds) {
        return Signing.resign(jwtA, operatorKey, nsc.nowSeconds() + seconds, "v" + seconds);
    }

    private static long iat(String token) {
        return Signing.account(token).issuedAt();
    }

    private Path file() {
        return dir.resolve(accountA + ".jwt");
    }

    private static HttpResponse<String> post(Running s, String token) {
        return s.http.post("/jwt/v1/accounts/" + accountA, "application/jwt", token);
    }

    /** Posts every version at once, each from its own thread, spread over the servers; the status of each. */
    private static Map<String, Integer> race(List<String> versions, Running... servers) throws Exception {
        CyclicBarrier go = new CyclicBarrier(versions.size());
        ExecutorService threads = Executors.newFixedThreadPool(versions.size());
        Map<String, Integer> status = new ConcurrentHashMap<>();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < versions.size(); i++) {
                String v = versions.get(i);
                Running s = servers[i % servers.length];
                done.add(threads.submit(() -> {
                    go.await(10, TimeUnit.SECONDS);
                    HttpResponse<String> r = post(s, v);
                    status.put(v, r.statusCode());
                    if (r.statusCode() == 409) {
                        assertTrue(r.body().contains("already has a JWT issued later"), r.body());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        return status;
    }

    private void newestWon(List<String> versions, Map<String, Integer> status, Running s) {
        String newest = versions.stream().max((a, b) -> Long.compare(iat(a), iat(b))).orElseThrow();
        assertEquals(200, status.get(newest));
        assertEquals(newest, Nsc.read(file()));
        assertEquals(newest, s.http.get("/jwt/v1/accounts/" + accountA).body());
        for (Map.Entry<String, Integer> e : status.entrySet()) {
            assertTrue(e.getValue() == 200 || e.getValue() == 409, "status " + e.getValue());
        }
        // each accepted post was notified once, in the order of the writes: so by rising iat, the newest last
        assertEquals(status.values().stream().filter(c -> c == 200).count(), notified.size());
        for (int i = 1; i < notified.size(); i++) {
            assertTrue(iat(notified.get(i - 1)) < iat(notified.get(i)), "notified out of order: " + i);
        }
        assertEquals(newest, notified.get(notified.size() - 1));
    }

    @Test
    void ofManyConcurrentPostsTheOneIssuedLastStays() throws Exception {
        List<String> versions = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            versions.add(version(i));
        }
        Collections.shuffle(versions, new Random(7));
        try (Running s = start()) {
            Map<String, Integer> status = race(versions, s);
            newestWon(versions, status, s);
        }
    }

    @Test
    void twoServersOnOneFolderKeepTheNewestToo() throws Exception {
        List<String> versions = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            versions.add(version(i));
        }
        Collections.shuffle(versions, new Random(11));
        try (Running one = start(); Running two = start()) {
            Map<String, Integer> status = race(versions, one, two);
            newestWon(versions, status, two);
        }
    }

    @Test
    void anOlderJwtNeverReplacesANewerOneAsNatsServerDecides() throws Exception {
        String older = version(5);
        String newer = version(10);
        try (Running s = start()) {
            assertEquals(200, post(s, newer).statusCode());
            Object stored = Files.readAttributes(file(), BasicFileAttributes.class).fileKey();

            HttpResponse<String> refused = post(s, older);
            assertEquals(409, refused.statusCode());
            assertEquals("account " + accountA + " already has a JWT issued later (2026-01-02T03:04:15Z) than the posted one"
                    + " (2026-01-02T03:04:10Z); it was kept\n", refused.body());
            assertEquals(newer, Nsc.read(file()));
            assertEquals(stored, Files.readAttributes(file(), BasicFileAttributes.class).fileKey(), "not rewritten");

            // the same JWT again: accepted, and left as it is
            assertEquals(200, post(s, newer).statusCode());
            assertEquals(stored, Files.readAttributes(file(), BasicFileAttributes.class).fileKey(), "not rewritten");

            // issued in the same second: replaces it, only a stored JWT issued later is kept; whether the
            // jti differs (another name) or not (jti hashes only the standard claims, not the description)
            AccountClaims renamed = Signing.account(newer);
            renamed.name("A2");
            String otherJti = Jwt.encode(renamed, operatorKey, iat(newer));
            assertNotEquals(Signing.account(newer).id(), Signing.account(otherJti).id());
            assertEquals(200, post(s, otherJti).statusCode());
            assertEquals(otherJti, Nsc.read(file()));
            String sameJti = Signing.resign(newer, operatorKey, iat(newer), "same second");
            assertEquals(Signing.account(newer).id(), Signing.account(sameJti).id());
            assertEquals(200, post(s, sameJti).statusCode());
            assertEquals(sameJti, Nsc.read(file()));

            // a stored file that is no JWT is replaced
            Files.writeString(file(), "garbage");
            assertEquals(200, post(s, older).statusCode());
            assertEquals(older, Nsc.read(file()));
            assertEquals(List.of(newer, newer, otherJti, sameJti, older), notified);
        }
    }

    @Test
    void aSaveWaitsWhileAnotherProcessHoldsTheFolder() throws Exception {
        try (Running s = start()) {
            try (LockHolder other = LockHolder.hold(dir.resolve(DirJwts.LOCK_FILE))) {
                CompletableFuture<HttpResponse<String>> posted = CompletableFuture.supplyAsync(() -> post(s, version(1)));
                assertThrows(TimeoutException.class, () -> posted.get(500, TimeUnit.MILLISECONDS),
                        "stored while another process held the folder");
                assertFalse(Files.exists(file()));
                other.close();
                assertEquals(200, posted.get(10, TimeUnit.SECONDS).statusCode());
                assertEquals(version(1), Nsc.read(file()));
            }
        }
    }
}
