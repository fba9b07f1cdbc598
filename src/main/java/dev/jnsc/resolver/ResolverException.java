package dev.jnsc.resolver;

/**
 * A server could not be reached or did not answer as expected, or the account server cannot start
 * or carry on as configured; the message says which and why.
 */
public final class ResolverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ResolverException(String message) {
        super(message);
    }

    public ResolverException(String message, Throwable cause) {
        super(message, cause);
    }
}
