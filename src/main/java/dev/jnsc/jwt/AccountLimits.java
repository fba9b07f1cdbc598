package dev.jnsc.jwt;

import java.util.Map;
import java.util.TreeMap;

/**
 * Operator-set limits of an account, flattened in the Go order: subs, data, payload, imports,
 * exports, wildcards, disallow_bearer, conn, leaf, the JetStream fields, tiered_limits.
 * -1 means unlimited; 0 means zero.
 */
public final class AccountLimits {
    private long subs = -1;
    private long data = -1;
    private long payload = -1;
    private long imports = -1;
    private long exports = -1;
    private boolean wildcards = true;
    private boolean disallowBearer;
    private long conn = -1;
    private long leaf = -1;
    private JetStreamLimits jetStream = new JetStreamLimits();
    private final Map<String, JetStreamLimits> tiered = new TreeMap<>();

    public long subs() {
        return subs;
    }

    public AccountLimits subs(long v) {
        subs = v;
        return this;
    }

    public long data() {
        return data;
    }

    public AccountLimits data(long v) {
        data = v;
        return this;
    }

    public long payload() {
        return payload;
    }

    public AccountLimits payload(long v) {
        payload = v;
        return this;
    }

    public long imports() {
        return imports;
    }

    public AccountLimits imports(long v) {
        imports = v;
        return this;
    }

    public long exports() {
        return exports;
    }

    public AccountLimits exports(long v) {
        exports = v;
        return this;
    }

    public boolean wildcards() {
        return wildcards;
    }

    public AccountLimits wildcards(boolean v) {
        wildcards = v;
        return this;
    }

    public boolean disallowBearer() {
        return disallowBearer;
    }

    public AccountLimits disallowBearer(boolean v) {
        disallowBearer = v;
        return this;
    }

    public long conn() {
        return conn;
    }

    public AccountLimits conn(long v) {
        conn = v;
        return this;
    }

    public long leaf() {
        return leaf;
    }

    public AccountLimits leaf(long v) {
        leaf = v;
        return this;
    }

    /** The global (untiered) JetStream limits. */
    public JetStreamLimits jetStream() {
        return jetStream;
    }

    public AccountLimits jetStream(JetStreamLimits v) {
        jetStream = v;
        return this;
    }

    /** Tiered JetStream limits by tier name ("R1", "R3", ...), sorted. */
    public Map<String, JetStreamLimits> tiered() {
        return tiered;
    }

    void write(JsonWriter w) {
        w.beginObject().field("subs", subs).field("data", data).field("payload", payload)
                .field("imports", imports).field("exports", exports).field("wildcards", wildcards)
                .field("disallow_bearer", disallowBearer).field("conn", conn).field("leaf", leaf);
        jetStream.writeFields(w);
        if (!tiered.isEmpty()) {
            w.name("tiered_limits").beginObject();
            for (Map.Entry<String, JetStreamLimits> e : tiered.entrySet()) {
                w.name(e.getKey()).beginObject();
                e.getValue().writeFields(w);
                w.endObject();
            }
            w.endObject();
        }
        w.endObject();
    }

    static AccountLimits read(Map<String, Object> m) {
        AccountLimits l = new AccountLimits();
        if (m == null) {
            m = Map.of();
        }
        l.subs = Json.num(m, "subs");
        l.data = Json.num(m, "data");
        l.payload = Json.num(m, "payload");
        l.imports = Json.num(m, "imports");
        l.exports = Json.num(m, "exports");
        l.wildcards = Json.bool(m, "wildcards");
        l.disallowBearer = Json.bool(m, "disallow_bearer");
        l.conn = Json.num(m, "conn");
        l.leaf = Json.num(m, "leaf");
        l.jetStream = JetStreamLimits.read(m);
        Map<String, Object> tiers = Json.map(m, "tiered_limits");
        if (tiers != null) {
            for (Map.Entry<String, Object> e : tiers.entrySet()) {
                if (!(e.getValue() instanceof Map)) {
                    throw new JwtException("tier " + Json.quote(e.getKey()) + " should be an object");
                }
                l.tiered.put(e.getKey(), JetStreamLimits.read(Json.asMap(e.getValue())));
            }
        }
        if (!l.tiered.isEmpty()) {
            // as the Go library decodes it: tiers replace the global limits (the Go nsc writes
            // unlimited global defaults next to tiers on every edit of an account)
            l.jetStream = new JetStreamLimits();
        }
        return l;
    }
}
