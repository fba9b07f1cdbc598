package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.Jwt;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists of more entities than one thread handles (they are decoded and verified on all cores):
 * the rows keep the names' order, and broken JWTs in the middle show, or fail the command, exactly
 * as they did when one thread read them in order.
 */
class ListManyTest {
    private static final int USERS = 40;
    private static final int ACCOUNTS = 24;

    @TempDir
    Path home;
    Nsc nsc;

    @BeforeEach
    void store() {
        nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        for (int i = 1; i < ACCOUNTS; i++) {
            nsc.ok("add", "account", String.format("B%02d", i));
        }
        nsc.ok("add", "account", "A");
        for (int i = 1; i <= USERS; i++) {
            nsc.ok("add", "user", String.format("U%02d", i));
        }
    }

    private String pub(Path jwt) {
        return Jwt.decode(Nsc.read(jwt)).claims().subject();
    }

    /** The JWT with another token's signature: it no longer verifies. */
    private static void resign(Path jwt, Path other) throws Exception {
        String t = Nsc.read(jwt).trim();
        String o = Nsc.read(other).trim();
        Files.writeString(jwt, t.substring(0, t.lastIndexOf('.')) + o.substring(o.lastIndexOf('.')));
    }

    private static List<String> rows(String table) {
        List<String> out = new ArrayList<>();
        for (String line : table.split("\n")) {
            if (line.startsWith("│ ") && !line.startsWith("│ Name ") && !line.contains("  Users  ")
                    && !line.contains("  Accounts  ")) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void usersInOrderWithBrokenOnesInPlace() throws Exception {
        Path u07 = nsc.userJwt("O", "A", "U07");
        Path u31 = nsc.userJwt("O", "A", "U31");
        resign(u07, nsc.userJwt("O", "A", "U08"));
        Files.writeString(u31, "not a token");
        String iss = pub(nsc.accountJwt("O", "A"));
        List<String> rows = rows(nsc.ok("list", "users").err());
        assertEquals(USERS, rows.size(), String.join("\n", rows));
        for (int i = 1; i <= USERS; i++) {
            String name = String.format("U%02d", i);
            String row = rows.get(i - 1);
            assertTrue(row.startsWith("│ " + name + " "), row);
            if (i == 7) {
                assertTrue(row.contains("│ error loading jwt - cannot load user \"U07\" from " + u07
                        + ": JWT signature verification failed: the token was altered or not signed by " + iss), row);
            } else if (i == 31) {
                assertTrue(row.contains("│ error loading jwt - cannot load user \"U31\" from " + u31
                        + ": not a JWT: expected 3 chunks separated by '.', found 1"), row);
            } else {
                assertTrue(row.contains("│ " + pub(nsc.userJwt("O", "A", name)) + " "), row);
            }
        }
    }

    @Test
    void accountsInOrderWithABrokenOneInPlace() throws Exception {
        Path b05 = nsc.accountJwt("O", "B05");
        resign(b05, nsc.accountJwt("O", "B06"));
        List<String> rows = rows(nsc.ok("list", "accounts").err());
        assertEquals(ACCOUNTS, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(0).startsWith("│ A ") && rows.get(0).contains("│ " + pub(nsc.accountJwt("O", "A")) + " "),
                rows.get(0));
        for (int i = 1; i < ACCOUNTS; i++) {
            String name = String.format("B%02d", i);
            String row = rows.get(i);
            assertTrue(row.startsWith("│ " + name + " "), row);
            assertTrue(i == 5 ? row.contains("error loading jwt - cannot load account \"B05\" from " + b05
                    + ": JWT signature verification failed") : row.contains(pub(nsc.accountJwt("O", name))), row);
        }
    }

    /** Each account's JWT is read once, without a check first: what is no account folder still has no row. */
    @Test
    void accountsListOnlyFoldersWithTheirJwt() throws Exception {
        Path accounts = nsc.accountJwt("O", "A").getParent().getParent();
        Files.createDirectories(accounts.resolve("EMPTY"));
        Files.writeString(accounts.resolve("STRAY"), "a file, not a folder");
        Files.createDirectories(accounts.resolve("ODD").resolve("ODD.jwt"));
        Files.createDirectories(accounts.resolve(".HIDDEN"));
        Files.copy(nsc.accountJwt("O", "B01"), accounts.resolve(".HIDDEN").resolve(".HIDDEN.jwt"));
        List<String> rows = rows(nsc.ok("list", "accounts").err());
        assertEquals(ACCOUNTS, rows.size(), String.join("\n", rows));
        for (String row : rows) {
            assertTrue(row.matches("│ (A|B\\d\\d) .*"), row);
        }
        assertEquals(ACCOUNTS, ((List<?>) dev.jnsc.jwt.Json.parse(nsc.ok("list", "accounts", "--json").out())).size(),
                "the same in JSON");
    }

    /**
     * With the file of signatures found valid (as the launcher gives it), a JWT listed before and
     * altered since is still flagged: its entry matches only the exact bytes that verified.
     */
    @Test
    void aJwtAlteredAfterItsSignatureWasRememberedIsStillFlagged() throws Exception {
        Path remembered = home.resolve("verified-signatures");
        try {
            dev.jnsc.nkeys.VerifiedSignatures.useFile(remembered);
            nsc.ok("list", "accounts");
            nsc.ok("list", "users");
            dev.jnsc.nkeys.VerifiedSignatures.save();
            assertTrue(Files.size(remembered) > 64L * ACCOUNTS, "recorded");
            dev.jnsc.nkeys.VerifiedSignatures.useFile(remembered); // as the next process
            Path b05 = nsc.accountJwt("O", "B05");
            resign(b05, nsc.accountJwt("O", "B06"));
            Path u09 = nsc.userJwt("O", "A", "U09");
            String t = Nsc.read(u09).trim();
            int dot = t.indexOf('.');
            String payload = new String(java.util.Base64.getUrlDecoder().decode(t.substring(dot + 1, t.lastIndexOf('.'))),
                    java.nio.charset.StandardCharsets.UTF_8).replace("\"name\":\"U09\"", "\"name\":\"U10\"");
            Files.writeString(u09, t.substring(0, dot + 1) + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + t.substring(t.lastIndexOf('.')));
            List<String> accounts = rows(nsc.ok("list", "accounts").err());
            assertTrue(accounts.get(5).contains("error loading jwt - cannot load account \"B05\" from " + b05
                    + ": JWT signature verification failed"), accounts.get(5));
            assertTrue(accounts.get(6).contains(pub(nsc.accountJwt("O", "B06"))), accounts.get(6));
            List<String> users = rows(nsc.ok("list", "users").err());
            assertTrue(users.get(8).contains("error loading jwt - cannot load user \"U09\" from " + u09
                    + ": JWT signature verification failed"), users.get(8));
            assertTrue(users.get(9).contains(pub(nsc.userJwt("O", "A", "U10"))), users.get(9));
        } finally {
            dev.jnsc.nkeys.VerifiedSignatures.useFile(null);
        }
    }

    /** The keys come out in the store's order with each seed's state, a seed of another key marked BAD. */
    @Test
    void keysInOrder() throws Exception {
        String u05 = pub(nsc.userJwt("O", "A", "U05"));
        String u06 = pub(nsc.userJwt("O", "A", "U06"));
        Files.writeString(nsc.keyFile(u05), Nsc.read(nsc.keyFile(u06)));
        Files.delete(nsc.keyFile(pub(nsc.accountJwt("O", "B03"))));
        List<String> rows = new ArrayList<>();
        for (String line : nsc.ok("list", "keys", "-A").out().split("\n")) {
            if (line.startsWith("│ ") && !line.startsWith("│ Entity ") && !line.contains("  Keys  ")) {
                rows.add(line);
            }
        }
        assertEquals(1 + ACCOUNTS + USERS, rows.size());
        assertTrue(rows.get(0).startsWith("│ O "), rows.get(0));
        assertTrue(rows.get(1).startsWith("│  A "), rows.get(1));
        for (int i = 1; i <= USERS; i++) {
            String name = String.format("U%02d", i);
            String row = rows.get(1 + i);
            assertTrue(row.startsWith("│   " + name + " ") && row.contains(pub(nsc.userJwt("O", "A", name))), row);
            assertTrue(row.endsWith(i == 5 ? "│ BAD    │" : "│ *      │"), row);
        }
        for (int i = 1; i < ACCOUNTS; i++) {
            String row = rows.get(1 + USERS + i);
            assertTrue(row.startsWith(String.format("│  B%02d ", i)), row);
            assertTrue(row.endsWith(i == 3 ? "│        │" : "│ *      │"), row);
        }
    }

    /** A broken JWT fails list keys with the first failure a walk in order meets, the user's before a later account's. */
    @Test
    void keysFailAtTheFirstBrokenJwtInOrder() throws Exception {
        Path u12 = nsc.userJwt("O", "A", "U12");
        String good = Nsc.read(u12);
        resign(u12, nsc.userJwt("O", "A", "U13"));
        resign(nsc.accountJwt("O", "B20"), nsc.accountJwt("O", "B21"));
        fails(nsc, "cannot load user \"U12\"", "list", "keys", "-A");
        Files.writeString(u12, good);
        fails(nsc, "cannot load account \"B20\"", "list", "keys", "-A");
    }
}
