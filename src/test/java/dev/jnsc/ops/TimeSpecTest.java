package dev.jnsc.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeSpecTest {
    static final long NOW = Instant.parse("2026-01-02T03:04:05Z").getEpochSecond();

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "1970-01-01, 0",
        "1970-01-01 00:00:01, 1",
        "1970-01-01 00:00:01 UTC, 1",
        "2029-01-01, 1861920000",
        "2029-01-01T01:00:00+01:00, 1861920000",
        "0s, 1767323045",
        "30m, 1767324845",
        "1d, 1767409445",
        "1M, 1770001445",
        "1y, 1798859045",
    })
    void parses(String value, long expected) {
        assertEquals(expected, TimeSpec.parse("--expiry", value, NOW));
    }

    @Test
    void onlyTheLiteralZeroIsNone() {
        assertTrue(TimeSpec.isNone("0"));
        assertTrue(TimeSpec.isNone(" 0 "));
        assertFalse(TimeSpec.isNone("1970-01-01"));
        assertFalse(TimeSpec.isNone("0s"));
        assertFalse(TimeSpec.isNone(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1969-12-31", "1969-12-31 23:59:59", "1960-01-01T00:00:00Z", "1970-01-01T00:00:00+01:00"})
    void refusesTimesBeforeTheEpoch(String value) {
        OpsException e = assertThrows(OpsException.class, () -> TimeSpec.parse("--start", value, NOW));
        assertEquals("--start \"" + value + "\" is before 1970-01-01 00:00:00 UTC (the Unix epoch): JWT times cannot be"
                + " earlier", e.getMessage());
    }

    @Test
    void formatsTheEpochButRendersItAsNone() {
        assertEquals("1970-01-01 00:00:00 UTC", TimeSpec.format(0));
        assertEquals("", TimeSpec.render(0));
        assertEquals("2026-01-02 03:04:05 UTC", TimeSpec.format(NOW));
        assertEquals(TimeSpec.format(NOW), TimeSpec.render(NOW));
    }
}
