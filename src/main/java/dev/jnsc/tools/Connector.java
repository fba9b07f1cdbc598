package dev.jnsc.tools;

import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Nats.connect, except that the server refusing the user during the handshake ends the wait at
 * once: jnats itself notices the -ERR but waits out the whole connect timeout (5 s) before it gives
 * up. Also the connection's error listener: it logs nothing, since errors after the handshake are
 * read from the connection by {@link Session} after each round trip.
 */
final class Connector implements ErrorListener {
    private final CompletableFuture<String> refusal = new CompletableFuture<>();

    @Override
    public void errorOccurred(Connection conn, String error) {
        if (conn.getStatus() == Connection.Status.CONNECTING) {
            refusal.complete(error);
        }
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
    }

    /** The options must have this object as their error listener. */
    Connection connect(Options options) throws IOException, InterruptedException {
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
            return connection.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
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

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
