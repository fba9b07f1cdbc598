package dev.jnsc.resolver;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A resolver connection made on a thread of its own, servers counted ({@link
 * NatsResolverClient#countServers()}) once it is up, while the caller does other work (push reads
 * the accounts meanwhile). {@link #join()} hands over the client or throws what making it threw,
 * so errors surface where a synchronous connect would have been called.
 */
public final class PendingConnection {
    private final CompletableFuture<NatsResolverClient> future = new CompletableFuture<>();

    private PendingConnection() {
    }

    /** Starts {@code connect} (anything it needs that may fail, such as the credentials, goes inside) now. */
    public static PendingConnection start(Supplier<NatsResolverClient> connect) {
        PendingConnection p = new PendingConnection();
        Thread t = new Thread(() -> {
            NatsResolverClient client = null;
            try {
                client = connect.get();
                client.countServers();
                p.future.complete(client);
            } catch (Throwable e) { // handed on whole to join(), which rethrows it
                if (client != null) {
                    client.close();
                }
                p.future.completeExceptionally(e);
            }
        }, "jnsc-resolver-connect");
        t.setDaemon(true);
        t.start();
        return p;
    }

    /** The connected client, its servers counted; what connecting threw otherwise. */
    public NatsResolverClient join() {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon();
            throw new ResolverException("interrupted while connecting");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new ResolverException(String.valueOf(cause));
        }
    }

    /** For a caller that no longer needs the connection: closed once made. */
    public void abandon() {
        future.thenAccept(NatsResolverClient::close);
    }
}
