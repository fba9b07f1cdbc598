package dev.jnsc.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account server's hot path: JWTs verified once per file version and served from memory
 * until their file changes (both stores), and a log that request threads never wait for.
 */
class ServingCacheTest {
    @TempDir
    Path home;

    @Test
    void dirStoreServesFromMemoryUntilTheFileChanges() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        Path dir = home.resolve("srv");
        String jwtA = Nsc.read(nsc.accountJwt("O", "A"));
        String a = Signing.subject(jwtA);
        DirJwts jwts = DirJwts.open(dir, nsc.operatorJwt("O"));
        assertNull(jwts.account(a));
        Files.writeString(dir.resolve(a + ".jwt"), jwtA);
        AccountJwts.Stored first = jwts.account(a);
        assertEquals(jwtA, first.token());
        assertSame(first, jwts.account(a), "unchanged file: the verified JWT of the first read");
        assertEquals(jwtA, new String(first.bytes(), StandardCharsets.US_ASCII));
        assertEquals("\"" + first.jti() + "\"", first.etag());

        // replaced behind the server's back (as an administrator or a second server would)
        nsc.advance(Duration.ofSeconds(5)).ok("edit", "account", "A", "--conns", "3");
        String edited = Nsc.read(nsc.accountJwt("O", "A"));
        Path tmp = dir.resolve("tmp");
        Files.writeString(tmp, edited);
        Files.move(tmp, dir.resolve(a + ".jwt"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        assertEquals(edited, jwts.account(a).token());

        // rewritten in place with a different size, then with garbage: verified again, refused
        Files.writeString(dir.resolve(a + ".jwt"), jwtA + "\n\n");
        assertEquals(jwtA, jwts.account(a).token());
        Files.writeString(dir.resolve(a + ".jwt"), "not a jwt at all");
        assertThrows(ResolverException.class, () -> jwts.account(a));

        Files.delete(dir.resolve(a + ".jwt"));
        assertNull(jwts.account(a));
    }

    @Test
    void aPostedJwtReplacesTheCachedOne() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        Path dir = home.resolve("srv");
        String jwtA = Nsc.read(nsc.accountJwt("O", "A"));
        String a = Signing.subject(jwtA);
        try (Running s = Running.dir(dir, nsc.operatorJwt("O"), ClaimsNotifier.NONE, java.time.Clock.systemUTC())) {
            assertEquals(200, s.http.post("/jwt/v1/accounts/" + a, "application/jwt", jwtA).statusCode());
            assertEquals(jwtA, s.http.get("/jwt/v1/accounts/" + a).body());
            nsc.advance(Duration.ofSeconds(5)).ok("edit", "account", "A", "--conns", "3");
            String edited = Nsc.read(nsc.accountJwt("O", "A"));
            assertEquals(200, s.http.post("/jwt/v1/accounts/" + a, "application/jwt", edited).statusCode());
            assertEquals(edited, s.http.get("/jwt/v1/accounts/" + a).body());
        }
    }

    @Test
    void nscStoreServesTheSameVerifiedJwtUntilTheFileChanges() {
        Nsc nsc = new Nsc(home).tutorial();
        String jwtA = Nsc.read(nsc.accountJwt("O", "A"));
        String a = Signing.subject(jwtA);
        NscFolderJwts jwts = NscFolderJwts.open(nsc.stores().resolve("O"), line -> { });
        AccountJwts.Stored first = jwts.account(a);
        assertSame(first, jwts.account(a));
        nsc.advance(Duration.ofSeconds(5)).ok("edit", "account", "A", "--conns", "3");
        assertEquals(Nsc.read(nsc.accountJwt("O", "A")), jwts.account(a).token());
    }

    /** How long a change behind the server's back may take to be seen with change events (they take milliseconds). */
    private static final Duration SEEN_WITHIN = Duration.ofSeconds(5);

    /** Asks until the lookup answers {@code token} or the time is up; true when it did. */
    private static boolean seen(java.util.function.Supplier<AccountJwts.Stored> lookup, String token) throws InterruptedException {
        long deadline = System.nanoTime() + SEEN_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            AccountJwts.Stored s = lookup.get();
            if (s != null && s.token().equals(token)) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    @Test
    void withChangeEventsTheDirStoreStatsNoFileUntilSomethingChanges() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        Path dir = home.resolve("srv");
        String jwtA = Nsc.read(nsc.accountJwt("O", "A"));
        String a = Signing.subject(jwtA);
        DirJwts jwts = DirJwts.open(dir, nsc.operatorJwt("O"));
        Files.writeString(dir.resolve(a + ".jwt"), jwtA);
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        jwts.watchForChanges(log::add);
        try {
            AccountJwts.Stored first = jwts.account(a);
            long stats = jwts.stats();
            for (int i = 0; i < 100; i++) {
                assertSame(first, jwts.account(a));
            }
            assertEquals(stats, jwts.stats(), "no stat while nothing changed");
            assertEquals(List.of(), log);

            nsc.advance(Duration.ofSeconds(5)).ok("edit", "account", "A", "--conns", "3");
            String edited = Nsc.read(nsc.accountJwt("O", "A"));
            Path tmp = home.resolve("tmp");
            Files.writeString(tmp, edited);
            Files.move(tmp, dir.resolve(a + ".jwt"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            assertTrue(seen(() -> jwts.account(a), edited), "an atomic replace is seen");
            Files.writeString(dir.resolve(a + ".jwt"), jwtA + "\n");
            assertTrue(seen(() -> jwts.account(a), jwtA), "a rewrite in place is seen");
        } finally {
            jwts.close();
        }
        assertTrue(jwts.stats() > 1);
    }

    @Test
    void withChangeEventsTheNscStoreStatsNoFileUntilSomethingChanges() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        String jwtA = Nsc.read(nsc.accountJwt("O", "A"));
        String a = Signing.subject(jwtA);
        NscFolderJwts jwts = NscFolderJwts.open(nsc.stores().resolve("O"), line -> { });
        jwts.watchForChanges(line -> { });
        try {
            AccountJwts.Stored first = jwts.account(a);
            long stats = jwts.stats();
            for (int i = 0; i < 100; i++) {
                assertSame(first, jwts.account(a));
            }
            assertEquals(stats, jwts.stats(), "no stat while nothing changed");
            nsc.advance(Duration.ofSeconds(5)).ok("edit", "account", "A", "--conns", "3");
            assertTrue(seen(() -> jwts.account(a), Nsc.read(nsc.accountJwt("O", "A"))), "an edit is seen");

            // an account added later, in a folder made after the watch began: its changes are seen too
            nsc.ok("add", "account", "B");
            String b = Signing.subject(Nsc.read(nsc.accountJwt("O", "B")));
            assertTrue(seen(() -> jwts.account(b), Nsc.read(nsc.accountJwt("O", "B"))));
            nsc.advance(Duration.ofSeconds(5)).ok("edit", "account", "B", "--conns", "4");
            assertTrue(seen(() -> jwts.account(b), Nsc.read(nsc.accountJwt("O", "B"))), "an edit of the new account is seen");
        } finally {
            jwts.close();
        }
    }

    @Test
    void logLinesFromManyThreadsArriveWholeAndInOrderPerThread() throws Exception {
        StringWriter sink = new StringWriter();
        AsyncLog log = new AsyncLog(new PrintWriter(sink));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                for (int i = 0; i < 2000; i++) {
                    log.accept("[INF] t" + id + " line " + i);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        log.close();
        log.accept("[INF] after close");
        String[] lines = sink.toString().split("\n");
        assertEquals(8 * 2000 + 1, lines.length);
        int[] next = new int[8];
        for (int i = 0; i < lines.length - 1; i++) {
            String[] f = lines[i].split(" ");
            int t = Integer.parseInt(f[1].substring(1));
            assertEquals(next[t]++, Integer.parseInt(f[3]), lines[i]);
        }
        assertEquals("[INF] after close", lines[lines.length - 1]);
        assertEquals(0, log.dropped());
    }

    @Test
    void linesAreWrittenWhileTheLogIsOpenNotOnlyAtClose() throws Exception {
        StringWriter sink = new StringWriter();
        AsyncLog log = new AsyncLog(new PrintWriter(sink));
        try {
            log.accept("[INF] first");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!written(sink).contains("[INF] first") && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertEquals("[INF] first\n", written(sink).replace("\r\n", "\n"));
            log.accept("[INF] second");
            deadline = System.nanoTime() + 5_000_000_000L;
            while (!written(sink).contains("[INF] second") && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertTrue(written(sink).endsWith("[INF] second" + System.lineSeparator()), written(sink));
        } finally {
            log.close();
        }
    }

    /** What the log wrote so far (a StringWriter's buffer is synchronized). */
    private static String written(StringWriter sink) {
        return sink.toString();
    }

    @Test
    void aStuckOutputNeverHoldsUpTheCallerLinesAreDroppedAndCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StringBuilder written = new StringBuilder();
        Writer stuck = new Writer() {
            @Override
            public void write(char[] c, int off, int len) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (written) {
                    written.append(c, off, len);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        AsyncLog log = new AsyncLog(new PrintWriter(stuck), 16);
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            log.accept("[INF] line " + i);
        }
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "the caller did not wait for the output");
        assertTrue(log.dropped() >= 1000 - 16 - 1 - 16, "dropped: " + log.dropped());
        release.countDown();
        log.close();
        String out;
        synchronized (written) {
            out = written.toString();
        }
        assertTrue(out.contains("log line(s) dropped: the log output could not keep up"), out);
        assertTrue(out.contains("[INF] line 0"), out);
    }
}
