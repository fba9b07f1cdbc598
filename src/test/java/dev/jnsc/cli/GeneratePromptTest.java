package dev.jnsc.cli;

import static dev.jnsc.testing.PromptTerminal.CTRL_C;
import static dev.jnsc.testing.PromptTerminal.ENTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.PromptTerminal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate activation | creds | context -i through a terminal emulation. */
class GeneratePromptTest {
    @TempDir
    Path home;
    Nsc nsc;
    PromptTerminal t;

    @BeforeEach
    void store() {
        nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "user", "-a", "A", "U1");
        nsc.ok("add", "user", "-a", "A", "U2");
        nsc.ok("add", "account", "B");
        nsc.ok("add", "user", "-a", "B", "V");
        t = new PromptTerminal();
    }

    @AfterEach
    void close() {
        t.close();
    }

    private String subject(Path jwt) {
        return Jwt.decode(Nsc.read(jwt).trim()).claims().subject();
    }

    private static Nsc.Result ok(Nsc.Running r) {
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), res::toString);
        return res;
    }

    @Test
    void activationAsksExportSubjectTargetAndTimes() throws Exception {
        nsc.ok("add", "export", "-a", "A", "-s", "priv.>", "--private");
        nsc.ok("add", "export", "-a", "A", "-s", "open.>");
        Path out = home.resolve("act.jwt");
        Nsc.Running r = t.start(nsc, "generate", "activation", "-i", "-o", out.toString());
        t.answer("? select account:", "").answer("choose 1-2", "A" + ENTER)
                .expect("? select the export:").expect("1) A -> priv.> [!]").answer("? choose 1-1 [1]: ", ENTER)
                .answer("? subject [priv.>]: ", "other.x" + ENTER).expect("\"priv.>\" doesn't contain \"other.x\"")
                .answer("? subject [priv.>]: ", "priv.x" + ENTER)
                .answer("? target-account public key: ", "nobody" + ENTER).expect("X Sorry")
                .answer("? target-account public key: ", "B" + ENTER)
                .answer("? valid from: ", ENTER).answer("? valid until (0 is always): ", "2030-01-02" + ENTER);
        ok(r);
        ActivationClaims act = Jwt.decode(Decorated.parse(Files.readString(out).getBytes(StandardCharsets.UTF_8)).jwt())
                .as(ActivationClaims.class, "an activation");
        assertEquals("priv.x", act.importSubject());
        assertEquals(subject(nsc.accountJwt("O", "B")), act.subject());
        assertEquals(Instant.parse("2030-01-02T00:00:00Z").getEpochSecond(), act.expires());
        assertFalse(t.screen().contains("open.>"), "public exports need no activation");
    }

    @Test
    void activationOfAnAccountWithoutPrivateExportsFails() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "generate", "activation", "-i", "-a", "B");
        t.answer("choose 1-2 [2]", ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res.code(), res::toString);
        assertTrue(res.err().contains("account \"B\" has no private exports"), res::toString);
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void activationCtrlCWritesNoFile() {
        nsc.ok("add", "export", "-a", "A", "-s", "priv.>", "--private");
        Path out = home.resolve("act.jwt");
        Nsc.Running r = t.start(nsc, "generate", "activation", "-i", "-a", "A", "-o", out.toString());
        t.answer("choose 1-2", ENTER).answer("choose 1-1", ENTER).answer("subject", ENTER)
                .answer("target-account public key", "B" + ENTER).answer("valid from", CTRL_C);
        assertEquals(1, r.result(PromptTerminal.RESULT_WAIT).code());
        assertFalse(Files.exists(out));
    }

    @Test
    void credsAsksAccountThenUser() {
        Nsc.Running r = t.start(nsc, "generate", "creds", "-i", "-a", "A");
        t.answer("? select account:", "").answer("? choose 1-2 [1]: ", ENTER)
                .answer("? select user:", "").answer("? choose 1-2 [1]: ", "3" + ENTER).expect("from 1 to 2")
                .answer("? choose 1-2 [1]: ", "U2" + ENTER);
        Nsc.Result res = ok(r);
        assertTrue(res.out().contains(Nsc.read(nsc.userJwt("O", "A", "U2")).trim()), res::toString);
    }

    @Test
    void credsOfTheOnlyUserAsksNoUser() {
        Nsc.Running r = t.start(nsc, "generate", "creds", "-i");
        t.answer("? select account:", "").answer("choose 1-2", "2" + ENTER);
        Nsc.Result res = ok(r);
        assertTrue(res.out().contains(Nsc.read(nsc.userJwt("O", "B", "V")).trim()), res::toString);
        assertFalse(t.screen().contains("select user"), t::screen);
    }

    @Test
    void aNameGivenThatDoesNotExistIsAnErrorNotReplacedByAChoice() {
        Nsc.Result res = t.start(nsc, "generate", "creds", "-i", "-a", "Z").result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res.code(), res::toString);
        assertTrue(res.err().contains("account \"Z\" does not exist"), res::toString);
        Nsc.Running r = t.start(nsc, "generate", "creds", "-i", "-a", "B", "-n", "W");
        t.answer("choose 1-2 [2]", ENTER);
        Nsc.Result res2 = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res2.code(), res2::toString);
        assertTrue(res2.err().contains("user \"W\" does not exist in account \"B\""), res2::toString);
    }

    @Test
    void contextAsksItsName() {
        Nsc.Running r = t.start(nsc, "generate", "context", "-i", "-a", "B");
        t.answer("choose 1-2 [2]", ENTER).answer("? context name [V]: ", "a/b" + ENTER)
                .expect("cannot contain filepath separators").answer("? context name [V]: ", "dev" + ENTER);
        ok(r);
        assertTrue(Files.isRegularFile(home.resolve("xdg-config/nats/context/dev.json")));
    }

    @Test
    void contextCtrlCWritesNothing() {
        Nsc.Running r = t.start(nsc, "generate", "context", "-i", "-a", "A");
        t.answer("choose 1-2", ENTER).answer("choose 1-2", ENTER).answer("context name [U1]", CTRL_C);
        assertEquals(1, r.result(PromptTerminal.RESULT_WAIT).code());
        assertFalse(Files.exists(home.resolve("xdg-config/nats/context")));
    }
}
