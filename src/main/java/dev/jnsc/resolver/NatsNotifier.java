package dev.jnsc.resolver;

import dev.jnsc.tools.Connector;
import dev.jnsc.tools.NKeyAuth;
import dev.jnsc.tools.Tls;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Options;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Publishes every stored account JWT on {@code $SYS.ACCOUNT.<key>.CLAIMS.UPDATE}, the subject
 * nats-servers with a URL (or memory) resolver listen on, through one jnats connection
 * authenticated with a system-account user's creds. Publishing happens on a worker thread in
 * posting order, so a slow or absent NATS server never holds up an HTTP request; failures are
 * logged, and a connection that could not be made is tried again at the next update.
 */
public final class NatsNotifier implements ClaimsNotifier {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Options options;
    private final Connector connector;
    private final NKeyAuth auth;
    private final String where;
    private final Consumer<String> log;
    private final ExecutorService worker;
    private volatile Connection connection;

    private NatsNotifier(Options options, Connector connector, NKeyAuth auth, String where, Consumer<String> log) {
        this.options = options;
        this.connector = connector;
        this.auth = auth;
        this.where = where;
        this.log = log;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "account-server-notify");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Checks the URL and the creds file now (bad ones are configuration errors); connects at the
     * first update or at {@link #connectInBackground()}.
     */
    public static NatsNotifier create(String natsUrl, Path creds, Consumer<String> log) {
        return create(natsUrl, creds, Tls.none(), log);
    }

    /**
     * As {@link #create(String, Path, Consumer)}, with the TLS settings of the environment, whose
     * files are checked now too.
     */
    public static NatsNotifier create(String natsUrl, Path creds, Tls tls, Consumer<String> log) {
        NKeyAuth auth = CredsAuth.load(creds);
        Listener listener = new Listener(log);
        Connector connector = new Connector(tls, listener);
        Options options;
        try {
            options = connector.options(new Options.Builder().authHandler(auth).connectionName("jnsc account-server")
                    .connectionTimeout(TIMEOUT).maxReconnects(-1).reconnectWait(Duration.ofSeconds(1))
                    .connectionListener(listener), List.of(natsUrl));
        } catch (IllegalArgumentException e) {
            auth.clear();
            throw new ResolverException("invalid NATS url \"" + redact(natsUrl) + "\": " + e.getMessage());
        } catch (Tls.TlsException e) {
            auth.clear();
            throw new ResolverException(e.getMessage());
        }
        return new NatsNotifier(options, connector, auth, redact(natsUrl), log);
    }

    /** Connects now, on the worker thread, so the log tells early whether NATS is reachable. */
    public void connectInBackground() {
        worker.execute(this::connected);
    }

    @Override
    public void accountUpdated(String accountKey, String token) {
        try {
            worker.execute(() -> publish(accountKey, token));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.accept("[ERR] servers not notified of account " + accountKey + ": the notifier is stopped");
        }
    }

    private void publish(String accountKey, String token) {
        Connection c = connected();
        String subject = "$SYS.ACCOUNT." + accountKey + ".CLAIMS.UPDATE";
        if (c == null) {
            log.accept("[ERR] servers not notified of account " + accountKey + ": not connected to " + where);
            return;
        }
        try {
            c.publish(subject, token.getBytes(StandardCharsets.US_ASCII));
            c.flush(TIMEOUT);
            log.accept("[INF] notified servers on " + subject);
        } catch (TimeoutException e) {
            log.accept("[WRN] the update of account " + accountKey + " is not confirmed by NATS yet: "
                    + scrub(e.getMessage()) + " (it goes out when the connection is back)");
        } catch (IllegalStateException e) {
            log.accept("[ERR] servers not notified of account " + accountKey + ": " + scrub(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The connection, made now if there is none yet; null when that fails (logged). */
    private Connection connected() {
        Connection c = connection;
        if (c != null) {
            return c;
        }
        try {
            c = connector.connect(options);
            connection = c;
            log.accept("[INF] connected to " + where + " as user " + auth.userKey() + " to notify servers of updates");
            return c;
        } catch (IOException e) {
            log.accept("[WRN] cannot connect to " + where + ": " + scrub(e.getMessage())
                    + " (tried again at the next update)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
            }
            Connection c = connection;
            if (c != null) {
                c.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            auth.clear();
        }
    }

    /** Text from jnats as logged: URLs in it lose their user and password. */
    static String scrub(String text) {
        return text == null ? "" : text.replaceAll("//[^@/\\s\\[\\]]*@", "//");
    }

    /** A URL as logged: without user and password. */
    static String redact(String url) {
        try {
            URI u = URI.create(url.trim());
            if (u.getRawUserInfo() != null && u.getHost() != null) {
                return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
            }
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return scrub(url);
        }
        return url;
    }

    /**
     * Connection trouble goes to the server log instead of jnats' default logger: once per
     * outage, not once per reconnect attempt, and nothing before the first connection (whose
     * failure {@link #connected()} reports).
     */
    private static final class Listener implements ConnectionListener, ErrorListener {
        private final Consumer<String> log;
        private volatile boolean up;

        Listener(Consumer<String> log) {
            this.log = log;
        }

        @Override
        public void connectionEvent(Connection conn, Events type) {
            if (type == Events.CONNECTED || type == Events.RECONNECTED) {
                if (type == Events.RECONNECTED) {
                    log.accept("[INF] reconnected to NATS");
                }
                up = true;
            } else if (type == Events.DISCONNECTED && up) {
                up = false;
                log.accept("[WRN] disconnected from NATS; reconnecting");
            }
        }

        @Override
        public void errorOccurred(Connection conn, String error) {
            log.accept("[ERR] NATS: " + scrub(error));
        }

        @Override
        public void exceptionOccurred(Connection conn, Exception exp) {
            if (up) {
                log.accept("[ERR] NATS: " + scrub(exp.toString()));
            }
        }
    }
}
