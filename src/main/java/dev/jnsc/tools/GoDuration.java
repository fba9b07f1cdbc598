package dev.jnsc.tools;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Go's time.Duration text ("5s", "500ms", "1.5s", "1m30s", "312.5\u00b5s", "0s") for the few durations a
 * tool reports.
 */
final class GoDuration {
    private GoDuration() {
    }

    static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < 1_000L) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000L) {
            return decimal(nanos, 3) + "\u00b5s";
        }
        if (nanos < 1_000_000_000L) {
            return nanos % 1_000_000 == 0 ? nanos / 1_000_000 + "ms" : decimal(nanos, 6) + "ms";
        }
        long minutes = nanos / 60_000_000_000L;
        String seconds = decimal(nanos % 60_000_000_000L, 9) + "s";
        if (minutes == 0) {
            return seconds;
        }
        return (minutes >= 60 ? minutes / 60 + "h" + minutes % 60 + "m" : minutes + "m") + seconds;
    }

    private static String decimal(long value, int scale) {
        return BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString();
    }
}
