package dev.jnsc.jwt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Account JWT claims. Exports, imports, mappings, authorization and trace are carried as parsed
 * JSON (nsc commands outside this project's scope edit them), everything else is typed.
 */
public final class AccountClaims extends Claims {
    private static final Set<String> FIELDS = Set.of("imports", "exports", "limits", "signing_keys", "revocations",
            "default_permissions", "mappings", "authorization", "trace", "cluster_traffic", "description", "info_url",
            "tags");

    private List<Object> imports = new ArrayList<>();
    private List<Object> exports = new ArrayList<>();
    private AccountLimits limits = new AccountLimits();
    private final List<SigningKey> signingKeys = new ArrayList<>();
    private final Map<String, Long> revocations = new TreeMap<>();
    private final Permissions defaultPermissions = new Permissions();
    private Map<String, Object> mappings = new TreeMap<>();
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

    /** Imports as parsed JSON objects. */
    public List<Object> imports() {
        return imports;
    }

    /** Exports as parsed JSON objects. */
    public List<Object> exports() {
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

    public Map<String, Object> mappings() {
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
        w.fieldRaw("imports", sortBySubject(imports)).fieldRaw("exports", sortBySubject(exports));
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
        w.fieldRaw("mappings", mappings);
        w.name("authorization").value((Object) authorization);
        w.fieldRaw("trace", trace);
        w.field("cluster_traffic", clusterTraffic).field("description", description).field("info_url", infoUrl)
                .field("tags", tags);
    }

    private static List<Object> sortBySubject(List<Object> items) {
        List<Object> sorted = new ArrayList<>(items);
        sorted.sort((a, b) -> subjectOf(a).compareTo(subjectOf(b)));
        return sorted;
    }

    private static String subjectOf(Object o) {
        return o instanceof Map ? String.valueOf(Json.asMap(o).getOrDefault("subject", "")) : "";
    }

    @Override
    void readBody(Map<String, Object> n, int version) {
        imports = Json.list(n, "imports");
        exports = Json.list(n, "exports");
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
            mappings = new TreeMap<>(m);
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
