package dev.jnsc.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Go durations of --response-threshold, --resp-ttl and the like: the exact nanoseconds signed, and the refusals. */
class DurationsTest {
    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "' 0 ', 0",
        "7ns, 7",
        "3us, 3000",
        "3µs, 3000",
        "250ms, 250000000",
        "5s, 5000000000",
        "1.5s, 1500000000",
        "2m, 120000000000",
        "2h, 7200000000000",
        "1h30m, 5400000000000",
        "1m30s250ms, 90250000000",
        "' 5s ', 5000000000",
    })
    void parsesToNanoseconds(String value, long nanos) {
        assertEquals(nanos, Durations.parseNanos("--response-threshold", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "5", "s", "5x", "5 s", "-5s", "1..5s", "5s3", "ms5", "5S"})
    void refusesWhatIsNotADuration(String value) {
        OpsException e = assertThrows(OpsException.class, () -> Durations.parseNanos("--response-threshold", value));
        assertEquals("--response-threshold \"" + value + "\" is not a valid duration: expected e.g. 250ms, 5s, 1m30s or 2h",
                e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void refusesNull() {
        OpsException e = assertThrows(OpsException.class, () -> Durations.parseNanos("--resp-ttl", null));
        assertEquals("--resp-ttl \"null\" is not a valid duration: expected e.g. 250ms, 5s, 1m30s or 2h", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3000000h", "9999999999999999999ns"})
    void refusesWhatDoesNotFitInALong(String value) {
        OpsException e = assertThrows(OpsException.class, () -> Durations.parseNanos("--response-threshold", value));
        assertEquals("--response-threshold \"" + value + "\" is too long", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0s",
        "1, 1ns",
        "999, 999ns",
        "1000, 1µs",
        "1500, 1.5µs",
        "999999, 999.999µs",
        "1000000, 1ms",
        "250000000, 250ms",
        "999999999, 999.999999ms",
        "1000000000, 1s",
        "1500000000, 1.5s",
        "59000000000, 59s",
        "60000000000, 1m0s",
        "90000000000, 1m30s",
        "3600000000000, 1h0m0s",
        "5400000000000, 1h30m0s",
        "3661500000000, 1h1m1.5s",
        "-5000000000, -5s",
        "-1500, -1.5µs",
    })
    void formatsAsGoDoes(long nanos, String text) {
        assertEquals(text, Durations.format(nanos));
    }
}
