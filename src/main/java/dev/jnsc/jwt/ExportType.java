package dev.jnsc.jwt;

/** What an export offers and an import or activation takes: a stream or a service. */
public enum ExportType {
    STREAM("stream"),
    SERVICE("service");

    private final String json;

    ExportType(String json) {
        this.json = json;
    }

    /** The JSON value, "stream" or "service". */
    public String json() {
        return json;
    }

    /**
     * The type written as {@code value}; null for "" (Go's Unknown, which is left out of the JSON).
     * Like the Go library, any other value is an error, matched case-sensitively.
     */
    public static ExportType fromJson(String value, String what) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.equals("stream")) {
            return STREAM;
        }
        if (value.equals("service")) {
            return SERVICE;
        }
        throw new JwtException(what + ": expected type \"stream\" or \"service\", found " + Json.quote(value));
    }

    static String json(ExportType t) {
        return t == null ? "" : t.json;
    }
}
