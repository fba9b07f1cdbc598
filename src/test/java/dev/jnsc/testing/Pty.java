package dev.jnsc.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built executable on a real pseudo terminal (util-linux {@code script}), with keys typed
 * ahead from a file, in a test home: what a person at a terminal gets, screen and exit code.
 */
public final class Pty {
    private static final Path SCRIPT = Path.of("/usr/bin/script");

    /** What the terminal showed and how the command ended. */
    public record Result(int code, String screen) {
    }

    private Pty() {
    }

    /**
     * Runs {@code nsc <args>} (one shell-quoted string) on a pseudo terminal in {@code home}, the
     * keys in {@code typed} delivered as the command reads them; skips the test without script.
     */
    public static Result run(Path home, String args, String typed) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(SCRIPT), "needs util-linux script for a pseudo terminal");
        Path input = home.resolve("typed.txt");
        Files.writeString(input, typed);
        Path out = home.resolve("screen.txt");
        ProcessBuilder pb = new ProcessBuilder(List.of(SCRIPT.toString(), "-qec", Executable.path() + " " + args,
                "/dev/null")).directory(home.toFile()).redirectInput(input.toFile()).redirectOutput(out.toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(Nsc.homeEnv(home));
        pb.environment().put("JNSC_CDS", "0");
        pb.environment().put("TERM", "xterm");
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("nsc " + args + " did not end within 60 s on the terminal: "
                    + Files.readString(out, StandardCharsets.UTF_8));
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        Files.delete(input);
        Files.delete(out);
        return r;
    }
}
