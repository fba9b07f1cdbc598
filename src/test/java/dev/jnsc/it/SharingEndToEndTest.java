package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Import;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.resolver.AccountServer;
import dev.jnsc.resolver.ClaimsNotifier;
import dev.jnsc.resolver.DirJwts;
import dev.jnsc.resolver.HostPort;
import dev.jnsc.testing.NatsServer;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts that share, end to end on nats-server 2.9.10: what jnsc's export, import, activation,
 * revocation and mapping commands write is what the server enforces, with the memory resolver of
 * {@code generate config} and with the full resolver fed by {@code push}.
 */
class SharingEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration NOTHING = Duration.ofMillis(500);

    @TempDir
    Path home;
    Nsc nsc;
    NatsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Operator O, accounts A (exports), B (imports) and C (neither), a user in each. */
    private void accounts(boolean sys) {
        nsc = new Nsc(home).realClock();
        if (sys) {
            nsc.ok("add", "operator", "O", "--sys");
        } else {
            nsc.ok("add", "operator", "O");
        }
        for (String acc : new String[] {"A", "B", "C"}) {
            nsc.ok("add", "account", acc);
            nsc.ok("add", "user", "-a", acc, acc.toLowerCase() + "u");
        }
    }

    private String pub(String account) {
        return Signing.subject(Nsc.read(nsc.accountJwt("O", account)).trim());
    }

    /** (Re)starts the server on a memory-resolver configuration generated now. */
    private void serveMemory() throws Exception {
        if (server != null) {
            server.close();
        }
        Path conf = home.resolve("server.conf");
        Files.deleteIfExists(conf);
        nsc.ok("generate", "config", "--mem-resolver", "--config-file", conf.toString());
        server = NatsServer.startWithConfigFile(conf, home);
    }

    private Connection connect(String account) throws Exception {
        Path creds = nsc.creds("O", account, account.toLowerCase() + "u");
        return Nats.connect(new Options.Builder().server(server.url()).authHandler(Nats.credentials(creds.toString()))
                .connectionTimeout(WAIT).maxReconnects(0).build());
    }

    private static String text(Message m) {
        return new String(m.getData(), StandardCharsets.UTF_8);
    }

    private static void publish(Connection nc, String subject, String data) throws Exception {
        nc.publish(subject, data.getBytes(StandardCharsets.UTF_8));
        nc.flush(WAIT);
    }

    @Test
    void aServiceImportIsAnsweredAcrossAccounts() throws Exception {
        accounts(false);
        nsc.ok("add", "export", "-a", "A", "-s", "svc.echo", "--service");
        nsc.ok("add", "import", "-a", "B", "--src-account", pub("A"), "--remote-subject", "svc.echo", "--service");
        serveMemory();
        // reply in A, req in B, both through the tools of jnsc
        Nsc.Running reply = nsc.start("reply", "-a", "A", "-u", "au", "svc.echo", "--max-messages", "1", "--nats", server.url())
                .awaitOut("listening on [svc.echo]", WAIT);
        Nsc.Result req = nsc.ok("req", "-a", "B", "-u", "bu", "svc.echo", "hello", "--nats", server.url());
        assertTrue(req.out().endsWith("] : 'hello'\n"), req.out());
        assertEquals("listening on [svc.echo] for 1 messages\n[#1] received on [svc.echo]: 'hello'\n",
                reply.result(WAIT).out());
        // C imports nothing: the same request finds no responder
        Nsc.Result none = nsc.run("req", "-a", "C", "-u", "cu", "svc.echo", "hello", "--nats", server.url(), "--timeout", "1s");
        assertEquals(1, none.code(), none.toString());
    }

    @Test
    void aStreamImportDeliversUnderItsLocalSubject() throws Exception {
        accounts(false);
        nsc.ok("add", "export", "-a", "A", "-s", "events.>");
        nsc.ok("add", "import", "-a", "B", "--src-account", pub("A"), "--remote-subject", "events.>", "-s", "a.events.>");
        serveMemory();
        try (Connection a = connect("A"); Connection b = connect("B"); Connection c = connect("C")) {
            Subscription inB = b.subscribe("a.events.>");
            Subscription inC = c.subscribe("events.>");
            b.flush(WAIT);
            c.flush(WAIT);
            publish(a, "events.created", "one");
            Message m = inB.nextMessage(WAIT);
            assertNotNull(m, "B receives A's stream");
            assertEquals("a.events.created", m.getSubject());
            assertEquals("one", text(m));
            assertNull(inC.nextMessage(NOTHING), "C imports nothing");
        }
    }

    @Test
    void aPrivateStreamNeedsTheActivationFromAFileOrTheAccountServer() throws Exception {
        accounts(false);
        nsc.ok("add", "export", "-a", "A", "-s", "private.>", "--private");
        Path token = home.resolve("b.tok");
        nsc.ok("generate", "activation", "-a", "A", "-s", "private.>", "-t", pub("B"), "-o", token.toString());
        nsc.ok("add", "import", "-a", "B", "--token", token.toString());

        // the activation for C comes from the account server instead
        Path dir = home.resolve("jwts");
        try (AccountServer accounts = new AccountServer(new AccountServer.Config(HostPort.parse("127.0.0.1:0"),
                DirJwts.open(dir, nsc.operatorJwt("O")), ClaimsNotifier.NONE, Clock.systemUTC(), l -> { })).start()) {
            nsc.ok("edit", "operator", "--account-jwt-server-url", accounts.url() + "/jwt/v1");
            // the account server takes activations only of accounts it holds
            nsc.ok("push", "-a", "A");
            Nsc.Result pushed = nsc.ok("generate", "activation", "-a", "A", "-s", "private.>", "-t", pub("C"), "--push");
            String hash = hashFromOutput(pushed.out() + pushed.err());
            // with --json the push is a reply: the account server and where the activation is served
            com.fasterxml.jackson.databind.JsonNode reply = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    nsc.ok("generate", "activation", "-a", "A", "-s", "private.>", "-t", pub("C"), "--push", "--json").out())
                    .get("replies").get(0);
            assertEquals(accounts.url() + "/jwt/v1", reply.get("server").asText());
            assertTrue(reply.get("ok").asBoolean());
            assertTrue(reply.get("message").asText().endsWith("/jwt/v1/activations/" + hash), reply.toString());
            nsc.ok("add", "import", "-a", "C", "--token", accounts.url() + "/jwt/v1/activations/" + hash);
        }
        // an import by a fourth account D that uses B's token: not its activation
        nsc.ok("add", "account", "D");
        nsc.ok("add", "user", "-a", "D", "du");
        stealImport("D", Nsc.read(token).trim());

        serveMemory();
        // D's import carries B's activation: the server will not load the account, D receives nothing
        assertThrows(io.nats.client.AuthenticationException.class, () -> connect("D").close());
        assertTrue(server.log().contains("import \"private.>\" contains an invalid activation token"), server.log());
        try (Connection a = connect("A"); Connection b = connect("B"); Connection c = connect("C")) {
            Subscription inB = b.subscribe("private.>");
            Subscription inC = c.subscribe("private.>");
            b.flush(WAIT);
            c.flush(WAIT);
            publish(a, "private.news", "secret");
            assertEquals("secret", text(nextOrFail(inB, "B, with its activation from a file")));
            assertEquals("secret", text(nextOrFail(inC, "C, with its activation from the account server")));
        }
    }

    private static Message nextOrFail(Subscription s, String who) throws InterruptedException {
        Message m = s.nextMessage(WAIT);
        assertNotNull(m, who + " receives the private stream");
        return m;
    }

    /** The hash id that generate activation --push reports: base32 of a SHA-256, with its padding. */
    private static String hashFromOutput(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b[A-Z2-7]{52}====").matcher(out);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        assertNotNull(last, "a hash id in: " + out);
        return last;
    }

    /** Writes, past jnsc's own check, an import of A's private stream into {@code account} with another's token. */
    private void stealImport(String account, String token) throws Exception {
        String jwt = Nsc.read(nsc.accountJwt("O", account)).trim();
        AccountClaims ac = Jwt.decode(jwt).as(AccountClaims.class, "an account");
        ac.imports().add(Import.stream(pub("A"), "private.>").token(token).name("stolen"));
        Files.writeString(nsc.accountJwt("O", account), Jwt.encode(ac, Signing.operatorKey(nsc, "O"),
                nsc.nowSeconds()));
    }

    @Test
    void aRevokedActivationStopsDeliveryAfterPush() throws Exception {
        accounts(true);
        nsc.ok("add", "export", "-a", "A", "-s", "private.>", "--private");
        Path token = home.resolve("b.tok");
        nsc.ok("generate", "activation", "-a", "A", "-s", "private.>", "-t", pub("B"), "-o", token.toString());
        nsc.ok("add", "import", "-a", "B", "--token", token.toString());
        Path conf = Files.createDirectories(home.resolve("srv")).resolve("server.conf");
        nsc.ok("generate", "config", "--nats-resolver", "--config-file", conf.toString());
        server = NatsServer.startWithConfigFile(conf, conf.getParent());
        nsc.ok("edit", "operator", "--account-jwt-server-url", server.url());
        nsc.ok("push", "-A");
        try (Connection a = connect("A"); Connection b = connect("B")) {
            Subscription inB = b.subscribe("private.>");
            b.flush(WAIT);
            publish(a, "private.one", "before");
            assertEquals("before", text(nextOrFail(inB, "B before the revocation")));

            nsc.ok("revocations", "add_activation", "-a", "A", "-s", "private.>", "-t", pub("B"));
            nsc.ok("push", "-a", "A");
            long deadline = System.nanoTime() + WAIT.toNanos();
            boolean stopped = false;
            while (!stopped && System.nanoTime() < deadline) {
                // the server applies the pushed JWT asynchronously: wait for it to stop delivering
                publish(a, "private.two", "after");
                Message m = inB.nextMessage(Duration.ofMillis(200));
                stopped = m == null;
            }
            assertTrue(stopped, "B still receives after the revocation was pushed");
        }
    }

    @Test
    void aMappingRewritesAllOrSplitsByWeight() throws Exception {
        accounts(false);
        nsc.ok("add", "mapping", "-a", "A", "-f", "orig", "-t", "dest");
        nsc.ok("add", "mapping", "-a", "A", "-f", "split", "-t", "left", "--weight", "50");
        nsc.ok("add", "mapping", "-a", "A", "-f", "split", "-t", "right", "--weight", "50");
        serveMemory();
        try (Connection a = connect("A")) {
            Subscription dest = a.subscribe("dest");
            Subscription orig = a.subscribe("orig");
            Subscription left = a.subscribe("left");
            Subscription right = a.subscribe("right");
            a.flush(WAIT);
            publish(a, "orig", "moved");
            assertEquals("moved", text(nextOrFail(dest, "the 100% mapping's target")));
            assertNull(orig.nextMessage(NOTHING), "nothing stays on the mapped subject");
            int n = 1000;
            for (int i = 0; i < n; i++) {
                a.publish("split", new byte[0]);
            }
            a.flush(WAIT);
            int l = count(left);
            int r = count(right);
            assertEquals(n, l + r, "every message goes one way or the other");
            assertTrue(Math.abs(l - n / 2) <= n / 10, "50/50 within ±10%: " + l + " left, " + r + " right");
        }
    }

    private static int count(Subscription s) throws InterruptedException {
        int c = 0;
        while (s.nextMessage(Duration.ofMillis(300)) != null) {
            c++;
        }
        return c;
    }

    @Test
    void aServiceWithLatencyPublishesMetrics() throws Exception {
        accounts(true); // the server sends latency results through its system account
        nsc.ok("add", "export", "-a", "A", "-s", "svc.timed", "--service", "--latency", "metrics.latency", "--sampling", "100");
        nsc.ok("add", "import", "-a", "B", "--src-account", pub("A"), "--remote-subject", "svc.timed", "--service");
        serveMemory();
        try (Connection a = connect("A"); Connection b = connect("B")) {
            Subscription metrics = a.subscribe("metrics.latency");
            a.createDispatcher(m -> a.publish(m.getReplyTo(), "done".getBytes(StandardCharsets.UTF_8))).subscribe("svc.timed");
            a.flush(WAIT);
            Message reply = b.request("svc.timed", "go".getBytes(StandardCharsets.UTF_8), WAIT);
            assertNotNull(reply, "B's request is answered by A");
            Message metric = nextOrFail(metrics, "A's latency subject");
            assertTrue(text(metric).contains("\"type\":\"io.nats.server.metric.v1.service_latency\""), text(metric));
        }
    }
}
