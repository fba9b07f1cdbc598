package dev.jnsc.it;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.testing.NatsServer;
import dev.jnsc.testing.Nsc;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** add operator --sys, edit operator --system-account, and generate config loaded by nats-server 2.9.10. */
class GeneratedConfigTest {
    @TempDir
    Path home;

    static Connection connect(String url, Path creds) throws Exception {
        return Nats.connect(new Options.Builder().server(url).authHandler(Nats.credentials(creds.toString()))
                .connectionTimeout(Duration.ofSeconds(5)).maxReconnects(0).build());
    }

    @Test
    void operatorWithSystemAccount() {
        Nsc nsc = new Nsc(home);
        Nsc.Result r = nsc.ok("add", "operator", "O", "--sys", "--generate-signing-key");
        OperatorClaims oc = Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "an operator");
        AccountClaims sys = Jwt.decode(Nsc.read(nsc.accountJwt("O", "SYS"))).as(AccountClaims.class, "an account");
        UserClaims user = Jwt.decode(Nsc.read(nsc.userJwt("O", "SYS", "sys"))).as(UserClaims.class, "a user");
        assertEquals(sys.subject(), oc.systemAccount());
        assertEquals(oc.signingKeys().get(0), sys.issuer(), "signed with the operator signing key");
        assertEquals(1, sys.signingKeys().size());
        assertEquals(sys.signingKeys().get(0).key(), user.issuer(), "sys user signed by the SYS signing key");
        assertEquals(sys.subject(), user.issuerAccount());
        assertEquals(2, sys.exports().size());
        assertTrue(Files.isRegularFile(nsc.creds("O", "SYS", "sys")));
        assertTrue(r.out().contains("[ OK ] created system_account: name:SYS id:" + sys.subject()), r.out());
        assertTrue(r.out().contains("[ OK ] created system account user: name:sys id:" + user.subject()), r.out());
        assertTrue(r.out().contains("[ OK ] system account user creds file stored in `~/.nkeys/creds/O/SYS/sys.creds`"),
                r.out());
        String d = nsc.ok("describe", "operator").out();
        assertTrue(d.contains("│ System Account       │ " + sys.subject() + " / SYS │"), d);
    }

    @Test
    void setSystemAccountByNameOrKey() {
        Nsc nsc = new Nsc(home).tutorial();
        String a = Jwt.decode(Nsc.read(nsc.accountJwt("O", "A"))).claims().subject();
        Nsc.Result r = nsc.ok("edit", "operator", "--system-account", "A");
        assertTrue(r.out().contains("[ OK ] set system account \"" + a + "\""), r.out());
        assertEquals(a, Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "o").systemAccount());
        nsc.ok("add", "account", "S2");
        String s2 = Jwt.decode(Nsc.read(nsc.accountJwt("O", "S2"))).claims().subject();
        nsc.ok("edit", "operator", "--system-account", s2);
        assertEquals(s2, Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "o").systemAccount());
        fails(nsc, "--system-account \"nope\" is neither an account", "edit", "operator", "--system-account", "nope");
    }

    @Test
    void memoryResolverConfigLoadsAndServesEveryAccount() throws Exception {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O", "--sys");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "user", "U");
        String config = nsc.ok("generate", "config", "--mem-resolver").out();
        assertTrue(config.startsWith("// Operator \"O\"\noperator: eyJ"), config);
        assertTrue(config.contains("\nresolver: MEMORY\n") && config.contains("// Account \"A\""), config);
        Path file = home.resolve("server.conf");
        Nsc.Result w = nsc.ok("generate", "config", "--mem-resolver", "--config-file", file.toString());
        assertEquals("[ OK ] wrote server configuration to `~/server.conf`\n", w.out());
        assertEquals(config, Files.readString(file));
        fails(nsc, "already exists - use --force", "generate", "config", "--mem-resolver", "--config-file", file.toString());
        nsc.ok("generate", "config", "--mem-resolver", "--config-file", file.toString(), "--force");
        try (NatsServer server = NatsServer.startWithConfigFile(file, home);
                Connection nc = connect(server.url(), nsc.creds("O", "A", "U"));
                Connection sys = connect(server.url(), nsc.creds("O", "SYS", "sys"))) {
            assertEquals(Connection.Status.CONNECTED, nc.getStatus());
            assertEquals(Connection.Status.CONNECTED, sys.getStatus());
        }
    }

    @Test
    void natsResolverConfigsLoad() throws Exception {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O", "--sys");
        for (String kind : new String[] {"--nats-resolver", "--nats-resolver-cache"}) {
            Path dir = Files.createDirectories(home.resolve("srv" + kind));
            Path file = dir.resolve("server.conf");
            nsc.ok("generate", "config", kind, "--config-file", file.toString());
            String text = Files.readString(file);
            assertTrue(text.contains(kind.endsWith("cache") ? "type: cache" : "type: full"), text);
            assertTrue(text.contains("system_account: "), text);
            try (NatsServer server = NatsServer.startWithConfigFile(file, dir)) {
                try (Connection sys = connect(server.url(), nsc.creds("O", "SYS", "sys"))) {
                    assertEquals(Connection.Status.CONNECTED, sys.getStatus());
                } catch (java.io.IOException e) {
                    throw new AssertionError("the system user cannot connect with " + kind + ":\n" + server.log(), e);
                }
            }
            assertTrue(Files.isDirectory(dir.resolve("jwt")), "the resolver folder is made where the server runs");
        }
    }

    @Test
    void natsResolverNeedsASystemAccount() {
        Nsc nsc = new Nsc(home).tutorial();
        fails(nsc, "the nats resolver needs a system account", "generate", "config", "--nats-resolver");
        assertTrue(nsc.ok("generate", "config", "--nats-resolver", "--sys-account", "A").out()
                .contains("# System Account named A\n"));
        usage(nsc, "choose one of --mem-resolver", "generate", "config");
        usage(nsc, "choose one of --mem-resolver", "generate", "config", "--mem-resolver", "--nats-resolver");
        assertFalse(Files.exists(home.resolve("jwt")));
    }

    @Test
    void editUserPermissions() {
        Nsc nsc = new Nsc(home).tutorial();
        Nsc.Result r = nsc.ok("edit", "user", "U", "--allow-pub", "a.>", "--deny-sub", "b", "--tag", "T1");
        assertTrue(r.out().contains("[ OK ] added pub \"a.>\"") && r.out().contains("[ OK ] edited user \"U\""), r.out());
        UserClaims u = Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "U"))).as(UserClaims.class, "a user");
        assertEquals(java.util.List.of("a.>"), u.permissions().pub().allow());
        assertEquals(java.util.List.of("b"), u.permissions().sub().deny());
        assertEquals(java.util.List.of("t1"), u.tags());
        assertTrue(Nsc.read(nsc.creds("O", "A", "U")).contains(Nsc.read(nsc.userJwt("O", "A", "U"))),
                "creds rewritten with the new JWT");
        nsc.ok("edit", "user", "U", "--rm", "a.>,b");
        u = Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "U"))).as(UserClaims.class, "a user");
        assertTrue(u.permissions().pub().isEmpty() && u.permissions().sub().isEmpty());
        fails(nsc, "specify an edit option", "edit", "user", "U");
        fails(nsc, "--allow-sub \"a b c\" is not valid", "edit", "user", "U", "--allow-sub", "a b c");
        fails(nsc, "user \"X\" does not exist", "edit", "user", "X", "--allow-pub", "x");
    }
}
