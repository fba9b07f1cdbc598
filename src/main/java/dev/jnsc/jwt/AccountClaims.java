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

    public Map<String, Object> authorization() {
        return authorization;
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
