package dev.jnsc.cli;

import static dev.jnsc.testing.PromptTerminal.CTRL_C;
import static dev.jnsc.testing.PromptTerminal.ENTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.Import;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.WeightedMapping;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.PromptTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** add export | add import | add mapping -i through a terminal emulation. */
class ExportImportPromptTest {
    @TempDir
    Path home;
    Nsc nsc;
    PromptTerminal t;

    @BeforeEach
    void store() {
        nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "account", "B");
    }

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
    }

    private PromptTerminal terminal() {
        t = new PromptTerminal();
        return t;
    }

    private AccountClaims account(String name) {
        return Jwt.decode(Nsc.read(nsc.accountJwt("O", name))).as(AccountClaims.class, "an account");
    }

    private static Nsc.Result ok(Nsc.Running r) {
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), res::toString);
        return res;
    }

    @Test
    void addExportTakesTheDefaultsWithEnter() {
        Nsc.Running r = terminal().start(nsc, "add", "export", "-i", "-a", "A", "-s", "a.b");
        t.answer("? select account:", "").answer("? choose 1-2 [1]: ", ENTER)
                .answer("? export type:", "").answer("? choose 1-2 [1]: ", ENTER)
                .answer("? subject [a.b]: ", ENTER).answer("? name [a.b]: ", ENTER)
                .answer("? private stream (y/N): ", ENTER);
        ok(r);
        Export e = account("A").exports().get(0);
        assertEquals("a.b", e.subject());
        assertTrue(e.isStream());
        assertFalse(e.tokenRequired());
    }

    @Test
    void addExportAServiceWithTypedValuesAndBadOnesAskedAgain() {
        Nsc.Running r = terminal().start(nsc, "add", "export", "--interactive");
        t.answer("select account", "").answer("choose 1-2", "2" + ENTER)
                .answer("export type", "").answer("choose 1-2", "service" + ENTER)
                .answer("? subject: ", "a..b" + ENTER).expect("X Sorry, your reply was invalid: subject \"a..b\"")
                .answer("? subject: ", "svc.>" + ENTER)
                .answer("? name [svc.>]: ", "help" + ENTER)
                .answer("? private service (y/N): ", "y" + ENTER)
                .answer("? track service latency (y/N): ", "y" + ENTER)
                .answer("? sampling percentage [1-100] or `header`: ", "101" + ENTER).expect("expected a percentage")
                .answer("? sampling percentage [1-100] or `header`: ", "50" + ENTER)
                .answer("? latency metrics subject: ", "lat.*" + ENTER).expect("cannot contain wildcards")
                .answer("? latency metrics subject: ", "lat.x" + ENTER)
                .answer("service response type", "").answer("choose 1-3 [1]", "3" + ENTER)
                .answer("? response threshold (0 disabled) [0]: ", "soon" + ENTER).expect("X Sorry")
                .answer("? response threshold (0 disabled) [0]: ", "2s" + ENTER)
                .answer("? allow tracing (y/N): ", "y" + ENTER);
        ok(r);
        Export e = account("B").exports().get(0);
        assertEquals("svc.>", e.subject());
        assertEquals("help", e.name());
        assertTrue(e.isService() && e.tokenRequired() && e.isChunkedResponse() && e.allowTrace());
        assertEquals(50, e.latency().sampling());
        assertEquals("lat.x", e.latency().results());
        assertEquals(2_000_000_000L, e.responseThresholdNanos());
    }

    @Test
    void severalStoredOperatorKeysAskWhichSigns() {
        nsc.ok("edit", "operator", "--sk", "generate");
        Nsc.Running r = terminal().start(nsc, "add", "export", "-i", "-a", "A", "-s", "x");
        t.answer("choose 1-2", ENTER).answer("choose 1-2", ENTER).answer("subject", ENTER).answer("name", ENTER)
                .answer("private stream", ENTER)
                .expect("? select the key to use for signing:").answer("choose 1-2 [1]", "2" + ENTER);
        Nsc.Result res = ok(r);
        assertFalse(res.err().contains("could sign: choose with -K"), res::toString);
        String sk = Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(dev.jnsc.jwt.OperatorClaims.class, "an operator")
                .signingKeys().get(0);
        assertEquals(sk, Jwt.decode(Nsc.read(nsc.accountJwt("O", "A"))).as(AccountClaims.class, "an account").issuer());
    }

    @Test
    void aSigningKeyNotStoredIsGivenAsASeedNeverShown() {
        NKey sk = NKey.generate(KeyKind.OPERATOR);
        String seed = new String(sk.seed());
        nsc.ok("edit", "operator", "--sk", sk.publicKey());
        Nsc.Running r = terminal().start(nsc, "add", "mapping", "-i", "-a", "A", "-f", "a", "-t", "b");
        t.answer("choose 1-2", ENTER).answer("map from subject", ENTER).answer("to subject", ENTER)
                .answer("weight", ENTER).answer("cluster", ENTER)
                .expect("? select the key to use for signing:").expect("2) Other...").answer("choose 1-2 [1]", "2" + ENTER)
                .answer("? path to signer operator nkey or nkey: ", new String(NKey.generate(KeyKind.OPERATOR).seed())
                        + ENTER).expect("cannot sign: expected one of")
                .answer("? path to signer operator nkey or nkey: ", seed + ENTER);
        ok(r);
        assertEquals(sk.publicKey(), account("A").issuer());
        assertFalse(t.raw().contains(seed.substring(0, 10)), t::raw);
    }

    @Test
    void addExportCtrlCLeavesEveryFileAsItWas() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = terminal().start(nsc, "add", "export", "-i", "-a", "A", "-s", "a.b");
        t.answer("choose 1-2", ENTER).answer("choose 1-2", ENTER).answer("subject", ENTER).answer("name", CTRL_C);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res.code(), res::toString);
        assertTrue(res.err().contains("interrupted: nothing was changed"), res::toString);
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void addImportPicksAPublicExportOfAnotherAccount() {
        nsc.ok("add", "export", "-a", "A", "-s", "pub.*", "--service");
        nsc.ok("add", "export", "-a", "A", "-s", "feed.>");
        Nsc.Running r = terminal().start(nsc, "add", "import", "-i", "-a", "B");
        t.answer("select account", "").answer("choose 1-2 [2]", ENTER)
                .answer("? pick from locally available exports (Y/n): ", ENTER)
                .expect("? select the export:").expect("A -> feed.>").expect("A <- pub.*")
                .answer("choose 1-2 [1]", "2" + ENTER)
                .answer("? export subject [pub.*]: ", "pub.x" + ENTER)
                .answer("? share information when tracking latency? (y/N): ", "y" + ENTER)
                .answer("? name [pub.*]: ", "p" + ENTER)
                .answer("? local subject [pub.x]: ", "my.x" + ENTER);
        ok(r);
        Import im = account("B").imports().get(0);
        assertEquals("pub.x", im.subject());
        assertEquals("my.x", im.localSubject());
        assertEquals("p", im.name());
        assertEquals(account("A").subject(), im.account());
        assertTrue(im.isService() && im.share());
    }

    @Test
    void addImportOfAPrivateExportMakesItsActivation() {
        nsc.ok("add", "export", "-a", "A", "-s", "priv.>", "--private");
        Nsc.Running r = terminal().start(nsc, "add", "import", "-i", "-a", "B");
        t.answer("choose 1-2 [2]", ENTER).answer("pick from locally available exports", ENTER)
                .expect("A -> priv.> [!]").answer("choose 1-1 [1]", ENTER)
                .answer("? name [priv.>]: ", ENTER).answer("? local subject: ", ENTER)
                .answer("? allow tracing (y/N): ", ENTER);
        ok(r);
        Import im = account("B").imports().get(0);
        assertEquals("priv.>", im.subject());
        assertTrue(im.isStream());
        assertFalse(im.token() == null || im.token().isEmpty(), "the import carries its activation");
    }

    @Test
    void addImportByHandFromAPublicKeyOrAToken() throws Exception {
        String other = NKey.generate(KeyKind.ACCOUNT).publicKey();
        Nsc.Running r = terminal().start(nsc, "add", "import", "-i", "-a", "B");
        t.answer("choose 1-2", ENTER)
                .answer("? is the export public? (Y/n): ", ENTER)
                .answer("? src-account public key: ", "nobody" + ENTER).expect("neither an account")
                .answer("? src-account public key: ", other + ENTER)
                .answer("? remote subject: ", "r.>" + ENTER)
                .answer("? is import a service (Y/n): ", "n" + ENTER)
                .answer("? name [r.>]: ", ENTER).answer("? local subject: ", ENTER).answer("allow tracing", ENTER);
        ok(r);
        assertEquals(other, account("B").imports().get(0).account());
        t.close();

        nsc.ok("add", "export", "-a", "A", "-s", "tok.>", "--private");
        Path token = home.resolve("act.jwt");
        nsc.ok("generate", "activation", "-a", "A", "-s", "tok.>", "-t", "B", "-o", token.toString());
        nsc.ok("add", "account", "C");
        Nsc.Running r2 = terminal().start(nsc, "add", "import", "-i", "-a", "C");
        t.answer("choose 1-3", "3" + ENTER).answer("pick from locally available exports", "n" + ENTER)
                .answer("is the export public?", "n" + ENTER)
                .answer("? token path or url: ", home.resolve("missing.jwt") + ENTER).expect("X Sorry")
                .answer("? token path or url: ", token + ENTER)
                .answer("? name [tok.>]: ", ENTER).answer("local subject", ENTER).answer("allow tracing", CTRL_C);
        assertEquals(1, r2.result(PromptTerminal.RESULT_WAIT).code(), "Ctrl-C after the token was read");
        assertTrue(account("C").imports().isEmpty());
        assertTrue(Files.isRegularFile(token));
    }

    @Test
    void withoutATerminalEachOfTheseCommandsRefusesInteractive() {
        String[][] commands = {{"add", "export"}, {"add", "import"}, {"add", "mapping"}, {"generate", "activation"},
            {"generate", "creds"}, {"generate", "context"}, {"revocations", "add-user"}, {"revocations", "delete-user"},
            {"revocations", "add_activation"}, {"revocations", "delete_activation"}, {"push"}, {"pull"}};
        for (String[] c : commands) {
            String[] args = java.util.Arrays.copyOf(c, c.length + 1);
            args[c.length] = "-i";
            dev.jnsc.testing.Checks.usage(nsc, "-i/--interactive needs a terminal", args);
        }
    }

    @Test
    void addMappingAsksItsFlags() {
        Nsc.Running r = terminal().start(nsc, "add", "mapping", "-i", "-a", "A", "-f", "in.*");
        t.answer("choose 1-2 [1]", ENTER).answer("? map from subject [in.*]: ", ENTER)
                .answer("? to subject: ", ENTER).expect("X Sorry").answer("? to subject: ", "out.$1" + ENTER)
                .answer("? weight in percent [1-100] [100]: ", "0" + ENTER).expect("from 1 to 100")
                .answer("? weight in percent [1-100] [100]: ", "40" + ENTER)
                .answer("? cluster (Enter alone for every cluster): ", ENTER);
        ok(r);
        List<WeightedMapping> m = account("A").mappings().get("in.*");
        assertEquals("out.$1", m.get(0).subject());
        assertEquals(40, m.get(0).weight());
        assertEquals("", m.get(0).cluster());
    }

    @Test
    void addMappingCtrlCLeavesEveryFileAsItWas() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = terminal().start(nsc, "add", "mapping", "-i", "-a", "A");
        t.answer("choose 1-2", ENTER).answer("map from subject", "a" + ENTER).answer("to subject", CTRL_C);
        assertEquals(1, r.result(PromptTerminal.RESULT_WAIT).code());
        assertEquals(before, nsc.snapshot());
        assertNull(account("A").mappings().get("a"));
    }
}
