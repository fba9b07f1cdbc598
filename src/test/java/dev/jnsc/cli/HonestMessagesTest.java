package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.testing.Nsc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery from a broken store, and messages that say what really happened. */
class HonestMessagesTest {
    @TempDir
    Path home;
    @TempDir
    Path elsewhere;
    Nsc nsc;

    @BeforeEach
    void store() {
        nsc = new Nsc(home).tutorial();
    }

    private AccountClaims account(String name) {
        return Jwt.decode(Nsc.read(nsc.accountJwt("O", name))).as(AccountClaims.class, "an account");
    }

    private UserClaims user(String account, String name) {
        return Jwt.decode(Nsc.read(nsc.userJwt("O", account, name))).as(UserClaims.class, "a user");
    }

    /** Account B with a signing key, user B1 signed by the identity key, B2 by the signing key. */
    private void accountB() {
        nsc.ok("add", "account", "B");
        nsc.ok("edit", "account", "B", "--sk", "generate");
        AccountClaims b = account("B");
        nsc.ok("add", "user", "-a", "B", "B1", "-K", b.subject());
        nsc.ok("add", "user", "-a", "B", "B2", "-K", b.signingKeys().get(0).key());
    }

    @Test
    void deleteAccountWithAGarbageJwt() throws IOException {
        accountB();
        AccountClaims b = account("B");
        String sk = b.signingKeys().get(0).key();
        String b1 = user("B", "B1").subject();
        String b2 = user("B", "B2").subject();
        Files.writeString(nsc.accountJwt("O", "B"), "garbage\n");

        Nsc.Result r = nsc.ok("delete", "account", "B", "--rm-creds", "--rm-nkey");
        assertTrue(r.out().startsWith("[WARN] the JWT of account \"B\" could not be read (cannot load account \"B\" from "),
                r.out());
        assertTrue(r.out().contains("); deleting it anyway\n"), r.out());
        assertTrue(r.out().contains("[ OK ] deleted private key \"" + b.subject() + "\""), r.out());
        assertTrue(r.out().contains("[ OK ] deleted signing key \"" + sk + "\""), r.out());
        assertTrue(r.out().contains("[ OK ] deleted account\n[ OK ] deleted account directory\n"), r.out());
        assertTrue(r.out().endsWith("\"nsc push --prune\" (or \"nsc push -R <account public key>\") removes it from servers"
                + " with a nats resolver that allows deletes\n"), r.out());
        assertFalse(r.out().contains("expired account"), "a JWT that cannot be read is not re-signed: " + r.out());
        assertFalse(Files.exists(nsc.accountJwt("O", "B").getParent()));
        for (String key : new String[] {b.subject(), sk, b1, b2}) {
            assertFalse(Files.exists(nsc.keyFile(key)), key);
        }
        assertFalse(Files.exists(nsc.creds("O", "B", "B1")));
        assertFalse(Files.exists(nsc.creds("O", "B", "B2").getParent()));
        // the other account is untouched
        assertTrue(Files.isRegularFile(nsc.accountJwt("O", "A")));
        assertTrue(Files.isRegularFile(nsc.keyFile(account("A").subject())));
        assertTrue(Files.isRegularFile(nsc.creds("O", "A", "U")));
    }

    @Test
    void deleteAccountWithATruncatedJwtKeepsSeedsWithoutRmNkey() throws IOException {
        accountB();
        AccountClaims b = account("B");
        String jwt = Nsc.read(nsc.accountJwt("O", "B"));
        Files.writeString(nsc.accountJwt("O", "B"), jwt.substring(0, jwt.length() / 2));

        Nsc.Result r = nsc.ok("delete", "account", "B");
        assertTrue(r.out().startsWith("[WARN] the JWT of account \"B\" could not be read"), r.out());
        assertFalse(Files.exists(nsc.accountJwt("O", "B").getParent()));
        assertTrue(Files.isRegularFile(nsc.keyFile(b.subject())));
        assertTrue(Files.isRegularFile(nsc.creds("O", "B", "B1")));
    }

    @Test
    void deleteAccountWhoseJwtIsOfAnotherKind() throws IOException {
        accountB();
        Files.copy(nsc.userJwt("O", "A", "U"), nsc.accountJwt("O", "B"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Nsc.Result r = nsc.ok("delete", "account", "-n", "B", "-C");
        assertTrue(r.out().startsWith("[WARN] the JWT of account \"B\" could not be read (expected an account JWT, found a"
                + " JWT of type \"user\"); deleting it anyway\n"), r.out());
        assertFalse(Files.exists(nsc.accountJwt("O", "B").getParent()));
        assertFalse(Files.exists(nsc.creds("O", "B", "B1")));
    }

    @Test
    void aKeyLearntFromAUserJwtIsKeptWhenAnotherAccountUsesIt() throws IOException {
        nsc.ok("add", "account", "B");
        String a = account("A").subject();
        // a user of A ended up in B's folder, then B's JWT was damaged
        Files.createDirectories(nsc.userJwt("O", "B", "U").getParent());
        Files.copy(nsc.userJwt("O", "A", "U"), nsc.userJwt("O", "B", "U"));
        Files.writeString(nsc.accountJwt("O", "B"), "x.y.z");

        Nsc.Result r = nsc.ok("delete", "account", "B", "-D");
        assertTrue(r.out().contains("[WARN] kept the seed of " + a + ": it is a key of account \"A\"\n"), r.out());
        assertTrue(Files.isRegularFile(nsc.keyFile(a)));
        assertFalse(Files.exists(nsc.accountJwt("O", "B").getParent()));
    }

    @Test
    void editUserWithoutItsSeedSaysTheCredsFileWasNotUpdated() throws IOException {
        String pub = user("A", "U").subject();
        Path seed = nsc.keyFile(pub);
        Path moved = elsewhere.resolve("seed.nk");
        Files.move(seed, moved);
        String creds = Nsc.read(nsc.creds("O", "A", "U"));

        Nsc.Result r = nsc.ok("edit", "user", "U", "--tag", "t1");
        assertEquals("[ OK ] added tag \"t1\"\n"
                + "[WARN] the seed of user \"U\" (" + pub + ") is not in the keystore ~/.nkeys: the creds file"
                + " \"~/.nkeys/creds/O/A/U.creds\" was not updated and still holds the old JWT\n"
                + "[ OK ] edited user \"U\"\n", r.out());
        assertEquals(creds, Nsc.read(nsc.creds("O", "A", "U")));

        Files.delete(nsc.creds("O", "A", "U"));
        r = nsc.ok("edit", "user", "U", "--tag", "t2");
        assertTrue(r.out().contains("[WARN] the seed of user \"U\" (" + pub + ") is not in the keystore ~/.nkeys: no creds"
                + " file was written\n"), r.out());
        assertFalse(Files.exists(nsc.creds("O", "A", "U")));

        Files.move(moved, seed);
        r = nsc.ok("edit", "user", "U", "--tag", "t3");
        assertFalse(r.out().contains("[WARN]"), r.out());
        assertTrue(Files.isRegularFile(nsc.creds("O", "A", "U")));
    }

    @Test
    void describeJwtOfAFolder() throws IOException {
        Path dir = Files.createDirectory(elsewhere.resolve("a-folder"));
        fails(nsc, "file " + dir + " is a folder: expected a file holding a JWT, decorated JWT or creds",
                "describe", "jwt", "-f", dir.toString());
    }

    @Test
    void describeJwtOfDevNull() {
        assumeTrue(Files.exists(Path.of("/dev/null")));
        fails(nsc, "file /dev/null is not a regular file (a device, fifo or socket)", "describe", "jwt", "-f", "/dev/null");
    }

    @Test
    void describeJwtOfAFifoDoesNotHang() throws Exception {
        Path fifo = elsewhere.resolve("a-fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo is needed");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> fails(nsc,
                "file " + fifo + " is not a regular file (a device, fifo or socket)", "describe", "jwt", "-f",
                fifo.toString()));
    }

    @Test
    void describeJwtOfAnEmptyFile() throws IOException {
        Path empty = Files.createFile(elsewhere.resolve("empty.jwt"));
        fails(nsc, "file " + empty + " is empty: expected a JWT, decorated JWT or creds", "describe", "jwt", "-f",
                empty.toString());
    }

    @Test
    void describeJwtOfAnUnreadableFile() throws IOException {
        Path file = elsewhere.resolve("secret.jwt");
        Files.writeString(file, Nsc.read(nsc.accountJwt("O", "A")), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as root: every file is readable");
        fails(nsc, "file " + file + " cannot be read: permission denied", "describe", "jwt", "-f", file.toString());
    }

    @Test
    void describeJwtOfAMissingFile() {
        Path missing = elsewhere.resolve("nope.jwt");
        fails(nsc, "file " + missing + " does not exist", "describe", "jwt", "-f", missing.toString());
    }

    private void unknown(String err, String... args) {
        Nsc.Result r = nsc.run(args);
        assertEquals(1, r.code(), r::toString);
        assertEquals(err, r.err(), r::toString);
        assertEquals("", r.out(), r::toString);
    }

    @Test
    void unknownCommandWithHelpIsRefused() {
        // exit 1 and cobra's text, as the Go nsc at the root (UnknownCommandTest has the suggestions)
        unknown("Error: unknown command \"nosuch\" for \"nsc\"\nRun 'nsc --help' for usage.\n", "nosuch", "--help");
        unknown("Error: unknown command \"nosuch\" for \"nsc add\"\nRun 'nsc add --help' for usage.\n", "add", "nosuch", "--help");
        unknown("Error: unknown command \"nosuch\" for \"nsc edit\"\nRun 'nsc edit --help' for usage.\n", "edit", "-h", "nosuch");
        unknown("Error: unknown command \"nosuch\" for \"nsc describe\"\nRun 'nsc describe --help' for usage.\n", "--data-dir",
                home.toString(), "describe", "nosuch");
        assertTrue(nsc.ok("--help").out().contains("Usage: nsc"));
        assertTrue(nsc.ok("add", "--help").out().contains("Usage: nsc add"));
        assertTrue(nsc.ok("add", "user", "--help").out().contains("Usage: nsc add user"));
    }
}
