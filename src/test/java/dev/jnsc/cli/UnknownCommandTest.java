package dev.jnsc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnsc.testing.Nsc;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistyped command: cobra's "Did you mean this?" suggestions, its text and exit code 1, nothing written. */
class UnknownCommandTest {
    @TempDir
    Path home;
    Nsc nsc;

    @BeforeEach
    void store() {
        nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
    }

    private void unknown(String expectedErr, String... args) {
        Map<String, String> before = nsc.snapshot();
        Nsc.Result r = nsc.run(args);
        assertEquals(1, r.code(), r::toString);
        assertEquals(expectedErr, r.err(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(before, nsc.snapshot(), "nothing written");
    }

    @Test
    void theRootSuggestsItsNearestVisibleCommandsAsTheGoNscDoes() {
        // texts and exit code as the Go nsc 2.11.1 prints them (DifferentialUnknownCommandIT compares)
        unknown("Error: unknown command \"ad\" for \"nsc\"\n\nDid you mean this?\n\tadd\n\tload\n\nRun 'nsc --help' for usage.\n",
                "ad");
        // pub is near too, but hidden at the top level (its tool form is listed): not suggested
        unknown("Error: unknown command \"pu\" for \"nsc\"\n\nDid you mean this?\n\tpull\n\tpush\n\nRun 'nsc --help' for usage.\n",
                "pu");
        unknown("Error: unknown command \"describ\" for \"nsc\"\n\nDid you mean this?\n\tdescribe\n\nRun 'nsc --help' for usage.\n",
                "describ");
        // a prefix, however far; letter case aside
        unknown("Error: unknown command \"GENER\" for \"nsc\"\n\nDid you mean this?\n\tgenerate\n\nRun 'nsc --help' for usage.\n",
                "GENER");
        unknown("Error: unknown command \"gen\" for \"nsc\"\n\nDid you mean this?\n\tenv\n\tgenerate\n\nRun 'nsc --help' for"
                + " usage.\n", "gen");
        unknown("Error: unknown command \"xyz\" for \"nsc\"\nRun 'nsc --help' for usage.\n", "xyz");
        // the word is quoted as Go's %q quotes it; flags after it do not matter
        unknown("Error: unknown command \"zz\\tz\" for \"nsc\"\nRun 'nsc --help' for usage.\n", "zz\tz", "--bogus");
        unknown("Error: unknown command \"ad\" for \"nsc\"\n\nDid you mean this?\n\tadd\n\tload\n\nRun 'nsc --help' for usage.\n",
                "--data-dir", home.resolve("s").toString(), "ad", "--help");
    }

    @Test
    void aGroupSuggestsItsCommandsToo() {
        // the Go nsc prints the group's help and exits 0 here; jnsc refuses the word as at the root
        unknown("Error: unknown command \"usr\" for \"nsc add\"\n\nDid you mean this?\n\tuser\n\nRun 'nsc add --help' for usage.\n",
                "add", "usr");
        unknown("Error: unknown command \"acounts\" for \"nsc list\"\n\nDid you mean this?\n\taccounts\n\nRun 'nsc list --help' for"
                + " usage.\n", "list", "acounts");
        unknown("Error: unknown command \"pbu\" for \"nsc tool\"\n\nDid you mean this?\n\tpub\n\nRun 'nsc tool --help' for"
                + " usage.\n", "tool", "pbu");
        unknown("Error: unknown command \"tcsh\" for \"nsc completion\"\n\nDid you mean this?\n\tbash\n\tfish\n\tzsh\n\n"
                + "Run 'nsc completion --help' for usage.\n", "completion", "tcsh");
        unknown("Error: unknown command \"nosuch\" for \"nsc describe\"\nRun 'nsc describe --help' for usage.\n",
                "describe", "nosuch");
    }

    @Test
    void cobrasDistanceAndPrefixRules() {
        assertEquals(0, UnknownCommandException.distance("add", "add"));
        assertEquals(1, UnknownCommandException.distance("ad", "add"));
        assertEquals(2, UnknownCommandException.distance("ad", "load"));
        assertEquals(3, UnknownCommandException.distance("kitten", "sitting"));
        assertEquals(4, UnknownCommandException.distance("", "push"));
        List<String> names = List.of("push", "pull", "pub", "edit", "env");
        assertEquals(List.of("pub", "pull", "push"), UnknownCommandException.suggestions("pu", names, false));
        assertEquals(List.of("pull", "push"), UnknownCommandException.suggestions("pu", names, true));
        assertEquals(List.of("edit", "env"), UnknownCommandException.suggestions("ed", names, true));
        assertEquals(List.of(), UnknownCommandException.suggestions("zzzz", names, true));
    }

    /** The root's hidden commands, as the suggestions know them, are those its help leaves out. */
    @Test
    void theHiddenRootCommandsAreThoseTheHelpLeavesOut() {
        String help = nsc.ok("--help").out();
        java.util.Set<String> listed = new java.util.TreeSet<>();
        for (String line : help.substring(help.indexOf("Commands:")).split("\n")) {
            if (line.matches("  [a-z].*")) {
                listed.add(line.trim().split("[ ,]")[0]);
            }
        }
        for (String hidden : UnknownCommandException.HIDDEN_AT_ROOT) {
            assertEquals(false, listed.contains(hidden), hidden + " is listed in\n" + help);
            assertEquals(0, nsc.run(hidden, "--help").code(), hidden + " exists");
        }
        assertEquals(true, listed.containsAll(List.of("add", "load", "pull", "push", "tool", "account-server")), listed::toString);
    }
}
