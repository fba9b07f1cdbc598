package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Pty;
import dev.jnsc.testing.Executable;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nsc shell in the built executable: lines piped into it (no terminal), and on a pseudo terminal
 * (util-linux script), where JLine's exec provider must be in the shaded jar for the prompt and Tab.
 */
class ShellIT {
    @TempDir
    Path home;
    Nsc nsc;

    @BeforeEach
    void store() {
        nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "account", "Bravo");
    }

    @Test
    void linesPipedIntoTheExecutableRunQuietlyAndGoOnAfterAFailure() throws Exception {
        Path input = home.resolve("input.txt");
        Files.writeString(input, "nosuch\nadd user u1\ndescribe user u1 --field name\n");
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(Executable.path().toString(), "shell").directory(home.toFile())
                .redirectInput(input.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(Nsc.homeEnv(home));
        pb.environment().put("JNSC_CDS", "0");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String o = Files.readString(out);
        String e = Files.readString(err);
        assertEquals(0, p.exitValue(), o + e);
        assertTrue(e.startsWith("Error: unknown command \"nosuch\""), e);
        assertTrue(o.contains("[ OK ] added user \"u1\"") && o.contains("\"u1\""), o);
        assertFalse(o.contains("nsc O/"), "no prompt without a terminal: " + o);
        assertFalse(Files.exists(home.resolve(".nsc/shell_history")), "no history without a terminal");
    }

    @Test
    void onATerminalItPromptsCompletesAndKeepsAHistory() throws Exception {
        // typed ahead: the terminal delivers each line, Tab included, once JLine reads it
        Pty.Result res = Pty.run(home, "shell", "select account A\ndescribe account -n Bra\t --field name\nexit\n");
        String screen = res.screen();
        assertEquals(0, res.code(), screen);
        assertTrue(screen.contains("nsc O/Bravo> select account A"), screen);
        assertTrue(screen.contains("nsc O/A> describe account -n Bravo"), "Tab completed the name: " + screen);
        assertTrue(screen.contains("\"Bravo\""), screen);
        Path history = home.resolve(".nsc/shell_history");
        assertEquals("rw-------", Nsc.mode(history));
        assertTrue(Files.readString(history).contains("select account A"));
    }
}
