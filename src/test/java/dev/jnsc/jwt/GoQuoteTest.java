package dev.jnsc.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected values are what Go's fmt.Sprintf("%q", s) prints. */
class GoQuoteTest {
    @Test
    void quotesLikeGo() {
        assertEquals("\"NATS\"", GoQuote.quote("NATS"));
        assertEquals("\"\"", GoQuote.quote(""));
        assertEquals("\"say \\\"hi\\\"\"", GoQuote.quote("say \"hi\""));
        assertEquals("\"a\\\\b\"", GoQuote.quote("a\\b"));
        assertEquals("\"l1\\nl2\\tx\\r\"", GoQuote.quote("l1\nl2\tx\r"));
        assertEquals("\"\\a\\b\\f\\v\\x00\\x1b\\x7f\"", GoQuote.quote("\u0007\b\f\u000b\u0000\u001b\u007f"));
        assertEquals("\"héllo wörld ✓ 😀\"", GoQuote.quote("héllo wörld ✓ 😀"));
        assertEquals("\"\\u00a0\\u200b\\u0085\"", GoQuote.quote("\u00a0\u200b\u0085"));
        assertEquals("\"'single'\"", GoQuote.quote("'single'"));
    }
}
