package dev.jnsc.resolver;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * A built-in nats-account-server: the JDK's HTTP server answering the account server API (see
 * {@link AccountHandler}) from an nsc folder or from its own folder. Usable in-process:
 * {@code new AccountServer(config).start()}, {@link #address()}, {@link #stop()}.
 */
public final class AccountServer implements AutoCloseable {
    /**
     * Connections the kernel may hold before the server accepts them. The JDK server accepts one
     * per round of its dispatcher, so a burst (nsc push -A opens one per account) overflows the
     * default of 50, and the kernel then drops handshakes that clients retry only after a second.
     */
    private static final int BACKLOG = 1024;
    /**
     * The JDK server's switch for TCP_NODELAY on accepted connections, read once, when its first
     * server is made. It writes a response's headers and its body in two writes; without it the
     * second waits for the client's acknowledgement of the first, which clients delay by 40 ms.
     */
    static final String NODELAY = "sun.net.httpserver.nodelay";
    /** How long stop() lets requests under way finish. */
    private static final long GRACE_MILLIS = 1000;

    /**
     * What clients get (see {@link ExchangeGuard}): how many requests are served at once, how long
     * a request may take to arrive from its first byte, and a response to be taken.
     */
    public record Limits(int workers, Duration request, Duration response) {
        /**
         * nats-account-server's read and write timeouts, and 128 threads: well above the number of
         * keep-alive connections a set of servers or a load balancer keeps open (each holds a
         * thread only while a request of it is under way), so that a busy machine, whose threads
         * wait for a core, is not mistaken for slow clients to be cut off; slow clients beyond that
         * are still cut off.
         */
        public static final Limits DEFAULT = new Limits(128, Duration.ofSeconds(5), Duration.ofSeconds(5));

        public Limits {
            if (workers < 1 || request.toMillis() < 1 || response.toMillis() < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    /**
     * @param log receives one line per request and per event, e.g. {@code [INF] GET /healthz 200 15B 0ms};
     *            called from several threads
     */
    public record Config(HostPort listen, AccountJwts jwts, ClaimsNotifier notifier, Clock clock, Consumer<String> log,
            Limits limits) {
        public Config(HostPort listen, AccountJwts jwts, ClaimsNotifier notifier, Clock clock, Consumer<String> log) {
            this(listen, jwts, notifier, clock, log, Limits.DEFAULT);
        }
    }

    private final Config config;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private HttpServer http;
    private ExchangeGuard guard;
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
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(addr, BACKLOG);
        } catch (IOException e) {
            throw new ResolverException("cannot listen on " + config.listen() + ": " + e.getMessage(), e);
        }
        Limits limits = config.limits();
        guard = new ExchangeGuard(limits.workers(), limits.request(), limits.response(), config.log());
        handler = new AccountHandler(config.jwts(), config.notifier(), config.clock(), config.log(), guard);
        config.jwts().watchForChanges(config.log());
        server.setExecutor(guard);
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
            guard.close(GRACE_MILLIS);
            config.jwts().close();
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
