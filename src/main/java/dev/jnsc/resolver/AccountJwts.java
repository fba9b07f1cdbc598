package dev.jnsc.resolver;

/** Where the account server finds the JWTs it serves. */
public interface AccountJwts {
    /**
     * A JWT as served: the token text and its {@code jti}, which becomes the ETag; with the bytes
     * and the ETag header ready, so that serving a stored JWT again builds nothing.
     */
    final class Stored {
        private final String token;
        private final String jti;
        private final byte[] bytes;
        private final String etag;

        public Stored(String token, String jti) {
            this.token = token;
            this.jti = jti;
            this.bytes = token.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            this.etag = "\"" + jti + "\"";
        }

        public String token() {
            return token;
        }

        public String jti() {
            return jti;
        }

        /** The token as sent; never to be changed. */
        byte[] bytes() {
            return bytes;
        }

        /** The ETag header value: the jti in quotes. */
        String etag() {
            return etag;
        }
    }

    /**
     * The JWT of the account with this public key, or null when there is none. The caller has
     * checked that {@code accountKey} is a valid account public key.
     */
    Stored account(String accountKey);

    /**
     * The public keys of the accounts served, in ascending order (what {@code GET /jwt/v1/pack}
     * walks); a key listed here may still have vanished when its JWT is asked for.
     */
    java.util.List<String> accountKeys();

    /** The operator JWT. */
    Stored operator();

    /**
     * From now on, trusts file change events to tell when a served file changed, instead of a stat
     * per lookup (see {@link ChangeWatch}): the server calls it when it starts, {@link #close()}
     * stops it. Stores that read no files do nothing.
     */
    default void watchForChanges(java.util.function.Consumer<String> log) {
    }

    /** Stops what the store runs in the background (a folder watch); the server calls it when it stops. */
    default void close() {
    }

    /** One line for the start-up log: what is served from where. */
    String describe();
}
