package dev.jnsc.resolver;

/** The account server cannot start or carry on as configured; the message says why. */
public final class ResolverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ResolverException(String message) {
        super(message);
    }

    public ResolverException(String message, Throwable cause) {
        super(message, cause);
    }
}
