package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.resolver.AccountServer;
import dev.jnsc.resolver.ClaimsNotifier;
import dev.jnsc.resolver.DirJwts;
import dev.jnsc.resolver.HostPort;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * delete account as the Go nsc 2.11.1 does it: users revoked (-R, default true) and the account
 * JWT expired with the operator's signature before the folder goes, -C/-D, -F for managed stores
 * (whose account server gets the expired JWT), and its output lines.
 */
class DeleteAccountTest {
    @TempDir
    Path home;
    Nsc nsc;
    String keyB;
    String u1;
    String u2;

    @BeforeEach
    void store() {
        nsc = new Nsc(home).tutorial();
        nsc.ok("add", "account", "B");
        nsc.ok("add", "user", "u1", "-a", "B");
        nsc.ok("add", "user", "u2", "-a", "B");
        keyB = Signing.subject(Nsc.read(nsc.accountJwt("O", "B")));
        u1 = Signing.subject(Nsc.read(nsc.userJwt("O", "B", "u1")));
        u2 = Signing.subject(Nsc.read(nsc.userJwt("O", "B", "u2")));
    }

    private static String pruneLine(String name, String key) {
        return "[ OK ] nats-servers that hold account \"" + name + "\" keep it until it is removed from them: \"nsc push"
                + " --prune\" (or \"nsc push -R " + key + "\") removes it from servers with a nats resolver that allows"
                + " deletes\n";
    }

    @Test
    void revokesItsUsersExpiresItAndDeletesTheFolder() {
        Nsc.Result r = nsc.ok("delete", "account", "-n", "B");
        assertEquals("[ OK ] user u1 [" + u1 + "]:\n"
                + "       [ OK ] revoked user\n"
                + "       [ OK ] user deleted\n"
                + "[ OK ] user u2 [" + u2 + "]:\n"
                + "       [ OK ] revoked user\n"
                + "       [ OK ] user deleted\n"
                + "[ OK ] expired account \"B\"\n"
                + "[ OK ] deleted account\n"
                + "[ OK ] deleted account directory\n"
                + pruneLine("B", keyB), r.out());
        assertFalse(Files.exists(nsc.accountJwt("O", "B").getParent()));
        // creds and seeds stay without -C and -D
        assertTrue(Files.exists(nsc.creds("O", "B", "u1")) && Files.exists(nsc.keyFile(u1)) && Files.exists(nsc.keyFile(keyB)));
        assertTrue(Files.exists(nsc.accountJwt("O", "A")), "other accounts stay");
    }

    @Test
    void revokeFalseAndAUserAlreadyRevoked() {
        nsc.ok("revocations", "add-user", "-a", "B", "-n", "u2");
        Nsc.Result r = nsc.ok("delete", "account", "B");
        assertTrue(r.out().contains("[ OK ] user u2 [" + u2 + "]:\n       [ OK ] user is already revoked\n"), r.out());

        nsc.ok("add", "account", "C");
        nsc.ok("add", "user", "w", "-a", "C");
        String w = Signing.subject(Nsc.read(nsc.userJwt("O", "C", "w")));
        for (String off : List.of("--revoke=false", "-R=false")) {
            Nsc.Result n = nsc.ok("delete", "account", "C", off);
            assertTrue(n.out().startsWith("[ OK ] user w [" + w + "]:\n       [ OK ] user deleted\n[ OK ] expired account \"C\"\n"),
                    n.out());
            nsc.ok("add", "account", "C");
            nsc.ok("add", "user", "w", "-a", "C");
            w = Signing.subject(Nsc.read(nsc.userJwt("O", "C", "w")));
        }
    }

    @Test
    void credsAndKeysWithCAndD() throws Exception {
        nsc.ok("edit", "account", "B", "--sk", "generate");
        String sk = Signing.account(Nsc.read(nsc.accountJwt("O", "B"))).signingKeys().get(0).key();
        Files.delete(nsc.creds("O", "B", "u2"));
        Files.delete(nsc.keyFile(u2));
        Nsc.Result r = nsc.ok("delete", "account", "B", "-C", "-D");
        assertEquals("[ OK ] user u1 [" + u1 + "]:\n"
                + "       [ OK ] revoked user\n"
                + "       [ OK ] user deleted\n"
                + "       [ OK ] deleted private key\n"
                + "       [ OK ] removed creds file\n"
                + "[ OK ] user u2 [" + u2 + "]:\n"
                + "       [ OK ] revoked user\n"
                + "       [ OK ] user deleted\n"
                + "       [ OK ] private key is not stored\n"
                + "       [ OK ] creds file is not stored\n"
                + "[ OK ] expired account \"B\"\n"
                + "[ OK ] deleted signing key \"" + sk + "\"\n"
                + "[ OK ] deleted private key \"" + keyB + "\"\n"
                + "[ OK ] deleted account\n"
                + "[ OK ] deleted account directory\n"
                + pruneLine("B", keyB), r.out());
        for (String k : List.of(u1, sk, keyB)) {
            assertFalse(Files.exists(nsc.keyFile(k)), k);
        }
        assertFalse(Files.exists(nsc.creds("O", "B", "u1").getParent()), "the empty creds folder goes too");
    }

    @Test
    void refusals() throws Exception {
        fails(nsc, "account \"Nope\" does not exist", "delete", "account", "Nope");
        usage(nsc, "", "delete", "account", "A", "B");
        usage(nsc, "the name was given twice", "delete", "account", "A", "-n", "B");
        usage(nsc, "", "delete", "account", "B", "--revoke=maybe");
        // the operator's seed signs the expired JWT, as in the Go nsc
        String op = Signing.subject(Nsc.read(nsc.operatorJwt("O")));
        Path seed = nsc.keyFile(op);
        Path aside = home.resolve("op.nk");
        Files.move(seed, aside);
        fails(nsc, op, "delete", "account", "B");
        // -K names it
        Nsc.Result r = nsc.ok("delete", "account", "B", "-K", aside.toString());
        assertTrue(r.out().contains("[ OK ] expired account \"B\""), r.out());
    }

    @Test
    void theCurrentAccountCanBeDeletedWithoutAName() {
        nsc.ok("env", "-a", "B");
        Nsc.Result r = nsc.ok("delete", "account");
        assertTrue(r.out().contains("[ OK ] expired account \"B\""), r.out());
        assertFalse(Files.exists(nsc.accountJwt("O", "B").getParent()));
    }

    private void markManaged() throws Exception {
        Path marker = nsc.stores().resolve("O").resolve(".nsc");
        Files.writeString(marker, Files.readString(marker).replace("\"managed\":false", "\"managed\":true"));
    }

    @Test
    void aManagedStoreNeedsForceAndItsAccountServerGetsTheExpiredJwt() throws Exception {
        markManaged();
        fails(nsc, "managed accounts may require the account JWT or nkeys to cancel a service, specify the --force to"
                + " override", "delete", "account", "B");

        // no account server URL: deleted with the Go nsc's warning
        nsc.ok("add", "account", "C");
        Nsc.Result c = nsc.ok("delete", "account", "C", "-F");
        assertTrue(c.out().contains("[WARN] unable to push to \"O\" - operator doesn't set an account server url or manual"
                + " exchange necessary\n[WARN] perform push/pull again or exchange self-signed JWT manually\n"
                + "[ OK ] expired account \"C\"\n"), c.out());
        assertFalse(c.out().contains("push --prune"), c.out());

        Clock clock = Clock.fixed(Nsc.START, ZoneOffset.UTC);
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (AccountServer server = new AccountServer(new AccountServer.Config(HostPort.parse("127.0.0.1:0"),
                DirJwts.open(home.resolve("jwts"), nsc.operatorJwt("O")), ClaimsNotifier.NONE, clock, log::add)).start()) {
            nsc.ok("edit", "operator", "--account-jwt-server-url", server.url() + "/jwt/v1");
            markManaged();
            nsc.advance(java.time.Duration.ofSeconds(5));
            Nsc.Result r = nsc.ok("delete", "account", "B", "--force");
            assertTrue(r.out().contains("[ OK ] pushed the expired account JWT to " + server.url() + "/jwt/v1\n"
                    + "[ OK ] expired account \"B\"\n"), r.out());
            String pushed = Files.readString(home.resolve("jwts").resolve(keyB + ".jwt"));
            AccountClaims ac = Jwt.decode(pushed).as(AccountClaims.class, "an account");
            assertEquals(nsc.nowSeconds() + 60, ac.expires());
            assertEquals(nsc.nowSeconds(), ac.revocations().get(u1));
            assertEquals(nsc.nowSeconds(), ac.revocations().get(u2));
        }
        assertFalse(Files.exists(nsc.accountJwt("O", "B").getParent()));
    }
}
