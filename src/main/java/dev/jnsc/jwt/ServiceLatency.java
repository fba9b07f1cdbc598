package dev.jnsc.jwt;

import java.util.Map;

/**
 * Latency tracking of a service export: the share of requests measured (1-100 percent, or
 * {@link #HEADERS} when the requester's headers decide) and the subject the measurements go to.
 * JSON: {@code {"sampling":50,"results":"lat"}} or {@code {"sampling":"headers",...}}, both fields
 * always written.
 */
public record ServiceLatency(int sampling, String results) {
    /** Sampling decided by headers; Go's {@code jwt.Headers}, zero. */
    public static final int HEADERS = 0;

    public ServiceLatency {
        results = results == null ? "" : results;
    }

    public static ServiceLatency headers(String results) {
        return new ServiceLatency(HEADERS, results);
    }

    public static ServiceLatency sampled(int percent, String results) {
        return new ServiceLatency(percent, results);
    }

    public boolean isHeaders() {
        return sampling == HEADERS;
    }

    /** Fails, as the Go library's encoder does, for a sampling outside 1-100 that is not headers. */
    void write(JsonWriter w) {
        if (sampling != HEADERS && (sampling < 1 || sampling > 100)) {
            throw new JwtException("service latency sampling: expected 1-100 or headers, found " + sampling);
        }
        w.beginObject().name("sampling");
        if (sampling == HEADERS) {
            w.value("headers");
        } else {
            w.value((long) sampling);
        }
        w.name("results").value(results).endObject();
    }

    /** Reads a number (kept as is; the encoder checks the range) or "headers" in any case. */
    static ServiceLatency read(Map<String, Object> m, String what) {
        Object s = m.get("sampling");
        int sampling;
        if (s == null) {
            sampling = HEADERS;
        } else if (s instanceof String) {
            if (!((String) s).equalsIgnoreCase("headers")) {
                throw new JwtException(what + ": expected a latency sampling of 1-100 or \"headers\", found " + Json.quote(String.valueOf(s)));
            }
            sampling = HEADERS;
        } else {
            long n = Json.num(m, "sampling");
            if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                throw new JwtException(what + ": expected a latency sampling of 1-100 or \"headers\", found " + n);
            }
            sampling = (int) n;
        }
        return new ServiceLatency(sampling, Json.str(m, "results"));
    }
}
