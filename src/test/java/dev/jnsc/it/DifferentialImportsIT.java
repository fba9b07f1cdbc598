package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Differential;
import dev.jnsc.testing.ExportFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * add import, delete import, generate activation and the activation revocations through target/nsc
 * and the Go nsc 2.11.1 (JNSC_REF_NSC), compared on disk by {@link Differential}: account JWTs,
 * the activation files written with -o, and the tokens inside private imports. The exporting
 * account's exports (and a signing key) are written into both stores by {@link ExportFixtures}, the
 * same claims on both sides, so these cases do not depend on add export.
 */
class DifferentialImportsIT {

    @TempDir
    Path dir;
    Differential d;

    @BeforeEach
    void reference() {
        d = Differential.orSkip(dir);
    }

    /** The identity gaps of {@link DifferentialIT}. */
    static Map<String, String> gaps() {
        Map<String, String> known = DifferentialIT.identityGaps();
        return known;
    }

    /** Operator O, exporting account A, importing accounts B and C; A's exports and signing key on both sides. */
    private void store(NKey signingKey) throws Exception {
        d.run("add", "operator", "O");
        d.run("add", "account", "A");
        d.run("add", "account", "B");
        d.run("add", "account", "C");
        long now = Instant.now().getEpochSecond();
        for (Differential.Side side : new Differential.Side[] {d.go(), d.java()}) {
            ExportFixtures.edit(side.stores(), side.keys(), "O", "A", now, ac -> {
                ac.exports().add(ExportFixtures.stream("pub.>"));
                ac.exports().add(ExportFixtures.service("help"));
                ac.exports().add(ExportFixtures.stream("wild.*.*"));
                ac.exports().add(ExportFixtures.service("svc.>").name("privsvc").tokenRequired(true));
                ac.exports().add(ExportFixtures.stream("priv.*").name("privstream").tokenRequired(true));
                ac.signingKeys().add(SigningKey.plain(signingKey.publicKey()));
            });
            // the same signing key on both sides, as a seed file -K can name
            Files.writeString(side.home().resolve("sk.nk"), new String(signingKey.seed()) + "\n");
        }
    }

    @Test
    void publicAndPrivateImportsAndActivationFiles() throws Exception {
        store(NKey.generate(KeyKind.ACCOUNT));
        d.run("add", "import", "-a", "B", "--src-account", "A", "--remote-subject", "pub.>");
        d.run("add", "import", "-a", "B", "--src-account", "A", "--remote-subject", "help", "--service", "--share");
        d.run("add", "import", "-a", "B", "--src-account", "A", "--remote-subject", "wild.*.*", "-s", "w.$2.$1", "-n",
                "wild", "--allow-trace");
        d.run("generate", "activation", "-a", "A", "-s", "svc.>", "-t", "B", "-o", "out/svc.jwt");
        d.run("generate", "activation", "-a", "A", "-s", "priv.x", "-t", "B", "--expiry", "30d", "-o", "out/stream.jwt");
        d.run("generate", "activation", "-a", "A", "-s", "svc.sk", "-t", "C", "-K", "sk.nk", "-o", "out/by-sk.jwt");
        d.run("add", "import", "-a", "B", "--token", "out/svc.jwt", "-s", "local.svc.>");
        d.run("add", "import", "-a", "B", "--token", "out/stream.jwt", "-n", "privstream");
        d.run("add", "import", "-a", "C", "-u", "out/by-sk.jwt");
        d.run("add", "import", "-a", "C", "--src-account", "A", "--remote-subject", "pub.x");
        d.run("delete", "import", "-a", "B", "-s", "help");
        d.run("delete", "import", "-a", "C", "-s", "pub.x", "--src-account", "A");
        // refused by both
        d.run("delete", "import", "-a", "C", "-s", "nope");
        d.run("generate", "activation", "-a", "B", "-t", "C");
        d.run("add", "import", "-a", "B", "--src-account", "A", "--remote-subject", "pub.>");
        Map<String, String> known = gaps();
        d.assertOnly(known);
        assertTrue(Files.exists(d.java().output().resolve("by-sk.jwt")), "the -o files are compared: they exist");
        assertEquals(3, Differential.tree(d.java()).keySet().stream().filter(k -> k.startsWith("out/") && k.endsWith(".jwt"))
                .count());

    }

    @Test
    void activationRevocations() throws Exception {
        store(NKey.generate(KeyKind.ACCOUNT));
        d.run("revocations", "add_activation", "-a", "A", "-s", "svc.>", "--service", "-t", "B");
        d.run("revocations", "add-activation", "-a", "A", "-s", "svc.x", "--service", "-t", "*", "--at", "1700000000");
        d.run("revocations", "add_activation", "-a", "A", "-s", "priv.*", "-t", "C", "--at", "2024-01-01T00:00:00Z");
        d.run("revocations", "add_activation", "-a", "A", "-s", "priv.*", "-t", "B", "--at", "0");
        d.run("revocations", "delete_activation", "-a", "A", "-s", "svc.>", "--service", "-t", "*");
        d.run("revocations", "delete-activation", "-a", "A", "-s", "priv.*", "-t", "C");
        d.run("revocations", "list_activations", "-a", "A", "-s", "svc.>", "--service");
        // refused by both: no such export of that kind, no target
        d.run("revocations", "add_activation", "-a", "A", "-s", "svc.>", "-t", "B");
        d.run("revocations", "add_activation", "-a", "A", "-s", "priv.*");
        d.assertOnly(gaps());
    }

    @Test
    void whereJnscRefusesWhatTheGoNscAccepts() throws Exception {
        store(NKey.generate(KeyKind.ACCOUNT));
        d.run("generate", "activation", "-a", "A", "-s", "svc.c", "-t", "C", "-o", "out/for-c.jwt");
        // a private export without a token, a token for another account (Go refuses that one too),
        // an activation for the exporting account itself
        d.run("add", "import", "-a", "B", "--src-account", "A", "--remote-subject", "svc.x", "--service");
        d.run("add", "import", "-a", "B", "--token", "out/for-c.jwt");
        d.run("generate", "activation", "-a", "A", "-s", "svc.a", "-t", "A", "-o", "out/self.jwt");
        // --allow-trace on a service import: Go drops it silently
        d.run("add", "import", "-a", "C", "--src-account", "A", "--remote-subject", "help", "--service", "--allow-trace");
        Map<String, String> known = gaps();
        known.put("exit code of \"add import -a B --src-account A --remote-subject svc.x --service\"",
                "deliberate: jnsc refuses a public import of a private export, which needs an activation token");
        known.put("stores/O/accounts/B/B.jwt differs", "the Go nsc stored the import jnsc refused");
        known.put("exit code of \"generate activation -a A -s svc.a -t A -o out/self.jwt\"",
                "deliberate: an account cannot import its own export, so jnsc makes no activation for it");
        known.put("only go wrote out/self.jwt", "the activation jnsc refused to make");
        known.put("exit code of \"add import -a C --src-account A --remote-subject help --service --allow-trace\"",
                "deliberate: jnsc refuses --allow-trace on a service import, which the Go nsc drops silently");
        known.put("stores/O/accounts/C/C.jwt differs", "the Go nsc stored the import jnsc refused");
        d.assertOnly(known);
    }

    /**
     * generate activation --push (and --start) to an HTTP account server: both post the token to
     * {@code <url>/activations}; when the server refuses, both fail (the Go nsc has written the -o
     * file by then, jnsc writes nothing: all or nothing).
     */
    @Test
    void activationPushedToAnAccountServer() throws Exception {
        store(NKey.generate(KeyKind.ACCOUNT));
        java.util.List<String> posted = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger(200);
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>("");
        server.createContext("/jwt/v1/", ex -> {
            if (ex.getRequestMethod().equals("GET")) { // jnsc reads the token back: the last one posted
                byte[] token = last.get().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                ex.sendResponseHeaders(200, token.length);
                ex.getResponseBody().write(token);
                ex.close();
                return;
            }
            String body = new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            posted.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " + body.split("\\.").length);
            last.set(body);
            ex.sendResponseHeaders(status.get(), -1);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwt/v1";
            d.run("edit", "operator", "--account-jwt-server-url", base);
            Map<String, String> known = gaps();
            Differential.Step s = d.run("generate", "activation", "-a", "A", "-s", "svc.>", "-t", "B", "--push", "--start", "1d",
                    "-o", "out/pushed.jwt");
            assertEquals(0, s.java().code(), s.java().toString());
            d.run("generate", "activation", "-a", "A", "-s", "priv.x", "-t", "C", "--start", "2030-01-01", "--push");
            assertEquals(java.util.List.of("POST /jwt/v1/activations 3", "POST /jwt/v1/activations 3",
                    "POST /jwt/v1/activations 3", "POST /jwt/v1/activations 3"), posted);
            assertTrue((s.java().out() + s.java().err()).contains("activation accessible at \"" + base + "/activations/"),
                    s.java().toString());
            status.set(500);
            s = d.run("generate", "activation", "-a", "A", "-s", "svc.>", "-t", "C", "--push", "-o", "out/refused.jwt");
            assertEquals(1, s.java().code(), s.java().toString());
            known.put("only go wrote out/refused.jwt", "deliberate: jnsc pushes before it writes -o, and a refused push"
                    + " writes nothing; the Go nsc writes the file, then fails the push");
            d.assertOnly(known);
        } finally {
            server.stop(0);
        }
    }
}
