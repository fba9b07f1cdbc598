package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the last file of a command cannot be written, the keys and JWTs written before it go too. */
class NothingHalfWrittenTest {
    @TempDir
    Path home;

    @Test
    void addUserLeavesNoOrphanKeyWhenTheCredsCannotBeWritten() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        // a plain file where the creds folder of account A must go
        Path credsDir = nsc.keystore().resolve("creds/O/B");
        nsc.ok("add", "account", "B");
        Files.createDirectories(credsDir.getParent());
        Files.writeString(credsDir, "not a folder");
        long keysBefore;
        try (var s = Files.walk(nsc.keystore().resolve("keys"))) {
            keysBefore = s.count();
        }
        fails(nsc, "not a folder", "add", "user", "V", "-a", "B");
        try (var s = Files.walk(nsc.keystore().resolve("keys"))) {
            assertEquals(keysBefore, s.count(), "no orphan key");
        }
    }

    @Test
    void addOperatorLeavesNothingWhenTheStoreCannotBeWritten() throws Exception {
        Nsc nsc = new Nsc(home);
        Files.createDirectories(nsc.stores());
        Files.writeString(nsc.stores().resolve("O"), "a file named like the operator folder");
        fails(nsc, "not a folder", "add", "operator", "O");
    }
}
