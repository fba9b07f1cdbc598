package dev.jnsc.tools;

import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.JetStreamStatusException;
import io.nats.client.Message;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.nats.client.support.Status;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One connection to NATS as one user, and the four things nsc's tools do with it. Server errors
 * (-ERR) are checked after a round trip to the server, so a denied publish or subscription fails
 * the call instead of passing silently.
 */
public final class Session implements AutoCloseable {
    /** Connect timeout and reconnect policy of nsc's tools: 5 s, then every 2 s for 10 minutes. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RECONNECT_WAIT = Duration.ofSeconds(2);
    private static final int RECONNECTS = 300;
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Connection nc;
    private final Target target;
    private volatile boolean closing;

    private Session(Connection nc, Target target) {
        this.nc = nc;
        this.target = target;
    }

    /** A received reply. */
    public record Reply(String subject, byte[] data) {
    }

    /**
     * Connects to the first reachable server of the target.
     *
     * @param name the client name the server shows (nsc uses nsc_pub, nsc_sub, nsc_req, nsc_reply)
     * @param reconnect whether to ride out server restarts (long-running sub and reply)
     */
    public static Session open(Target target, String name, boolean reconnect) {
        Connector connector = new Connector(target.tls(), null);
        Options options;
        try {
            Options.Builder b = new Options.Builder().connectionName(name)
                    .authHandler(new NKeyAuth(target.userJwt(), target.userKey())).connectionTimeout(CONNECT_TIMEOUT)
                    .reportNoResponders();
            if (reconnect) {
                b.maxReconnects(RECONNECTS).reconnectWait(RECONNECT_WAIT);
            } else {
                b.maxReconnects(0);
            }
            options = connector.options(b, target.servers());
        } catch (IllegalArgumentException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new ToolException("invalid server URL in " + target.serverList() + ": " + why);
        } catch (Tls.TlsException e) {
            throw new ToolException(e.getMessage());
        }
        try {
            return new Session(connector.connect(options), target);
        } catch (AuthenticationException e) {
            throw ServerErrors.refused(e.getMessage(), target);
        } catch (Tls.TlsException e) {
            throw new ToolException("cannot connect to " + target.serverList() + ": " + e.getMessage());
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            if (m.startsWith("Unable to connect")) {
                throw new ToolException("no server reachable at " + target.serverList());
            }
            throw new ToolException("cannot connect to " + target.serverList() + ": " + m);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while connecting to " + target.serverList());
        }
    }

    /** Publishes and waits until the server has processed it (and did not refuse it). */
    public void publish(String subject, byte[] payload) {
        nc.clearLastError();
        try {
            nc.publish(subject, payload);
        } catch (IllegalArgumentException e) {
            throw new ToolException("cannot publish to \"" + subject + "\": " + e.getMessage());
        } catch (IllegalStateException e) {
            if (closing) {
                return;
            }
            throw lost();
        }
        confirm();
    }

    /** One measured round trip: the server's URL and the time, as Go prints a time.Duration. */
    public record RoundTrip(String url, Duration time) {
        public String text() {
            return GoDuration.format(time);
        }
    }

    /** Times one PING/PONG with the server (nsc's rtt: a flush), failing when it does not answer. */
    public RoundTrip roundTrip() {
        long start = System.nanoTime();
        if (!roundTrip(FLUSH_TIMEOUT)) {
            throw new ToolException("the server did not answer within " + GoDuration.format(FLUSH_TIMEOUT));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String url = nc.getConnectedUrl();
        return new RoundTrip(url == null ? target.serverList() : url, took);
    }

    /** Sends a request and waits up to {@code timeout} for the first reply. */
    public Reply request(String subject, byte[] payload, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        nc.clearLastError();
        CompletableFuture<Message> reply;
        try {
            reply = nc.requestWithTimeout(subject, payload, timeout);
        } catch (IllegalArgumentException e) {
            throw new ToolException("cannot send a request to \"" + subject + "\": " + e.getMessage());
        }
        ToolException timedOut = new ToolException("request to \"" + subject + "\" timed out after "
                + GoDuration.format(timeout));
        try {
            if (!roundTrip(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                throw timedOut;
            }
            Message m = reply.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new Reply(m.getSubject(), m.getData() == null ? new byte[0] : m.getData());
        } catch (TimeoutException | CancellationException e) {
            reply.cancel(true);
            checkServerError();
            throw timedOut;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JetStreamStatusException
                    && ((JetStreamStatusException) cause).getStatus().getCode() == Status.NO_RESPONDERS_CODE) {
                throw new ToolException("no responders available for request to \"" + subject + "\"");
            }
            throw new ToolException("request to \"" + subject + "\" failed: " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while waiting for a reply on \"" + subject + "\"");
        }
    }

    /** Reports every message on {@code subject} until {@code max} (0: until closed). */
    public void subscribe(String subject, String queue, long max, MessageSink sink) {
        listen(subject, queue, max, sink, false, null);
    }

    /** Answers every request on {@code subject} with {@code answer} (null: echo the request). */
    public void reply(String subject, String queue, byte[] answer, long max, MessageSink sink) {
        listen(subject, queue, max, sink, true, answer);
    }

    private void listen(String subject, String queue, long max, MessageSink sink, boolean reply, byte[] answer) {
        nc.clearLastError();
        Subscription sub;
        try {
            sub = queue == null || queue.isEmpty() ? nc.subscribe(subject) : nc.subscribe(subject, queue);
        } catch (IllegalArgumentException e) {
            throw new ToolException("cannot subscribe to \"" + subject + "\": " + e.getMessage());
        }
        if (max > 0) {
            sub.unsubscribe((int) Math.min(max, Integer.MAX_VALUE));
        }
        confirm();
        sink.listening(subject, Math.max(0, max));
        long n = 0;
        while (max <= 0 || n < max) {
            Message m = next(sub);
            if (m == null) {
                if (closing) {
                    return;
                }
                continue;
            }
            n++;
            if (!reply) {
                sink.received(n, m.getSubject(), m.getData());
            } else if (m.getReplyTo() == null || m.getReplyTo().isEmpty()) {
                sink.unanswerable(n, m.getSubject());
            } else {
                sink.received(n, m.getSubject(), m.getData());
                if (!closing) {
                    publish(m.getReplyTo(), answer != null ? answer : m.getData());
                }
            }
        }
    }

    /** The next message, or null after a quiet second or when this session was closed. */
    private Message next(Subscription sub) {
        try {
            Message m = sub.nextMessage(POLL);
            if (m == null && !closing && nc.getStatus() == Connection.Status.CLOSED) {
                throw lost();
            }
            return m;
        } catch (IllegalStateException e) {
            if (closing) {
                return null;
            }
            throw lost();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
            return null;
        }
    }

    private ToolException lost() {
        String err = nc.getLastError();
        if (err != null && !err.isEmpty()) {
            return ServerErrors.toException(err, target);
        }
        return new ToolException("the connection to " + target.serverList() + " was closed");
    }

    /** A round trip that must succeed: the server processed what was sent, and accepted it. */
    private void confirm() {
        if (!roundTrip(FLUSH_TIMEOUT)) {
            throw new ToolException("the server did not answer within " + GoDuration.format(FLUSH_TIMEOUT));
        }
    }

    /**
     * A ping to the server: the -ERR for anything sent before arrives ahead of the pong, so a
     * refused publish or subscription is known when this returns. False when no pong came in time.
     */
    private boolean roundTrip(Duration timeout) {
        try {
            nc.flush(timeout);
        } catch (TimeoutException e) {
            checkServerError();
            return false;
        } catch (IllegalStateException e) {
            if (closing) {
                return true;
            }
            throw lost();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted");
        }
        checkServerError();
        return true;
    }

    private void checkServerError() {
        String err = nc.getLastError();
        if (err != null && !err.isEmpty()) {
            nc.clearLastError();
            throw ServerErrors.toException(err, target);
        }
    }

    /** Closes the connection; a running subscribe or reply then returns normally. Idempotent. */
    @Override
    public void close() {
        closing = true;
        try {
            nc.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
