package dev.jnsc.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's time.Duration.String() for the values rtt and the timeouts print (checked against Go's fmt). */
class GoDurationTest {
    @ParameterizedTest
    @CsvSource({"0, 0s", "1, 1ns", "999, 999ns", "1000, 1\u00b5s", "1500, 1.5\u00b5s", "312512, 312.512\u00b5s",
        "1000000, 1ms", "1500000, 1.5ms", "1234567, 1.234567ms", "5000000000, 5s", "1500000000, 1.5s",
        "90000000000, 1m30s", "3601000000000, 1h0m1s"})
    void formatsAsGo(long nanos, String expected) {
        assertEquals(expected, GoDuration.format(Duration.ofNanos(nanos)));
    }
}
