package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Differential;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nsc completion through target/nsc and the Go nsc 2.11.1: the same commands and flags accepted
 * with the same exit codes, a script for every shell, and the same answers of the {@code __complete}
 * callback where the two command trees agree. The script texts differ (jnsc's are its own, smaller,
 * and complete store values); the Go nsc's bash script also needs the bash-completion package.
 */
class DifferentialCompletionIT {
    @TempDir
    Path dir;

    private Differential d;

    @BeforeEach
    void reference() {
        d = Differential.orSkip(dir);
    }

    @Test
    void everyShellAndFlagAsTheGoNsc() throws Exception {
        for (String shell : List.of("bash", "zsh", "fish", "powershell")) {
            for (String[] args : List.of(new String[] {"completion", shell}, new String[] {"completion", shell,
                    "--no-descriptions"}, new String[] {"completion", shell, "--help"}, new String[] {"completion", shell, "-h"})) {
                Differential.Step s = d.run(args);
                assertEquals(0, s.go().code(), s.command() + ": " + s.go());
                assertEquals(0, s.java().code(), s.command() + ": " + s.java());
                assertTrue(!s.java().out().isBlank() && s.java().err().isEmpty(), s.command() + ": " + s.java());
            }
            // both scripts register a completion for "nsc" that calls back "<program> __complete"
            Differential.Step s = d.run("completion", shell);
            assertTrue(s.go().out().contains("__complete") && s.java().out().contains("__complete"), shell);
        }
        Differential.Step group = d.run("completion");
        assertEquals(0, group.go().code());
        assertEquals(0, group.java().code());
        for (String shell : List.of("bash", "fish", "powershell", "zsh")) {
            assertTrue(group.go().out().contains("  " + shell) && group.java().out().contains("  " + shell), group.java().out());
        }
        // a word after the shell: the Go nsc exits 1, jnsc 2 as for every usage error (README)
        Differential.Step extra = d.run("completion", "bash", "extra");
        assertEquals(1, extra.go().code());
        assertEquals(2, extra.java().code());
        assertTrue(extra.java().err().startsWith("Error: "), extra.java().toString());
        // (the prefix "cfg/" also covers cfg/nsc.json)
        d.assertOnly(Map.of("only go wrote cfg/", "the Go nsc makes its config folder, nsc.json and the stores"
                + " folder on any command, also one that only prints a script; jnsc writes nothing for it",
                "only go wrote stores/", "(the same)"));
    }

    /** The callback's candidates (descriptions cut) for the words, as one side answers. */
    private static List<String> candidates(String out) {
        return Arrays.stream(out.split("\n")).map(l -> l.replaceAll("\t.*", "")).toList();
    }

    @Test
    void theCallbackAnswersAsTheGoNscWhereTheTreesAgree() throws Exception {
        d.run("add", "operator", "O");
        d.run("add", "account", "A");
        for (String[] words : List.of(new String[] {"add", ""}, new String[] {"add", "us"}, new String[] {"describe", ""},
                new String[] {"delete", ""}, new String[] {"list", ""}, new String[] {"generate", ""},
                new String[] {"completion", ""}, new String[] {"select", ""}, new String[] {"edit", "sig"},
                new String[] {"describe", "jwt", "--f"}, new String[] {"add", "user", "--allow-pubs"})) {
            String[] args = new String[words.length + 1];
            args[0] = "__completeNoDesc";
            System.arraycopy(words, 0, args, 1, words.length);
            Differential.Step s = d.run(args);
            assertEquals(s.go().code(), s.java().code(), s.command());
            assertEquals(candidates(s.go().out()), candidates(s.java().out()), s.command());
        }
        // where jnsc knows more: the Go nsc offers file names (":0") for -a, jnsc the accounts
        Differential.Step account = d.run("__completeNoDesc", "add", "user", "-a", "");
        assertEquals(List.of(":0"), candidates(account.go().out()));
        assertEquals(List.of("A", ":4"), candidates(account.java().out()));
        d.assertOnly(DifferentialIT.identityGaps());
    }
}
