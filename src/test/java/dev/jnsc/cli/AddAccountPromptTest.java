package dev.jnsc.cli;

import static dev.jnsc.testing.PromptTerminal.CTRL_C;
import static dev.jnsc.testing.PromptTerminal.ENTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
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

/** add account -i through a terminal emulation: Go's questions, defaults, re-asking, seeds, Ctrl-C. */
class AddAccountPromptTest {
    @TempDir
    Path home;
    Nsc nsc;
    PromptTerminal t;

    @BeforeEach
    void operator() {
        nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        t = new PromptTerminal();
    }

    @AfterEach
    void close() {
        t.close();
    }

    private AccountClaims account(String name) {
        return Jwt.decode(Nsc.read(nsc.accountJwt("O", name))).as(AccountClaims.class, "an account");
    }

    @Test
    void enterAcceptsTheDefaults() {
        Nsc.Running r = t.start(nsc, "add", "account", "-i", "A");
        t.answer("? account name [A]: ", ENTER).answer("? generate an account nkey (Y/n): ", ENTER)
                .answer("? valid from: ", ENTER).answer("? valid until (0 is always): ", ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), res::toString);
        assertTrue(res.out().contains("[ OK ] added account \"A\""), res::toString);
        AccountClaims ac = account("A");
        assertEquals(0, ac.expires());
        assertTrue(Files.isRegularFile(nsc.keyFile(ac.subject())));
    }

    @Test
    void typedValuesAndBadOnesAskedAgain() {
        Nsc.Running r = t.start(nsc, "add", "account", "--interactive");
        t.answer("? account name: ", "x/y" + ENTER).expect("X Sorry, your reply was invalid: ")
                .answer("? account name: ", "B" + ENTER)
                .answer("generate an account nkey", "maybe" + ENTER).expect("answer y(es) or n(o)")
                .answer("generate an account nkey", "yes" + ENTER)
                .answer("? valid from: ", "soon" + ENTER).expect("X Sorry, your reply was invalid: --start \"soon\"")
                .answer("? valid from: ", ENTER)
                .answer("? valid until (0 is always): ", "2030-01-02" + ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), res::toString);
        assertEquals(java.time.Instant.parse("2030-01-02T00:00:00Z").getEpochSecond(), account("B").expires());
    }

    @Test
    void aSeedTypedIsNeverShown() {
        NKey key = NKey.generate(KeyKind.ACCOUNT);
        String seed = new String(key.seed());
        Nsc.Running r = t.start(nsc, "add", "account", "-i", "-n", "S");
        t.answer("account name [S]", ENTER).answer("generate an account nkey (Y/n)", "n" + ENTER)
                .answer("? path to an account nkey or nkey: ", seed + ENTER)
                .answer("valid from", ENTER).answer("valid until", ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), res::toString);
        assertEquals(key.publicKey(), account("S").subject());
        assertFalse(t.raw().contains(seed), t::raw);
        assertFalse(t.raw().contains(seed.substring(0, 8)), t::raw);
        assertFalse(res.out().contains(seed) || res.err().contains(seed), res::toString);
        assertTrue(Files.isRegularFile(nsc.keyFile(key.publicKey())), "the seed typed is stored");
    }

    @Test
    void aKeyOfTheWrongKindIsAskedAgain() {
        String user = NKey.generate(KeyKind.USER).publicKey();
        Nsc.Running r = t.start(nsc, "add", "account", "-i", "A");
        t.answer("account name", ENTER).answer("generate an account nkey", "n" + ENTER)
                .answer("path to an account nkey or nkey", user + ENTER).expect("expected an account key")
                .answer("path to an account nkey or nkey", CTRL_C);
        assertEquals(1, r.result(PromptTerminal.RESULT_WAIT).code());
    }

    @Test
    void ctrlCLeavesEveryFileAsItWas() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "add", "account", "-i", "A");
        t.answer("account name", ENTER).answer("generate an account nkey", ENTER).answer("valid from", CTRL_C);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res.code(), res::toString);
        assertEquals("Error: interrupted: nothing was changed\n", res.err());
        assertEquals("", res.out());
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void ctrlDIsAnInterruptionToo() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "add", "account", "-i");
        t.answer("account name", PromptTerminal.CTRL_D);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res.code(), res::toString);
        assertTrue(res.err().contains("interrupted"), res::toString);
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void withoutATerminalInteractiveIsAUsageError() {
        Checks.usage(nsc, "-i/--interactive needs a terminal", "add", "account", "-i", "A");
        Checks.usage(nsc, "-i/--interactive needs a terminal", "add", "account", "--interactive", "A");
    }

    @Test
    void aCommandThatDoesNotPromptRefusesInteractive() {
        Nsc.Result res = t.start(nsc, "list", "keys", "-i").result(PromptTerminal.RESULT_WAIT);
        assertEquals(2, res.code(), res::toString);
        assertTrue(res.err().contains("-i/--interactive: nsc list keys does not prompt"), res::toString);
    }
}
