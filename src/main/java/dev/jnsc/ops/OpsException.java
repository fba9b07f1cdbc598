package dev.jnsc.ops;

/** A command cannot be carried out as asked; the message says what was wrong and what is expected. */
public final class OpsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OpsException(String message) {
        super(message);
    }
}
