package dev.jnsc.cli;

import static dev.jnsc.testing.PromptTerminal.CTRL_C;
import static dev.jnsc.testing.PromptTerminal.ENTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.PromptTerminal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * edit export, delete export | import | mapping, edit authcallout | signing-key -i through a terminal
 * emulation.
 */
class ExchangePromptTest {
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
        nsc.ok("add", "export", "-a", "A", "--subject", "a.stream", "--name", "feed");
        nsc.ok("add", "export", "-a", "A", "--subject", "a.svc", "--service", "--private");
        nsc.ok("add", "import", "-a", "B", "--src-account", "A", "--remote-subject", "a.stream");
        nsc.ok("add", "mapping", "-a", "B", "--from", "m.one", "--to", "m.two");
        nsc.ok("add", "mapping", "-a", "B", "--from", "m.three", "--to", "m.four");
        t = new PromptTerminal();
    }

    @AfterEach
    void close() {
        t.close();
    }

    private AccountClaims account(String name) {
        return Jwt.decode(Nsc.read(nsc.accountJwt("O", name))).as(AccountClaims.class, "an account");
    }

    private Export export(String account, String subject) {
        return account(account).exports().stream().filter(e -> e.subject().equals(subject)).findFirst().orElse(null);
    }

    @Test
    void editExportEnterKeepsEverythingAndWritesNothing() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "edit", "export", "-i", "-a", "A", "--subject", "a.svc");
        t.answer("? choose 1-2 [1]: ", ENTER).expect("? select export to edit:").expect("  > 2) <- a.svc [!]")
                .answer("choose 1-2 [2]", ENTER).expect("? export type:").answer("choose 1-2 [2]", ENTER)
                .answer("? name [a.svc]: ", ENTER).answer("? private service (Y/n): ", ENTER)
                .answer("? track service latency (y/N): ", ENTER).expect("? service response type:")
                .answer("choose 1-3 [1]", ENTER).answer("? response threshold (0 disabled) [0]: ", ENTER)
                .answer("? Export Description: ", ENTER).answer("? Info url: ", ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), res::toString);
        assertEquals("[ OK ] export \"a.svc\" unchanged: every answer kept the current value\n", res.out());
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void editExportTypedValuesAndBadOnesAskedAgain() {
        Nsc.Running r = t.start(nsc, "edit", "export", "-i", "-a", "A");
        t.expect("? select account:").answer("choose 1-2 [1]", ENTER).expect("select export to edit")
                .expect("1) -> [feed] a.stream").answer("choose 1-2 [1]", "2" + ENTER)
                .expect("export type").answer("choose 1-2 [2]", ENTER)
                .answer("? name [a.svc]: ", "svc" + ENTER).answer("private service (Y/n)", "n" + ENTER)
                .answer("track service latency (y/N)", "y" + ENTER)
                .answer("? sampling percentage [1-100] or `header`: ", "101" + ENTER).expect("--sampling \"101\"")
                .answer("sampling percentage", "header" + ENTER)
                .answer("? latency metrics subject: ", "lat.*" + ENTER).expect("wildcards")
                .answer("latency metrics subject", "lat.a" + ENTER)
                .expect("service response type").answer("choose 1-3 [1]", "Stream" + ENTER)
                .answer("response threshold (0 disabled)", "soon" + ENTER).expect("X Sorry")
                .answer("response threshold (0 disabled)", "5s" + ENTER)
                .answer("Export Description", "the service" + ENTER).answer("Info url", ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), res::toString);
        Export e = export("A", "a.svc");
        assertEquals("svc", e.name());
        assertFalse(e.tokenRequired());
        assertTrue(e.latency().isHeaders());
        assertEquals("lat.a", e.latency().results());
        assertEquals(Export.STREAM_RESPONSE, e.responseType());
        assertEquals(5_000_000_000L, e.responseThresholdNanos());
        assertEquals("the service", e.description());
    }

    @Test
    void editExportCtrlCLeavesEveryFileAsItWas() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "edit", "export", "-i", "-a", "A");
        t.answer("choose 1-2 [1]", ENTER).expect("select export to edit").answer("choose 1-2", ENTER)
                .expect("export type")
                .answer("choose 1-2", "2" + ENTER).answer("name", CTRL_C);
        assertEquals(1, r.result(PromptTerminal.RESULT_WAIT).code());
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void deleteExportChosenFromTheList() {
        Nsc.Running r = t.start(nsc, "delete", "export", "-i");
        t.expect("? select account:").answer("choose 1-2", "A" + ENTER).expect("? select export to delete:")
                .answer("choose 1-2 [1]", "3" + ENTER).expect("X Sorry").answer("choose 1-2 [1]", ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), res::toString);
        assertNull(export("A", "a.stream"));
        assertTrue(export("A", "a.svc") != null);
    }

    @Test
    void deleteImportChosenFromTheListAndCtrlCWritesNothing() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "delete", "import", "-i", "-a", "B");
        t.answer("choose 1-2 [2]", ENTER).expect("? select import to delete:").expect("1) -> a.stream (A)")
                .answer("choose 1-1 [1]", CTRL_C);
        assertEquals(1, r.result(PromptTerminal.RESULT_WAIT).code());
        assertEquals(before, nsc.snapshot());
        r = t.start(nsc, "delete", "import", "-i", "-a", "B");
        t.answer("choose 1-2 [2]", ENTER).answer("choose 1-1 [1]", ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), res::toString);
        assertTrue(account("B").imports().isEmpty());
    }

    @Test
    void deleteMappingAsksWhichWhenFromIsNotGiven() {
        Nsc.Running r = t.start(nsc, "delete", "mapping", "-i", "-a", "B");
        t.answer("choose 1-2 [2]", ENTER).expect("? select mapping to delete:").expect("m.one")
                .answer("choose 1-2 [1]", "m.three" + ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), res::toString);
        assertEquals(java.util.Set.of("m.one"), account("B").mappings().keySet());
    }

    @Test
    void editAuthCalloutAndSigningKeyAskNothingAsTheGoNsc() {
        nsc.ok("edit", "account", "A", "--sk", "generate");
        String sk = account("A").signingKeys().get(0).key();
        Nsc.Result res = t.start(nsc, "edit", "signing-key", "-i", "-a", "A", "--sk", sk, "--role", "r").result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), res::toString);
        assertTrue(account("A").signingKey(sk).isScoped());
        assertEquals("", t.screen());
    }
}
