package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.resolver.AccountServer;
import dev.jnsc.resolver.ClaimsNotifier;
import dev.jnsc.resolver.DirJwts;
import dev.jnsc.resolver.HostPort;
import dev.jnsc.resolver.NatsNotifier;
import dev.jnsc.resolver.NscFolderJwts;
import dev.jnsc.testing.Http;
import dev.jnsc.testing.NatsServer;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real nats-server 2.9 with a URL resolver pointed at the built-in account server. */
class AccountServerFlowTest {
    @TempDir
    Path home;
    final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private static Connection connect(NatsServer server, Path creds) throws Exception {
        return connect(server, creds, Duration.ofSeconds(5));
    }

    private static Connection connect(NatsServer server, Path creds, Duration timeout) throws Exception {
        Options o = new Options.Builder().server(server.url()).authHandler(Nats.credentials(creds.toString()))
                .connectionTimeout(timeout).maxReconnects(0).build();
        return Nats.connect(o);
    }

    private static void roundTrip(NatsServer server, Path creds, String subject) throws Exception {
        try (Connection nc = connect(server, creds)) {
            Subscription sub = nc.subscribe(subject);
            nc.flush(Duration.ofSeconds(2));
            nc.publish(subject, "NATS".getBytes(StandardCharsets.UTF_8));
            Message m = sub.nextMessage(Duration.ofSeconds(5));
            assertNotNull(m, "message delivered through the server");
            assertEquals("NATS", new String(m.getData(), StandardCharsets.UTF_8));
        }
    }

    /** Whether a log line starting with {@code start} appears before {@code limit}. */
    private boolean logged(String start, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        do {
            synchronized (log) {
                if (log.stream().anyMatch(l -> l.startsWith(start))) {
                    return true;
                }
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** Whether connecting with {@code creds} fails before {@code limit}: the server applies updates asynchronously. */
    private static boolean refusedWithin(NatsServer server, Path creds, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection nc = connect(server, creds, Duration.ofSeconds(1))) {
                nc.flush(Duration.ofSeconds(2));
            } catch (java.io.IOException e) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static String urlResolverConfig(Nsc nsc, AccountServer accounts) {
        return "operator: \"" + nsc.operatorJwt("O") + "\"\n"
                + "resolver: URL(" + accounts.url() + "/jwt/v1/accounts/)\n";
    }

    private AccountServer start(dev.jnsc.resolver.AccountJwts jwts, ClaimsNotifier notifier) {
        return new AccountServer(new AccountServer.Config(HostPort.parse("127.0.0.1:0"), jwts, notifier, Clock.systemUTC(),
                log::add)).start();
    }

    /** The seed tutorial: nsc folder served as is, then an account added while everything runs. */
    @Test
    void tutorialUrlResolverFlowFromTheNscFolder() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        try (AccountServer accounts = start(NscFolderJwts.open(nsc.stores().resolve("O"), log::add), ClaimsNotifier.NONE);
                NatsServer server = NatsServer.start(home.resolve("server"), urlResolverConfig(nsc, accounts))) {
            roundTrip(server, nsc.creds("O", "A", "U"), "hello");

            nsc.ok("add", "account", "B");
            nsc.ok("add", "user", "V", "-a", "B");
            roundTrip(server, nsc.creds("O", "B", "V"), "hello.b");
            String b = Signing.subject(Nsc.read(nsc.accountJwt("O", "B")));
            // the request's log line is written once its answer is sent: the client may be faster
            assertTrue(logged("[INF] GET /jwt/v1/accounts/" + b + " 200 ", Duration.ofSeconds(5)),
                    "the nats-server fetched B from us: " + log);
        }
    }

    /** --dir mode filled through HTTP POSTs of the store's account JWTs, served back unchanged. */
    @Test
    void dirModeFedByPostsServesANatsServer() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        nsc.ok("add", "account", "B");
        nsc.ok("add", "user", "V", "-a", "B");
        try (AccountServer accounts = start(DirJwts.open(home.resolve("jwts"), nsc.operatorJwt("O")), ClaimsNotifier.NONE)) {
            Http http = new Http(accounts.url());
            for (String name : List.of("A", "B")) {
                String jwt = Nsc.read(nsc.accountJwt("O", name));
                String key = Signing.subject(jwt);
                HttpResponse<String> post = http.post("/jwt/v1/accounts/" + key, "application/jwt", jwt);
                assertEquals(200, post.statusCode(), post.body());
                HttpResponse<String> get = http.get("/jwt/v1/accounts/" + key);
                assertEquals(jwt, get.body(), "served back byte for byte");
                assertEquals(jwt, Files.readString(home.resolve("jwts").resolve(key + ".jwt")));
            }
            try (NatsServer server = NatsServer.start(home.resolve("server"), urlResolverConfig(nsc, accounts))) {
                roundTrip(server, nsc.creds("O", "A", "U"), "a");
                roundTrip(server, nsc.creds("O", "B", "V"), "b");
            }
        }
    }

    /** With --nats/--creds, every accepted POST is announced to the servers as a claims update. */
    @Test
    void acceptedUpdatesArePublishedForTheServers() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        nsc.ok("add", "account", "SYS");
        nsc.ok("add", "user", "S", "-a", "SYS");
        String sys = Signing.subject(Nsc.read(nsc.accountJwt("O", "SYS")));
        String jwtA = Nsc.read(nsc.accountJwt("O", "A"));
        String a = Signing.subject(jwtA);
        int natsPort = NatsServer.freePort();
        NatsNotifier notifier = NatsNotifier.create("nats://127.0.0.1:" + natsPort, nsc.creds("O", "SYS", "S"), log::add);
        try (AccountServer accounts = start(DirJwts.open(home.resolve("jwts"), nsc.operatorJwt("O")), notifier)) {
            Http http = new Http(accounts.url());
            assertEquals(200, http.post("/jwt/v1/accounts/" + sys, "application/jwt",
                    Nsc.read(nsc.accountJwt("O", "SYS"))).statusCode());
            assertEquals(200, http.post("/jwt/v1/accounts/" + a, "application/jwt", jwtA).statusCode());
            String config = urlResolverConfig(nsc, accounts) + "system_account: " + sys + "\n";
            try (NatsServer server = NatsServer.start(home.resolve("server"), natsPort, config);
                    Connection watcher = connect(server, nsc.creds("O", "SYS", "S"))) {
                roundTrip(server, nsc.creds("O", "A", "U"), "before.update"); // the server now holds A
                Subscription updates = watcher.subscribe("$SYS.ACCOUNT.*.CLAIMS.UPDATE");
                watcher.flush(Duration.ofSeconds(2));

                // A, edited to revoke U: only the update can tell the server, which has A cached
                AccountClaims claims = Signing.account(jwtA);
                claims.revocations().put(Signing.subject(Nsc.read(nsc.userJwt("O", "A", "U"))), nsc.nowSeconds() + 30);
                String edited = Jwt.encode(claims, Signing.operatorKey(nsc, "O"), nsc.nowSeconds() + 30);
                assertEquals(200, http.post("/jwt/v1/accounts/" + a, "application/jwt", edited).statusCode());
                Message m = updates.nextMessage(Duration.ofSeconds(10));
                assertNotNull(m, "update published; log: " + log);
                assertEquals("$SYS.ACCOUNT." + a + ".CLAIMS.UPDATE", m.getSubject());
                assertEquals(edited, new String(m.getData(), StandardCharsets.US_ASCII));
                assertTrue(refusedWithin(server, nsc.creds("O", "A", "U"), Duration.ofSeconds(10)),
                        "the server applied the update and refuses the revoked user");
            }
        }
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[WRN] cannot connect to nats://127.0.0.1:" + natsPort)),
                "the first two updates came before the NATS server: " + log);
        assertTrue(log.stream().anyMatch(l -> l.equals("[INF] notified servers on $SYS.ACCOUNT." + a + ".CLAIMS.UPDATE")),
                log.toString());
        String seed = Nsc.read(nsc.creds("O", "SYS", "S")).lines().filter(l -> l.startsWith("SU")).findFirst().orElseThrow();
        assertTrue(log.stream().noneMatch(l -> l.contains("eyJ") || l.contains(seed)), "no tokens or seeds logged");
    }

    /**
     * --nsc with --nats: nsc edits the account in the folder while a nats-server with a URL
     * resolver holds it; the account server notices the file change and publishes the new JWT,
     * and the server applies it without a restart: first a lower connection limit, then a user
     * revocation.
     */
    @Test
    void editsInTheNscFolderReachTheServerWithoutRestart() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        nsc.ok("add", "account", "SYS");
        nsc.ok("add", "user", "S", "-a", "SYS");
        String sys = Signing.subject(Nsc.read(nsc.accountJwt("O", "SYS")));
        String a = Signing.subject(Nsc.read(nsc.accountJwt("O", "A")));
        int natsPort = NatsServer.freePort();
        NatsNotifier notifier = NatsNotifier.create("nats://127.0.0.1:" + natsPort, nsc.creds("O", "SYS", "S"), log::add);
        NscFolderJwts jwts = NscFolderJwts.open(nsc.stores().resolve("O"), log::add).watch(notifier, Duration.ofSeconds(10));
        try (AccountServer accounts = start(jwts, notifier)) {
            String config = urlResolverConfig(nsc, accounts) + "system_account: " + sys + "\n";
            try (NatsServer server = NatsServer.start(home.resolve("server"), natsPort, config);
                    Connection watcher = connect(server, nsc.creds("O", "SYS", "S"))) {
                Subscription updates = watcher.subscribe("$SYS.ACCOUNT." + a + ".CLAIMS.UPDATE");
                watcher.flush(Duration.ofSeconds(2));
                try (Connection first = connect(server, nsc.creds("O", "A", "U"));
                        Connection second = connect(server, nsc.creds("O", "A", "U"))) {
                    first.flush(Duration.ofSeconds(2));
                    second.flush(Duration.ofSeconds(2)); // no limit yet: both are in
                }

                nsc.advance(Duration.ofSeconds(1)).ok("edit", "account", "A", "--conns", "1");
                Message m = updates.nextMessage(Duration.ofSeconds(10));
                assertNotNull(m, "the edit was published; log: " + log);
                assertEquals(Nsc.read(nsc.accountJwt("O", "A")), new String(m.getData(), StandardCharsets.US_ASCII));
                try (Connection holder = connect(server, nsc.creds("O", "A", "U"))) {
                    holder.flush(Duration.ofSeconds(2));
                    assertTrue(refusedWithin(server, nsc.creds("O", "A", "U"), Duration.ofSeconds(10)),
                            "the server applied max connections 1: a second connection is refused");
                }

                nsc.advance(Duration.ofSeconds(1)).ok("revocations", "add-user", "-a", "A", "-n", "U");
                assertNotNull(updates.nextMessage(Duration.ofSeconds(10)), "the revocation was published; log: " + log);
                assertTrue(refusedWithin(server, nsc.creds("O", "A", "U"), Duration.ofSeconds(10)),
                        "the server applied the revocation of U");
            }
        }
        assertTrue(log.stream().anyMatch(l -> l.equals("[INF] notified servers on $SYS.ACCOUNT." + a + ".CLAIMS.UPDATE")),
                log.toString());
    }
}
