package dev.jnsc.nkeys;

/** A key could not be decoded, encoded or used. Messages never contain seed material. */
public final class NKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NKeyException(String message) {
        super(message);
    }
}
