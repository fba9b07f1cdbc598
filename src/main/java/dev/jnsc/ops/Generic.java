package dev.jnsc.ops;

import dev.jnsc.jwt.Claims;
import java.util.List;
import java.util.Locale;

/** Edits shared by every entity: --start/--expiry and --tag/--rm-tag. */
final class Generic {
    private Generic() {
    }

    static void applyTimes(Claims c, String start, String expiry, long now, Report r) {
        if (start != null) {
            long v = TimeSpec.parse("--start", start, now);
            if (v != c.notBefore()) {
                c.notBefore(v);
                r.ok(v == 0 ? "changed jwt start to not have a start date"
                        : "changed jwt valid start to " + TimeSpec.render(v));
            }
        }
        if (expiry != null) {
            long v = TimeSpec.parse("--expiry", expiry, now);
            if (v != 0 && v <= now) {
                throw new OpsException("--expiry \"" + expiry + "\" is in the past (" + TimeSpec.render(v) + ")");
            }
            if (v != c.expires()) {
                c.expires(v);
                r.ok(v == 0 ? "changed jwt expiry to never expire" : "changed jwt expiry to " + TimeSpec.render(v));
            }
        }
    }

    /** Tags are lower-cased, as nsc stores them. */
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
    }

    private static String checkTag(String t) {
        String v = t == null ? "" : t.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            throw new OpsException("--tag values cannot be empty");
        }
        return v;
    }
}
