package dev.jnsc.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Permissions and limits of a user, also the template of a scoped signing key. Field order:
 * pub, sub, resp, src, times, times_location, subs, data, payload, bearer_token, proxy_required,
 * allowed_connection_types.
 */
public final class UserPermissionLimits {
    static final Set<String> FIELDS = Set.of("pub", "sub", "resp", "src", "times", "times_location", "subs",
            "data", "payload", "bearer_token", "proxy_required", "allowed_connection_types");

    private final Permissions permissions = new Permissions();
    private final List<String> src = new ArrayList<>();
    private final List<TimeRange> times = new ArrayList<>();
    private String timesLocation = "";
    private long subs = -1;
    private long data = -1;
    private long payload = -1;
    private boolean bearerToken;
    private boolean proxyRequired;
    private final List<String> allowedConnectionTypes = new ArrayList<>();

    /** Publish, subscribe and response permissions. */
    public Permissions permissions() {
        return permissions;
    }

    public Permission pub() {
        return permissions.pub();
    }

    public Permission sub() {
        return permissions.sub();
    }

    public List<String> src() {
        return src;
    }

    public List<TimeRange> times() {
        return times;
    }

    public String timesLocation() {
        return timesLocation;
    }

    public UserPermissionLimits timesLocation(String v) {
        timesLocation = v == null ? "" : v;
        return this;
    }

    public long subs() {
        return subs;
    }

    public UserPermissionLimits subs(long v) {
        subs = v;
        return this;
    }

    public long data() {
        return data;
    }

    public UserPermissionLimits data(long v) {
        data = v;
        return this;
    }

    public long payload() {
        return payload;
    }

    public UserPermissionLimits payload(long v) {
        payload = v;
        return this;
    }

    public boolean bearerToken() {
        return bearerToken;
    }

    public UserPermissionLimits bearerToken(boolean v) {
        bearerToken = v;
        return this;
    }

    public boolean proxyRequired() {
        return proxyRequired;
    }

    public List<String> allowedConnectionTypes() {
        return allowedConnectionTypes;
    }

    /** True when nothing but the defaults is set (what a user of a scoped key must carry). */
    public boolean hasNoPermissionsOrLimits() {
        return permissions.isEmpty() && src.isEmpty() && times.isEmpty()
                && timesLocation.isEmpty() && subs == -1 && data == -1 && payload == -1 && !bearerToken
                && allowedConnectionTypes.isEmpty();
    }

    /**
     * True when nothing at all is set, limits included (all zero): the form of a user issued by a
     * scoped signing key, whose permissions come from the key's template.
     */
    public boolean isEmpty() {
        return permissions.isEmpty() && src.isEmpty() && times.isEmpty() && timesLocation.isEmpty() && subs == 0
                && data == 0 && payload == 0 && !bearerToken && allowedConnectionTypes.isEmpty();
    }

    /** Clears everything, limits to 0: what a user of a scoped signing key carries. */
    public UserPermissionLimits clearAll() {
        permissions.pub().allow().clear();
        permissions.pub().deny().clear();
        permissions.sub().allow().clear();
        permissions.sub().deny().clear();
        permissions.clearResponsePermission();
        src.clear();
        times.clear();
        timesLocation = "";
        subs = 0;
        data = 0;
        payload = 0;
        bearerToken = false;
        allowedConnectionTypes.clear();
        return this;
    }

    void write(JsonWriter w) {
        permissions.writeFields(w);
        w.field("src", src);
        if (!times.isEmpty()) {
            w.name("times").beginArray();
            for (TimeRange t : times) {
                w.beginObject().field("start", t.start()).field("end", t.end()).endObject();
            }
            w.endArray();
        }
        w.field("times_location", timesLocation);
        w.field("subs", subs).field("data", data).field("payload", payload);
        w.field("bearer_token", bearerToken).field("proxy_required", proxyRequired);
        w.field("allowed_connection_types", allowedConnectionTypes);
    }

    void read(Map<String, Object> m, int version) {
        permissions.readFields(m);
        Object s = m.get("src");
        if (s instanceof String) {
            for (String part : ((String) s).split(",")) {
                if (!part.isBlank()) {
                    src.add(part.trim());
                }
            }
        } else {
            src.addAll(Json.strings(m, "src"));
        }
        for (Object o : Json.list(m, "times")) {
            if (!(o instanceof Map)) {
                throw new JwtException("field \"times\" should be a list of {start, end} objects");
            }
            Map<String, Object> t = Json.asMap(o);
            times.add(new TimeRange(Json.str(t, "start"), Json.str(t, "end")));
        }
        timesLocation = Json.str(m, "times_location");
        if (version == 1) {
            // v1 user limits had no subs/data; payload keeps its meaning
            subs = -1;
            data = -1;
            payload = m.containsKey("payload") ? Json.num(m, "payload") : -1;
            if (payload == 0) {
                payload = -1;
            }
        } else {
            subs = Json.num(m, "subs");
            data = Json.num(m, "data");
            payload = Json.num(m, "payload");
        }
        bearerToken = Json.bool(m, "bearer_token");
        proxyRequired = Json.bool(m, "proxy_required");
        allowedConnectionTypes.addAll(Json.strings(m, "allowed_connection_types"));
    }
}
