package dev.jnsc.it;

import static dev.jnsc.testing.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.NatsServer;
import dev.jnsc.testing.Nsc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nsc pub/sub/req/reply against a real nats-server that trusts the operator and knows account A. */
class ToolsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path home;

    private NatsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The tutorial's store: operator O, account A, users U, s and c with the tutorial's permissions. */
    private Nsc store() {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "user", "U");
        nsc.ok("add", "user", "s", "--allow-pub", "_INBOX.>", "--allow-sub", "q");
        nsc.ok("add", "user", "c", "--allow-pub", "q", "--allow-sub", "_INBOX.>");
        return nsc;
    }

    /** The seed's set-up: `nsc generate config --mem-resolver`, and a server started on that file. */
    private String serve(Nsc nsc) {
        Path conf = home.resolve("server.conf");
        try {
            java.nio.file.Files.deleteIfExists(conf);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        nsc.ok("generate", "config", "--mem-resolver", "--config-file", conf.toString());
        server = NatsServer.startWithConfigFile(conf, home);
        return server.url();
    }

    @Test
    void subReceivesWhatPubSends() {
        Nsc nsc = store();
        String url = serve(nsc);
        Nsc.Running sub = nsc.start("sub", "--user", "U", ">", "--max-messages", "1", "--nats", url)
                .awaitOut("Listening on [>]", WAIT);

        Nsc.Result pub = nsc.ok("pub", "--user", "U", "hello", "NATS", "--nats", url);
        assertEquals("Published [hello] : \"NATS\"\n", pub.out());
        assertEquals("", pub.err());

        Nsc.Result r = sub.result(WAIT);
        assertEquals(0, r.code(), r::toString);
        assertEquals("Listening on [>] for 1 messages\n[#1] received on [hello]: 'NATS'\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void toolGroupAndDefaultServerFromTheOperatorServiceUrl() {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "user", "U");
        String url = serve(nsc);
        nsc.ok("edit", "operator", "--service-url", url);

        Nsc.Running sub = nsc.start("tool", "sub", "hello.*", "--max-messages", "2").awaitOut("Listening on", WAIT);
        assertEquals("Published [hello.world] : \"NATS\"\n", nsc.ok("tool", "pub", "hello.world", "NATS").out());
        assertEquals("Published [hello.x] : \"\"\n", nsc.ok("pub", "hello.x").out());
        Nsc.Result r = sub.result(WAIT);
        assertEquals("Listening on [hello.*] for 2 messages\n[#1] received on [hello.world]: 'NATS'\n"
                + "[#2] received on [hello.x]: ''\n", r.out());
    }

    @Test
    void requestAndReplyWithTheTutorialPermissions() {
        Nsc nsc = store();
        String url = serve(nsc);
        Nsc.Running echo = nsc.start("reply", "--user", "s", "q", "--max-messages", "1", "--nats", url)
                .awaitOut("listening on [q]", WAIT);
        Nsc.Result req = nsc.ok("req", "--user", "c", "q", "hi", "--nats", url);
        assertTrue(req.out().matches("published request: \\[q\\] : 'hi'\nreceived reply: \\[_INBOX\\.[^\\]]+\\] : 'hi'\n"),
                req::toString);
        Nsc.Result r = echo.result(WAIT);
        assertEquals(0, r.code(), r::toString);
        assertEquals("listening on [q] for 1 messages\n[#1] received on [q]: 'hi'\n", r.out());

        Nsc.Running fixed = nsc.start("tool", "reply", "-u", "s", "-q", "workers", "q", "pong", "--max-messages", "1",
                "--nats", url).awaitOut("listening on [q]", WAIT);
        Nsc.Result req2 = nsc.ok("tool", "req", "-u", "c", "q", "ping", "--nats", url, "--timeout", "2s");
        assertTrue(req2.out().endsWith("] : 'pong'\n"), req2::toString);
        assertEquals("listening on [q] for 1 messages\n[#1] received on [q]: 'ping'\n", fixed.result(WAIT).out());
    }

    @Test
    void replyCountsButDoesNotAnswerAPlainMessage() {
        Nsc nsc = store();
        String url = serve(nsc);
        Nsc.Running reply = nsc.start("reply", "-u", "U", "q", "--max-messages", "2", "--nats", url)
                .awaitOut("listening on [q] for 2 messages", WAIT);
        nsc.ok("pub", "-u", "U", "q", "no answer expected", "--nats", url);
        reply.awaitOut("[#1] ignoring request on [q]: no reply subject", WAIT);
        assertTrue(nsc.ok("req", "-u", "U", "q", "ping", "--nats", url).out().endsWith("] : 'ping'\n"));
        Nsc.Result r = reply.result(WAIT);
        assertEquals("listening on [q] for 2 messages\n[#1] ignoring request on [q]: no reply subject\n"
                + "[#2] received on [q]: 'ping'\n", r.out());
    }

    @Test
    void deniedPublishAndSubscribeFailWithTheServersReason() {
        Nsc nsc = store();
        String url = serve(nsc);
        fails(nsc, "Error: permissions violation: publish to \"x\" is not allowed for user \"c\"", "pub", "--user",
                "c", "x", "hi", "--nats", url);
        fails(nsc, "Error: permissions violation: subscribe to \"x\" is not allowed for user \"c\"", "sub", "--user",
                "c", "x", "--nats", url);
        fails(nsc, "Error: permissions violation: subscribe to \"x\" with queue \"g\" is not allowed for user \"s\"",
                "reply", "--user", "s", "-q", "g", "x", "--nats", url);
    }

    @Test
    void userOfAnAccountTheServerDoesNotKnowIsRefused() {
        Nsc nsc = store();
        String url = serve(nsc);
        nsc.ok("add", "account", "B");
        nsc.ok("add", "user", "V", "-a", "B");
        fails(nsc, "Error: authorization violation: the server refused user \"V\"", "pub", "-a", "B", "hello",
                "--nats", url);
    }

    @Test
    void noServerListening() {
        Nsc nsc = store();
        String url = "nats://127.0.0.1:" + NatsServer.freePort();
        fails(nsc, "Error: no server reachable at " + url, "pub", "--user", "U", "hello", "--nats", url);
        fails(nsc, "Error: no server reachable at " + url, "sub", "--user", "U", "hello", "--nats", url);
    }

    @Test
    void requestWithoutAnswerTimesOutAndWithoutSubscriberHasNoResponders() {
        Nsc nsc = store();
        String url = serve(nsc);
        Nsc.Result none = nsc.run("req", "--user", "c", "q", "hi", "--nats", url);
        assertEquals(1, none.code(), none::toString);
        assertEquals("Error: no responders available for request to \"q\"\n", none.err());

        // s subscribes to q but does not answer
        Nsc.Running silent = nsc.start("sub", "--user", "s", "q", "--max-messages", "1", "--nats", url)
                .awaitOut("Listening on [q]", WAIT);
        Nsc.Result r = nsc.run("req", "--user", "c", "q", "hi", "--nats", url, "--timeout", "300ms");
        assertEquals(1, r.code(), r::toString);
        assertEquals("published request: [q] : 'hi'\n", r.out());
        assertEquals("Error: request to \"q\" timed out after 300ms\n", r.err());
        assertTrue(silent.result(WAIT).out().endsWith("[#1] received on [q]: 'hi'\n"));
    }

    @Test
    void userAndServerDefaults() {
        Nsc nsc = store();
        fails(nsc, "Error: user is required (-u): account \"A\" has several users (U, c, s)", "pub", "hello");
        fails(nsc, "Error: operator \"O\" has no service URLs - pass --nats <url>", "pub", "-u", "U", "hello");
        fails(nsc, "Error: user \"nobody\" does not exist in account \"A\"", "pub", "-u", "nobody", "hello",
                "--nats", "nats://127.0.0.1:4222");
        fails(nsc, "Error: --max-messages must be greater than zero", "sub", "-u", "U", "x", "--max-messages", "0",
                "--nats", "nats://127.0.0.1:4222");
        fails(nsc, "Error: --timeout \"soon\" is not a valid duration", "req", "-u", "U", "x", "--timeout", "soon",
                "--nats", "nats://127.0.0.1:4222");
    }

    @Test
    void toolHelpListsTheToolsAndTheTopLevelCopiesAreHidden() {
        Nsc nsc = new Nsc(home);
        String tool = nsc.ok("tool").out();
        for (String c : new String[] {"pub", "sub", "req", "reply"}) {
            assertTrue(tool.contains("  " + c + " "), () -> c + " in\n" + tool);
        }
        String root = nsc.ok("--help").out();
        assertTrue(root.contains("  tool "), root);
        assertFalse(root.contains("  pub "), root);
        assertTrue(nsc.ok("pub", "--help").out().contains("--nats"));
    }

    /** req -E encrypts with the account's seed, sub -E decrypts; without the seed both refuse. */
    @Test
    void encryptedPayloads() throws Exception {
        Nsc nsc = store();
        String url = serve(nsc);
        Nsc.Running sub = nsc.start("tool", "sub", "-u", "U", "-E", "--max-messages", "2", "enc.>", "--nats", url)
                .awaitOut("Listening on [enc.>]", WAIT);
        Nsc.Running plain = nsc.start("tool", "sub", "-u", "U", "--max-messages", "1", "enc.k", "--nats", url)
                .awaitOut("Listening on [enc.k]", WAIT);
        Nsc.Result req = nsc.run("tool", "req", "-u", "U", "-E", "enc.k", "key value", "--timeout", "300ms", "--nats", url);
        assertEquals("published encrypted request: [enc.k] : 'key value'\n", req.out());
        assertEquals(1, req.code(), req::toString); // nobody answers
        nsc.ok("tool", "pub", "-u", "U", "enc.p", "in clear", "--nats", url);
        Nsc.Result r = sub.result(WAIT);
        assertEquals("Listening on [enc.>] for 2 messages\n[#1] received on [enc.k]: 'key value'\n"
                + "[#2] received on [enc.p]: 'in clear'\n", r.out());
        // on the wire: two encrypted halves, not the text
        String wire = plain.result(WAIT).out();
        assertTrue(wire.matches("(?s).*\\[#1\\] received on \\[enc.k\\]: 'U0FB[A-Za-z0-9+/]+ U0FB[A-Za-z0-9+/]+'\n"), wire);

        // the account's seed gone from the keystore: both refuse, saying why, and connect to nothing
        String account = nsc.ok("describe", "account", "A", "--field", "sub").out().strip().replace("\"", "");
        try (var files = java.nio.file.Files.walk(home.resolve(".nkeys"))) {
            for (Path p : files.filter(f -> f.getFileName().toString().equals(account + ".nk")).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
        for (String[] cmd : List.of(new String[] {"tool", "sub", "-u", "U", "-E", "x", "--nats", url},
                new String[] {"tool", "req", "-u", "U", "--encrypt", "x", "--nats", url})) {
            Nsc.Result refused = nsc.run(cmd);
            assertEquals(1, refused.code(), refused::toString);
            assertTrue(refused.err().startsWith("Error: unable to get the account private key to encrypt/decrypt the payload:"
                    + " the seed of account \"A\""), refused.err());
            assertEquals("", refused.out());
        }
    }
}
