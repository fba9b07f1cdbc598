package dev.jnsc.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A real nats-server process on 127.0.0.1 and a free port, for the life of a test. */
public final class NatsServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final List<String> log = new ArrayList<>();

    private NatsServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The nats-server binary: $NATS_SERVER_BIN, /usr/sbin/nats-server, or the PATH. */
    public static Path binary() {
        String env = System.getenv("NATS_SERVER_BIN");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        Path sbin = Path.of("/usr/sbin/nats-server");
        if (Files.isExecutable(sbin)) {
            return sbin;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "nats-server");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException("nats-server not found: install it (apt-get install nats-server) or set NATS_SERVER_BIN");
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a server with {@code config} (without a listen line) and waits until it is ready. */
    public static NatsServer start(Path dir, String config) {
        return start(dir, freePort(), config);
    }

    public static NatsServer start(Path dir, int port, String config) {
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("server-" + port + ".conf");
            Files.writeString(conf, "listen: 127.0.0.1:" + port + "\n" + config);
            Process p = new ProcessBuilder(binary().toString(), "-c", conf.toString()).redirectErrorStream(true).start();
            NatsServer server = new NatsServer(p, port);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (log) {
                        log.add(line);
                    }
                    if (line.contains("Server is ready")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
            ready.complete(false);
        }, "nats-server-log-" + port);
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.get(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("nats-server exited before it was ready:\n" + log());
            }
        } catch (TimeoutException e) {
            close();
            throw new IllegalStateException("nats-server not ready after 20 s:\n" + log());
        } catch (Exception e) {
            close();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a server with a configuration file as it is, listening on 127.0.0.1 and a free port
     * (given as command-line flags, which override the file), from {@code cwd} so that relative
     * folders in the file land there.
     */
    public static NatsServer startWithConfigFile(Path configFile, Path cwd) {
        int port = freePort();
        try {
            Process p = new ProcessBuilder(binary().toString(), "-c", configFile.toString(), "-a", "127.0.0.1", "-p",
                    Integer.toString(port)).directory(cwd.toFile()).redirectErrorStream(true).start();
            NatsServer server = new NatsServer(p, port);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** The tls:// URL of a server whose configuration has a tls block (see TestCerts.serverTls). */
    public String tlsUrl() {
        return "tls://127.0.0.1:" + port;
    }

    /** What the server printed so far. */
    public String log() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
