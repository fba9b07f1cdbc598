package dev.jnsc.ops;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The time forms of nsc's --start and --expiry: {@code 0} (none), {@code yyyy-mm-dd} (UTC
 * midnight), {@code "yyyy-mm-dd hh:mm:ss"} (UTC, an optional trailing "UTC"), an RFC 3339
 * instant, or a relative {@code <n><unit>} from now with units s, m, h, d, w, M (months), y.
 */
public final class TimeSpec {
    private static final String EXPECTED = "expected 0, yyyy-mm-dd, \"yyyy-mm-dd hh:mm:ss\" (UTC) or a time from now"
            + " such as 30m, 12h, 7d, 2w, 3M or 1y";

    private TimeSpec() {
    }

    /** True for the literal "0", the only spelling of "no start" / "never expires". */
    public static boolean isNone(String value) {
        return value != null && value.trim().equals("0");
    }

    /**
     * Unix seconds for {@code value}, 0 for "0"; fails naming {@code flag} and the value. Times
     * before the Unix epoch are refused: JWT times are seconds since it, and 0 means "none".
     */
    public static long parse(String flag, String value, long nowSeconds) {
        long v = parseAny(flag, value, nowSeconds);
        if (v < 0) {
            throw new OpsException(flag + " \"" + value + "\" is before 1970-01-01 00:00:00 UTC (the Unix epoch): JWT times"
                    + " cannot be earlier");
        }
        return v;
    }

    private static long parseAny(String flag, String value, long nowSeconds) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw new OpsException(flag + " \"" + value + "\" is invalid: " + EXPECTED);
        }
        if (v.equals("0")) {
            return 0;
        }
        char unit = v.charAt(v.length() - 1);
        String digits = v.substring(0, v.length() - 1);
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && "smhdwMy".indexOf(unit) >= 0) {
            long n;
            try {
                n = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new OpsException(flag + " \"" + value + "\" is invalid: the number is too large");
            }
            ZonedDateTime now = ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(nowSeconds), ZoneOffset.UTC);
            try {
                switch (unit) {
                    case 's':
                        return Math.addExact(nowSeconds, n);
                    case 'm':
                        return Math.addExact(nowSeconds, Math.multiplyExact(n, 60L));
                    case 'h':
                        return Math.addExact(nowSeconds, Math.multiplyExact(n, 3600L));
                    case 'd':
                        return Math.addExact(nowSeconds, Math.multiplyExact(n, 86400L));
                    case 'w':
                        return Math.addExact(nowSeconds, Math.multiplyExact(n, 7 * 86400L));
                    case 'M':
                        return now.plusMonths(n).toEpochSecond();
                    default:
                        return now.plusYears(n).toEpochSecond();
                }
            } catch (ArithmeticException | java.time.DateTimeException e) {
                throw new OpsException(flag + " \"" + value + "\" is invalid: the time is out of range");
            }
        }
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            String t = v.endsWith(" UTC") ? v.substring(0, v.length() - 4) : v;
            if (t.length() == 19 && t.charAt(10) == ' ') {
                return LocalDateTime.parse(t, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                        .toEpochSecond(ZoneOffset.UTC);
            }
            return ZonedDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new OpsException(flag + " \"" + value + "\" is invalid: " + EXPECTED);
        }
    }

    /** nsc's date rendering: "2019-12-04 14:12:52 UTC", empty for 0. */
    public static String render(long unixSeconds) {
        return unixSeconds == 0 ? "" : format(unixSeconds);
    }

    /** "2019-12-04 14:12:52 UTC", also for 0 ("1970-01-01 00:00:00 UTC"). */
    public static String format(long unixSeconds) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(unixSeconds, 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(23);
        int y = t.getYear();
        if (y < 1000 && y >= 0) {
            sb.append(y < 10 ? "000" : y < 100 ? "00" : "0");
        }
        sb.append(y).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append(' ');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        return sb.append(" UTC").toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
