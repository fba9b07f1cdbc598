package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.assertRow;
import static dev.jnsc.testing.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** edit authcallout and the trace context flags of edit account: claims, messages, describe, list keys, refusals. */
class AuthCalloutCommandTest {
    @TempDir
    Path home;
    Nsc nsc;
    String user;
    String accountB;

    @BeforeEach
    void store() {
        nsc = new Nsc(home).tutorial();
        nsc.ok("add", "account", "B");
        nsc.ok("select", "account", "A");
        user = Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "U"))).as(UserClaims.class, "a user").subject();
        accountB = account("B").subject();
    }

    private AccountClaims account(String name) {
        return Jwt.decode(Nsc.read(nsc.accountJwt("O", name))).as(AccountClaims.class, "an account");
    }

    @Test
    void addsUsersAccountsAndAGeneratedCurveKey() {
        Nsc.Result r = nsc.ok("edit", "authcallout", "-a", "A", "--auth-user", user, "--allowed-account", accountB,
                "--curve", "generate");
        AccountClaims a = account("A");
        assertEquals(List.of(user), a.authUsers());
        assertEquals(List.of(accountB), a.allowedAccounts());
        String x = a.authXKey();
        assertTrue(NKey.isValidPublicKey(x, KeyKind.CURVE), x);
        assertEquals("[ OK ] added user \"" + user + "\"\n[ OK ] added account \"" + accountB + "\"\n"
                + "[ OK ] set curve key " + x + "\n[ OK ] edited account \"A\"\n", r.out());
        // the curve seed is in the keystore, 0600, and derives the key in the JWT
        Path seedFile = nsc.keyFile(x);
        assertEquals("rw-------", Nsc.mode(seedFile));
        assertEquals(x, NKey.fromSeed(Nsc.read(seedFile).trim()).publicKey());
        assertTrue(a.toJson().contains("\"authorization\":{\"auth_users\":[\"" + user + "\"],\"allowed_accounts\":[\""
                + accountB + "\"],\"xkey\":\"" + x + "\"}"), a.toJson());

        String out = nsc.ok("describe", "account", "A").out();
        assertRow(out, "Auth Callout Users", user);
        assertRow(out, "Allowed Accounts", accountB);
        assertRow(out, "Encrypt For", x);
        String keys = nsc.ok("list", "keys", "--all").out();
        assertTrue(keys.lines().anyMatch(l -> l.contains(x) && l.contains(" T ") && l.contains(" A ")), keys);
        assertTrue(keys.endsWith("[ T ] auth callout encryption target\n\n"), keys);

        r = nsc.ok("edit", "authcallout", "A", "--auth-user", user, "--rm-allowed-account", accountB, "--rm-curve");
        assertEquals("[ OK ] skipped adding user \"" + user + "\" - as it's already set\n[ OK ] deleted account \""
                + accountB + "\"\n[ OK ] removed " + x + " curve key\n[ OK ] edited account \"A\"\n", r.out());
        a = account("A");
        assertEquals(List.of(), a.allowedAccounts());
        assertEquals("", a.authXKey());
        r = nsc.ok("edit", "authcallout", "--rm-curve", "--rm-auth-user", user);
        assertTrue(r.out().contains("remove curve key didn't do anything as the curve key was not set"), r.out());
        assertTrue(r.out().contains("deleted user \"" + user + "\""), r.out());
        assertTrue(account("A").toJson().contains("\"authorization\":{}"));
        // no row marks an encryption target any more (the legend is printed whatever the rows hold)
        String after = nsc.ok("list", "keys", "--all").out();
        assertTrue(after.lines().noneMatch(l -> l.startsWith("|") && l.contains(" T ")), after);
    }

    @Test
    void anyAccountCurveFromAKeyAndDisable() throws Exception {
        NKey x = NKey.generate(KeyKind.CURVE);
        nsc.ok("edit", "authcallout", "--auth-user", user, "--allowed-account", "*", "-x", x.publicKey());
        AccountClaims a = account("A");
        assertEquals(List.of("*"), a.allowedAccounts());
        assertEquals(x.publicKey(), a.authXKey());
        assertFalse(Files.exists(nsc.keyFile(x.publicKey())), "a given curve key is not stored");
        Nsc.Result r = nsc.ok("edit", "authcallout", "--disable");
        assertEquals("[ OK ] removed external authorization configuration\n[ OK ] edited account \"A\"\n", r.out());
        assertEquals(Map.of(), account("A").authorization());
    }

    @Test
    void refusals() {
        NKey x = NKey.generate(KeyKind.CURVE);
        fails(nsc, "please specify some options", "edit", "authcallout");
        fails(nsc, "--disable is exclusive of all other options", "edit", "authcallout", "--disable", "--rm-curve");
        fails(nsc, "--auth-user \"" + accountB + "\" is not a valid user key", "edit", "authcallout", "--auth-user",
                accountB);
        fails(nsc, "--auth-user \"UNKNOWN\" is not a valid user key", "edit", "authcallout", "--auth-user", "UNKNOWN");
        fails(nsc, "--allowed-account \"" + user + "\" is not a valid account key", "edit", "authcallout",
                "--auth-user", user, "--allowed-account", user);
        fails(nsc, "cannot have accounts without users", "edit", "authcallout", "--allowed-account", accountB);
        fails(nsc, "can only be a list of accounts or \"*\"", "edit", "authcallout", "--auth-user", user,
                "--allowed-account", accountB + ",*");
        fails(nsc, "expected a curve key", "edit", "authcallout", "--auth-user", user, "--curve", accountB);
        fails(nsc, "is not a curve public key", "edit", "authcallout", "--auth-user", user, "--curve", "nonsense");
        fails(nsc, "account \"Z\"", "edit", "authcallout", "-a", "Z", "--auth-user", user);
        Nsc.Result r = fails(nsc, "is not a valid user key", "edit", "authcallout", "--auth-user", new String(x.seed()));
        assertFalse((r.out() + r.err()).contains(new String(x.seed())), "a seed is never echoed");
        assertTrue(account("A").authorization().isEmpty());
    }

    @Test
    void traceContext() {
        Nsc.Result r = nsc.ok("edit", "account", "A", "--trace-context-subject", "trace.a", "--trace-context-sampling",
                "25");
        assertTrue(r.out().contains("[ OK ] changed trace context subject to \"trace.a\"\n[ OK ] changed trace context"
                + " sampling to 25%\n"), r.out());
        assertTrue(account("A").toJson().contains("\"trace\":{\"dest\":\"trace.a\",\"sampling\":25}"));
        String out = nsc.ok("describe", "account", "A").out();
        assertRow(out, "Tracing Context", "Enabled");
        assertRow(out, "Subject", "trace.a");
        assertRow(out, "Sampling", "25%");
        nsc.ok("edit", "account", "A", "--trace-context-subject", "trace.b");
        assertTrue(account("A").toJson().contains("\"trace\":{\"dest\":\"trace.b\"}"), "a new subject resets sampling");
        assertRow(nsc.ok("describe", "account", "A").out(), "Sampling", "100%");
        nsc.ok("edit", "account", "A", "--trace-context-sampling", "100");
        assertEquals(100, account("A").traceSampling());

        fails(nsc, "tracing sampling rate must be between 1-100", "edit", "account", "A", "--trace-context-sampling",
                "101");
        fails(nsc, "tracing sampling rate must be between 1-100", "edit", "account", "A", "--trace-context-sampling",
                "x");
        fails(nsc, "tracing subjects cannot contain wildcards", "edit", "account", "A", "--trace-context-subject",
                "t.*");
        fails(nsc, "--trace-context-subject \"a..b\" is invalid", "edit", "account", "A", "--trace-context-subject",
                "a..b");
        fails(nsc, "--trace-context-sampling requires a subject", "edit", "account", "B", "--trace-context-sampling",
                "5");
        fails(nsc, "--trace-context-sampling requires a subject", "edit", "account", "A", "--trace-context-subject", "",
                "--trace-context-sampling", "5");

        r = nsc.ok("edit", "account", "A", "--trace-context-subject", "");
        assertTrue(r.out().contains("[ OK ] disabled trace context"), r.out());
        assertNull(account("A").trace());
        assertRow(nsc.ok("describe", "account", "A").out(), "Tracing Context", "Disabled");
    }
}
