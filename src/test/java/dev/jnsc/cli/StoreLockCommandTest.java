package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.fs.Journal;
import dev.jnsc.fs.StoreLock;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands that write take the store lock; readers do not; the next writer recovers a crash. */
class StoreLockCommandTest {
    @TempDir
    Path home;

    private StoreLock hold(Nsc nsc) throws StoreLock.Timeout {
        return StoreLock.acquire(List.of(nsc.stores(), nsc.keystore()), Duration.ZERO, f -> { });
    }

    @Test
    void aWriterGivesUpAfterItsLockTimeoutAndChangesNothing() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        try (StoreLock held = hold(nsc)) {
            // locks are taken in the order of their paths: ~/.nkeys before ~/.nsc/nats
            fails(nsc, "gave up waiting for the store lock after 200ms: another nsc command holds the lock "
                    + nsc.keystore().resolve(StoreLock.FILE) + " - try again, or allow longer with --lock-timeout", "add", "account", "B", "--lock-timeout", "200ms");
            fails(nsc, "gave up waiting for the store lock after 0s", "--lock-timeout", "0", "edit", "user", "U",
                    "--allow-pub", "x");
        }
        nsc.ok("add", "account", "B");
    }

    @Test
    void readersDoNotWaitForTheLock() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        try (StoreLock held = hold(nsc)) {
            long t0 = System.nanoTime();
            nsc.ok("describe", "user", "U");
            nsc.ok("list", "keys", "--all");
            nsc.ok("generate", "creds", "-n", "U");
            nsc.ok("env");
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos());
        }
    }

    @Test
    void aWaitingWriterSaysSoAndGoesOnWhenTheLockIsFree() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        StoreLock held = hold(nsc);
        Nsc.Running add = nsc.start("add", "user", "W", "--lock-timeout", "20s");
        Thread.sleep(1300);
        held.close();
        Nsc.Result r = add.result(Duration.ofSeconds(20));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().startsWith("[WARN] waiting for another nsc command to finish (lock "
                + nsc.keystore().resolve(StoreLock.FILE) + ")\n"), r.err());
        assertTrue(Files.exists(nsc.userJwt("O", "A", "W")));
    }

    @Test
    void badLockTimeoutsAreUsageErrors() {
        Nsc nsc = new Nsc(home).tutorial();
        usage(nsc, "--lock-timeout \"soon\" is not a valid duration", "add", "account", "B", "--lock-timeout", "soon");
        usage(nsc, "--lock-timeout \"-1s\" is not a valid duration", "add", "account", "B", "--lock-timeout=-1s");
    }

    @Test
    void aFailedCommandInAFreshHomeLeavesNoLockFileOrFolder() {
        Nsc nsc = new Nsc(home);
        fails(nsc, "no operator found", "add", "account", "A");
        assertFalse(Files.exists(nsc.stores()));
        assertFalse(Files.exists(nsc.keystore()));
    }

    @Test
    void onlyTheEmptyLockFilesStayAfterACommand() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        for (Path dir : List.of(nsc.stores(), nsc.keystore())) {
            try (var s = Files.list(dir)) {
                assertEquals(List.of(dir.resolve(StoreLock.FILE)),
                        s.filter(p -> p.getFileName().toString().startsWith(".jnsc")).toList(), dir.toString());
            }
            assertEquals(0, Files.size(dir.resolve(StoreLock.FILE)));
        }
    }

    @Test
    void theNextWriterUndoesAnInterruptedCommand() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        Path users = nsc.userJwt("O", "A", "U").getParent();
        Path temp = users.resolve(".X.jwt.tmp");
        Files.writeString(temp, "half a JWT");
        Path newDir = nsc.keystore().resolve("keys/U/ZZ");
        Files.createDirectories(newDir);
        Files.writeString(nsc.stores().resolve(Journal.FILE), "jnsc journal 1\nprepared\nmkdir " + newDir + "\nwrite "
                + users.resolve("X.jwt") + " " + temp + "\nend\n");
        // a reader neither waits nor recovers
        nsc.ok("describe", "operator");
        assertTrue(Files.exists(temp));
        Nsc.Result r = nsc.ok("add", "account", "B");
        assertTrue(r.err().startsWith("[WARN] undid the unfinished changes of an interrupted nsc command (1 file)\n"), r.err());
        assertFalse(Files.exists(temp));
        assertFalse(Files.exists(newDir));
        assertFalse(Files.exists(users.resolve("X.jwt")));
        assertFalse(Files.exists(nsc.stores().resolve(Journal.FILE)));
    }

    @Test
    void theNextWriterFinishesACommittedCommand() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        Path jwt = nsc.userJwt("O", "A", "U");
        String token = Nsc.read(jwt);
        Path target = jwt.resolveSibling("U2.jwt");
        Path temp = jwt.resolveSibling(".U2.jwt.tmp");
        Files.writeString(temp, token);
        Files.writeString(nsc.stores().resolve(Journal.FILE), "jnsc journal 1\ncommitted\nwrite " + target + " " + temp
                + "\ndelete " + jwt + "\nend\n");
        Nsc.Result r = nsc.ok("select", "account", "A");
        assertTrue(r.err().contains("[WARN] finished the changes of an interrupted nsc command (2 files)"), r.err());
        assertEquals(token, Nsc.read(target));
        assertFalse(Files.exists(jwt));
        assertFalse(Files.exists(temp));
    }
}
