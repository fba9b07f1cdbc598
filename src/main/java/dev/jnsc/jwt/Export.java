package dev.jnsc.jwt;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One entry of an account's {@code exports}: a stream or service other accounts may import.
 * Written in the Go library's field order ({@code name, subject, type, token_req, revocations,
 * response_type, response_threshold, service_latency, account_token_position, advertise,
 * allow_trace, description, info_url}), each left out when empty. Fields this version does not
 * know are kept in {@link #extras()} and written after the known ones.
 */
public final class Export {
    public static final String SINGLETON = "Singleton";
    public static final String STREAM_RESPONSE = "Stream";
    public static final String CHUNKED = "Chunked";

    private static final Set<String> FIELDS = Set.of("name", "subject", "type", "token_req", "revocations",
            "response_type", "response_threshold", "service_latency", "account_token_position", "advertise",
            "allow_trace", "description", "info_url");

    /** By subject in Go's (UTF-8 byte) order; the account sorts with it stably when it writes. */
    static final Comparator<Export> BY_SUBJECT = new Comparator<>() {
        @Override
        public int compare(Export a, Export b) {
            return Utf8Order.INSTANCE.compare(a.subject, b.subject);
        }
    };

    private String name = "";
    private String subject = "";
    private ExportType type;
    private boolean tokenRequired;
    private final Map<String, Long> revocations = new TreeMap<>(Utf8Order.INSTANCE);
    private String responseType = "";
    private long responseThresholdNanos;
    private ServiceLatency latency;
    private int accountTokenPosition;
    private boolean advertise;
    private boolean allowTrace;
    private String description = "";
    private String infoUrl = "";
    private final Map<String, Object> extras = new LinkedHashMap<>();

    /** An export without type; the Go library leaves such a type out and its validation rejects it. */
    public Export() {
    }

    public static Export stream(String subject) {
        return new Export().type(ExportType.STREAM).subject(subject);
    }

    public static Export service(String subject) {
        return new Export().type(ExportType.SERVICE).subject(subject);
    }

    public String name() {
        return name;
    }

    public Export name(String v) {
        name = v == null ? "" : v;
        return this;
    }

    public String subject() {
        return subject;
    }

    public Export subject(String v) {
        subject = v == null ? "" : v;
        return this;
    }

    /** Stream, service, or null when the JWT gave none. */
    public ExportType type() {
        return type;
    }

    public Export type(ExportType v) {
        type = v;
        return this;
    }

    public boolean isService() {
        return type == ExportType.SERVICE;
    }

    public boolean isStream() {
        return type == ExportType.STREAM;
    }

    /** A private export ({@code token_req}): importers need an activation token. */
    public boolean tokenRequired() {
        return tokenRequired;
    }

    public Export tokenRequired(boolean v) {
        tokenRequired = v;
        return this;
    }

    /** Importing account keys (or "*" for all) to the time before which their activations are revoked. */
    public Map<String, Long> revocations() {
        return revocations;
    }

    /** Revokes activations of {@code accountKey} issued at or before {@code unixSeconds}; a later existing time is kept. */
    public Export revokeAt(String accountKey, long unixSeconds) {
        Long old = revocations.get(accountKey);
        if (old == null || old <= unixSeconds) {
            revocations.put(accountKey, unixSeconds);
        }
        return this;
    }

    /** True when an activation for {@code accountKey} issued at {@code issuedAt} is revoked, by key or by "*". */
    public boolean isRevoked(String accountKey, long issuedAt) {
        Long all = revocations.get("*");
        if (all != null && all >= issuedAt) {
            return true;
        }
        Long t = revocations.get(accountKey);
        return t != null && t >= issuedAt;
    }

    /** "Singleton", "Stream", "Chunked" or "" (services only; "" means Singleton). */
    public String responseType() {
        return responseType;
    }

    public Export responseType(String v) {
        responseType = v == null ? "" : v;
        return this;
    }

    public boolean isSingleResponse() {
        return isService() && (responseType.isEmpty() || responseType.equals(SINGLETON));
    }

    public boolean isStreamResponse() {
        return isService() && responseType.equals(STREAM_RESPONSE);
    }

    public boolean isChunkedResponse() {
        return isService() && responseType.equals(CHUNKED);
    }

    /** How long the service may take to respond, in nanoseconds; 0 = not set. */
    public long responseThresholdNanos() {
        return responseThresholdNanos;
    }

    public Export responseThresholdNanos(long v) {
        responseThresholdNanos = v;
        return this;
    }

    /** Latency tracking of a service, or null. */
    public ServiceLatency latency() {
        return latency;
    }

    public Export latency(ServiceLatency v) {
        latency = v;
        return this;
    }

    /** 1-based subject token that must be "*" and is replaced by the importing account; 0 = none. */
    public int accountTokenPosition() {
        return accountTokenPosition;
    }

    public Export accountTokenPosition(int v) {
        if (v < 0) {
            throw new JwtException("account token position: expected 0 or more, found " + v);
        }
        accountTokenPosition = v;
        return this;
    }

    public boolean advertise() {
        return advertise;
    }

    public Export advertise(boolean v) {
        advertise = v;
        return this;
    }

    public boolean allowTrace() {
        return allowTrace;
    }

    public Export allowTrace(boolean v) {
        allowTrace = v;
        return this;
    }

    public String description() {
        return description;
    }

    public Export description(String v) {
        description = v == null ? "" : v;
        return this;
    }

    public String infoUrl() {
        return infoUrl;
    }

    public Export infoUrl(String v) {
        infoUrl = v == null ? "" : v;
        return this;
    }

    /** Fields of this export that this version does not model, kept as parsed JSON. */
    public Map<String, Object> extras() {
        return extras;
    }

    void write(JsonWriter w) {
        w.beginObject().field("name", name).field("subject", subject).field("type", ExportType.json(type))
                .field("token_req", tokenRequired);
        if (!revocations.isEmpty()) {
            w.name("revocations").beginObject();
            for (Map.Entry<String, Long> e : revocations.entrySet()) {
                w.name(e.getKey()).value((long) e.getValue());
            }
            w.endObject();
        }
        w.field("response_type", responseType).field("response_threshold", responseThresholdNanos);
        if (latency != null) {
            w.name("service_latency");
            latency.write(w);
        }
        w.field("account_token_position", accountTokenPosition).field("advertise", advertise)
                .field("allow_trace", allowTrace).field("description", description).field("info_url", infoUrl);
        for (Map.Entry<String, Object> e : extras.entrySet()) {
            w.name(e.getKey()).value(e.getValue());
        }
        w.endObject();
    }

    static Export read(Map<String, Object> m) {
        Export e = new Export();
        e.subject = Json.str(m, "subject");
        String what = "export " + Json.quote(e.subject);
        e.name = Json.str(m, "name");
        e.type = ExportType.fromJson(Json.str(m, "type"), what);
        e.tokenRequired = Json.bool(m, "token_req");
        Map<String, Object> rev = Json.map(m, "revocations");
        if (rev != null) {
            for (String k : rev.keySet()) {
                e.revocations.put(k, Json.num(rev, k));
            }
        }
        e.responseType = Json.str(m, "response_type");
        e.responseThresholdNanos = Json.num(m, "response_threshold");
        Map<String, Object> lat = Json.map(m, "service_latency");
        if (lat != null) {
            e.latency = ServiceLatency.read(lat, what);
        }
        e.accountTokenPosition = (int) Json.unsigned(m, "account_token_position", Integer.MAX_VALUE, what);
        e.advertise = Json.bool(m, "advertise");
        e.allowTrace = Json.bool(m, "allow_trace");
        e.description = Json.str(m, "description");
        e.infoUrl = Json.str(m, "info_url");
        Json.copyUnknown(m, FIELDS, e.extras);
        return e;
    }
}
