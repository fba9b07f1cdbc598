package dev.jnsc.ops;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks and converts flag values before anything is written. A refused value names the flag,
 * the value and what is expected.
 */
public final class Values {
    /** Connection types a user may be limited to (nats-server 2.9 knows all but IN_PROCESS). */
    public static final Set<String> CONNECTION_TYPES = Set.of("STANDARD", "WEBSOCKET", "LEAFNODE", "LEAFNODE_WS", "MQTT",
            "MQTT_WS", "IN_PROCESS");

    private Values() {
    }

    /** A count: an integer, -1 for unlimited. */
    public static long count(String flag, String value) {
        String v = value == null ? "" : value.trim();
        try {
            long n = Long.parseLong(v);
            if (n < -1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new OpsException(flag + " \"" + value + "\" is invalid: expected a whole number, or -1 for unlimited");
        }
    }

    /**
     * A size in bytes: a number with an optional unit, k/m/g/t (powers of 1000) or ki/mi/gi/ti and
     * kib/mib/gib/tib (powers of 1024), b optional, case-insensitive; -1 for unlimited.
     */
    public static long size(String flag, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (v.equals("-1")) {
            return -1;
        }
        int i = 0;
        while (i < v.length() && (Character.isDigit(v.charAt(i)) || v.charAt(i) == '.')) {
            i++;
        }
        String number = v.substring(0, i);
        String unit = v.substring(i);
        long mult;
        switch (unit) {
            case "":
            case "b":
                mult = 1;
                break;
            case "k":
            case "kb":
                mult = 1000L;
                break;
            case "m":
            case "mb":
                mult = 1000L * 1000;
                break;
            case "g":
            case "gb":
                mult = 1000L * 1000 * 1000;
                break;
            case "t":
            case "tb":
                mult = 1000L * 1000 * 1000 * 1000;
                break;
            case "ki":
            case "kib":
                mult = 1024L;
                break;
            case "mi":
            case "mib":
                mult = 1024L * 1024;
                break;
            case "gi":
            case "gib":
                mult = 1024L * 1024 * 1024;
                break;
            case "ti":
            case "tib":
                mult = 1024L * 1024 * 1024 * 1024;
                break;
            default:
                throw badSize(flag, value);
        }
        if (number.isEmpty() || number.equals(".")) {
            throw badSize(flag, value);
        }
        try {
            BigDecimal bytes = new BigDecimal(number).multiply(BigDecimal.valueOf(mult));
            return bytes.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw badSize(flag, value);
        }
    }

    private static OpsException badSize(String flag, String value) {
        return new OpsException(flag + " \"" + value + "\" is invalid: expected a size such as 512, 10K, 1M, 2GB, 512KiB"
                + " or -1 for unlimited");
    }

    /** An IPv4 or IPv6 CIDR ("10.0.0.0/8", "::1/128"); a bare address gets /32 or /128. */
    public static String cidr(String flag, String value) {
        String v = value == null ? "" : value.trim();
        String addr = v;
        String bits = null;
        int slash = v.indexOf('/');
        if (slash >= 0) {
            addr = v.substring(0, slash);
            bits = v.substring(slash + 1);
        }
        boolean v6 = addr.indexOf(':') >= 0;
        if (!(v6 ? isIpv6(addr) : isIpv4(addr))) {
            throw badCidr(flag, value);
        }
        int max = v6 ? 128 : 32;
        if (bits == null) {
            return addr + "/" + max;
        }
        try {
            int n = Integer.parseInt(bits);
            if (n < 0 || n > max || !bits.chars().allMatch(Character::isDigit)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw badCidr(flag, value);
        }
        return addr + "/" + bits;
    }

    private static OpsException badCidr(String flag, String value) {
        return new OpsException(flag + " \"" + value + "\" is invalid: expected a CIDR such as 10.0.0.0/8, 192.168.1.7/32"
                + " or 2001:db8::/32");
    }

    private static boolean isIpv4(String a) {
        String[] parts = a.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return false;
            }
            if (Integer.parseInt(p) > 255 || (p.length() > 1 && p.charAt(0) == '0')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String a) {
        if (a.isEmpty() || a.chars().anyMatch(c -> !(Character.digit(c, 16) >= 0 || c == ':' || c == '.'))) {
            return false;
        }
        int doubleColon = a.indexOf("::");
        if (doubleColon >= 0 && a.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = a.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) {
                continue;
            }
            if (g.indexOf('.') >= 0) {
                if (i != groups.length - 1 || !isIpv4(g)) {
                    return false;
                }
                count += 2;
            } else if (g.length() > 4) {
                return false;
            } else {
                count++;
            }
        }
        return doubleColon >= 0 ? count < 8 : count == 8;
    }

    /** A daily window "hh:mm:ss-hh:mm:ss" (24-hour clock). */
    public static String[] timeRange(String flag, String value) {
        String v = value == null ? "" : value.trim();
        int dash = v.indexOf('-');
        if (dash < 0) {
            throw badTime(flag, value);
        }
        String start = v.substring(0, dash).trim();
        String end = v.substring(dash + 1).trim();
        clock(flag, value, start);
        clock(flag, value, end);
        return new String[] {start, end};
    }

    private static void clock(String flag, String value, String t) {
        if (t.length() != 8) {
            throw badTime(flag, value);
        }
        try {
            LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            throw badTime(flag, value);
        }
    }

    private static OpsException badTime(String flag, String value) {
        return new OpsException(flag + " \"" + value + "\" is invalid: expected hh:mm:ss-hh:mm:ss such as 08:00:00-17:00:00");
    }

    /** An IANA time zone name such as "Europe/Berlin" or "UTC". */
    public static String timeZone(String flag, String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty() || v.startsWith("+") || v.startsWith("-") || Character.isDigit(v.charAt(0))) {
            throw badZone(flag, value);
        }
        try {
            ZoneId.of(v);
            return v;
        } catch (DateTimeException e) {
            throw badZone(flag, value);
        }
    }

    private static OpsException badZone(String flag, String value) {
        return new OpsException(flag + " \"" + value + "\" is invalid: expected an IANA time zone such as UTC or "
                + "America/New_York");
    }

    /** A connection type, upper-cased. */
    public static String connectionType(String flag, String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (!CONNECTION_TYPES.contains(v)) {
            throw new OpsException(flag + " \"" + value + "\" is invalid: expected one of STANDARD, WEBSOCKET, LEAFNODE, "
                    + "LEAFNODE_WS, MQTT, MQTT_WS, IN_PROCESS");
        }
        return v;
    }

    /** A URL with a scheme and a host (for --info-url). */
    public static String url(String flag, String value) {
        String v = value == null ? "" : value.trim();
        try {
            java.net.URI u = new java.net.URI(v);
            if (u.getScheme() == null || u.getHost() == null) {
                throw new java.net.URISyntaxException(v, "no scheme or host");
            }
            return v;
        } catch (java.net.URISyntaxException e) {
            throw new OpsException(flag + " \"" + value + "\" is invalid: expected a URL such as https://example.com/info");
        }
    }
}
