package dev.jnsc.jwt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One destination of an account subject mapping: {@code {"subject":"to","weight":60,"cluster":"c"}}.
 * {@code subject} is always written; {@code weight} (Go's uint8) is left out when 0, which means
 * 100; {@code cluster} is left out when empty (the entry then applies in every cluster).
 */
public final class WeightedMapping {
    private static final Set<String> FIELDS = Set.of("subject", "weight", "cluster");

    private String subject;
    private int weight;
    private String cluster = "";
    private final Map<String, Object> extras = new LinkedHashMap<>();

    public WeightedMapping(String subject) {
        this.subject = subject == null ? "" : subject;
    }

    public String subject() {
        return subject;
    }

    public WeightedMapping subject(String v) {
        subject = v == null ? "" : v;
        return this;
    }

    /** The weight as written: 0 when left out. */
    public int weight() {
        return weight;
    }

    /** 0 (left out, meaning 100) to 255, the range of Go's uint8; more than 100 fails validation, not here. */
    public WeightedMapping weight(int v) {
        if (v < 0 || v > 255) {
            throw new JwtException("mapping weight: expected 0 to 255, found " + v);
        }
        weight = v;
        return this;
    }

    /** The weight that applies: 100 when none is written (Go's {@code GetWeight}). */
    public int effectiveWeight() {
        return weight == 0 ? 100 : weight;
    }

    public String cluster() {
        return cluster;
    }

    public WeightedMapping cluster(String v) {
        cluster = v == null ? "" : v;
        return this;
    }

    /** Fields of this entry that this version does not model, kept as parsed JSON. */
    public Map<String, Object> extras() {
        return extras;
    }

    void write(JsonWriter w) {
        w.beginObject().name("subject").value(subject).field("weight", weight).field("cluster", cluster);
        for (Map.Entry<String, Object> e : extras.entrySet()) {
            w.name(e.getKey()).value(e.getValue());
        }
        w.endObject();
    }

    static WeightedMapping read(Map<String, Object> m, String from) {
        WeightedMapping wm = new WeightedMapping(Json.str(m, "subject"));
        wm.weight = (int) Json.unsigned(m, "weight", 255, "mapping " + Json.quote(from));
        wm.cluster = Json.str(m, "cluster");
        Json.copyUnknown(m, FIELDS, wm.extras);
        return wm;
    }
}
