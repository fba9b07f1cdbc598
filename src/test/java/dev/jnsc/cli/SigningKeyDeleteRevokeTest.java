package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.assertRow;
import static dev.jnsc.testing.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyDeleteRevokeTest {
    @TempDir
    Path home;
    Nsc nsc;

    @BeforeEach
    void tutorial() {
        nsc = new Nsc(home).tutorial();
    }

    private AccountClaims account(String name) {
        return Jwt.decode(Nsc.read(nsc.accountJwt("O", name))).as(AccountClaims.class, "an account");
    }

    private UserClaims user(String acc, String name) {
        return Jwt.decode(Nsc.read(nsc.userJwt("O", acc, name))).as(UserClaims.class, "a user");
    }

    @Test
    void accountSigningKeysAndTheSignerChoice() {
        nsc.ok("edit", "account", "A", "--sk", "generate");
        String sk = account("A").signingKeys().get(0).key();
        assertTrue(Files.isRegularFile(nsc.keyFile(sk)));
        assertRow(nsc.ok("describe", "account").out(), "Signing Keys", sk);
        // two stored keys can sign users of A: as the Go nsc, the identity key does, and the line says so
        Nsc.Result r = nsc.ok("add", "user", "t");
        assertEquals(account("A").subject(), user("A", "t").issuer());
        assertTrue(r.out().contains("[ OK ] signed by account \"A\" with its identity key " + account("A").subject()), r.out());
        nsc.ok("add", "user", "v", "-K", sk);
        assertEquals(sk, user("A", "v").issuer());
        assertEquals(account("A").subject(), user("A", "v").issuerAccount());
        assertRow(nsc.ok("describe", "user", "v").out(), "Issuer Account", account("A").subject());
        // seed given directly and by file
        String seed = Nsc.read(nsc.keyFile(sk));
        nsc.ok("add", "user", "w", "-K", seed);
        assertEquals(sk, user("A", "w").issuer());
        nsc.ok("add", "user", "y", "-K", nsc.keyFile(sk).toString());
        assertEquals(sk, user("A", "y").issuer());
        nsc.ok("add", "user", "z", "-K", account("A").subject());
        assertEquals("", user("A", "z").issuerAccount(), "no issuer_account when the identity key signs");
        nsc.ok("edit", "account", "A", "--rm-sk", sk);
        assertTrue(account("A").signingKeys().isEmpty());
        fails(nsc, "has no signing key", "edit", "account", "A", "--rm-sk", sk);
    }

    @Test
    void scopedSigningKeyUsersCarryNoPermissions() {
        nsc.ok("edit", "account", "A", "--sk", "generate");
        String sk = account("A").signingKeys().get(0).key();
        Nsc.Result r = nsc.ok("edit", "signing-key", "--sk", sk, "--role", "service", "--allow-sub", "q",
                "--allow-pub", "_INBOX.>", "--subs", "5", "--description", "services only");
        assertTrue(r.out().contains("is now scoped with role \"service\""), r.out());
        SigningKey scoped = account("A").signingKey(sk);
        assertTrue(scoped.isScoped());
        assertEquals("service", scoped.role());
        assertEquals(List.of("q"), scoped.template().sub().allow());
        assertEquals(5, scoped.template().subs());
        String out = nsc.ok("describe", "account").out();
        assertTrue(out.contains("Scoped Signing Key - Details"), out);
        assertRow(out, "role", "service");

        nsc.ok("add", "user", "svc", "-K", "service");
        UserClaims u = user("A", "svc");
        assertEquals(sk, u.issuer());
        assertTrue(u.permissions().isEmpty(), "a scoped key's user carries nothing of its own");
        assertRow(nsc.ok("describe", "user", "svc").out(), "Issuer Scoped", "Yes");
        fails(nsc, "scoped signing key of role \"service\"", "add", "user", "bad", "-K", "service", "--allow-pub", "x");
        fails(nsc, "scoped signing key of role \"service\"", "edit", "user", "svc", "-K", "service", "--subs", "1");
        fails(nsc, "is not a signing key of account \"A\"", "edit", "signing-key", "--sk", account("A").subject(),
                "--role", "x");
        nsc.ok("edit", "account", "A", "--sk", "generate");
        String plain = account("A").signingKeys().stream().filter(k -> !k.isScoped()).findFirst().orElseThrow().key();
        fails(nsc, "--role is required", "edit", "signing-key", "--sk", plain);
        fails(nsc, "role \"service\" is already used", "edit", "signing-key", "--sk", plain, "--role", "service");
    }

    @Test
    void strictOperator() {
        fails(nsc, "needs at least one signing key first", "edit", "operator", "--require-signing-keys");
        nsc.ok("edit", "operator", "--sk", "generate");
        OperatorClaims oc = Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "an operator");
        String osk = oc.signingKeys().get(0);
        fails(nsc, "account \"A\" needs to be issued with a signing key first", "edit", "operator",
                "--require-signing-keys");
        nsc.ok("edit", "account", "A", "--sk", "generate", "-K", osk);
        String ask = account("A").signingKeys().get(0).key();
        fails(nsc, "user \"U\" in account \"A\" needs to be issued with a signing key first", "edit", "operator",
                "--require-signing-keys");
        nsc.ok("edit", "user", "U", "--tag", "t", "-K", ask);
        Nsc.Result r = nsc.ok("edit", "operator", "--require-signing-keys");
        assertTrue(r.out().contains("strict signing key usage set to: true"), r.out());
        assertRow(nsc.ok("describe", "operator").out(), "Require Signing Keys", "true");
        // now the identity keys may no longer sign
        nsc.ok("add", "account", "B");
        assertEquals(osk, account("B").issuer(), "the only allowed signer is picked");
        fails(nsc, "requires signing keys: its identity key", "add", "account", "C", "-K", oc.subject());
    }

    @Test
    void deleteUsers() {
        nsc.ok("add", "user", "v");
        nsc.ok("add", "user", "w");
        String v = user("A", "v").subject();
        Nsc.Result r = nsc.ok("delete", "user", "-n", "v", "-n", "w", "--revoke", "-C", "-D");
        assertTrue(r.out().contains("[ OK ] deleted user \"v\"") && r.out().contains("[ OK ] revoked user \"v\""), r.out());
        assertFalse(Files.exists(nsc.userJwt("O", "A", "v")));
        assertFalse(Files.exists(nsc.creds("O", "A", "v")));
        assertFalse(Files.exists(nsc.keyFile(v)));
        assertTrue(account("A").revocations().containsKey(v));
        assertRow(nsc.ok("describe", "account").out(), "Revocations", "2");
        // without flags only the JWT goes
        String u = user("A", "U").subject();
        nsc.ok("delete", "user", "U");
        assertFalse(Files.exists(nsc.userJwt("O", "A", "U")));
        assertTrue(Files.exists(nsc.creds("O", "A", "U")) && Files.exists(nsc.keyFile(u)));
        assertFalse(account("A").revocations().containsKey(u));
        fails(nsc, "user \"nope\" does not exist", "delete", "user", "nope");
    }

    @Test
    void deleteAccount() {
        nsc.ok("add", "account", "B");
        nsc.ok("add", "user", "V", "-a", "B");
        String b = account("B").subject();
        String v = user("B", "V").subject();
        Nsc.Result r = nsc.ok("delete", "account", "B", "-C", "-D");
        assertTrue(r.out().contains("[ OK ] expired account \"B\"\n"), r.out());
        assertFalse(Files.exists(nsc.stores().resolve("O/accounts/B")));
        assertFalse(Files.exists(nsc.keystore().resolve("creds/O/B")));
        assertFalse(Files.exists(nsc.keyFile(b)) || Files.exists(nsc.keyFile(v)));
        assertTrue(Files.exists(nsc.accountJwt("O", "A")), "other accounts stay");
        fails(nsc, "account \"B\" does not exist", "delete", "account", "B");
    }

    @Test
    void revocations() {
        String u = user("A", "U").subject();
        Nsc.Result r = nsc.ok("revocations", "add-user", "-n", "U");
        assertTrue(r.out().contains("revoked user \"U\" (" + u + ") issued before 2026-01-02 03:04:05 UTC"), r.out());
        assertEquals(nsc.nowSeconds(), account("A").revocations().get(u));
        nsc.ok("revocations", "add_user", "-u", "*", "--at", "2026-01-01T00:00:00Z");
        assertEquals(java.time.Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(), account("A").revocations().get("*"));
        String list = nsc.ok("revocations", "list-users").out();
        assertTrue(list.contains(u) && list.contains("Revoked Users"), list);
        nsc.ok("revocations", "delete-user", "-u", u);
        assertFalse(account("A").revocations().containsKey(u));
        fails(nsc, "is not revoked", "revocations", "delete_user", "-u", u);
        fails(nsc, "name the user with -n <name> or -u <public key>", "revocations", "add-user");
        fails(nsc, "--at \"yesterday\" is invalid", "revocations", "add-user", "-n", "U", "--at", "yesterday");
        fails(nsc, "is not a valid user public key", "revocations", "add-user", "-u", account("A").subject());
    }
}
