package dev.jnsc.resolver;

/** Where the account server finds the JWTs it serves. */
public interface AccountJwts {
    /** A JWT as served: the token text and its {@code jti}, which becomes the ETag. */
    record Stored(String token, String jti) {
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

    /** Stops what the store runs in the background (a folder watch); the server calls it when it stops. */
    default void close() {
    }

    /** One line for the start-up log: what is served from where. */
    String describe();
}
