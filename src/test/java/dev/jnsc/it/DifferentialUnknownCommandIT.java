package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Differential;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mistyped command through target/nsc and the Go nsc 2.11.1: at the root both print cobra's
 * "Did you mean this?" suggestions, byte for byte, and exit 1. After a group the Go nsc prints the
 * group's help and exits 0; jnsc refuses the word the same way as at the root (a known difference).
 */
class DifferentialUnknownCommandIT {
    @TempDir
    Path dir;

    @Test
    void mistypedCommandsAtTheRoot() throws Exception {
        Differential d = Differential.orSkip(dir);
        d.run("add", "operator", "O");
        // words whose suggestions do not reach jnsc's own extra commands (account-server, batch)
        for (String[] args : new String[][] {{"ad"}, {"pu"}, {"describ"}, {"xyz"}, {"ed"}, {"gen"}, {"GENER"}, {"ad", "--foo"},
            {"lst", "accounts"}, {"revocation"}}) {
            Differential.Step s = d.run(args);
            String both = s.command() + "\ngo:\n" + s.go() + "\njnsc:\n" + s.java();
            assertEquals(1, s.go().code(), both);
            assertEquals(s.go().code(), s.java().code(), both);
            assertEquals(s.go().err(), s.java().err(), both);
            assertEquals(s.go().out(), s.java().out(), both);
            assertTrue(s.java().err().startsWith("Error: unknown command "), both);
        }
        Differential.Step group = d.run("add", "usr");
        assertTrue(group.go().out().contains("Available Commands:"), group.go()::toString);
        assertEquals("Error: unknown command \"usr\" for \"nsc add\"\n\nDid you mean this?\n\tuser\n\nRun 'nsc add --help' for usage.\n",
                group.java().err());
        d.assertOnly(Map.of("exit code of \"add usr\": go 0, jnsc 1",
                "the Go nsc prints the group's help for an unknown word after a group; jnsc refuses it as at the root"));
    }
}
