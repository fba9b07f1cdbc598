package dev.jnsc.jwt;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One entry of an account's {@code imports}: a stream or service taken from another account.
 * Written in the Go library's field order ({@code name, subject, account, token, to,
 * local_subject, type, share, allow_trace}), each left out when empty. Fields this version does
 * not know are kept in {@link #extras()} and written after the known ones.
 */
public final class Import {
    private static final Set<String> FIELDS = Set.of("name", "subject", "account", "token", "to", "local_subject",
            "type", "share", "allow_trace");

    /** By subject in Go's (UTF-8 byte) order; the account sorts with it stably when it writes. */
    static final Comparator<Import> BY_SUBJECT = new Comparator<>() {
        @Override
        public int compare(Import a, Import b) {
            return Utf8Order.INSTANCE.compare(a.subject, b.subject);
        }
    };

    private String name = "";
    private String subject = "";
    private String account = "";
    private String token = "";
    private String to = "";
    private String localSubject = "";
    private ExportType type;
    private boolean share;
    private boolean allowTrace;
    private final Map<String, Object> extras = new LinkedHashMap<>();

    /** An import without type; the Go library leaves such a type out and its validation rejects it. */
    public Import() {
    }

    public static Import stream(String account, String subject) {
        return new Import().type(ExportType.STREAM).account(account).subject(subject);
    }

    public static Import service(String account, String subject) {
        return new Import().type(ExportType.SERVICE).account(account).subject(subject);
    }

    public String name() {
        return name;
    }

    public Import name(String v) {
        name = v == null ? "" : v;
        return this;
    }

    /** The subject in the exporting account's namespace. */
    public String subject() {
        return subject;
    }

    public Import subject(String v) {
        subject = v == null ? "" : v;
        return this;
    }

    /** The exporting account's public key. */
    public String account() {
        return account;
    }

    public Import account(String v) {
        account = v == null ? "" : v;
        return this;
    }

    /** The activation JWT, or a URL to it, for a private export; "" for a public one. */
    public String token() {
        return token;
    }

    public Import token(String v) {
        token = v == null ? "" : v;
        return this;
    }

    /** Deprecated rename field of older JWTs ({@code to}); new imports use {@link #localSubject()}. */
    public String to() {
        return to;
    }

    public Import to(String v) {
        to = v == null ? "" : v;
        return this;
    }

    /** The subject in the importing account; may use $1-style references to the subject's "*" tokens. */
    public String localSubject() {
        return localSubject;
    }

    public Import localSubject(String v) {
        localSubject = v == null ? "" : v;
        return this;
    }

    /** Stream, service, or null when the JWT gave none. */
    public ExportType type() {
        return type;
    }

    public Import type(ExportType v) {
        type = v;
        return this;
    }

    public boolean isService() {
        return type == ExportType.SERVICE;
    }

    public boolean isStream() {
        return type == ExportType.STREAM;
    }

    /** Services: share the requester's details with the exporter's latency tracking. */
    public boolean share() {
        return share;
    }

    public Import share(boolean v) {
        share = v;
        return this;
    }

    public boolean allowTrace() {
        return allowTrace;
    }

    public Import allowTrace(boolean v) {
        allowTrace = v;
        return this;
    }

    /** Fields of this import that this version does not model, kept as parsed JSON. */
    public Map<String, Object> extras() {
        return extras;
    }

    void write(JsonWriter w) {
        w.beginObject().field("name", name).field("subject", subject).field("account", account).field("token", token)
                .field("to", to).field("local_subject", localSubject).field("type", ExportType.json(type))
                .field("share", share).field("allow_trace", allowTrace);
        for (Map.Entry<String, Object> e : extras.entrySet()) {
            w.name(e.getKey()).value(e.getValue());
        }
        w.endObject();
    }

    static Import read(Map<String, Object> m) {
        Import i = new Import();
        i.subject = Json.str(m, "subject");
        i.name = Json.str(m, "name");
        i.account = Json.str(m, "account");
        i.token = Json.str(m, "token");
        i.to = Json.str(m, "to");
        i.localSubject = Json.str(m, "local_subject");
        i.type = ExportType.fromJson(Json.str(m, "type"), "import " + Json.quote(i.subject));
        i.share = Json.bool(m, "share");
        i.allowTrace = Json.bool(m, "allow_trace");
        Json.copyUnknown(m, FIELDS, i.extras);
        return i;
    }
}
