package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.Jwt;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Differential;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.OperatorAccountServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * add operator --url (a JWT file, a local http URL, a well-known name from the environment) and
 * --force, then accounts and users under the managed operator, and init with a well-known remote
 * operator and the global folder flags, through target/nsc and the Go nsc 2.11.1, compared on disk.
 */
class DifferentialOperatorImportIT {
    @TempDir
    Path dir;
    @TempDir
    Path remoteHome;
    Differential d;
    Nsc remote;
    OperatorAccountServer server;
    volatile byte[] operatorJwt;

    @BeforeEach
    void setUp() throws Exception {
        d = Differential.orSkip(dir);
        remote = new Nsc(remoteHome);
        server = new OperatorAccountServer(() -> operatorJwt, this::operatorKey, () -> 200);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String base() {
        return server.base();
    }

    private NKey operatorKey() {
        String sub = Jwt.decode(new String(operatorJwt, StandardCharsets.US_ASCII).trim()).claims().subject();
        return NKey.fromSeed(Nsc.read(remote.keyFile(sub)).trim().toCharArray());
    }

    /** The remote operator R, made in its own home; its JWT served and written to a file both sides read. */
    private Path remoteOperator(String accountServerUrl) throws Exception {
        remote.ok("add", "operator", "R");
        if (accountServerUrl != null) {
            remote.ok("edit", "operator", "--account-jwt-server-url", accountServerUrl);
        }
        operatorJwt = Nsc.read(remote.operatorJwt("R")).trim().getBytes(StandardCharsets.US_ASCII);
        Path file = dir.resolve("R.jwt");
        Files.write(file, operatorJwt);
        return file;
    }

    /** A step both binaries must carry out (so that comparing their files is not vacuous). */
    private static void ok(Differential.Step s) {
        assertEquals(0, s.go().code(), () -> "go: " + s.command() + "\n" + s.go());
        assertEquals(0, s.java().code(), () -> "jnsc: " + s.command() + "\n" + s.java());
    }

    @Test
    void fromAFileThenAccountsAndUsers() throws Exception {
        Path file = remoteOperator(null);
        ok(d.run("add", "operator", "--url", file.toString()));
        ok(d.run("add", "account", "A"));
        ok(d.run("add", "user", "U"));
        ok(d.run("edit", "account", "A", "--conns", "5"));
        ok(d.run("add", "export", "--subject", "s.>", "--service"));
        ok(d.run("add", "user", "V", "--allow-pub", "a.>"));
        assertEquals(1, d.run("add", "operator", "--url", file.toString()).go().code(), "present already");
        ok(d.run("add", "operator", "--url", file.toString(), "--force"));
        d.run("add", "operator", "--url", dir.resolve("missing.jwt").toString());
        d.run("add", "operator", "X", "--force");
        d.run("add", "operator", "--url", file.toString(), "--sys");
        ok(d.run("add", "operator", "--url", file.toString(), "-n", "Copy"));
        d.assertOnly(Map.of());
    }

    @Test
    void forceOverAnotherOperator() throws Exception {
        Path file = remoteOperator(null);
        d.run("add", "operator", "O");
        ok(d.run("add", "account", "A"));
        ok(d.run("add", "operator", "--url", file.toString(), "-n", "O", "--force"));
        d.assertOnly(Map.of());
    }

    @Test
    void fromALocalUrlWithAnAccountServer() throws Exception {
        remoteOperator(base());
        String url = base() + "/operator";
        ok(d.run("add", "operator", "--url", url));
        ok(d.run("add", "account", "A"));
        ok(d.run("add", "user", "U"));
        ok(d.run("edit", "account", "A", "--conns", "5"));
        ok(d.run("add", "account", "B"));
        ok(d.run("push", "-A"));
        d.run("add", "operator", "--url", base() + "/nothing");
        d.assertOnly(Map.of());
    }

    @Test
    void aWellKnownOperatorFromTheEnvironment() throws Exception {
        remoteOperator(base());
        d.env("NSC_Team_OPERATOR", base() + "/operator");
        ok(d.run("add", "operator", "--url", "team"));
        ok(d.run("add", "account", "A"));
        ok(d.run("add", "user", "U"));
        ok(d.run("add", "operator", "--url", base() + "/operator", "--force"));
        d.assertOnly(Map.of());
    }

    /**
     * init -o with a well-known operator, and the global folder flags after init: -H wins over
     * --config-dir/--data-dir/--keystore-dir in both; -K, which the Go nsc ignores there, jnsc refuses.
     */
    @Test
    void initWithTheGlobalFlags() throws Exception {
        remoteOperator(base());
        d.env("NSC_Team_OPERATOR", base() + "/operator");
        ok(d.runEach(side -> new String[] {"init", "-d", side.stores().toString(), "-n", "team", "-o", "team"}));
        d.runEach(side -> new String[] {"init", "-d", side.stores().toString(), "-n", "local", "--config-dir",
                side.config().toString(), "--data-dir", side.stores().toString(), "--keystore-dir", side.keys().toString()});
        d.runEach(side -> new String[] {"init", "-n", "all", "-d", side.stores().toString(), "-H", side.keys().toString()});
        d.assertOnly(Map.of());
        // deliberate: jnsc refuses -K on init, the Go nsc ignores it and generates the operator key
        NKey key = NKey.generate(dev.jnsc.nkeys.KeyKind.OPERATOR);
        Differential.Step keyed = d.runEach(side -> new String[] {"init", "-d", side.stores().toString(), "-n", "keyed",
                "-K", new String(key.seed())});
        assertEquals(0, keyed.go().code(), keyed.go()::toString);
        assertEquals(1, keyed.java().code(), keyed.java()::toString);
        assertTrue(keyed.java().err().contains("-K/--private-key is not used by init"), keyed.java()::toString);
    }
}
