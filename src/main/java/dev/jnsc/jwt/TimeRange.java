package dev.jnsc.jwt;

/** A daily connect window, "hh:mm:ss" start and end. */
public record TimeRange(String start, String end) {
}
