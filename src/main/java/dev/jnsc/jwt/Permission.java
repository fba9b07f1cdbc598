package dev.jnsc.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Allow and deny subject lists of one direction (pub or sub). Lists are live and editable. */
public final class Permission {
    private final List<String> allow = new ArrayList<>();
    private final List<String> deny = new ArrayList<>();

    public List<String> allow() {
        return allow;
    }

    public List<String> deny() {
        return deny;
    }

    public boolean isEmpty() {
        return allow.isEmpty() && deny.isEmpty();
    }

    void write(JsonWriter w) {
        w.beginObject().field("allow", allow).field("deny", deny).endObject();
    }

    static Permission read(Map<String, Object> m) {
        Permission p = new Permission();
        if (m != null) {
            p.allow.addAll(Json.strings(m, "allow"));
            p.deny.addAll(Json.strings(m, "deny"));
        }
        return p;
    }
}
