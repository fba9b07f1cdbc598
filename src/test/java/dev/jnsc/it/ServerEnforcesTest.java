package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.testing.NatsServer;
import dev.jnsc.testing.Nsc;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real nats-server 2.9.10 enforces the permissions and limits jnsc signs. */
class ServerEnforcesTest {
    @TempDir
    Path home;
    private NatsServer server;
    private final List<String> errors = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Nsc store() {
        Nsc nsc = new Nsc(home).realClock();
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        return nsc;
    }

    /** (Re)starts the server on a memory-resolver configuration generated now. */
    private void serve(Nsc nsc) throws Exception {
        if (server != null) {
            server.close();
        }
        Path conf = home.resolve("server.conf");
        Files.deleteIfExists(conf);
        nsc.ok("generate", "config", "--mem-resolver", "--config-file", conf.toString());
        server = NatsServer.startWithConfigFile(conf, home);
    }

    private Connection connect(Nsc nsc, String account, String user) throws Exception {
        Options o = new Options.Builder().server(server.url())
                .authHandler(Nats.credentials(nsc.creds("O", account, user).toString()))
                .connectionTimeout(Duration.ofSeconds(3)).maxReconnects(0).errorListener(new ErrorListener() {
                    @Override
                    public void errorOccurred(Connection conn, String error) {
                        errors.add(error);
                    }
                }).build();
        return Nats.connect(o);
    }

    private boolean refused(Nsc nsc, String account, String user) {
        try (Connection nc = connect(nsc, account, user)) {
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private void awaitError(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (errors.stream().anyMatch(e -> e.contains(fragment))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no server error containing \"" + fragment + "\", got " + errors);
    }

    @Test
    void denyPermissions() throws Exception {
        Nsc nsc = store();
        nsc.ok("add", "user", "d", "--deny-pub", "secret.>");
        serve(nsc);
        try (Connection nc = connect(nsc, "A", "d")) {
            nc.publish("secret.plans", "x".getBytes(StandardCharsets.UTF_8));
            nc.flush(Duration.ofSeconds(2));
            awaitError("Permissions Violation for Publish to \"secret.plans\"");
        }
    }

    @Test
    void responsePermissionLetsAReplierAnswerWithoutInboxPermission() throws Exception {
        Nsc nsc = store();
        nsc.ok("add", "user", "svc", "--allow-sub", "q", "--allow-pub", "nothing", "--allow-pub-response");
        nsc.ok("add", "user", "cli", "--allow-pub", "q", "--allow-sub", "_INBOX.>");
        serve(nsc);
        try (Connection svc = connect(nsc, "A", "svc"); Connection client = connect(nsc, "A", "cli")) {
            svc.createDispatcher(m -> svc.publish(m.getReplyTo(), "pong".getBytes(StandardCharsets.UTF_8))).subscribe("q");
            svc.flush(Duration.ofSeconds(2));
            Message reply = client.request("q", "ping".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3));
            assertNotNull(reply, "the replier may publish to the reply subject");
            assertEquals("pong", new String(reply.getData(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void sourceNetworkRefusesALoopbackClient() throws Exception {
        Nsc nsc = store();
        nsc.ok("add", "user", "far", "--source-network", "10.0.0.0/8");
        nsc.ok("add", "user", "near", "--source-network", "127.0.0.0/8");
        serve(nsc);
        assertTrue(refused(nsc, "A", "far"), "127.0.0.1 is outside 10.0.0.0/8");
        assertTrue(!refused(nsc, "A", "near"));
    }

    @Test
    void oneConnectionPerAccount() throws Exception {
        Nsc nsc = store();
        nsc.ok("add", "user", "U");
        nsc.ok("edit", "account", "A", "--conns", "1");
        serve(nsc);
        try (Connection first = connect(nsc, "A", "U")) {
            assertTrue(refused(nsc, "A", "U"), "a second connection exceeds --conns 1");
        }
    }

    @Test
    void revokedUserIsRefused() throws Exception {
        Nsc nsc = store();
        nsc.ok("add", "user", "U");
        nsc.ok("add", "user", "V");
        serve(nsc);
        assertTrue(!refused(nsc, "A", "U"));
        nsc.ok("revocations", "add-user", "-n", "U");
        serve(nsc);
        assertTrue(refused(nsc, "A", "U"), "revoked");
        assertTrue(!refused(nsc, "A", "V"), "others still connect");
    }

    @Test
    void usersOfSigningKeysAndScopedRoles() throws Exception {
        Nsc nsc = store();
        nsc.ok("edit", "account", "A", "--sk", "generate");
        nsc.ok("edit", "account", "A", "--sk", "generate");
        String[] keys = Json.signingKeys(Nsc.read(nsc.accountJwt("O", "A")));
        nsc.ok("edit", "signing-key", "--sk", keys[1], "--role", "listener", "--allow-sub", "feed.>",
                "--allow-pub", "_INBOX.>");
        nsc.ok("add", "user", "plain", "-K", keys[0]);
        nsc.ok("add", "user", "scoped", "-K", "listener");
        serve(nsc);
        try (Connection plain = connect(nsc, "A", "plain")) {
            assertEquals(Connection.Status.CONNECTED, plain.getStatus(), "issuer_account lets the server accept it");
        }
        try (Connection scoped = connect(nsc, "A", "scoped")) {
            Subscription ok = scoped.subscribe("feed.news");
            scoped.flush(Duration.ofSeconds(2));
            try (Connection other = connect(nsc, "A", "plain")) {
                other.publish("feed.news", "hi".getBytes(StandardCharsets.UTF_8));
                other.flush(Duration.ofSeconds(2));
            }
            assertNotNull(ok.nextMessage(Duration.ofSeconds(3)), "the role allows feed.>");
            scoped.publish("elsewhere", new byte[0]);
            scoped.flush(Duration.ofSeconds(2));
            awaitError("Permissions Violation for Publish to \"elsewhere\"");
            Subscription denied = scoped.subscribe("other");
            scoped.flush(Duration.ofSeconds(2));
            awaitError("Permissions Violation for Subscription to \"other\"");
            assertNull(denied.nextMessage(Duration.ofMillis(100)));
        }
    }

    @Test
    void strictOperatorAccountSignedByASigningKey() throws Exception {
        Nsc nsc = new Nsc(home).realClock();
        nsc.ok("add", "operator", "O", "--generate-signing-key");
        String osk = Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "o").signingKeys().get(0);
        nsc.ok("add", "account", "A", "-K", osk);
        nsc.ok("edit", "account", "A", "--sk", "generate", "-K", osk);
        String ask = Json.signingKeys(Nsc.read(nsc.accountJwt("O", "A")))[0];
        nsc.ok("add", "user", "U", "-K", ask);
        nsc.ok("edit", "operator", "--require-signing-keys");
        serve(nsc);
        try (Connection nc = connect(nsc, "A", "U")) {
            assertEquals(Connection.Status.CONNECTED, nc.getStatus());
        }
    }

    /** Small reader for the signing keys of an account JWT (order as stored). */
    static final class Json {
        static String[] signingKeys(String accountJwt) {
            return Jwt.decode(accountJwt).as(dev.jnsc.jwt.AccountClaims.class, "an account").signingKeys().stream()
                    .map(dev.jnsc.jwt.SigningKey::key).toArray(String[]::new);
        }
    }
}
