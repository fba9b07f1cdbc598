package dev.jnsc.ops;

/** Go-style durations ("1h30m", "5s", "250ms", "1.5s") to and from nanoseconds. */
public final class Durations {
    private Durations() {
    }

    public static long parseNanos(String flag, String value) {
        String v = value == null ? "" : value.trim();
        if (v.equals("0")) {
            return 0;
        }
        double total = 0;
        int i = 0;
        if (v.isEmpty()) {
            throw invalid(flag, value);
        }
        while (i < v.length()) {
            int start = i;
            while (i < v.length() && (Character.isDigit(v.charAt(i)) || v.charAt(i) == '.')) {
                i++;
            }
            if (start == i) {
                throw invalid(flag, value);
            }
            double n;
            try {
                n = Double.parseDouble(v.substring(start, i));
            } catch (NumberFormatException e) {
                throw invalid(flag, value);
            }
            int ustart = i;
            while (i < v.length() && Character.isLetter(v.charAt(i)) || i < v.length() && v.charAt(i) == 'µ') {
                i++;
            }
            String unit = v.substring(ustart, i);
            double mult;
            switch (unit) {
                case "ns":
                    mult = 1;
                    break;
                case "us":
                case "µs":
                    mult = 1e3;
                    break;
                case "ms":
                    mult = 1e6;
                    break;
                case "s":
                    mult = 1e9;
                    break;
                case "m":
                    mult = 60e9;
                    break;
                case "h":
                    mult = 3600e9;
                    break;
                default:
                    throw invalid(flag, value);
            }
            total += n * mult;
        }
        if (total > Long.MAX_VALUE) {
            throw new OpsException(flag + " \"" + value + "\" is too long");
        }
        return Math.round(total);
    }

    private static OpsException invalid(String flag, String value) {
        return new OpsException(flag + " \"" + value + "\" is not a valid duration: expected e.g. 250ms, 5s, 1m30s or 2h");
    }

    /** Go's time.Duration String(): "1h0m0s", "1m30s", "5s", "250ms", "0s". */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long n = nanos;
        if (n < 0) {
            sb.append('-');
            n = -n;
        }
        if (n < 1_000_000_000L) {
            if (n < 1_000) {
                return sb.append(n).append("ns").toString();
            }
            if (n < 1_000_000) {
                return sb.append(trim(n / 1e3)).append("µs").toString();
            }
            return sb.append(trim(n / 1e6)).append("ms").toString();
        }
        long h = n / 3_600_000_000_000L;
        long rem = n % 3_600_000_000_000L;
        long m = rem / 60_000_000_000L;
        double s = (rem % 60_000_000_000L) / 1e9;
        if (h > 0) {
            sb.append(h).append('h').append(m).append('m');
        } else if (m > 0) {
            sb.append(m).append('m');
        }
        return sb.append(trim(s)).append('s').toString();
    }

    private static String trim(double d) {
        if (d == Math.rint(d)) {
            return Long.toString((long) d);
        }
        String s = java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return s;
    }
}
