package dev.jnsc.resolver;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A built-in nats-account-server: the JDK's HTTP server answering the account server API (see
 * {@link AccountHandler}) from an nsc folder or from its own folder. Usable in-process:
 * {@code new AccountServer(config).start()}, {@link #address()}, {@link #stop()}.
 */
public final class AccountServer implements AutoCloseable {
    /** Request threads: URL resolvers ask rarely and each answer is a small file. */
    static final int THREADS = 4;
    /** How long stop() lets requests under way finish. */
    private static final long GRACE_MILLIS = 1000;

    /**
     * @param log receives one line per request and per event, e.g. {@code [INF] GET /healthz 200 15B 0ms};
     *            called from several threads
     */
    public record Config(HostPort listen, AccountJwts jwts, ClaimsNotifier notifier, Clock clock, Consumer<String> log) {
    }

    private final Config config;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private HttpServer http;
    private ExecutorService pool;
    private AccountHandler handler;

    public AccountServer(Config config) {
        this.config = config;
    }

    /** Binds and starts serving; logs the address it listens on. */
    public synchronized AccountServer start() {
        if (http != null) {
            throw new IllegalStateException("already started");
        }
        InetSocketAddress addr = config.listen().socketAddress();
        HttpServer server;
        try {
            server = HttpServer.create(addr, 0);
        } catch (IOException e) {
            throw new ResolverException("cannot listen on " + config.listen() + ": " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "account-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        handler = new AccountHandler(config.jwts(), config.notifier(), config.clock(), config.log());
        server.setExecutor(pool);
        server.createContext("/", handler);
        server.start();
        http = server;
        config.log().accept("[INF] " + config.jwts().describe());
        config.log().accept("[INF] listening on " + url());
        return this;
    }

    /** The bound address (with the actual port when 0 was asked for). */
    public synchronized InetSocketAddress address() {
        if (http == null) {
            throw new IllegalStateException("not started");
        }
        return http.getAddress();
    }

    /** Base URL, e.g. {@code http://127.0.0.1:9090}; a URL resolver wants {@code url() + "/jwt/v1/accounts/"}. */
    public String url() {
        InetSocketAddress a = address();
        InetAddress ip = a.getAddress();
        String host = ip == null ? a.getHostString() : ip.getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /**
     * Stops accepting requests, lets those under way finish (up to a second), closes the listener
     * and the notifier. Safe to call more than once and from a shutdown hook.
     */
    public void stop() {
        synchronized (this) {
            if (http == null || stopped.getCount() == 0) {
                return;
            }
            try {
                handler.drain(GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            http.stop(0);
            pool.shutdown();
            try {
                pool.awaitTermination(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            config.notifier().close();
            config.log().accept("[INF] stopped");
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        stop();
    }
}
