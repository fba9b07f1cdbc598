package dev.jnsc.resolver;

import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Map;

/**
 * How large a request head the account server answers. The JDK server has read the head by the
 * time a handler runs, but only up to its own ceiling (the {@code sun.net.httpserver.maxReqHeaderSize}
 * default, 380 KiB with the request line, and 200 distinct header names on JDK 17.0.15): beyond
 * that it closes the connection without an answer. Below it, these smaller limits, which no URL
 * resolver or nsc comes near, get a 4xx that says what was too large.
 */
final class RequestLimits {
    /** Longest request target (path and query) answered; the longest the API needs is under 100. */
    static final int MAX_TARGET = 8 * 1024;
    /** Most header bytes (names, values, ": " and line ends). */
    static final int MAX_HEADER_BYTES = 32 * 1024;
    /** Most header lines. */
    static final int MAX_HEADER_LINES = 100;

    private RequestLimits() {
    }

    /** A 414 or 431 answer when the request head is over a limit, else null. */
    static Reply refuse(HttpExchange ex) {
        if (ex.getRequestURI().toString().length() > MAX_TARGET) {
            return Reply.text(414, "the request target is longer than " + MAX_TARGET / 1024 + " KiB")
                    .header("Connection", "close");
        }
        long bytes = 0;
        int lines = 0;
        for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
            for (String value : h.getValue()) {
                bytes += h.getKey().length() + value.length() + 4;
                lines++;
            }
        }
        if (bytes > MAX_HEADER_BYTES || lines > MAX_HEADER_LINES) {
            return Reply.text(431, "the request headers are larger than " + MAX_HEADER_BYTES / 1024 + " KiB or more than "
                    + MAX_HEADER_LINES + " lines").header("Connection", "close");
        }
        return null;
    }
}
