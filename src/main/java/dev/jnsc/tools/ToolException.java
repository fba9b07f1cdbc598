package dev.jnsc.tools;

/**
 * A NATS tool could not do what was asked: no server, the server refused the user or a subject,
 * a request went unanswered. The message is one line meant for the user.
 */
public final class ToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ToolException(String message) {
        super(message);
    }
}
