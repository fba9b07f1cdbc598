package dev.jnsc.jwt;

import java.util.Map;

/** Publish and subscribe permissions plus optional response permissions ("resp"). */
public final class Permissions {
    private Permission pub = new Permission();
    private Permission sub = new Permission();
    private Long respMax;
    private long respTtlNanos;

    public Permission pub() {
        return pub;
    }

    public Permission sub() {
        return sub;
    }

    public boolean hasResponsePermission() {
        return respMax != null;
    }

    public long responseMax() {
        return respMax == null ? 0 : respMax;
    }

    public long responseTtlNanos() {
        return respTtlNanos;
    }

    public Permissions responsePermission(long max, long ttlNanos) {
        respMax = max;
        respTtlNanos = ttlNanos;
        return this;
    }

    public Permissions clearResponsePermission() {
        respMax = null;
        respTtlNanos = 0;
        return this;
    }

    /** Sorts the allow and deny subjects of pub and sub by their UTF-8 bytes (Go's sort.Strings). */
    public void sortSubjects() {
        pub.allow().sort(Utf8Order.INSTANCE);
        pub.deny().sort(Utf8Order.INSTANCE);
        sub.allow().sort(Utf8Order.INSTANCE);
        sub.deny().sort(Utf8Order.INSTANCE);
    }

    public boolean isEmpty() {
        return pub.isEmpty() && sub.isEmpty() && respMax == null;
    }

    /** Writes the pub, sub and resp fields into the object being written. */
    void writeFields(JsonWriter w) {
        w.name("pub");
        pub.write(w);
        w.name("sub");
        sub.write(w);
        if (respMax != null) {
            w.name("resp").beginObject().name("max").value((long) respMax).name("ttl").value(respTtlNanos).endObject();
        }
    }

    void readFields(Map<String, Object> m) {
        pub = Permission.read(Json.map(m, "pub"));
        sub = Permission.read(Json.map(m, "sub"));
        Map<String, Object> resp = Json.map(m, "resp");
        if (resp != null) {
            respMax = Json.num(resp, "max");
            respTtlNanos = Json.num(resp, "ttl");
        }
    }
}
