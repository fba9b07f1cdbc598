package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListEnvTest {
    @TempDir
    Path home;
    Nsc nsc;

    @BeforeEach
    void tutorial() {
        nsc = new Nsc(home).tutorial();
    }

    private String pub(Path jwt) {
        return Jwt.decode(Nsc.read(jwt)).claims().subject();
    }

    @Test
    void listKeysTree() {
        String o = pub(nsc.operatorJwt("O"));
        String a = pub(nsc.accountJwt("O", "A"));
        String u = pub(nsc.userJwt("O", "A", "U"));
        Nsc.Result r = nsc.ok("list", "keys");
        assertEquals("", r.err());
        String expected = String.join("\n",
                "╭──────────────────────────────────────────────────────────────────────────────────────────╮",
                "│                                           Keys                                           │",
                "├────────┬──────────────────────────────────────────────────────────┬─────────────┬────────┤",
                "│ Entity │ Key                                                      │ Signing Key │ Stored │",
                "├────────┼──────────────────────────────────────────────────────────┼─────────────┼────────┤",
                "│ O      │ " + o + " │             │ *      │",
                "│  A     │ " + a + " │             │ *      │",
                "│   U    │ " + u + " │             │ *      │",
                "╰────────┴──────────────────────────────────────────────────────────┴─────────────┴────────╯",
                "[ T ] auth callout encryption target", "", "");
        assertEquals(expected, r.out());
        assertTrue(nsc.ok("list", "keys", "-o").out().contains(o));
        assertFalse(nsc.ok("list", "keys", "-o").out().contains(a));
        assertFalse(nsc.ok("list", "keys", "-u").out().contains(o));
    }

    /** --account, --user, --filter and --not-referenced narrow the keys as the Go nsc's key collector does. */
    @Test
    void listKeysNarrowed() {
        nsc.ok("add", "user", "V");
        nsc.ok("add", "account", "B");
        nsc.ok("add", "user", "W");
        nsc.ok("select", "account", "A");
        String o = pub(nsc.operatorJwt("O"));
        String a = pub(nsc.accountJwt("O", "A"));
        String b = pub(nsc.accountJwt("O", "B"));
        String u = pub(nsc.userJwt("O", "A", "U"));
        String v = pub(nsc.userJwt("O", "A", "V"));
        String w = pub(nsc.userJwt("O", "B", "W"));
        String current = nsc.ok("list", "keys").out();
        assertTrue(current.contains(a) && current.contains(v) && !current.contains(b) && !current.contains(w), current);
        String other = nsc.ok("list", "keys", "--account", "B").out();
        assertTrue(other.contains(b) && other.contains(w) && !other.contains(a) && !other.contains(u), other);
        String one = nsc.ok("list", "keys", "--users", "--user", "V").out();
        assertTrue(one.contains(v) && !one.contains(u) && !one.contains(a) && !one.contains(o), one);
        String filtered = nsc.ok("list", "keys", "-A", "-f", w.substring(10, 20).toLowerCase()).out();
        assertTrue(filtered.contains(w) && !filtered.contains(u) && !filtered.contains(b), filtered);
        assertEquals("no keys matched query\n", nsc.ok("list", "keys", "-A", "--not-referenced").out());
        String outside = nsc.ok("list", "keys", "--not-referenced").out(); // the current account A is the context
        assertTrue(outside.contains(b) && outside.contains(w) && !outside.contains(a) && !outside.contains(o), outside);
        nsc.ok("generate", "nkey", "--user", "--store");
        nsc.ok("generate", "nkey", "--account", "--store");
        String loose = nsc.ok("list", "keys", "-A", "--not-referenced", "--users").out();
        assertTrue(loose.contains("│ ?  ") || loose.contains("│   ?"), loose);
        assertEquals(1, loose.lines().filter(l -> l.contains(" U")).count(), "one stored user key is in no JWT: " + loose);
        assertFalse(loose.contains(u) || loose.contains(v) || loose.contains(w), loose);
        fails(nsc, "account \"Z\" does not exist", "list", "keys", "--account", "Z");
        fails(nsc, "user \"Z\" does not exist in account \"A\"", "list", "keys", "--user", "Z");
    }

    @Test
    void showSeedsMarksMissingSeeds() throws Exception {
        String o = pub(nsc.operatorJwt("O"));
        String u = pub(nsc.userJwt("O", "A", "U"));
        String uSeed = Nsc.read(nsc.keyFile(u));
        Files.delete(nsc.keyFile(o));
        Nsc.Result r = nsc.ok("list", "keys", "--show-seeds");
        assertTrue(r.out().contains("Seeds Keys"), r.out());
        assertTrue(r.out().contains("│ O      │ " + o + " [!] "), r.out());
        assertTrue(r.out().contains("│   U    │ " + uSeed + " "), r.out());
        assertTrue(r.out().endsWith("╯\n[ ! ] seed is not stored\n[ERR] error reading seed\n"
                + "[ T ] auth callout encryption target\n\n"), "the Go nsc's legend\n" + r.out());
        assertTrue(nsc.ok("list", "keys").out().contains("│ O      │ " + o + " │             │        │"));
    }

    @Test
    void listKeysAllAccountsAndJson() {
        nsc.ok("add", "account", "B");
        nsc.ok("select", "account", "A");
        assertFalse(nsc.ok("list", "keys").out().contains(" B "));
        assertTrue(nsc.ok("list", "keys", "-A").out().contains("│  B "));
        Object json = Json.parse(nsc.ok("list", "keys", "--json").out());
        List<?> rows = (List<?>) json;
        assertEquals(3, rows.size());
        Map<String, Object> first = Json.asMap(rows.get(0));
        assertEquals("O", first.get("name"));
        assertEquals("operator", first.get("expected_kind"));
        assertFalse(first.containsKey("seed"));
        Map<String, Object> withSeed = Json.asMap(((List<?>) Json.parse(nsc.ok("list", "keys", "-J", "-S").out())).get(2));
        assertTrue(((String) withSeed.get("seed")).startsWith("SU"));
    }

    @Test
    void listEntities() {
        nsc.ok("add", "operator", "P");
        String ops = nsc.ok("list", "operators").err();
        assertTrue(ops.contains("│ O    │ ") && ops.contains("│ P    │ ") && ops.contains("Operators"), ops);
        Object json = Json.parse(nsc.ok("list", "operators", "--json").out());
        assertEquals("O", Json.asMap(((List<?>) json).get(0)).get("name"));
        nsc.ok("env", "-o", "O");
        assertTrue(nsc.ok("list", "accounts").err().contains("│ A    │ " + pub(nsc.accountJwt("O", "A"))));
        assertTrue(nsc.ok("list", "users", "-a", "A").err().contains("│ U    │ "));
        assertTrue(nsc.ok("list", "accounts", "-o", "P").err().contains("No entries defined"));
        fails(nsc, "operator \"Q\" does not exist", "list", "accounts", "-o", "Q");
    }

    @Test
    void envTableAsInTheTutorial() {
        Nsc.Result r = nsc.ok("env");
        String err = r.err();
        for (String row : new String[] {"NSC Environment", "│ Setting            │ Set │ Effective Value",
            "│ $NKEYS_PATH        │ Yes │ ~/.nkeys ", "│ $NSC_HOME          │ Yes │ ~/.nsc ",
            "│ Config             │     │ ~/.nsc/nsc.json ", "│ Stores Dir         │     │ ~/.nsc/nats ",
            "│ Default Operator   │     │ O ", "│ Default Account    │     │ A "}) {
            assertTrue(err.contains(row), () -> "missing " + row + "\n" + err);
        }
    }

    @Test
    void envAndSelectSetDefaults() throws Exception {
        nsc.ok("add", "operator", "P");
        nsc.ok("add", "account", "PA");
        nsc.ok("select", "operator", "O");
        nsc.ok("select", "account", "A");
        Map<String, Object> ctx = Json.parseObject(Files.readAllBytes(home.resolve(".nsc/nsc.json")));
        assertEquals("O", ctx.get("operator"));
        assertEquals("A", ctx.get("account"));
        assertTrue(nsc.ok("env", "-o", "P").err().contains("│ Default Operator   │     │ P "));
        ctx = Json.parseObject(Files.readAllBytes(home.resolve(".nsc/nsc.json")));
        assertEquals("P", ctx.get("operator"));
        assertEquals("PA", nsc.ok("env", "-a", "PA").err().contains("PA") ? "PA" : "");
        fails(nsc, "operator \"Z\" not in", "select", "operator", "Z");
        fails(nsc, "\"Z\" not in accounts for operator \"P\"", "env", "-a", "Z");
        usage(nsc, "Missing required parameter", "select", "account");
    }

    @Test
    void envStoreMovesTheStoresDir() throws Exception {
        Path other = home.resolve("other");
        Files.createDirectories(other);
        new Nsc(home).env("NSC_HOME", home.resolve("second").toString()).ok("add", "operator", "X");
        Files.move(home.resolve("second/nats/X"), other.resolve("X"));
        nsc.ok("env", "-s", other.toString());
        OperatorClaims x = Jwt.decode(Nsc.read(other.resolve("X/X.jwt"))).as(OperatorClaims.class, "an operator");
        assertTrue(nsc.ok("describe", "operator").out().contains(x.subject()));
        assertTrue(nsc.ok("env").err().contains("│ Stores Dir         │     │ ~/other "));
    }
}
