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

    /** The operator JWT. */
    Stored operator();

    /** One line for the start-up log: what is served from where. */
    String describe();
}
