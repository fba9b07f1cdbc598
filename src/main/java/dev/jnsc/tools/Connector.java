package dev.jnsc.tools;

import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * The one place where jnsc opens NATS connections (the tools, push and pull over NATS, the account
 * server's notifications). It adds TLS as the Go nsc uses it ({@link Tls}: the environment, tls://
 * URLs, and servers that require it), and turns what jnats reports into one clear line: a server
 * that refuses the user ends the wait at once (jnats notices the -ERR but waits out the whole
 * connect timeout), and TLS failures (an untrusted server certificate, a client certificate the
 * server refuses or needs) say so instead of "Unable to connect". It is the connection's error
 * listener: before the connection is up it keeps what went wrong; errors are also handed to
 * {@code next}, the caller's listener, if any.
 */
public final class Connector implements ErrorListener {
    private static final String SERVER_WANTS_TLS = "SSL required by server.";
    private static final String SERVER_HAS_NO_TLS = "SSL connection wanted by client.";
    private static final int PROBE_TIMEOUT = 3000;
    private static final int PROBE_WAIT = 1500;

    private final Tls tls;
    private final ErrorListener next;
    private volatile CompletableFuture<String> refusal = new CompletableFuture<>();
    private final List<Exception> failures = new CopyOnWriteArrayList<>();
    private volatile boolean up;
    private List<String> servers = List.of();
    /** Whether the options ask for TLS. */
    private boolean secure;
    /** Whether the current attempt uses TLS (also after a server asked for it). */
    private volatile boolean tlsInUse;

    public Connector(Tls tls, ErrorListener next) {
        this.tls = tls;
        this.next = next;
    }

    @Override
    public void errorOccurred(Connection conn, String error) {
        if (conn.getStatus() == Connection.Status.CONNECTING) {
            refusal.complete(error);
        }
        if (next != null) {
            next.errorOccurred(conn, error);
        }
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
        if (!up) {
            failures.add(exp);
        }
        if (next != null) {
            next.exceptionOccurred(conn, exp);
        }
    }

    /**
     * The connection's options: {@code b} with the servers, this as its error listener, and TLS
     * when a URL (tls://, wss://) or the environment asks for it.
     *
     * @throws IllegalArgumentException for a server URL jnats refuses
     * @throws Tls.TlsException for TLS files that cannot be used
     */
    public Options options(Options.Builder b, List<String> servers) throws Tls.TlsException {
        this.servers = List.copyOf(servers);
        b.servers(servers.toArray(new String[0])).errorListener(this);
        secure = tls.required() || servers.stream().anyMatch(Connector::secureScheme);
        if (secure) {
            b.sslContext(tls.context());
        }
        return b.build();
    }

    private static boolean secureScheme(String url) {
        try {
            String scheme = URI.create(url.trim()).getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("tls") || scheme.equalsIgnoreCase("wss"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Connects with options made by {@link #options}. A server that requires TLS when nothing
     * asked for it is tried again over TLS (the Go client switches to TLS by itself).
     *
     * @throws AuthenticationException when the server refused the user (its -ERR as the message)
     * @throws Tls.TlsException when TLS failed (the message says why, in one line)
     * @throws IOException otherwise, as jnats says it ("Unable to connect to NATS servers: ...")
     */
    public Connection connect(Options options) throws IOException, InterruptedException {
        up = false;
        tlsInUse = secure;
        try {
            return attempt(options);
        } catch (Tls.TlsException | AuthenticationException e) {
            throw e;
        } catch (IOException e) {
            if (!secure && failed(SERVER_WANTS_TLS)) {
                tlsInUse = true;
                return attempt(new Options.Builder(options).sslContext(tls.context()).build());
            }
            throw e;
        }
    }

    private Connection attempt(Options options) throws IOException, InterruptedException {
        failures.clear();
        CompletableFuture<String> refusal = new CompletableFuture<>();
        this.refusal = refusal;
        CompletableFuture<Connection> connection = new CompletableFuture<>();
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    connection.complete(Nats.connect(options));
                } catch (Throwable e) { // handed on whole to the waiting thread, which rethrows it
                    connection.completeExceptionally(e);
                }
            }
        }, "jnsc-connect");
        t.setDaemon(true);
        t.start();
        try {
            CompletableFuture.anyOf(connection, refusal).get();
        } catch (ExecutionException e) {
            // the connect failed; its exception is rethrown below
        }
        if (!connection.isDone()) {
            connection.thenAccept(Connector::closeQuietly);
            throw new AuthenticationException(refusal.getNow(""));
        }
        try {
            Connection c = connection.get();
            up = true;
            return c;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AuthenticationException) {
                throw (AuthenticationException) cause;
            }
            if (cause instanceof IOException) {
                String why = tlsTrouble();
                if (why != null) {
                    throw new Tls.TlsException(why);
                }
                throw (IOException) cause;
            }
            if (cause instanceof InterruptedException) {
                throw (InterruptedException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw (RuntimeException) cause;
        }
    }

    private boolean failed(String message) {
        for (Exception e : failures) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (message.equals(c.getMessage())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What went wrong with TLS while connecting, as one line; null when nothing did. */
    private String tlsTrouble() {
        if (failed(SERVER_HAS_NO_TLS)) {
            return "the server does not offer TLS, which " + whyTls() + " asks for";
        }
        for (Exception e : failures) {
            String why = tlsTrouble(e);
            if (why != null) {
                return why;
            }
        }
        if (tlsInUse) {
            // a server that checks the client's certificate after a TLS 1.3 handshake closes the
            // connection then, and jnats only reports that the server did not answer in time
            for (String url : servers) {
                String why = probe(url);
                if (why != null) {
                    return why;
                }
            }
        }
        return null;
    }

    /**
     * After a failed TLS connection: connects to the server once more, up to the TLS handshake and
     * one PING, to learn whether the server refused the TLS connection and why (its TLS alert).
     * Null when it answers, or when that cannot be told.
     */
    private String probe(String url) {
        URI u;
        try {
            u = URI.create(url.trim().contains("://") ? url.trim() : "nats://" + url.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (u.getHost() == null || !(scheme.equals("nats") || scheme.equals("tls"))) {
            return null;
        }
        String host = u.getHost();
        int port = u.getPort() < 0 ? 4222 : u.getPort();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT);
            plain.setSoTimeout(PROBE_TIMEOUT);
            readLine(plain.getInputStream()); // INFO
            try (SSLSocket ssl = (SSLSocket) tls.context().getSocketFactory().createSocket(plain, host, port, true)) {
                ssl.setUseClientMode(true);
                try {
                    ssl.startHandshake();
                } catch (IOException e) {
                    return tlsTrouble(e);
                }
                // a server that refuses the client's certificate says so now (TLS 1.3); one that
                // accepts it waits for CONNECT
                ssl.setSoTimeout(PROBE_WAIT);
                try {
                    ssl.getInputStream().read();
                    return null;
                } catch (SocketTimeoutException e) {
                    return null;
                } catch (IOException e) {
                    String why = tlsTrouble(e);
                    if (why != null) {
                        return why;
                    }
                    return "the server closed the TLS connection after the handshake"
                            + (tls.hasClientCertificate() ? ": it may not accept the client certificate of " + tls.source(Tls.CERT)
                                    : ": it may require a client certificate: " + Tls.clientCertificateHint());
                }
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (b.length() < 64 * 1024) {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    private String whyTls() {
        if (tls.required()) {
            return tls.hasClientCertificate() ? tls.source(Tls.CERT) : tls.source(Tls.CA);
        }
        return "the URL";
    }

    private String tlsTrouble(Throwable e) {
        String alert = null;
        boolean handshake = false;
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof CertificateExpiredException) {
                return "the server's certificate has expired (" + c.getMessage() + ")";
            }
            if (c instanceof CertificateNotYetValidException) {
                return "the server's certificate is not valid yet (" + c.getMessage() + ")";
            }
            if (c instanceof CertPathBuilderException || c instanceof CertPathValidatorException) {
                return "the server's certificate is not trusted: it is not signed by " + tls.trustSource()
                        + (tls.required() ? "" : " (set $" + Tls.CA + " or " + Tls.CA_FLAG + " to a PEM file of the CA that signed it)");
            }
            String m = c.getMessage() == null ? "" : c.getMessage();
            if (m.startsWith("No subject alternative") || m.startsWith("No name matching")) {
                return "the server's certificate is not for the host of " + String.join(", ", servers) + " (" + m + ")";
            }
            if (m.startsWith("Received fatal alert: ")) {
                alert = m.substring("Received fatal alert: ".length());
            }
            handshake |= c instanceof SSLHandshakeException || c instanceof SSLException;
        }
        if (alert != null) {
            return refusedByServer(alert);
        }
        if (handshake) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return "the TLS handshake with the server failed: " + m;
        }
        return null;
    }

    private String refusedByServer(String alert) {
        switch (alert.toLowerCase(Locale.ROOT)) {
            case "certificate_required":
            case "bad_certificate":
            case "unknown_ca":
            case "certificate_unknown":
            case "unsupported_certificate":
            case "certificate_expired":
            case "certificate_revoked":
            case "access_denied":
                if (!tls.hasClientCertificate()) {
                    return "the server requires a client certificate: " + Tls.clientCertificateHint()
                            + " (TLS alert " + alert + ")";
                }
                return "the server refused the client certificate of " + tls.source(Tls.CERT) + " (TLS alert " + alert + ")";
            default:
                return "the server ended the TLS handshake (TLS alert " + alert + ")";
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
