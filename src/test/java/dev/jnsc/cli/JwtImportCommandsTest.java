package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Nsc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * import account and import user: JWTs made by another operator's store (the "team" home), the
 * checks of who signed them, and every refusal (one error line, exit code, no file changed).
 */
class JwtImportCommandsTest {
    @TempDir
    Path home;
    Nsc nsc;
    Nsc team;

    @BeforeEach
    void stores() throws IOException {
        nsc = new Nsc(home).tutorial();
        team = new Nsc(Files.createDirectories(home.resolve("team")));
        team.ok("add", "operator", "T");
        team.ok("add", "account", "Z");
        team.ok("add", "user", "W");
    }

    private String operatorKey() {
        return Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).claims().subject();
    }

    private AccountClaims account(Nsc n, String op, String name) {
        return Jwt.decode(Nsc.read(n.accountJwt(op, name))).as(AccountClaims.class, "an account");
    }

    /** Z's JWT copied into the home, as a team hands it over. */
    private Path teamAccount() throws IOException {
        return Files.copy(team.accountJwt("T", "Z"), home.resolve("z.jwt"));
    }

    /** Z's claims signed by Z's own key. */
    private Path selfSigned() throws IOException {
        AccountClaims z = account(team, "T", "Z");
        NKey key = NKey.fromSeed(Nsc.read(team.keyFile(z.subject())).strip());
        return Files.writeString(home.resolve("self.jwt"), Jwt.encode(z, key, nsc.nowSeconds()));
    }

    // ---------------------------------------------------------------- import account

    @Test
    void aSelfSignedAccountIsSignedByTheOperator() throws Exception {
        Path f = selfSigned();
        Nsc.Result r = nsc.ok("import", "account", "--file", f.toString());
        // the jwt library's warning, which the Go nsc prints too
        assertEquals("[WARN] validation resulted in: a self-signed account JWT should not contain operator limits\n"
                + "[ OK ] account Z was successfully imported\n", r.out());
        AccountClaims z = account(nsc, "O", "Z");
        assertEquals(operatorKey(), z.issuer());
        assertEquals(account(team, "T", "Z").subject(), z.subject());
        assertEquals("rw-------", Nsc.mode(nsc.accountJwt("O", "Z")));
        nsc.ok("describe", "account", "Z");
    }

    @Test
    void anotherOperatorsAccountNeedsForce() throws Exception {
        Path f = teamAccount();
        fails(nsc, "can only import account signed by same operator", "import", "account", "--file", f.toString());
        nsc.ok("import", "account", "-j", f.toString(), "--force");
        assertEquals(operatorKey(), account(nsc, "O", "Z").issuer(), "--force re-signs it with the operator");
        fails(nsc, "account \"Z\" already exists - overwrite it with --overwrite", "import", "account", "-j",
                f.toString(), "--force");
        nsc.ok("import", "account", "-j", f.toString(), "--force", "--overwrite");
    }

    @Test
    void anAccountOfThisOperatorIsStoredAsItIs() throws Exception {
        Path f = Files.copy(nsc.accountJwt("O", "A"), home.resolve("a.jwt"));
        String before = Nsc.read(f);
        nsc.ok("delete", "account", "A");
        nsc.ok("import", "account", "--file", f.toString());
        assertEquals(before, Nsc.read(nsc.accountJwt("O", "A")), "the JWT is stored unchanged");
    }

    @Test
    void aNameCollisionIsRefusedEvenWithOverwrite() throws Exception {
        team.ok("add", "account", "A");
        Path f = Files.copy(team.accountJwt("T", "A"), home.resolve("ta.jwt"));
        fails(nsc, "has a name collision only", "import", "account", "--file", f.toString(), "--force", "--overwrite");
    }

    @Test
    void validationErrorsBlockUnlessSkipped() throws Exception {
        team.ok("edit", "account", "Z", "--expiry", "2026-01-03");
        Path f = teamAccount();
        nsc.advance(java.time.Duration.ofDays(3));
        fails(nsc, "validation is blocking, skip with --skip", "import", "account", "--file", f.toString(), "--force");
        Nsc.Result r = nsc.ok("import", "account", "--file", f.toString(), "--force", "--skip");
        assertTrue(r.out().startsWith("[WARN] validation resulted in: the JWT expired at"), r.out());
    }

    @Test
    void accountRefusals() throws Exception {
        usage(nsc, "--file is required", "import", "account");
        fails(nsc, "--file nosuch.jwt does not exist", "import", "account", "--file", "nosuch.jwt");
        Files.createDirectories(home.resolve("d.jwt"));
        fails(nsc, "`d.jwt` is a directory", "import", "account", "--file", "d.jwt");
        Files.copy(team.userJwt("T", "Z", "W"), home.resolve("w.jwt"));
        fails(nsc, "expected --file w.jwt to hold an account JWT", "import", "account", "--file", "w.jwt");
        Files.copy(team.accountJwt("T", "Z"), home.resolve("z.txt"));
        fails(nsc, "expected these file endings: [.jwt]", "import", "account", "--file", "z.txt");
        Files.writeString(home.resolve("junk.jwt"), "junk");
        fails(nsc, "failed to decode `junk.jwt`", "import", "account", "--file", "junk.jwt");
        // the same key under another name
        Path a = Files.copy(nsc.accountJwt("O", "A"), home.resolve("a.jwt"));
        AccountClaims ac = Jwt.decode(Nsc.read(a)).as(AccountClaims.class, "an account");
        ac.name("A2");
        NKey op = NKey.fromSeed(Nsc.read(nsc.keyFile(operatorKey())).strip());
        Files.writeString(a, Jwt.encode(ac, op, nsc.nowSeconds()));
        fails(nsc, "is already in the store as account \"A\"", "import", "account", "--file", "a.jwt");
    }

    // ---------------------------------------------------------------- import user

    @Test
    void aCredsFileBringsTheUserAndItsSeed() throws Exception {
        nsc.ok("import", "account", "--file", teamAccount().toString(), "--force");
        Path creds = Files.copy(team.creds("T", "Z", "W"), home.resolve("w.creds"));
        Nsc.Result r = nsc.ok("import", "user", "--file", creds.toString());
        UserClaims w = Jwt.decode(Nsc.read(nsc.userJwt("O", "Z", "W"))).as(UserClaims.class, "a user");
        assertEquals("[ OK ] key stored " + nsc.keyFile(w.subject()) + "\n[ OK ] user W was successfully imported\n",
                r.out());
        assertEquals(Nsc.read(team.userJwt("T", "Z", "W")).strip(), Nsc.read(nsc.userJwt("O", "Z", "W")).strip());
        assertEquals(Nsc.read(team.keyFile(w.subject())).strip(), Nsc.read(nsc.keyFile(w.subject())));
        assertEquals("rw-------", Nsc.mode(nsc.keyFile(w.subject())));
        // the seed itself: "SU" alone may occur in a public key or the path in the key stored line
        assertFalse((r.out() + r.err()).contains(Nsc.read(team.keyFile(w.subject())).strip()), "no seed in the output");
        // now the store can make creds for it
        nsc.ok("generate", "creds", "-a", "Z", "-n", "W", "-o", "made.creds");
        fails(nsc, "user \"W\" already exists in account \"Z\" - overwrite it with --overwrite", "import", "user",
                "--file", creds.toString());
        nsc.ok("import", "user", "--file", creds.toString(), "--overwrite");
    }

    @Test
    void aUserJwtAloneStoresNoSeed() throws Exception {
        nsc.ok("import", "account", "--file", teamAccount().toString(), "--force");
        Path f = Files.copy(team.userJwt("T", "Z", "W"), home.resolve("w.jwt"));
        Nsc.Result r = nsc.ok("import", "user", "-f", f.toString());
        assertEquals("[ OK ] user W was successfully imported\n", r.out());
        String w = Jwt.decode(Nsc.read(f)).claims().subject();
        assertFalse(Files.exists(nsc.keyFile(w)));
    }

    @Test
    void aUserOfASigningKeyIsAccepted() throws Exception {
        team.ok("edit", "account", "Z", "--sk", "generate");
        String sk = account(team, "T", "Z").signingKeys().get(0).key();
        team.ok("add", "user", "S", "-K", sk);
        nsc.ok("import", "account", "--file", teamAccount().toString(), "--force");
        nsc.ok("import", "user", "--file", team.creds("T", "Z", "S").toString());
        assertEquals(sk, Jwt.decode(Nsc.read(nsc.userJwt("O", "Z", "S"))).claims().issuer());
    }

    @Test
    void userRefusals() throws Exception {
        Path creds = Files.copy(team.creds("T", "Z", "W"), home.resolve("w.creds"));
        fails(nsc, "referenced account " + account(team, "T", "Z").subject() + " not found", "import", "user", "--file",
                "w.creds");
        usage(nsc, "--file is required", "import", "user");
        Files.copy(team.accountJwt("T", "Z"), home.resolve("z.jwt"));
        fails(nsc, "expected --file z.jwt to hold a user JWT", "import", "user", "--file", "z.jwt");
        Files.writeString(home.resolve("w.nk"), "x");
        fails(nsc, "expected these file endings: [.jwt .creds]", "import", "user", "--file", "w.nk");
        // the account is there, but the user's signer is not one of its keys any more
        nsc.ok("import", "account", "--file", "z.jwt", "--force");
        team.ok("edit", "account", "Z", "--sk", "generate");
        String sk = account(team, "T", "Z").signingKeys().get(0).key();
        team.ok("add", "user", "S", "-K", sk);
        fails(nsc, "can only import user signed by existing account", "import", "user", "--file",
                team.creds("T", "Z", "S").toString());
        // a creds file whose seed is another user's
        String text = Nsc.read(creds);
        String otherSeed = Nsc.read(nsc.keyFile(Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "U"))).claims().subject())).strip();
        String swapped = text.replaceAll("SU[A-Z2-7]{56}", otherSeed);
        Files.writeString(home.resolve("swapped.creds"), swapped);
        Nsc.Result r = fails(nsc, "is the seed of", "import", "user", "--file", "swapped.creds");
        assertFalse((r.out() + r.err()).contains(otherSeed), "the seed is not shown");
    }
}
