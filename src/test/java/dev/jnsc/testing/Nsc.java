package dev.jnsc.testing;

import dev.jnsc.Main;
import dev.jnsc.env.Environment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs nsc commands in-process, through the same factory as the executable, against a throwaway
 * home (NSC_HOME, NKEYS_PATH, HOME and the XDG folders all inside it) with a fixed clock.
 */
public final class Nsc {
    public static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private Path cwd;
    private Instant now = START;

    public Nsc(Path home) {
        this.home = home;
        this.cwd = home;
        env.putAll(homeEnv(home));
    }

    /** The environment of a throwaway home: HOME, NSC_HOME, NKEYS_PATH and the XDG folders inside it. */
    public static Map<String, String> homeEnv(Path home) {
        return Map.of("HOME", home.toString(), "NSC_HOME", home.resolve(".nsc").toString(),
                "NKEYS_PATH", home.resolve(".nkeys").toString(),
                "XDG_CONFIG_HOME", home.resolve("xdg-config").toString(),
                "XDG_DATA_HOME", home.resolve("xdg-data").toString());
    }

    /** The result of one command. */
    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new Environment(env, home, cwd), Clock.fixed(now, ZoneOffset.UTC),
                new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs with {@code stdin} as standard input (nsc batch reads its lines there). */
    public Result runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new Environment(env, home, cwd), Clock.fixed(now, ZoneOffset.UTC),
                new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Starts a command in a background thread (for sub and reply, which run until they are done);
     * its stdout can be read while it runs.
     */
    public Running start(String... args) {
        return start((environment, clock, out, err) -> Main.run(args, environment, clock, out, err), args);
    }

    /**
     * Starts a command whose -i questions are asked on {@code terminal} (see {@link PromptTerminal});
     * its stdout and stderr are captured apart from the terminal's screen.
     */
    public Running startOnTerminal(org.jline.terminal.Terminal terminal, String... args) {
        return start((environment, clock, out, err) -> dev.jnsc.cli.TerminalRun.run(args, environment, clock, terminal,
                out, err), args);
    }

    /** How a started command runs. */
    private interface Runner {
        int run(Environment environment, Clock clock, PrintWriter out, PrintWriter err);
    }

    private Running start(Runner runner, String... args) {
        Environment environment = new Environment(new HashMap<>(env), home, cwd);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        LiveWriter out = new LiveWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Result> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                int code = runner.run(environment, clock, new PrintWriter(out), new PrintWriter(err));
                result.complete(new Result(code, out.toString(), err.toString()));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "nsc " + String.join(" ", args));
        t.setDaemon(true);
        t.start();
        return new Running(String.join(" ", args), out, err, result);
    }

    /** A command started by {@link #start}. */
    public static final class Running {
        private final String command;
        private final LiveWriter out;
        private final StringWriter err;
        private final CompletableFuture<Result> result;

        Running(String command, LiveWriter out, StringWriter err, CompletableFuture<Result> result) {
            this.command = command;
            this.out = out;
            this.err = err;
            this.result = result;
        }

        /** Waits until stdout contains {@code text}; fails the test after {@code timeout} or when the command ends first. */
        public Running awaitOut(String text, Duration timeout) {
            if (!out.await(text, timeout, result)) {
                throw new AssertionError("nsc " + command + " did not print \"" + text + "\" within " + timeout
                        + "\n--- stdout\n" + out + "--- stderr\n" + err + (result.isDone() ? "(ended)" : "(running)"));
            }
            return this;
        }

        /** Waits for the command to end. */
        public Result result(Duration timeout) {
            try {
                return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("nsc " + command + " still running after " + timeout + "\n--- stdout\n" + out
                        + "--- stderr\n" + err);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (ExecutionException e) {
                throw new AssertionError("nsc " + command + " threw", e.getCause());
            }
        }
    }

    /** A writer whose content can be awaited while another thread writes it. */
    private static final class LiveWriter extends Writer {
        private final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void write(char[] cbuf, int off, int len) {
            text.append(cbuf, off, len);
            notifyAll();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        synchronized boolean await(String wanted, Duration timeout, CompletableFuture<?> ended) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (text.indexOf(wanted) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended.isDone()) {
                    return text.indexOf(wanted) >= 0;
                }
                try {
                    // woken by every write; the bounded wait also notices the command ending
                    wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }

        @Override
        public synchronized String toString() {
            return text.toString();
        }
    }

    /** Runs and fails the test unless the command exits 0. */
    public Result ok(String... args) {
        Result r = run(args);
        if (r.code() != 0) {
            throw new AssertionError("nsc " + String.join(" ", args) + " failed:\n" + r);
        }
        return r;
    }

    public Nsc env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public Nsc cwd(Path dir) {
        cwd = dir;
        return this;
    }

    /**
     * Uses the real time from now on: needed when a real nats-server checks expiry times (the
     * short-lived push user, for one) against its own clock.
     */
    public Nsc realClock() {
        now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return this;
    }

    public Nsc advance(Duration d) {
        now = now.plus(d);
        return this;
    }

    public long nowSeconds() {
        return now.getEpochSecond();
    }

    public Path home() {
        return home;
    }

    public Path stores() {
        return home.resolve(".nsc").resolve("nats");
    }

    public Path keystore() {
        return home.resolve(".nkeys");
    }

    public Path operatorJwt(String op) {
        return stores().resolve(op).resolve(op + ".jwt");
    }

    public Path accountJwt(String op, String acc) {
        return stores().resolve(op).resolve("accounts").resolve(acc).resolve(acc + ".jwt");
    }

    public Path userJwt(String op, String acc, String user) {
        return stores().resolve(op).resolve("accounts").resolve(acc).resolve("users").resolve(user + ".jwt");
    }

    public Path creds(String op, String acc, String user) {
        return keystore().resolve("creds").resolve(op).resolve(acc).resolve(user + ".creds");
    }

    public Path keyFile(String publicKey) {
        return keystore().resolve("keys").resolve(publicKey.substring(0, 1)).resolve(publicKey.substring(1, 3))
                .resolve(publicKey + ".nk");
    }

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file and folder under the home, with its content and mode: for "nothing changed" checks. */
    public Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(home)) {
            s.forEach(p -> {
                try {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                    String rel = home.relativize(p).toString();
                    // the store lock files are not content (and opening one would drop a lock this process holds)
                    if (rel.startsWith(".cache") || p.getFileName().toString().equals(dev.jnsc.fs.StoreLock.FILE)) {
                        return;
                    }
                    out.put(rel, mode + (Files.isRegularFile(p) ? " " + new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1) : " dir"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tutorial's first steps: operator O with a service URL, account A, user U. */
    public Nsc tutorial() {
        ok("add", "operator", "O");
        ok("edit", "operator", "--service-url", "nats://localhost:4222");
        ok("add", "account", "A");
        ok("add", "user", "U");
        return this;
    }
}
