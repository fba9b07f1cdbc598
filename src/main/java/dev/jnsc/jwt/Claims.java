package dev.jnsc.jwt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standard JWT claims shared by every NATS claim type, in the Go library's field order
 * ({@code aud, exp, jti, iat, iss, name, nbf, sub}), plus the type-specific {@code nats} body.
 *
 * <p>Claims are plain data edited by one command at a time. Fields of the {@code nats} body that
 * this version does not model are kept in {@link #extras()} and written back unchanged, so an edit
 * never drops what a newer nsc put there.
 */
public abstract class Claims {
    private String audience = "";
    private long expires;
    private String id = "";
    private long issuedAt;
    private String issuer = "";
    private String name = "";
    private long notBefore;
    private String subject = "";
    private final Map<String, Object> extras = new LinkedHashMap<>();

    /** The {@code nats.type} value, e.g. "operator". */
    public abstract String type();

    /** Writes the type-specific fields of the {@code nats} object, without type and version. */
    abstract void writeBody(JsonWriter w);

    /** Reads the type-specific fields; {@code version} is 1 for legacy tokens. */
    abstract void readBody(Map<String, Object> nats, int version);

    /** Names of the {@code nats} fields {@link #readBody} understands. */
    abstract java.util.Set<String> knownFields();

    public String audience() {
        return audience;
    }

    public Claims audience(String v) {
        audience = v == null ? "" : v;
        return this;
    }

    public long expires() {
        return expires;
    }

    public Claims expires(long v) {
        expires = v;
        return this;
    }

    public String id() {
        return id;
    }

    void id(String v) {
        id = v;
    }

    public long issuedAt() {
        return issuedAt;
    }

    void issuedAt(long v) {
        issuedAt = v;
    }

    public String issuer() {
        return issuer;
    }

    void issuer(String v) {
        issuer = v;
    }

    public String name() {
        return name;
    }

    public Claims name(String v) {
        name = v == null ? "" : v;
        return this;
    }

    public long notBefore() {
        return notBefore;
    }

    public Claims notBefore(long v) {
        notBefore = v;
        return this;
    }

    public String subject() {
        return subject;
    }

    public Claims subject(String v) {
        subject = v == null ? "" : v;
        return this;
    }

    /** Unmodelled {@code nats} fields, kept as parsed JSON values. */
    public Map<String, Object> extras() {
        return extras;
    }

    /** The standard claims only, with the jti left out: the bytes the Go library hashes into jti. */
    String standardJsonForId() {
        JsonWriter w = JsonWriter.compact().beginObject();
        writeStandard(w, false);
        return w.endObject().toString();
    }

    void writeStandard(JsonWriter w, boolean withId) {
        w.field("aud", audience).field("exp", expires);
        if (withId) {
            w.field("jti", id);
        }
        w.field("iat", issuedAt).field("iss", issuer).field("name", name).field("nbf", notBefore).field("sub", subject);
    }

    void readStandard(Map<String, Object> m) {
        audience = Json.str(m, "aud");
        expires = Json.num(m, "exp");
        id = Json.str(m, "jti");
        issuedAt = Json.num(m, "iat");
        issuer = Json.str(m, "iss");
        name = Json.str(m, "name");
        notBefore = Json.num(m, "nbf");
        subject = Json.str(m, "sub");
    }

    /** The whole payload as Go writes it. */
    public String toJson() {
        JsonWriter w = JsonWriter.compact().beginObject();
        writeStandard(w, true);
        w.name("nats").beginObject();
        writeBody(w);
        for (Map.Entry<String, Object> e : extras.entrySet()) {
            w.name(e.getKey()).value(e.getValue());
        }
        w.field("type", type()).name("version").value(2L);
        return w.endObject().endObject().toString();
    }

    void readNats(Map<String, Object> nats, int version) {
        readBody(nats, version);
        java.util.Set<String> known = knownFields();
        for (Map.Entry<String, Object> e : nats.entrySet()) {
            String k = e.getKey();
            if (!known.contains(k) && !k.equals("type") && !k.equals("version")) {
                extras.put(k, e.getValue());
            }
        }
    }
}
