package dev.jnsc.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --nsc with a notifier: an account JWT that another nsc command changes or adds in the folder
 * goes to the notifier once per version, found through file change events (the periodic scan is
 * set to a minute here, so only the events can find it within the test's wait).
 */
class NscWatchTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration LONG_POLL = Duration.ofMinutes(1);

    @TempDir
    Path home;
    Nsc nsc;
    Path opDir;
    String keyA;

    @BeforeEach
    void store() {
        nsc = new Nsc(home).tutorial();
        opDir = nsc.stores().resolve("O");
        keyA = Signing.subject(Nsc.read(nsc.accountJwt("O", "A")));
    }

    @Test
    void editsAndNewAccountsAreNotifiedOnceEach() throws Exception {
        ApiRoutesTest.Recorder rec = new ApiRoutesTest.Recorder();
        try (Running s = Running.nsc(opDir, rec, Clock.systemUTC(), LONG_POLL)) {
            Thread.sleep(200); // the watch registers its folders
            assertEquals(List.of(), rec.told, "nothing is told at start");

            nsc.advance(Duration.ofSeconds(1)).ok("edit", "account", "A", "--conns", "5");
            String edited = Nsc.read(nsc.accountJwt("O", "A"));
            ApiRoutesTest.awaitTold(rec, 1, WAIT);
            assertEquals(List.of(keyA + "|" + edited), rec.told);

            nsc.advance(Duration.ofSeconds(1)).ok("revocations", "add-user", "-a", "A", "-n", "U");
            String revoked = Nsc.read(nsc.accountJwt("O", "A"));
            ApiRoutesTest.awaitTold(rec, 2, WAIT);
            assertEquals(keyA + "|" + revoked, rec.told.get(1));

            nsc.ok("add", "account", "B");
            String b = Nsc.read(nsc.accountJwt("O", "B"));
            ApiRoutesTest.awaitTold(rec, 3, WAIT);
            assertEquals(Signing.subject(b) + "|" + b, rec.told.get(2));

            // the new account's folder is watched too
            nsc.advance(Duration.ofSeconds(1)).ok("edit", "account", "B", "--conns", "7");
            String b2 = Nsc.read(nsc.accountJwt("O", "B"));
            ApiRoutesTest.awaitTold(rec, 4, WAIT);
            assertEquals(Signing.subject(b2) + "|" + b2, rec.told.get(3));

            Thread.sleep(300);
            assertEquals(4, rec.told.size(), "each version once: " + rec.told);
            assertEquals(b2, s.http.get("/jwt/v1/accounts/" + Signing.subject(b2)).body());
            assertTrue(s.log().stream().anyMatch(l -> l.contains("account \"A\" (" + keyA + ") changed in the nsc folder")),
                    s.log().toString());
        }
    }

    @Test
    void aFileThatHoldsNoValidJwtIsNotNotified() throws Exception {
        ApiRoutesTest.Recorder rec = new ApiRoutesTest.Recorder();
        try (Running s = Running.nsc(opDir, rec, Clock.systemUTC(), LONG_POLL)) {
            Thread.sleep(200);
            String jwt = Nsc.read(nsc.accountJwt("O", "A"));
            // same subject, broken signature
            String broken = jwt.substring(0, jwt.length() - 4) + (jwt.endsWith("AAAA") ? "BBBB" : "AAAA");
            Files.write(nsc.accountJwt("O", "A"), broken.getBytes(StandardCharsets.US_ASCII));
            s.awaitLine(l -> l.contains("account \"A\" changed but servers are not told"), "for the broken file");
            assertEquals(List.of(), rec.told);
        }
    }

    @Test
    void stoppingTheServerStopsTheWatch() throws Exception {
        ApiRoutesTest.Recorder rec = new ApiRoutesTest.Recorder();
        Running s = Running.nsc(opDir, rec, Clock.systemUTC(), LONG_POLL);
        s.close();
        Thread.sleep(100);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("account-server-nsc-watch")
                && t.isAlive()), "the watch thread ended");
        nsc.advance(Duration.ofSeconds(1)).ok("edit", "account", "A", "--conns", "5");
        Thread.sleep(300);
        assertEquals(List.of(), rec.told);
    }
}
