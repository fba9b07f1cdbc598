package dev.jnsc.it;


import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jnsc.testing.Differential;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flags the other differential tests do not reach, through target/nsc and the Go nsc 2.11.1:
 * importing an operator from its JWT file, removals by key (auth users, operator signing keys),
 * deny permissions of users and scoped keys, env -s, export keys of accounts with curves, stored
 * operator and curve nkeys, list filters, and validate --file.
 */
class DifferentialFlagsIT {

    @TempDir
    Path dir;
    Differential d;

    @BeforeEach
    void store() throws Exception {
        d = Differential.orSkip(dir);
        d.run("add", "operator", "O");
        d.run("add", "account", "A");
        d.run("add", "user", "U");
    }

    @Test
    void theRemainingFlags() throws Exception {
        d.runEach(side -> new String[] {"add", "operator", "--url", side.stores().resolve("O/O.jwt").toString(), "--force"});
        d.run("edit", "operator", "--sk", "generate");
        d.runWithLastKey("edit", "operator", "--rm-sk", "@last");
        d.run("add", "user", "auth");
        d.runWithLastKey("edit", "authcallout", "-a", "A", "--auth-user", "@last");
        d.runWithLastKey("edit", "authcallout", "-a", "A", "--rm-auth-user", "@last");
        d.run("edit", "user", "--account", "A", "-n", "U", "--deny-pub", "p.no", "--deny-pubsub", "ps.no", "--deny-sub", "s.no");
        d.run("edit", "account", "A", "--sk", "generate");
        d.runWithLastKey("edit", "signing-key", "-a", "A", "--sk", "@last", "--role", "r", "--deny-pub", "secret.>");
        d.run("add", "export", "-a", "A", "--subject", "s.>", "--service");
        d.run("edit", "export", "--account", "A", "--subject", "s.>", "--description", "a service");
        d.run("generate", "nkey", "--operator", "--store");
        d.run("generate", "nkey", "--curve");
        d.run("list", "keys", "--show-seeds");
        d.run("list", "users", "--operator", "O", "-a", "A");
        d.run("export", "keys", "--accounts", "--curves", "-d", "out/accounts");
        d.run("generate", "nkey", "--curve", "--store");
        d.runWithLastKey("export", "keys", "--curve", "@last", "-d", "out/curve");
        d.runEach(side -> new String[] {"validate", "--file", side.stores().resolve("O/accounts/A/A.jwt").toString()});
        d.runEach(side -> new String[] {"env", "--store", side.stores().toString()});
        d.assertOnly(Map.of(
                "stores/O/accounts/A/A.jwt differs", "deliberate: the Go nsc's edit export drops the export's response_type"
                        + " (DifferentialExportsIT)",
                "exit code of \"export keys --curve @last", "deliberate: jnsc exports the named curve key; the Go nsc"
                        + " 2.11.1 ignores --curve and finds no keys to export (README)",
                "only jnsc wrote out/curve", "the same difference: the exported curve key's folder",
                "only jnsc wrote out/curve/X", "the same difference: the exported curve key"));
    }

    /**
     * update: only its refusal of a --version that is not one compares, before anything is fetched.
     * The Go nsc would fetch from GitHub (nats-io/nsc) and replace the reference build itself,
     * jnsc reads JNSC_UPDATE_URL; UpdateIT and UpdateCommandTest test jnsc's against a local feed.
     */
    @Test
    void updateRefusesAVersionThatIsNotOne() throws Exception {
        Differential.Step s = d.run("update", "--version", "not-a-version");
        assertNotEquals(0, s.go().code(), s.go().toString());
        assertNotEquals(0, s.java().code(), s.java().toString());
        d.assertOnly(Map.of());
    }
}
