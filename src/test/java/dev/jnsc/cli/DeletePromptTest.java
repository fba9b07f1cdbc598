package dev.jnsc.cli;

import static dev.jnsc.testing.PromptTerminal.CTRL_C;
import static dev.jnsc.testing.PromptTerminal.ENTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.PromptTerminal;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** delete account | user -i through a terminal emulation: Go's questions, its confirmations, Ctrl-C. */
class DeletePromptTest {
    @TempDir
    java.nio.file.Path home;
    Nsc nsc;
    PromptTerminal t;

    @BeforeEach
    void store() {
        nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "account", "B");
        nsc.ok("add", "user", "-a", "B", "U1");
        nsc.ok("add", "user", "-a", "B", "U2");
        nsc.ok("add", "user", "-a", "B", "U3");
        t = new PromptTerminal();
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void deleteAccountAsksGoQuestionsAndEnterAcceptsDefaultsButTheLastConfirmation() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "delete", "account", "-i", "B");
        t.expect("? select account:").expect("  > 2) B").answer("? choose 1-2 [2]: ", ENTER)
                .answer("? revoke all account users before deleting (Y/n): ", ENTER)
                .answer("? delete associated account and user nkeys (y/N): ", ENTER)
                .answer("? delete associated user creds files (y/N): ", ENTER)
                .answer("? deleting accounts, users, nkeys or creds files cannot be undone - continue (y/N): ", ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res.code(), res::toString);
        assertEquals("Error: delete cancelled: nothing was changed\n", res.err());
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void deleteAccountTypedAnswers() {
        Nsc.Running r = t.start(nsc, "delete", "account", "--interactive");
        t.answer("? choose 1-2", "3" + ENTER).expect("X Sorry, your reply was invalid: \"3\": type a number from 1 to 2")
                .answer("? choose 1-2", "A" + ENTER)
                .answer("revoke all account users before deleting", "n" + ENTER)
                .answer("delete associated account and user nkeys", "y" + ENTER)
                .answer("delete associated user creds files", "y" + ENTER)
                .answer("? deleting account or account nkey files cannot be undone - continue (y/N): ", "y" + ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), res::toString);
        assertFalse(Files.exists(nsc.accountJwt("O", "A")));
        assertTrue(Files.exists(nsc.accountJwt("O", "B")));
    }

    @Test
    void deleteAccountCtrlCLeavesEveryFileAsItWas() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "delete", "account", "-i", "A");
        t.answer("choose 1-2", ENTER).answer("revoke all", ENTER).answer("nkeys", CTRL_C);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res.code(), res::toString);
        assertEquals("Error: interrupted: nothing was changed\n", res.err());
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void deleteUsersChosenByNumberAndNameWithRevocation() {
        Nsc.Running r = t.start(nsc, "delete", "user", "-i", "-a", "B");
        t.answer("choose 1-2 [2]", ENTER)
                .answer("? select users (comma list of 1) U1, 2) U2, 3) U3): ", "4" + ENTER)
                .expect("X Sorry, your reply was invalid: \"4\" is not one of the choices")
                .answer("select users", ENTER).expect("choose at least one")
                .answer("select users", "1, U3" + ENTER)
                .answer("? revoke users before deleting (y/N): ", "y" + ENTER)
                .answer("? delete associated nkeys (y/N): ", ENTER)
                .answer("? delete associated creds files (y/N): ", ENTER)
                .answer("? deleting users, nkeys or creds files cannot be undone - continue (y/N): ", "yes" + ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), res::toString);
        assertFalse(Files.exists(nsc.userJwt("O", "B", "U1")));
        assertTrue(Files.exists(nsc.userJwt("O", "B", "U2")));
        assertFalse(Files.exists(nsc.userJwt("O", "B", "U3")));
        AccountClaims ac = Jwt.decode(Nsc.read(nsc.accountJwt("O", "B"))).as(AccountClaims.class, "an account");
        assertEquals(2, ac.revocations().size(), ac::toJson);
        assertTrue(Files.exists(nsc.creds("O", "B", "U1")), "creds kept: the default");
    }

    @Test
    void deleteUserNamedIsTheDefaultAndNoCancels() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "delete", "user", "-i", "-a", "B", "U2");
        t.answer("choose 1-2 [2]", ENTER).answer("? select users (comma list of 1) U1, 2) U2, 3) U3) [U2]: ", ENTER)
                .answer("? revoke user before deleting (y/N): ", ENTER).answer("delete associated nkey (y/N)", ENTER)
                .answer("delete associated creds file (y/N)", ENTER)
                .answer("? deleting a user, nkey or creds file cannot be undone - continue (y/N): ", "n" + ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res.code(), res::toString);
        assertTrue(res.err().contains("delete cancelled"), res::toString);
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void anAccountNamedThatIsNotThereIsAnErrorNotADefault() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Result res = t.start(nsc, "delete", "account", "-i", "C").result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res.code(), res::toString);
        assertTrue(res.err().contains("\"C\""), res::toString);
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void deleteUserCtrlCLeavesEveryFileAsItWas() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "delete", "user", "-i", "-a", "B", "U2");
        t.answer("choose 1-2", ENTER).answer("select users", ENTER).answer("revoke user", CTRL_C);
        assertEquals(1, r.result(PromptTerminal.RESULT_WAIT).code());
        assertEquals(before, nsc.snapshot());
    }
}
