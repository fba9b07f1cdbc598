package dev.jnsc.jwt;

/** A token could not be decoded, verified or encoded; the message says what was expected and found. */
public final class JwtException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JwtException(String message) {
        super(message);
    }
}
