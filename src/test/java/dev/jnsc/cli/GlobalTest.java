package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalTest {
    @TempDir
    Path home;

    @Test
    void dirFlagsBeforeOrAfterTheCommand() {
        Nsc nsc = new Nsc(home).env("NSC_HOME", null).env("NKEYS_PATH", null);
        Path d = home.resolve("data");
        Path k = home.resolve("keys");
        Path c = home.resolve("cfg");
        nsc.ok("--data-dir", d.toString(), "--keystore-dir", k.toString(), "--config-dir", c.toString(), "add",
                "operator", "O");
        assertTrue(Files.isRegularFile(d.resolve("O/O.jwt")));
        assertTrue(Files.isDirectory(k.resolve("keys/O")));
        assertTrue(Files.isRegularFile(c.resolve("nsc.json")));
        nsc.ok("add", "account", "A", "--data-dir", d.toString(), "--keystore-dir", k.toString(), "--config-dir",
                c.toString());
        assertTrue(Files.isRegularFile(d.resolve("O/accounts/A/A.jwt")));
        nsc.ok("-H", home.resolve("all").toString(), "add", "operator", "P");
        assertTrue(Files.isRegularFile(home.resolve("all/P/P.jwt")));
        assertTrue(Files.isRegularFile(home.resolve("all/nsc.json")));
        assertTrue(Files.isDirectory(home.resolve("all/keys/O")));
        assertFalse(Files.exists(home.resolve(".nsc")), "nothing went to the defaults");
    }

    @Test
    void allDirsWinsOverTheOtherFolderFlagsAsInGo() {
        Nsc nsc = new Nsc(home).env("NSC_HOME", null).env("NKEYS_PATH", null);
        Path all = home.resolve("all");
        nsc.ok("--config-dir", home.resolve("cfg").toString(), "--data-dir", home.resolve("data").toString(),
                "add", "operator", "O", "--keystore-dir", home.resolve("keys").toString(), "-H", all.toString());
        assertTrue(Files.isRegularFile(all.resolve("O/O.jwt")));
        assertTrue(Files.isRegularFile(all.resolve("nsc.json")));
        assertTrue(Files.isDirectory(all.resolve("keys/O")));
        assertFalse(Files.exists(home.resolve("cfg")));
        assertFalse(Files.exists(home.resolve("data")));
        assertFalse(Files.exists(home.resolve("keys")));
    }

    @Test
    void defaultsWithoutVariables() {
        Nsc nsc = new Nsc(home).env("NSC_HOME", null).env("NKEYS_PATH", null);
        Nsc.Result r = nsc.ok("add", "operator", "O");
        assertTrue(Files.isRegularFile(home.resolve(".nsc/nats/O/O.jwt")), r.toString());
        assertTrue(Files.isDirectory(home.resolve(".nkeys/keys/O")));
        assertTrue(Files.isRegularFile(home.resolve(".nsc/nsc.json")));
    }

    @Test
    void existingXdgFoldersOfTheGoNscAreUsed() throws Exception {
        Nsc nsc = new Nsc(home).env("NSC_HOME", null).env("NKEYS_PATH", null);
        Path xdgData = home.resolve("xdg-data/nats/nsc");
        Files.createDirectories(xdgData.resolve("stores"));
        Files.createDirectories(xdgData.resolve("keys"));
        Files.createDirectories(home.resolve("xdg-config/nats/nsc"));
        Files.writeString(home.resolve("xdg-config/nats/nsc/nsc.json"), "{\"store_root\":\"" + xdgData.resolve("stores")
                + "\",\"operator\":\"\",\"account\":\"\",\"github_updates\":\"nats-io/nsc\",\"last_update\":1}");
        nsc.ok("add", "operator", "O");
        assertTrue(Files.isRegularFile(xdgData.resolve("stores/O/O.jwt")));
        assertTrue(Files.isDirectory(xdgData.resolve("keys/keys/O")));
        String ctx = Nsc.read(home.resolve("xdg-config/nats/nsc/nsc.json"));
        assertTrue(ctx.contains("\"operator\":\"O\"") && ctx.contains("\"github_updates\":\"nats-io/nsc\""), ctx);
    }

    @Test
    void versionHelpAndUsageErrors() {
        Nsc nsc = new Nsc(home);
        Nsc.Result v = nsc.ok("--version");
        assertTrue(v.out().startsWith("nsc version "), v.out());
        assertEquals(v.out(), nsc.ok("add", "operator", "--version").out());
        assertTrue(nsc.ok("--help").out().contains("Usage: nsc"));
        assertTrue(nsc.ok("add", "-h").out().contains("operator"));
        assertTrue(nsc.ok("describe").out().contains("Usage: nsc describe"));
        usage(nsc, "Unknown option: '--bogus'", "add", "operator", "O", "--bogus");
        Nsc.Result unknown = nsc.run("frobnicate");
        assertEquals(1, unknown.code(), unknown::toString);
        assertEquals("Error: unknown command \"frobnicate\" for \"nsc\"\nRun 'nsc --help' for usage.\n", unknown.err());
        usage(nsc, "Missing required parameter", "select", "operator");
    }

    @Test
    void verboseShowsTheStackTrace() {
        Nsc nsc = new Nsc(home);
        Nsc.Result r = nsc.run("describe", "operator", "--verbose");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("Error: no operator found"), r.err());
        assertTrue(r.err().contains("\tat dev.jnsc."), r.err());
    }

    /** As with the Go nsc's flags, an optional value follows "=" only; a separate one is refused, not guessed. */
    @Test
    void optionalValuesOnlyAfterEquals() {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        usage(nsc, "--allow-pub-response takes a value only after \"=\" (--allow-pub-response=3); \"3\" would be read as an"
                + " argument", "add", "user", "-n", "U", "--allow-pub-response", "3");
        usage(nsc, "--bearer takes a value only after \"=\" (--bearer=false)", "add", "user", "U", "--bearer", "false");
        nsc.ok("add", "user", "U", "--allow-pub-response", "--bearer");
        assertTrue(nsc.ok("describe", "user", "U", "--json").out().contains("\"max\": 1"));
        nsc.ok("edit", "user", "U", "--allow-pub-response=3", "--bearer=false");
        String json = nsc.ok("describe", "user", "U", "--json").out();
        assertTrue(json.contains("\"max\": 3") && !json.contains("bearer_token"), json);
        nsc.ok("edit", "user", "U", "--bearer", "--tag", "t");
        assertTrue(nsc.ok("describe", "user", "U", "--json").out().contains("\"bearer_token\": true"));
    }

    /**
     * -i asks at a terminal: without one (the harness's streams are not) it is a usage error that
     * changes nothing, never a run without asking. The questions are tested through a terminal
     * emulation (AddAccountPromptTest and the other *PromptTest classes).
     */
    @Test
    void interactiveWithoutATerminalIsAUsageError() {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        usage(nsc, "-i/--interactive needs a terminal", "add", "account", "A", "-i");
        usage(nsc, "-i/--interactive needs a terminal", "--interactive", "edit", "operator", "--tag", "t");
    }
}
