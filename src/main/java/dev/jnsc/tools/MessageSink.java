package dev.jnsc.tools;

/** Receives what a subscription sees, in order, on the thread that runs it. */
public interface MessageSink {
    /** The subscription is in place at the server; {@code max} is 0 when unlimited. */
    void listening(String subject, long max);

    /** Message number {@code number} (counted from 1) arrived on {@code subject}. */
    void received(long number, String subject, byte[] data);

    /** A replier got message {@code number} without a reply subject and did not answer it. */
    default void unanswerable(long number, String subject) {
    }
}
