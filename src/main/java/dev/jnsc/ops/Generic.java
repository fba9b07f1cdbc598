package dev.jnsc.ops;

import dev.jnsc.jwt.Claims;
import java.util.List;
import java.util.Locale;

/** Edits shared by every entity: --start/--expiry and --tag/--rm-tag. */
final class Generic {
    private Generic() {
    }

    /**
     * Sets --start (nbf) and --expiry (exp), after checking them against each other and, for the
     * one not given, against the value already in the JWT: a JWT that expires at or before now, or
     * before it becomes valid, can never be used. Only the literal "0" means "never expires".
     */
    static void applyTimes(Claims c, String start, String expiry, long now, Report r) {
        long nbf = start == null ? c.notBefore() : TimeSpec.parse("--start", start, now);
        long exp = expiry == null ? c.expires() : TimeSpec.parse("--expiry", expiry, now);
        if (expiry != null && !TimeSpec.isNone(expiry) && exp <= now) {
            throw new OpsException("--expiry \"" + expiry + "\" (" + TimeSpec.format(exp) + ") is not in the future: a JWT"
                    + " that expires at or before now can never be used (0 means \"never expires\")");
        }
        if (nbf != 0 && exp != 0 && nbf >= exp) {
            String kind = c.type().isEmpty() ? "the" : "the " + c.type() + "'s";
            String startText = start != null ? "--start \"" + start + "\" (" + TimeSpec.format(nbf) + ")"
                    : "the start already in " + kind + " JWT (" + TimeSpec.format(nbf) + ")";
            String expiryText = expiry != null ? "--expiry \"" + expiry + "\" (" + TimeSpec.format(exp) + ")"
                    : "the expiry already in " + kind + " JWT (" + TimeSpec.format(exp) + ")";
            String fix = start == null ? "; change --start too" : expiry == null ? "; change --expiry too" : "";
            throw new OpsException(startText + " is not before " + expiryText
                    + ": a JWT must become valid before it expires" + fix);
        }
        if (start != null && nbf != c.notBefore()) {
            c.notBefore(nbf);
            r.ok(nbf == 0 ? "changed jwt start to not have a start date"
                    : "changed jwt valid start to " + TimeSpec.render(nbf));
        }
        if (expiry != null && exp != c.expires()) {
            c.expires(exp);
            r.ok(exp == 0 ? "changed jwt expiry to never expire" : "changed jwt expiry to " + TimeSpec.render(exp));
        }
    }

    /** Tags are lower-cased and end sorted (by UTF-8 bytes), as the Go nsc leaves them after any edit. */
    static void applyTags(List<String> tags, List<String> add, List<String> remove, Report r) {
        for (String t : add) {
            String v = checkTag(t);
            if (!tags.contains(v)) {
                tags.add(v);
            }
            r.ok("added tag \"" + v + "\"");
        }
        for (String t : remove) {
            String v = checkTag(t);
            if (!tags.remove(v)) {
                throw new OpsException("tag \"" + v + "\" is not set");
            }
            r.ok("removed tag \"" + v + "\"");
        }
        tags.sort(dev.jnsc.jwt.Utf8Order.INSTANCE);
    }

    private static String checkTag(String t) {
        String v = t == null ? "" : t.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            throw new OpsException("--tag values cannot be empty");
        }
        return v;
    }
}
