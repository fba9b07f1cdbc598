package dev.jnsc.jwt;

import java.util.Map;
import java.util.Set;

/** Claims of any other type: the {@code nats} object is kept as parsed JSON. */
public final class GenericClaims extends Claims {
    private String type = "";

    public GenericClaims() {
    }

    public GenericClaims(String type) {
        this.type = type == null ? "" : type;
    }

    @Override
    public String type() {
        return type;
    }

    /** The {@code nats} fields other than type and version. */
    public Map<String, Object> data() {
        return extras();
    }

    @Override
    void writeBody(JsonWriter w) {
        // every field lives in extras()
    }

    @Override
    void readBody(Map<String, Object> n, int version) {
        type = Json.str(n, "type");
    }

    @Override
    Set<String> knownFields() {
        return Set.of();
    }
}
