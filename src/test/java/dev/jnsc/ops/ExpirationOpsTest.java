package dev.jnsc.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** nsc's HumanizedDate (go-humanize's RelTime magnitudes, title-cased) and RFC 3339 in a zone. */
class ExpirationOpsTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @ParameterizedTest
    @CsvSource({"0, ''", "1, In 1 Second", "59, In 59 Seconds", "60, In 1 Minute", "3599, In 59 Minutes",
        "7200, In 2 Hours", "86400, In 1 Day", "172800, In 2 Days", "604800, In 1 Week", "1209599, In 1 Week",
        "1209600, In 2 Weeks", "2592000, In 1 Month", "5184000, In 2 Months", "31104000, In 1 Year",
        "46656000, In 2 Years", "93312000, In 3 Years", "1150848000, In A Long While", "-1, 1 Second Ago",
        "-90000, 1 Day Ago", "-2678400, 1 Month Ago"})
    void humanizedDate(long offset, String expected) {
        long at = offset == 0 ? 0 : NOW.getEpochSecond() + offset;
        assertEquals(expected, ExpirationOps.humanizedDate(at, NOW));
    }

    @ParameterizedTest
    @CsvSource({"UTC, 2026-01-02T03:04:05Z", "Europe/Berlin, 2026-01-02T04:04:05+01:00",
        "America/New_York, 2026-01-01T22:04:05-05:00"})
    void rfc3339InTheZone(String zone, String expected) {
        ZoneId z = zone.equals("UTC") ? ZoneOffset.UTC : ZoneId.of(zone);
        assertEquals(expected, ExpirationOps.rfc3339(NOW.getEpochSecond(), z));
    }
}
