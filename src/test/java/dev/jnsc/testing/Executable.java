package dev.jnsc.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built executable target/nsc as separate processes, against the same throwaway home
 * as {@link Nsc} (so a test can set up and check in-process, and run real processes in between).
 */
public final class Executable {
    /** The result of one process. */
    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path exe;
    private final Map<String, String> env = new HashMap<>();
    private Path cwd;

    public Executable(Path home) {
        this(path(), home);
    }

    public Executable(Path exe, Path home) {
        this.exe = exe;
        this.cwd = home;
        env.putAll(Nsc.homeEnv(home));
        env.put("JNSC_CDS", "0");
    }

    /** target/nsc, as failsafe passes it. */
    public static Path path() {
        return Path.of(System.getProperty("jnsc.executable", "target/nsc")).toAbsolutePath();
    }

    public Executable env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    /** More variables; a null value removes the variable (so Differential.env(name, null) unsets it). */
    public Executable env(Map<String, String> more) {
        more.forEach(this::env);
        return this;
    }

    public Executable cwd(Path dir) {
        cwd = dir;
        return this;
    }

    /**
     * Starts faster (about 0.1 s instead of 0.5 s a command) with the class-data sharing archive of
     * this build, kept in target/ for every test that asks; the first caller waits (up to a minute)
     * while the launcher trains it, and without it the commands just run slower.
     */
    public Executable withSharedArchive() throws IOException, InterruptedException {
        Path cache = exe.getParent().resolve("it-cache");
        Files.createDirectories(cache);
        env.put("XDG_CACHE_HOME", cache.toString());
        env.put("JNSC_CDS", "1");
        synchronized (Executable.class) {
            if (!hasArchive(cache.resolve("jnsc"))) {
                run("--version");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!hasArchive(cache.resolve("jnsc")) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
        }
        return this;
    }

    /** Whether an archive made for this build (newer than the executable) is there. */
    private boolean hasArchive(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        java.nio.file.attribute.FileTime built = Files.getLastModifiedTime(exe.toRealPath());
        try (var s = Files.list(dir)) {
            return s.anyMatch(p -> {
                try {
                    return p.toString().endsWith(".jsa") && Files.getLastModifiedTime(p).compareTo(built) > 0;
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    /** Starts a process whose stdout and stderr go to the given files. */
    public Process start(Path out, Path err, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().putAll(env);
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        return pb.start();
    }

    /** Runs a process to its end (at most a minute). */
    public Result run(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("nsc-out", ".txt");
        Path err = Files.createTempFile("nsc-err", ".txt");
        try {
            Process p = start(out, err, args);
            return finish(p, out, err, String.join(" ", args));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Waits (at most a minute) for a process started with {@link #start} and reads its output files. */
    public static Result finish(Process p, Path out, Path err, String what) throws IOException, InterruptedException {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: nsc " + what);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
