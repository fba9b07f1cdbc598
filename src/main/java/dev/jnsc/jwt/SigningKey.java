package dev.jnsc.jwt;

/**
 * An account signing key: plain (any user it signs carries its own permissions) or scoped (users
 * it signs get the role's template and must carry no permissions of their own).
 */
public final class SigningKey {
    public static final String USER_SCOPE = "user_scope";

    private final String key;
    private final boolean scoped;
    private String role = "";
    private String description = "";
    private UserPermissionLimits template;

    private SigningKey(String key, boolean scoped) {
        this.key = key;
        this.scoped = scoped;
        this.template = scoped ? new UserPermissionLimits() : null;
    }

    public static SigningKey plain(String key) {
        return new SigningKey(key, false);
    }

    /**
     * A signing key newly scoped: its template sets no subs, data or payload limit (0, not
     * written), as the Go nsc's edit signing-key writes it; read back, those count as unlimited.
     */
    public static SigningKey scoped(String key, String role) {
        SigningKey k = new SigningKey(key, true);
        k.role = role == null ? "" : role;
        k.template.subs(0).data(0).payload(0);
        return k;
    }

    public String key() {
        return key;
    }

    public boolean isScoped() {
        return scoped;
    }

    public String role() {
        return role;
    }

    public SigningKey role(String v) {
        role = v == null ? "" : v;
        return this;
    }

    public String description() {
        return description;
    }

    public SigningKey description(String v) {
        description = v == null ? "" : v;
        return this;
    }

    /** The permissions a scoped key gives its users; null for a plain key. */
    public UserPermissionLimits template() {
        return template;
    }

    void write(JsonWriter w) {
        if (!scoped) {
            w.value(key);
            return;
        }
        w.beginObject().name("kind").value(USER_SCOPE).name("key").value(key).name("role").value(role);
        w.name("template").beginObject();
        template.write(w);
        w.endObject().name("description").value(description).endObject();
    }

    static SigningKey read(Object o) {
        if (o instanceof String) {
            return plain((String) o);
        }
        if (!(o instanceof java.util.Map)) {
            throw new JwtException("a signing key should be a key or a scope object");
        }
        java.util.Map<String, Object> m = Json.asMap(o);
        String kind = Json.str(m, "kind");
        if (!USER_SCOPE.equals(kind)) {
            throw new JwtException("unknown signing key scope kind " + Json.quote(kind));
        }
        SigningKey k = scoped(Json.str(m, "key"), Json.str(m, "role"));
        k.description = Json.str(m, "description");
        java.util.Map<String, Object> t = Json.map(m, "template");
        if (t != null) {
            k.template.read(t, 2);
        }
        // the Go library reads a template's missing subs, data and payload as unlimited
        for (String f : new String[] {"subs", "data", "payload"}) {
            if (t == null || !t.containsKey(f)) {
                switch (f) {
                    case "subs" -> k.template.subs(-1);
                    case "data" -> k.template.data(-1);
                    default -> k.template.payload(-1);
                }
            }
        }
        return k;
    }
}
