package dev.jnsc.ops;

import dev.jnsc.fs.Disk;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Claims;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.store.OperatorStore;
import dev.jnsc.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * expirations: when the operator, its accounts, their users and the users' creds files expire,
 * and which have expired or expire within a given time (nsc's cmd/expirations.go).
 */
public final class ExpirationOps {
    private ExpirationOps() {
    }

    /** One line of the report, with the fields of nsc's JSON. */
    public record Entry(String resource, String id, String when, long expiry, String expirationDate,
            boolean expiresSoon, boolean expired) {
    }

    /** @param threshold unix seconds: what expires before it "expires soon" (0: nothing does) */
    public record Result(long threshold, String thresholdText, List<Entry> entries, ZoneId zone) {
    }

    /**
     * @param within --within (0, a date or a time from now)
     * @param skip   keep only what has expired or expires soon
     */
    public static Result report(Workspace ws, String within, boolean skip) {
        long now = ws.now();
        long threshold = within == null ? 0 : TimeSpec.parse("--within", within, now);
        OperatorStore op = ws.operator(null);
        Instant at = ws.clock().instant();
        ZoneId zone = zone(ws);
        OperatorClaims oc = op.operator();
        List<Entry> entries = new ArrayList<>();
        entries.add(entry(oc.name(), oc, threshold, at, zone));
        for (String account : op.accountNames()) {
            AccountClaims ac;
            try {
                ac = op.account(account);
            } catch (StoreException e) {
                throw new OpsException("cannot read account \"" + account + "\": " + e.getMessage());
            }
            entries.add(entry(oc.name() + "/" + ac.name(), ac, threshold, at, zone));
            for (String user : op.userNames(account)) {
                UserClaims uc = op.user(account, user);
                entries.add(entry(oc.name() + "/" + ac.name() + "/" + uc.name(), uc, threshold, at, zone));
                Path creds = ws.keystore().credsPath(op.name(), ac.name(), uc.name());
                byte[] data = Disk.readIfExists(creds);
                if (data == null) {
                    continue;
                }
                Decorated.Parts parts = Decorated.parse(data);
                Arrays.fill(data, (byte) 0);
                try {
                    UserClaims fromCreds = Jwt.decode(parts.jwt().trim()).as(UserClaims.class, "a user");
                    entries.add(entry(creds.toString(), fromCreds, threshold, at, zone));
                } catch (JwtException e) {
                    throw new OpsException("cannot read the user JWT in creds file " + creds + ": " + e.getMessage());
                } finally {
                    parts.clear();
                }
            }
        }
        if (skip) {
            entries.removeIf(e -> !e.expired() && !e.expiresSoon());
        }
        return new Result(threshold, rfc3339(threshold, zone), entries, zone);
    }

    /** The zone times are shown in: the one TZ names, as Go's local time reads it, else the clock's (UTC). */
    static ZoneId zone(Workspace ws) {
        String tz = ws.env().get("TZ");
        if (tz != null) {
            try {
                return ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz);
            } catch (java.time.DateTimeException e) {
                return ws.clock().getZone();
            }
        }
        return ws.clock().getZone();
    }

    private static Entry entry(String resource, Claims c, long threshold, Instant now, ZoneId zone) {
        long exp = c.expires();
        boolean expired = exp != 0 && now.getEpochSecond() > exp;
        boolean soon = exp != 0 && threshold > 0 && threshold > exp;
        return new Entry(resource, c.subject(), exp == 0 ? "Never" : humanizedDate(exp, now),
                exp, exp == 0 ? "" : rfc3339(exp, zone), soon, expired);
    }

    /** Go's time.Unix(s, 0).Format(time.RFC3339) in the given zone. */
    public static String rfc3339(long seconds, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochSecond(seconds).atZone(zone)
                .withNano(0));
    }

    /** nsc's HumanizedDate: "In 1 Month", "3 Days Ago" (go-humanize's RelTime, title-cased); "" for 0. */
    public static String humanizedDate(long seconds, Instant now) {
        if (seconds == 0) {
            return "";
        }
        Instant when = Instant.ofEpochSecond(seconds);
        if (now.isAfter(when)) {
            return titleCase(relTime(Duration.between(when, now), "ago")).trim();
        }
        return titleCase("in " + relTime(Duration.between(now, when), "")).trim();
    }

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long WEEK = 7 * DAY;
    private static final long MONTH = 30 * DAY;
    private static final long YEAR = 12 * MONTH;
    private static final long LONG_TIME = 37 * YEAR;

    /** go-humanize's default magnitudes: below the limit, the format (%d = nanos / divisor, %s = label). */
    private static final Object[][] MAGNITUDES = {
        {SECOND, "now", SECOND},
        {2 * SECOND, "1 second %s", 1L},
        {MINUTE, "%d seconds %s", SECOND},
        {2 * MINUTE, "1 minute %s", 1L},
        {HOUR, "%d minutes %s", MINUTE},
        {2 * HOUR, "1 hour %s", 1L},
        {DAY, "%d hours %s", HOUR},
        {2 * DAY, "1 day %s", 1L},
        {WEEK, "%d days %s", DAY},
        {2 * WEEK, "1 week %s", 1L},
        {MONTH, "%d weeks %s", WEEK},
        {2 * MONTH, "1 month %s", 1L},
        {YEAR, "%d months %s", MONTH},
        {18 * MONTH, "1 year %s", 1L},
        {2 * YEAR, "2 years %s", 1L},
        {LONG_TIME, "%d years %s", YEAR},
        {Long.MAX_VALUE, "a long while %s", 1L},
    };

    static String relTime(Duration diff, String label) {
        long nanos;
        try {
            nanos = diff.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE; // Go's time.Sub saturates too
        }
        Object[] mag = MAGNITUDES[MAGNITUDES.length - 1];
        for (Object[] m : MAGNITUDES) {
            if ((long) m[0] > nanos) {
                mag = m;
                break;
            }
        }
        String f = (String) mag[1];
        return f.replace("%d", Long.toString(nanos / (long) mag[2])).replace("%s", label);
    }

    /** Upper-cases the first letter of each word and lower-cases the rest (Go's cases.Title for English). */
    static String titleCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
                start = false;
            } else {
                sb.append(c);
                start = !Character.isDigit(c);
            }
        }
        return sb.toString();
    }
}
