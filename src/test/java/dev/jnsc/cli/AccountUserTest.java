package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Nsc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountUserTest {
    @TempDir
    Path home;

    @Test
    void accountSignedByOperatorWithUnlimitedDefaults() {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        Nsc.Result r = nsc.ok("add", "account", "A");
        AccountClaims ac = Jwt.decode(Nsc.read(nsc.accountJwt("O", "A"))).as(AccountClaims.class, "an account");
        OperatorClaims oc = Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "an operator");
        assertEquals("[ OK ] generated and stored account key \"" + ac.subject() + "\"\n[ OK ] added account \"A\"\n",
                r.out());
        assertEquals(oc.subject(), ac.issuer());
        assertEquals(-1, ac.limits().conn());
        assertEquals(-1, ac.limits().subs());
        assertEquals(-1, ac.limits().leaf());
        assertTrue(ac.limits().wildcards());
        String payload = new String(java.util.Base64.getUrlDecoder().decode(Nsc.read(nsc.accountJwt("O", "A")).split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,\"exports\":-1,"
                + "\"wildcards\":true,\"conn\":-1,\"leaf\":-1}"), payload);
        assertTrue(Files.isRegularFile(nsc.keyFile(ac.subject())));
        fails(nsc, "the account \"A\" already exists", "add", "account", "A");
        fails(nsc, "account name \"x/y\" cannot contain", "add", "account", "x/y");
        usage(nsc, "account name is required", "add", "account");
    }

    @Test
    void accountNeedsAnOperator() {
        fails(new Nsc(home), "no operator found", "add", "account", "A");
    }

    @Test
    void accountWithExistingPublicKey() {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        NKey k = NKey.generate(KeyKind.ACCOUNT);
        Nsc.Result r = nsc.ok("add", "account", "A", "--public-key", k.publicKey());
        assertEquals("[ OK ] added account \"A\"\n", r.out());
        assertEquals(k.publicKey(), Jwt.decode(Nsc.read(nsc.accountJwt("O", "A"))).claims().subject());
        assertFalse(Files.exists(nsc.keyFile(k.publicKey())));
    }

    @Test
    void userJwtAndCredsAsInTheTutorial() throws Exception {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        Nsc.Result r = nsc.ok("add", "user", "U");
        UserClaims uc = Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "U"))).as(UserClaims.class, "a user");
        AccountClaims ac = Jwt.decode(Nsc.read(nsc.accountJwt("O", "A"))).as(AccountClaims.class, "an account");
        assertEquals("[ OK ] generated and stored user key \"" + uc.subject() + "\"\n"
                + "[ OK ] generated user creds file `~/.nkeys/creds/O/A/U.creds`\n"
                + "[ OK ] added user \"U\" to account \"A\"\n", r.out());
        assertEquals(ac.subject(), uc.issuer());
        assertEquals("", uc.issuerAccount());
        assertEquals(-1, uc.permissions().subs());
        assertEquals(-1, uc.permissions().data());
        assertEquals(-1, uc.permissions().payload());

        Path creds = nsc.creds("O", "A", "U");
        assertEquals("rw-------", Nsc.mode(creds));
        assertEquals("rwx------", Nsc.mode(creds.getParent()));
        Decorated.Parts parts = Decorated.parse(Files.readAllBytes(creds));
        assertEquals(Nsc.read(nsc.userJwt("O", "A", "U")), parts.jwt());
        assertEquals(uc.subject(), NKey.fromSeed(parts.seed()).publicKey());
        assertEquals(new String(parts.seed()), Nsc.read(nsc.keyFile(uc.subject())));

        fails(nsc, "the user \"U\" already exists in account \"A\"", "add", "user", "U");
        fails(nsc, "user name \"..\" cannot be", "add", "user", "..");
        fails(nsc, "account \"B\" does not exist", "add", "user", "V", "-a", "B");
    }

    @Test
    void userPermissionsFromTheTutorial() {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        Nsc.Result r = nsc.ok("add", "user", "s", "--allow-pub", "_INBOX.>", "--allow-sub", "q");
        assertTrue(r.out().contains("[ OK ] generated user creds file `~/.nkeys/creds/O/A/s.creds`"), r.out());
        UserClaims s = Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "s"))).as(UserClaims.class, "a user");
        assertEquals(List.of("_INBOX.>"), s.permissions().pub().allow());
        assertEquals(List.of("q"), s.permissions().sub().allow());
        String payload = new String(java.util.Base64.getUrlDecoder().decode(
                Nsc.read(nsc.userJwt("O", "A", "s")).split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"pub\":{\"allow\":[\"_INBOX.\\u003e\"]},\"sub\":{\"allow\":[\"q\"]}"), payload);

        nsc.ok("add", "user", "w", "--allow-pubsub", "a.*,b.>", "--deny-pub", "a.x", "--deny-sub", "b.y",
                "--allow-sub", "q workers", "--deny-pubsub", "z");
        UserClaims w = Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "w"))).as(UserClaims.class, "a user");
        assertEquals(List.of("a.*", "b.>"), w.permissions().pub().allow());
        assertEquals(List.of("a.*", "b.>", "q workers"), w.permissions().sub().allow()); // sorted, as Go
        assertEquals(List.of("a.x", "z"), w.permissions().pub().deny());
        assertEquals(List.of("b.y", "z"), w.permissions().sub().deny());

        fails(nsc, "--allow-pub \"a..b\" is not a valid subject", "add", "user", "x", "--allow-pub", "a..b");
        fails(nsc, "--allow-sub \"a b c\" is not valid", "add", "user", "x", "--allow-sub", "a b c");
        fails(nsc, "'>' can only be the last token", "add", "user", "x", "--deny-pub", ">.a");
    }

    @Test
    void userInTheOnlyAccountOrTheCurrentOne() {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "account", "B");
        nsc.ok("add", "user", "u");
        assertTrue(Files.isRegularFile(nsc.userJwt("O", "B", "u")), "the last added account is current");
        nsc.ok("add", "user", "v", "-a", "A");
        assertTrue(Files.isRegularFile(nsc.userJwt("O", "A", "v")));
    }

    @Test
    void severalSigningKeysSignAsTheGoNscChooses() throws Exception {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O", "--generate-signing-key");
        OperatorClaims oc = Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "an operator");
        String osk = oc.signingKeys().get(0);
        // without -K, the identity key signs when its seed is stored, and the line says so
        Nsc.Result r = nsc.ok("add", "account", "X");
        assertEquals(oc.subject(), Jwt.decode(Nsc.read(nsc.accountJwt("O", "X"))).claims().issuer());
        assertTrue(r.out().endsWith("[ OK ] added account \"X\"\n[ OK ] signed by operator \"O\" with its identity key "
                + oc.subject() + " (1 other stored key could sign: choose with -K)\n"), r.out());
        nsc.ok("add", "account", "A", "-K", osk);
        AccountClaims ac = Jwt.decode(Nsc.read(nsc.accountJwt("O", "A"))).as(AccountClaims.class, "an account");
        assertEquals(osk, ac.issuer());
        // without the identity seed, the signing key signs, quietly: no other key could
        java.nio.file.Files.delete(nsc.keyFile(oc.subject()));
        r = nsc.ok("add", "account", "Y");
        assertEquals(osk, Jwt.decode(Nsc.read(nsc.accountJwt("O", "Y"))).claims().issuer());
        assertFalse(r.out().contains("signed by"), r.out());
        fails(nsc, "is not the identity or a signing key of operator \"O\"", "add", "account", "B", "-K",
                NKey.generate(KeyKind.OPERATOR).publicKey());
    }
}
