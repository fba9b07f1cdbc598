package dev.jnsc.store;

/** The store or keystore cannot do what was asked; the message names what and why. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }
}
