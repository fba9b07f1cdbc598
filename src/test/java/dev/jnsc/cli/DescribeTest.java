package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescribeTest {
    @TempDir
    Path home;
    Nsc nsc;
    String op;
    String acc;
    String user;

    @BeforeEach
    void tutorial() {
        nsc = new Nsc(home).tutorial();
        op = Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).claims().subject();
        acc = Jwt.decode(Nsc.read(nsc.accountJwt("O", "A"))).claims().subject();
        user = Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "U"))).claims().subject();
    }

    @Test
    void operatorTable() {
        Nsc.Result r = nsc.ok("describe", "operator");
        assertEquals("", r.err());
        String expected = String.join("\n",
                "╭──────────────────────────────────────────────────────────────────────────────────╮",
                "│                                 Operator Details                                 │",
                "├───────────────────────┬──────────────────────────────────────────────────────────┤",
                "│ Name                  │ O                                                        │",
                "│ Operator ID           │ " + op + " │",
                "│ Issuer ID             │ " + op + " │",
                "│ Issued                │ 2026-01-02 03:04:05 UTC                                  │",
                "│ Expires               │                                                          │",
                "│ Operator Service URLs │ nats://localhost:4222                                    │",
                "│ Require Signing Keys  │ false                                                    │",
                "╰───────────────────────┴──────────────────────────────────────────────────────────╯",
                "", "");
        assertEquals(expected, r.out());
        assertEquals(r.out(), nsc.ok("describe", "operator", "O").out());
        assertEquals(r.out(), nsc.ok("describe", "operator", op).out());
    }

    @Test
    void accountTableHasTheTutorialRows() {
        String out = nsc.ok("describe", "account").out();
        for (String row : new String[] {"│ Name                      │ A ", "│ Account ID                │ " + acc,
            "│ Issuer ID                 │ " + op, "│ Max Connections           │ Unlimited",
            "│ Max Leaf Node Connections │ Unlimited", "│ Max Data                  │ Unlimited",
            "│ Max Exports               │ Unlimited", "│ Max Imports               │ Unlimited",
            "│ Max Msg Payload           │ Unlimited", "│ Max Subscriptions         │ Unlimited",
            "│ Exports Allows Wildcards  │ True", "│ Imports                   │ None",
            "│ Exports                   │ None", "Account Details"}) {
            assertTrue(out.contains(row), () -> "missing row " + row + "\n" + out);
        }
        assertEquals(out, nsc.ok("describe", "account", acc).out());
        assertEquals(out, nsc.ok("describe", "account", "-n", "A").out());
    }

    @Test
    void userTableHasTheTutorialRows() {
        nsc.ok("add", "user", "s", "--allow-pub", "_INBOX.>", "--allow-sub", "q");
        String out = nsc.ok("describe", "user", "s").out();
        for (String row : new String[] {"│                                      User ", "│ Name                 │ s ",
            "│ Issuer ID            │ " + acc, "│ Pub Allow            │ _INBOX.>", "│ Sub Allow            │ q",
            "│ Response Permissions │ Not Set", "│ Max Msg Payload      │ Unlimited", "│ Network Src          │ Any",
            "│ Time                 │ Any", "│ Expires              │  "}) {
            assertTrue(out.contains(row), () -> "missing row " + row + "\n" + out);
        }
        fails(nsc, "user is required: account \"A\" has several users", "describe", "user");
        String u = nsc.ok("describe", "user", "U", "-a", "A").out();
        assertTrue(u.contains("│ User ID              │ " + user), u);
    }

    @Test
    void jsonRawAndField() {
        Nsc.Result json = nsc.ok("describe", "account", "--json");
        Map<String, Object> body = Json.parseObject(json.out().getBytes());
        assertEquals(acc, body.get("sub"));
        assertTrue(json.out().startsWith("{\n \"iat\": "), json.out());
        Map<String, Object> nats = Json.asMap(body.get("nats"));
        assertEquals("account", nats.get("type"));
        assertEquals(2L, nats.get("version"));

        assertEquals(Nsc.read(nsc.accountJwt("O", "A")) + "\n", nsc.ok("describe", "account", "-R").out());
        assertEquals("-1\n", nsc.ok("describe", "account", "-F", "nats.limits.conn").out());
        assertEquals("\"" + acc + "\"\n", nsc.ok("describe", "account", "--field", "sub").out());
        assertEquals("\"nats://localhost:4222\"\n",
                nsc.ok("describe", "operator", "-F", "nats.operator_service_urls[0]").out());
        fails(nsc, "field \"nats.nope\" not found", "describe", "account", "-F", "nats.nope");
    }

    @Test
    void outputFile() throws Exception {
        Path f = home.resolve("op.txt");
        Nsc.Result r = nsc.ok("describe", "operator", "-o", f.toString());
        assertEquals("[ OK ] wrote operator description to `~/op.txt`\n", r.out());
        assertTrue(Files.readString(f).contains("Operator Details"));
        Nsc.Result again = nsc.ok("describe", "operator", "-J", "-o", f.toString());
        assertEquals("[ OK ] wrote operator description to `~/op.txt`\n", again.out());
        assertTrue(Files.readString(f).startsWith("{"), "replaced, as by the Go nsc");
        Path raw = home.resolve("op.jwt");
        nsc.ok("describe", "operator", "-R", "-o", raw.toString());
        assertTrue(Files.readString(raw).startsWith("-----BEGIN NATS OPERATOR JWT-----\n"));
    }

    @Test
    void describeJwtFiles() throws Exception {
        String fromStore = nsc.ok("describe", "user", "U").out();
        assertEquals(fromStore, nsc.ok("describe", "jwt", "-f", nsc.userJwt("O", "A", "U").toString()).out());
        assertEquals(fromStore, nsc.ok("describe", "jwt", "-f", nsc.creds("O", "A", "U").toString()).out());
        Path decorated = home.resolve("acc.jwt");
        nsc.ok("describe", "account", "-R", "-o", decorated.toString());
        assertTrue(nsc.ok("describe", "jwt", "--file", decorated.toString()).out().contains("Account Details"));
        fails(nsc, "does not exist", "describe", "jwt", "-f", home.resolve("nope").toString());
    }

    @Test
    void unknownEntities() {
        fails(nsc, "operator \"X\" does not exist", "describe", "operator", "X");
        fails(nsc, "account \"X\" does not exist", "describe", "account", "X");
        fails(nsc, "user \"X\" does not exist", "describe", "user", "X");
    }
}
