package dev.jnsc.cli;

import static dev.jnsc.testing.PromptTerminal.CTRL_C;
import static dev.jnsc.testing.PromptTerminal.ENTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Checks;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.PromptTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * add operator -i and add user -i, and the shared signer question, through a terminal emulation:
 * Go's questions in Go's order, Enter for the defaults, typed and refused answers, seeds not shown,
 * Ctrl-C changing nothing.
 */
class AddOperatorUserPromptTest {
    @TempDir
    Path home;
    Nsc nsc;
    PromptTerminal t;

    @BeforeEach
    void terminal() {
        nsc = new Nsc(home);
        t = new PromptTerminal();
    }

    @AfterEach
    void close() {
        t.close();
    }

    private static <T extends dev.jnsc.jwt.Claims> T claims(Path jwt, Class<T> type) {
        return Jwt.decode(Nsc.read(jwt)).as(type, type.getSimpleName());
    }


    @Test
    void addOperatorWithEveryDefault() {
        Nsc.Running r = t.start(nsc, "add", "operator", "-i", "O");
        t.answer("? import operator from a JWT (y/N): ", ENTER).answer("? operator name [O]: ", ENTER)
                .answer("? valid from: ", ENTER).answer("? valid until (0 is always): ", ENTER)
                .answer("? Generate system account? (Y/n): ", ENTER).answer("? Generate signing key? (Y/n): ", ENTER)
                .answer("? generate an operator nkey (Y/n): ", ENTER);
        t.done(r);
        OperatorClaims oc = claims(nsc.operatorJwt("O"), OperatorClaims.class);
        assertEquals(1, oc.signingKeys().size());
        assertTrue(Files.isRegularFile(nsc.accountJwt("O", "SYS")));
        assertEquals(oc.signingKeys().get(0), claims(nsc.accountJwt("O", "SYS"), AccountClaims.class).issuer());
    }

    @Test
    void addOperatorWithTypedAnswersAndAGivenSeed() {
        NKey key = NKey.generate(KeyKind.OPERATOR);
        String seed = new String(key.seed());
        Nsc.Running r = t.start(nsc, "add", "operator", "--interactive");
        t.answer("import operator from a JWT", "n" + ENTER).answer("? operator name: ", ENTER)
                .expect("X Sorry, your reply was invalid: operator name is required")
                .answer("? operator name: ", "P" + ENTER).answer("valid from", ENTER)
                .answer("valid until", "bad" + ENTER).expect("invalid").answer("valid until", "2031-05-06" + ENTER)
                .answer("Generate system account?", "n" + ENTER).answer("Generate signing key?", "no" + ENTER)
                .answer("generate an operator nkey", "n" + ENTER)
                .answer("? path to an operator nkey or nkey: ", key.publicKey() + ENTER)
                .expect("is not stored: give the seed")
                .answer("? path to an operator nkey or nkey: ", seed + ENTER);
        Nsc.Result res = t.done(r);
        OperatorClaims oc = claims(nsc.operatorJwt("P"), OperatorClaims.class);
        assertEquals(key.publicKey(), oc.subject());
        assertTrue(oc.signingKeys().isEmpty());
        assertEquals(java.time.Instant.parse("2031-05-06T00:00:00Z").getEpochSecond(), oc.expires());
        assertFalse(Files.exists(nsc.accountJwt("P", "SYS")));
        assertFalse(t.raw().contains(seed), "the seed typed is not echoed");
        assertFalse(res.out().contains(seed) || res.err().contains(seed), res::toString);
    }

    @Test
    void addOperatorImportAsksForTheJwt() {
        Nsc elsewhere = new Nsc(home.resolve("elsewhere"));
        elsewhere.ok("add", "operator", "O");
        Path jwt = elsewhere.operatorJwt("O");
        Nsc.Running r = t.start(nsc, "add", "operator", "-i");
        t.answer("import operator from a JWT (y/N)", "y" + ENTER).answer("? path or url for operator jwt: ", ENTER)
                .expect("X Sorry").answer("path or url for operator jwt", jwt + ENTER);
        t.done(r);
        assertTrue(Files.isRegularFile(nsc.operatorJwt("O")));
    }

    @Test
    void addOperatorCtrlCChangesNothing() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "add", "operator", "-i", "O");
        t.answer("import operator", ENTER).answer("operator name", ENTER).answer("valid from", ENTER)
                .answer("valid until", ENTER).answer("Generate system account?", ENTER)
                .answer("Generate signing key?", CTRL_C);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res.code(), res::toString);
        assertEquals("Error: interrupted: nothing was changed\n", res.err());
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void addUserPicksTheAccountAndTheSigner() {
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "account", "B");
        nsc.ok("edit", "account", "B", "--sk", "generate");
        AccountClaims b = claims(nsc.accountJwt("O", "B"), AccountClaims.class);
        String sk = b.signingKeys().get(0).key();
        Nsc.Running r = t.start(nsc, "add", "user", "-i");
        t.expect("? select an account:").expect("1) A").expect("2) B").answer("? choose 1-2 [2]: ", "7" + ENTER)
                .expect("type a number from 1 to 2").answer("choose 1-2", "B" + ENTER)
                .answer("? user name: ", "u" + ENTER).answer("? generate a user nkey (Y/n): ", ENTER)
                .answer("valid from", ENTER).answer("valid until", ENTER)
                .expect("? select the key to sign the user:").expect(b.subject() + " (identity key)")
                .expect(sk + " (signing key)").answer("choose 1-2 [1]", "2" + ENTER);
        t.done(r);
        UserClaims uc = claims(nsc.userJwt("O", "B", "u"), UserClaims.class);
        assertEquals(sk, uc.issuer());
        assertEquals(b.subject(), uc.issuerAccount());
        assertTrue(Files.isRegularFile(nsc.creds("O", "B", "u")));
    }

    @Test
    void addUserWithOneAccountAndOneKeyAsksNeither() {
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        String userKey = NKey.generate(KeyKind.USER).publicKey();
        Nsc.Running r = t.start(nsc, "add", "user", "-i", "--tag", "t1");
        t.answer("? user name: ", "v" + ENTER).answer("generate a user nkey", "n" + ENTER)
                .answer("path to a user nkey or nkey", NKey.generate(KeyKind.ACCOUNT).publicKey() + ENTER)
                .expect("expected a user key").answer("path to a user nkey or nkey", userKey + ENTER)
                .answer("valid from", "1d" + ENTER).answer("valid until", ENTER);
        t.done(r);
        assertFalse(t.screen().contains("select"), t::screen);
        UserClaims uc = claims(nsc.userJwt("O", "A", "v"), UserClaims.class);
        assertEquals(userKey, uc.subject());
        assertEquals(Nsc.START.getEpochSecond() + 86400, uc.notBefore());
        assertTrue(uc.tags().contains("t1"), "flags not asked about still apply");
    }

    @Test
    void addAccountAsksWhichOperatorKeySigns() {
        nsc.ok("add", "operator", "O", "--generate-signing-key");
        OperatorClaims oc = claims(nsc.operatorJwt("O"), OperatorClaims.class);
        Nsc.Running r = t.start(nsc, "add", "account", "-i", "A");
        t.answer("account name", ENTER).answer("generate an account nkey", ENTER).answer("valid from", ENTER)
                .answer("valid until", ENTER).expect("? select the key to sign the account:")
                .answer("choose 1-2 [1]", "2" + ENTER);
        t.done(r);
        assertEquals(oc.signingKeys().get(0), claims(nsc.accountJwt("O", "A"), AccountClaims.class).issuer());
    }

    /** A candidate whose seed is not stored is reached through "Other...": its seed typed, not echoed. */
    @Test
    void otherSignerTakesASeedThatIsNotStored() throws java.io.IOException {
        nsc.ok("add", "operator", "O", "--generate-signing-key");
        OperatorClaims oc = claims(nsc.operatorJwt("O"), OperatorClaims.class);
        Path identity = nsc.keyFile(oc.subject());
        String seed = Files.readString(identity).trim();
        Files.delete(identity);
        Nsc.Running r = t.start(nsc, "add", "account", "-i", "A");
        t.answer("account name", ENTER).answer("generate an account nkey", ENTER).answer("valid from", ENTER)
                .answer("valid until", ENTER).expect("1) " + oc.signingKeys().get(0) + " (signing key)")
                .expect("2) Other...").answer("choose 1-2 [1]", "2" + ENTER)
                .answer("? path to signer operator nkey or nkey: ", NKey.generate(KeyKind.OPERATOR).publicKey() + ENTER)
                .expect("cannot sign: expected one of")
                .answer("? path to signer operator nkey or nkey: ", seed + ENTER);
        Nsc.Result res = t.done(r);
        assertEquals(oc.subject(), claims(nsc.accountJwt("O", "A"), AccountClaims.class).issuer());
        assertFalse(t.raw().contains(seed) || res.out().contains(seed) || res.err().contains(seed), t::raw);
    }

    @Test
    void noTerminalIsAUsageError() {
        Checks.usage(nsc, "-i/--interactive needs a terminal", "add", "operator", "-i", "O");
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        Checks.usage(nsc, "-i/--interactive needs a terminal", "add", "user", "-i", "u");
    }
}
