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

    @org.junit.jupiter.params.ParameterizedTest
    @CsvSource({"2h, 1767330245", "3w, 1769137445", "' 7d ', 1767927845", "2029-01-01 00:00:00, 1861920000"})
    void moreRelativeUnits(String value, long expected) {
        assertEquals(expected, TimeSpec.parse("--expiry", value, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "x", "5x", "d", "2029-13-01", "2029-01-01 25:00:00", "2029-01-01T00:00:00",
        "29-01-01", "-5d"})
    void refusesWhatIsNoTime(String value) {
        OpsException e = assertThrows(OpsException.class, () -> TimeSpec.parse("--expiry", value, NOW));
        assertEquals("--expiry \"" + value + "\" is invalid: expected 0, yyyy-mm-dd, \"yyyy-mm-dd hh:mm:ss\" (UTC) or a"
                + " time from now such as 30m, 12h, 7d, 2w, 3M or 1y", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807s", "9999999999999999999w", "999999999999y", "999999999999M"})
    void refusesTimesOutOfRange(String value) {
        OpsException e = assertThrows(OpsException.class, () -> TimeSpec.parse("--expiry", value, NOW));
        String expected = value.startsWith("9999999999999999999")
                ? "--expiry \"" + value + "\" is invalid: the number is too large"
                : "--expiry \"" + value + "\" is invalid: the time is out of range";
        assertEquals(expected, e.getMessage());
    }

    @Test
    void formatsFourDigitYearsAndTwoDigitFields() {
        assertEquals("0999-12-31 23:59:59 UTC", TimeSpec.format(Instant.parse("0999-12-31T23:59:59Z").getEpochSecond()));
        assertEquals("0099-01-01 00:00:00 UTC", TimeSpec.format(Instant.parse("0099-01-01T00:00:00Z").getEpochSecond()));
        assertEquals("0009-01-01 00:00:00 UTC", TimeSpec.format(Instant.parse("0009-01-01T00:00:00Z").getEpochSecond()));
        assertEquals("0100-01-01 00:00:00 UTC", TimeSpec.format(Instant.parse("0100-01-01T00:00:00Z").getEpochSecond()));
        assertEquals("0010-01-01 00:00:00 UTC", TimeSpec.format(Instant.parse("0010-01-01T00:00:00Z").getEpochSecond()));
        assertEquals("1000-10-10 10:10:10 UTC", TimeSpec.format(Instant.parse("1000-10-10T10:10:10Z").getEpochSecond()));
        assertEquals("2026-09-09 09:09:09 UTC", TimeSpec.format(Instant.parse("2026-09-09T09:09:09Z").getEpochSecond()));
    }
}
