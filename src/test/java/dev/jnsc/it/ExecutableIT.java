package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Executable;
import dev.jnsc.testing.NatsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of the built executable target/nsc (run by failsafe after packaging). */
class ExecutableIT {
    @TempDir
    Path home;

    record Run(int code, String out, String err) {
    }

    static Path executable() {
        return Executable.path();
    }

    Run run(Path exe, Path cwd, Map<String, String> extraEnv, String... args) throws Exception {
        Executable.Result r = new Executable(exe, home).cwd(cwd).env(extraEnv).run(args);
        return new Run(r.code(), r.out(), r.err());
    }

    @Test
    void versionAndUsageErrors() throws Exception {
        Run v = run(executable(), home, Map.of(), "--version");
        assertEquals(0, v.code(), v.toString());
        assertTrue(v.out().startsWith("nsc version "), v.out());
        Run bad = run(executable(), home, Map.of(), "add", "operator", "--no-such-flag");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().startsWith("Error: Unknown option: '--no-such-flag'"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        Run fail = run(executable(), home, Map.of(), "describe", "operator");
        assertEquals(1, fail.code(), fail.toString());
    }

    /** --json through the real process: the object alone on stdout, the status lines on stderr. */
    @Test
    void jsonResultOnStdout() throws Exception {
        Run op = run(executable(), home, Map.of(), "add", "operator", "O", "--json");
        assertEquals(0, op.code(), op.toString());
        assertEquals(1, op.out().lines().count(), op.toString());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(op.out());
        assertEquals("add operator", json.get("command").asText());
        String jwtPath = json.get("changes").get(1).get("path").asText();
        assertEquals(Files.readString(Path.of(jwtPath)).trim(), json.get("changes").get(1).get("jwt").asText());
        assertTrue(op.err().contains("[ OK ] added operator \"O\""), op.err());
        Run again = run(executable(), home, Map.of(), "add", "operator", "O", "--json");
        assertEquals(1, again.code(), again.toString());
        assertEquals("", again.out());
    }

    @Test
    void tutorialThroughASymlinkFromAnotherFolder() throws Exception {
        Path link = home.resolve("bin/nsc");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, executable());
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        assertEquals(0, run(link, elsewhere, Map.of(), "add", "operator", "O").code());
        assertEquals(0, run(link, elsewhere, Map.of(), "edit", "operator", "--service-url", "nats://localhost:4222").code());
        assertEquals(0, run(link, elsewhere, Map.of(), "add", "account", "A").code());
        Run u = run(link, elsewhere, Map.of(), "add", "user", "U");
        assertEquals(0, u.code(), u.toString());
        assertTrue(u.out().contains("[ OK ] generated user creds file `~/.nkeys/creds/O/A/U.creds`"), u.out());
        Run d = run(link, elsewhere, Map.of(), "describe", "operator");
        assertEquals(0, d.code(), d.toString());
        assertTrue(d.out().contains("│ Operator Service URLs │ nats://localhost:4222"), d.out());
    }

    @Test
    void modesArePrivateWhateverTheUmask() throws Exception {
        for (String umask : List.of("0277", "0000")) {
            Path h = Files.createDirectories(home.resolve("umask" + umask));
            Path wrapper = home.resolve("nsc-umask" + umask);
            Files.writeString(wrapper, "#!/bin/sh\numask " + umask + "\nexec '" + executable() + "' \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Executable exe = new Executable(wrapper, h);
            for (String[] args : new String[][] {{"add", "operator", "O"}, {"add", "account", "A"}, {"add", "user", "U"},
                    {"edit", "user", "U", "--allow-pub", "x"}}) {
                Executable.Result r = exe.run(args);
                assertEquals(0, r.code(), "umask " + umask + ": " + r);
            }
            try (var s = Files.walk(h)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (p.equals(h)) {
                        continue;
                    }
                    String mode = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    assertEquals(Files.isDirectory(p) ? "rwx------" : "rw-------", mode, "umask " + umask + ": " + p);
                }
            }
        }
    }

    @Test
    void findsJavaThroughJavaHome() throws Exception {
        String javaHome = System.getProperty("java.home");
        Run v = run(executable(), home, Map.of("JAVA_HOME", javaHome, "PATH", "/nonexistent"), "--version");
        assertEquals(0, v.code(), v.toString());
        Run none = run(executable(), home, Map.of("JAVA_HOME", "", "PATH", home.toString()), "--version");
        assertEquals(1, none.code(), none.toString());
        assertTrue(none.err().contains("java not found"), none.err());
    }

    @Test
    void classDataSharingArchiveIsMadeAndUsed() throws Exception {
        Map<String, String> cds = Map.of("JNSC_CDS", "1");
        assertEquals(0, run(executable(), home, cds, "add", "operator", "O").code());
        Path cache = home.resolve(".cache/jnsc");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (archives(cache).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        List<Path> jsa = archives(cache);
        assertEquals(1, jsa.size(), "one archive for this executable and JDK");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(jsa.get(0))));
        Run d = run(executable(), home, cds, "describe", "operator");
        assertEquals(0, d.code(), d.toString());
        assertEquals("", d.err(), "no JVM warnings with the archive");
        assertTrue(d.out().contains("Operator Details"));
    }

    @Test
    void toolsLoadJnatsOnlyWhenTheyRun() throws Exception {
        Map<String, String> verbose = Map.of("JNSC_JAVA_OPTS", "-verbose:class");
        for (String[] args : new String[][] {{"--help"}, {"tool", "--help"}, {"pub", "--help"}}) {
            Run r = run(executable(), home, verbose, args);
            assertEquals(0, r.code(), r.toString());
            assertFalse(r.out().contains("io.nats."), "jnats loaded by " + String.join(" ", args));
        }
        run(executable(), home, Map.of(), "add", "operator", "O");
        run(executable(), home, Map.of(), "add", "account", "A");
        run(executable(), home, Map.of(), "add", "user", "U");
        Run pub = run(executable(), home, verbose, "pub", "x", "--nats", "nats://127.0.0.1:" + NatsServer.freePort());
        assertEquals(1, pub.code(), pub.toString());
        assertTrue(pub.out().contains("io.nats.client.Nats "), "the check above can see jnats load");
    }

    @Test
    void subEndsCleanlyOnSigterm() throws Exception {
        assertEquals(0, run(executable(), home, Map.of(), "add", "operator", "O").code());
        assertEquals(0, run(executable(), home, Map.of(), "add", "account", "A").code());
        assertEquals(0, run(executable(), home, Map.of(), "add", "user", "U").code());
        String accJwt = Files.readString(home.resolve(".nsc/nats/O/accounts/A/A.jwt")).trim();
        String accPub = dev.jnsc.jwt.Jwt.decode(accJwt).claims().subject();
        String config = "operator: \"" + home.resolve(".nsc/nats/O/O.jwt") + "\"\nresolver: MEMORY\n"
                + "resolver_preload: {\n  " + accPub + ": \"" + accJwt + "\"\n}\n";
        try (NatsServer server = NatsServer.start(home.resolve("server"), config)) {
            ProcessBuilder pb = new ProcessBuilder(executable().toString(), "sub", "hello", "--nats", server.url())
                    .directory(home.toFile()).redirectError(home.resolve("sub-err.txt").toFile());
            pb.environment().put("HOME", home.toString());
            pb.environment().put("NSC_HOME", home.resolve(".nsc").toString());
            pb.environment().put("NKEYS_PATH", home.resolve(".nkeys").toString());
            pb.environment().put("JNSC_CDS", "0");
            Process sub = pb.start();
            try (java.io.BufferedReader out = new java.io.BufferedReader(
                    new java.io.InputStreamReader(sub.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("Listening on [hello]", out.readLine(), "first line of the running sub");
                assertEquals(0, run(executable(), home, Map.of(), "pub", "hello", "world", "--nats", server.url()).code());
                assertEquals("[#1] received on [hello]: 'world'", out.readLine(), "streamed while running");
                sub.destroy(); // SIGTERM (also closes our end of its pipes)
                assertTrue(sub.waitFor(10, TimeUnit.SECONDS), "sub ends after SIGTERM");
                assertEquals(143, sub.exitValue(), "terminated by SIGTERM");
            } finally {
                sub.destroyForcibly();
            }
            assertEquals("", Files.readString(home.resolve("sub-err.txt")), "nothing on stderr");
        }
    }

    private static List<Path> archives(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (var s = Files.list(cache)) {
            return s.filter(p -> p.toString().endsWith(".jsa")).toList();
        }
    }
}
