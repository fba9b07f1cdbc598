package dev.jnsc.jwt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Account JWT claims. Authorization and trace are carried as parsed JSON (no command of this
 * project edits them); everything else is typed. Exports and imports are written sorted by subject
 * (stably: entries with equal subjects keep their order), mappings by their from-subject, as the Go
 * library writes them.
 */
public final class AccountClaims extends Claims {
    private static final Set<String> FIELDS = Set.of("imports", "exports", "limits", "signing_keys", "revocations",
            "default_permissions", "mappings", "authorization", "trace", "cluster_traffic", "description", "info_url",
            "tags");

    private final List<Import> imports = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private AccountLimits limits = new AccountLimits();
    private final List<SigningKey> signingKeys = new ArrayList<>();
    private final Map<String, Long> revocations = new TreeMap<>();
    private final Permissions defaultPermissions = new Permissions();
    private final Map<String, List<WeightedMapping>> mappings = new TreeMap<>(Utf8Order.INSTANCE);
    private Map<String, Object> authorization = new LinkedHashMap<>();
    private Map<String, Object> trace;
    private String clusterTraffic = "";
    private String description = "";
    private String infoUrl = "";
    private final List<String> tags = new ArrayList<>();

    @Override
    public String type() {
        return "account";
    }

    /** The imports, live and editable, in the order read or added (sorted only when written). */
    public List<Import> imports() {
        return imports;
    }

    /** The exports, live and editable, in the order read or added (sorted only when written). */
    public List<Export> exports() {
        return exports;
    }

    public AccountLimits limits() {
        return limits;
    }

    public List<SigningKey> signingKeys() {
        return signingKeys;
    }

    public SigningKey signingKey(String key) {
        for (SigningKey k : signingKeys) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        return null;
    }

    /** True when {@code key} is this account's identity or one of its signing keys. */
    public boolean didSign(String key) {
        return subject().equals(key) || signingKey(key) != null;
    }

    /** Revoked user keys (or "*") to the time before which their JWTs are revoked. */
    public Map<String, Long> revocations() {
        return revocations;
    }

    public Permissions defaultPermissions() {
        return defaultPermissions;
    }

    /**
     * Subject mappings: from-subject to its weighted destinations, live and editable, sorted by
     * from-subject in Go's order. A from-subject with an empty list is still written (as {@code []}).
     */
    public Map<String, List<WeightedMapping>> mappings() {
        return mappings;
    }

    /** The auth callout settings as read (auth_users, allowed_accounts, xkey); see {@link #authorization(List, List, String)}. */
    public Map<String, Object> authorization() {
        return authorization;
    }

    /** The auth callout's users (they bypass the callout: the service connects as one of them). */
    public List<String> authUsers() {
        return strings(authorization.get("auth_users"));
    }

    /** The accounts the callout may place users in ("*" for any). */
    public List<String> allowedAccounts() {
        return strings(authorization.get("allowed_accounts"));
    }

    /** The curve key the server encrypts callout requests for, or "". */
    public String authXKey() {
        Object x = authorization.get("xkey");
        return x instanceof String ? (String) x : "";
    }

    /** Replaces the auth callout settings, written in the jwt library's order, empty ones left out. */
    public AccountClaims authorization(List<String> users, List<String> accounts, String xkey) {
        Map<String, Object> a = new LinkedHashMap<>();
        if (!users.isEmpty()) {
            a.put("auth_users", new ArrayList<Object>(users));
        }
        if (!accounts.isEmpty()) {
            a.put("allowed_accounts", new ArrayList<Object>(accounts));
        }
        if (xkey != null && !xkey.isEmpty()) {
            a.put("xkey", xkey);
        }
        authorization = a;
        return this;
    }

    /** The message trace settings ({"dest", "sampling"}), or null when tracing is off. */
    public Map<String, Object> trace() {
        return trace;
    }

    /** The subject trace context is sent to, or "" (also when tracing is off). */
    public String traceDestination() {
        return trace != null && trace.get("dest") instanceof String ? (String) trace.get("dest") : "";
    }

    /** The trace sampling percentage; 0 when not set (the server then samples 100%). */
    public long traceSampling() {
        return trace != null && trace.get("sampling") instanceof Number ? ((Number) trace.get("sampling")).longValue() : 0;
    }

    /** Sets the trace settings (empty dest and 0 sampling are left out), or turns tracing off with null. */
    public AccountClaims trace(String dest, long sampling) {
        if (dest == null) {
            trace = null;
            return this;
        }
        Map<String, Object> t = new LinkedHashMap<>();
        if (!dest.isEmpty()) {
            t.put("dest", dest);
        }
        if (sampling != 0) {
            t.put("sampling", sampling);
        }
        trace = t;
        return this;
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List) {
            for (Object x : (List<?>) o) {
                if (x instanceof String) {
                    out.add((String) x);
                }
            }
        }
        return out;
    }

    public String clusterTraffic() {
        return clusterTraffic;
    }

    public String description() {
        return description;
    }

    public AccountClaims description(String v) {
        description = v == null ? "" : v;
        return this;
    }

    public String infoUrl() {
        return infoUrl;
    }

    public AccountClaims infoUrl(String v) {
        infoUrl = v == null ? "" : v;
        return this;
    }

    public List<String> tags() {
        return tags;
    }

    @Override
    void writeBody(JsonWriter w) {
        if (!imports.isEmpty()) {
            List<Import> sorted = new ArrayList<>(imports);
            sorted.sort(Import.BY_SUBJECT);
            w.name("imports").beginArray();
            for (Import i : sorted) {
                i.write(w);
            }
            w.endArray();
        }
        if (!exports.isEmpty()) {
            List<Export> sorted = new ArrayList<>(exports);
            sorted.sort(Export.BY_SUBJECT);
            w.name("exports").beginArray();
            for (Export e : sorted) {
                e.write(w);
            }
            w.endArray();
        }
        w.name("limits");
        limits.write(w);
        if (!signingKeys.isEmpty()) {
            List<SigningKey> sorted = new ArrayList<>(signingKeys);
            sorted.sort((a, b) -> a.key().compareTo(b.key()));
            w.name("signing_keys").beginArray();
            for (SigningKey k : sorted) {
                k.write(w);
            }
            w.endArray();
        }
        if (!revocations.isEmpty()) {
            w.name("revocations").beginObject();
            for (Map.Entry<String, Long> e : revocations.entrySet()) {
                w.name(e.getKey()).value((long) e.getValue());
            }
            w.endObject();
        }
        w.name("default_permissions").beginObject();
        defaultPermissions.writeFields(w);
        w.endObject();
        if (!mappings.isEmpty()) {
            w.name("mappings").beginObject();
            for (Map.Entry<String, List<WeightedMapping>> e : mappings.entrySet()) {
                w.name(e.getKey()).beginArray();
                for (WeightedMapping m : e.getValue()) {
                    m.write(w);
                }
                w.endArray();
            }
            w.endObject();
        }
        w.name("authorization").value((Object) authorization);
        w.fieldRaw("trace", trace);
        w.field("cluster_traffic", clusterTraffic).field("description", description).field("info_url", infoUrl)
                .field("tags", tags);
    }

    @Override
    void readBody(Map<String, Object> n, int version) {
        List<Object> raw = Json.list(n, "imports");
        for (int i = 0; i < raw.size(); i++) {
            imports.add(Import.read(Json.element(raw, i, "imports")));
        }
        raw = Json.list(n, "exports");
        for (int i = 0; i < raw.size(); i++) {
            exports.add(Export.read(Json.element(raw, i, "exports")));
        }
        limits = AccountLimits.read(Json.map(n, "limits"));
        for (Object o : Json.list(n, "signing_keys")) {
            signingKeys.add(SigningKey.read(o));
        }
        Map<String, Object> rev = Json.map(n, "revocations");
        if (rev != null) {
            for (String k : rev.keySet()) {
                revocations.put(k, Json.num(rev, k));
            }
        }
        Map<String, Object> dp = Json.map(n, "default_permissions");
        if (dp != null) {
            defaultPermissions.readFields(dp);
        }
        Map<String, Object> m = Json.map(n, "mappings");
        if (m != null) {
            for (String from : m.keySet()) {
                List<WeightedMapping> to = new ArrayList<>();
                List<Object> entries = Json.list(m, from);
                for (int i = 0; i < entries.size(); i++) {
                    to.add(WeightedMapping.read(Json.element(entries, i, "mappings[" + Json.quote(from) + "]"), from));
                }
                mappings.put(from, to);
            }
        }
        Map<String, Object> a = Json.map(n, "authorization");
        if (a != null) {
            authorization = a;
        }
        trace = Json.map(n, "trace");
        clusterTraffic = Json.str(n, "cluster_traffic");
        description = Json.str(n, "description");
        infoUrl = Json.str(n, "info_url");
        tags.addAll(Json.strings(n, "tags"));
    }

    @Override
    Set<String> knownFields() {
        return FIELDS;
    }
}
