package dev.jnsc.cli;

import static dev.jnsc.testing.PromptTerminal.CTRL_C;
import static dev.jnsc.testing.PromptTerminal.ENTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** init -i through a terminal emulation: Go's init questions (directory, operator, name). */
class InitPromptTest {
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

    @Test
    void enterAcceptsTheDefaults() {
        Nsc.Running r = t.start(nsc, "init", "-i", "-n", "demo");
        t.answer("? enter a configuration directory [~/.nsc/nats]: ", ENTER).expect("? Select an operator:")
                .expect("1) synadia").expect("> 2) Create Operator").expect("3) Other")
                .answer("? choose 1-3 [2]: ", ENTER).answer("? name your operator, account and user [demo]: ", ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), () -> res + t.screen());
        assertTrue(res.out().contains("[ OK ] created operator demo"), res::toString);
        assertTrue(Files.isRegularFile(nsc.userJwt("demo", "demo", "demo")));
    }

    @Test
    void typedDirectoryAndName() {
        Nsc nsc = new Nsc(home).env("NSC_HOME", null);
        Nsc.Running r = t.start(nsc, "init", "--interactive");
        t.answer("enter a configuration directory", "projects/nats" + ENTER).answer("choose 1-3 [2]", "Create Operator" + ENTER)
                .answer("? name your operator, account and user: ", "a/b" + ENTER).expect("X Sorry, your reply was invalid")
                .answer("? name your operator, account and user: ", "mine" + ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), () -> res + t.screen());
        assertTrue(Files.isRegularFile(home.resolve("projects/nats/mine/accounts/mine/users/mine.jwt")));
    }

    @Test
    void anotherOperatorNeedsAnHttpUrlAndCtrlCChangesNothing() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc.env("NSC_LOCAL_OPERATOR", "http://127.0.0.1:1/jwt/v1/operator"), "init", "-i");
        t.answer("enter a configuration directory", ENTER).expect("2) LOCAL").answer("choose 1-4 [3]", "4" + ENTER)
                .answer("? Operator URL: ", "ftp://h/o" + ENTER).expect("is not an http(s) URL")
                .answer("? Operator URL: ", CTRL_C);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res.code(), res::toString);
        assertEquals("Error: interrupted: nothing was changed\n", res.err());
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void noTerminalIsAUsageError() {
        Checks.usage(nsc, "-i/--interactive needs a terminal", "init", "-i", "-n", "demo");
    }
}
