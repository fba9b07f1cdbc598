package dev.jnsc.resolver;

/** Tells nats-servers that an account JWT changed, so URL resolvers pick up the new one. */
public interface ClaimsNotifier extends AutoCloseable {
    /** A notifier for servers that need no telling (no --nats given). */
    ClaimsNotifier NONE = new ClaimsNotifier() {
        @Override
        public void accountUpdated(String accountKey, String token) {
        }

        @Override
        public void close() {
        }
    };

    /** Called after an account JWT was stored; must not block the request for long, nor throw. */
    void accountUpdated(String accountKey, String token);

    @Override
    void close();
}
