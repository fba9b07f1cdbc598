package dev.jnsc.ops;

import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.ServiceLatency;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The flag values of add/edit export, checked and converted; a refusal names the flag, the value and what is expected. */
public final class ExportValues {
    /** {@code --sampling 0} of edit export: stop tracking latency. */
    static final int SAMPLING_OFF = -1;
    /** The jwt library's limit on descriptions and info URLs. */
    private static final int MAX_INFO_BYTES = 8 * 1024;

    private ExportValues() {
    }

    /** Singleton, Stream or Chunked, in any case; null when not given. */
    public static String responseType(String value) {
        if (value == null) {
            return null;
        }
        for (String t : new String[] {Export.SINGLETON, Export.STREAM_RESPONSE, Export.CHUNKED}) {
            if (t.equalsIgnoreCase(value.trim())) {
                return t;
            }
        }
        throw new OpsException("--response-type \"" + value + "\" is invalid: expected Singleton, Stream or Chunked");
    }

    public static long threshold(String value) {
        return Durations.parseNanos("--response-threshold", value);
    }

    /** The subject latency measurements go to: a valid subject without wildcards. */
    public static String latencySubject(String value) {
        String s = Subjects.check("--latency", value);
        if (Subjects.hasWildcards(s)) {
            throw new OpsException("--latency \"" + value + "\" is invalid: the latency results subject cannot contain"
                    + " wildcards");
        }
        return s;
    }

    /** 1-100, or "header" ({@link ServiceLatency#HEADERS}); with {@code allowOff}, "0" is {@link #SAMPLING_OFF}. */
    public static int sampling(String value, boolean allowOff) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("header") || v.equals("headers")) {
            return ServiceLatency.HEADERS;
        }
        if (allowOff && v.equals("0")) {
            return SAMPLING_OFF;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new OpsException("--sampling \"" + value + "\" is invalid: expected a percentage from 1 to 100, or header"
                + (allowOff ? " (0 stops latency tracking)" : ""));
    }

    public static String samplingText(int sampling) {
        return sampling == ServiceLatency.HEADERS ? "header" : sampling + "%";
    }

    /** A 1-based token position; 0 means none. */
    static int position(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new OpsException("--account-token-position \"" + value + "\" is invalid: expected the position of a \"*\""
                + " token of the subject (1 for the first token), or 0 for none");
    }

    /** The account token position must name a "*" token of the subject, and only public exports have one. */
    static void checkPosition(Export e, String what) {
        int p = e.accountTokenPosition();
        if (p == 0) {
            return;
        }
        if (e.tokenRequired()) {
            throw new OpsException(what + " is invalid for a private export: only public exports have an account token"
                    + " position (a private export's importers are named by their activations)");
        }
        String token = Subjects.token(e.subject(), p);
        if (token == null) {
            throw new OpsException(what + " is invalid for subject \"" + e.subject() + "\": it has "
                    + Subjects.tokenCount(e.subject()) + " tokens, expected the position of one of its \"*\" tokens");
        }
        if (!token.equals("*")) {
            throw new OpsException(what + " is invalid for subject \"" + e.subject() + "\": token " + p + " is \"" + token
                    + "\", expected the position of a \"*\" token (where importers put their account key)");
        }
    }

    static void checkDescription(String description) {
        if (description != null && description.getBytes(StandardCharsets.UTF_8).length > MAX_INFO_BYTES) {
            throw new OpsException("--description is too long (" + description.getBytes(StandardCharsets.UTF_8).length
                    + " bytes): expected at most " + MAX_INFO_BYTES + " bytes");
        }
    }

    /** A service-only flag given for a new stream export. */
    static void refuseOnStream(String flag, String value) {
        if (value != null) {
            throw new OpsException(flag + describe(flag, value) + " is only valid for service exports: add --service");
        }
    }

    /** A service-only flag given for an export that is, or becomes, a stream. */
    static void refuseOnStream(String flag, String value, Export e, boolean madeStream) {
        if (value != null) {
            throw new OpsException(flag + describe(flag, value) + " is only valid for service exports, and "
                    + (madeStream ? "--service=false makes export \"" + e.subject() + "\" a stream"
                            : "export \"" + e.subject() + "\" is a stream"));
        }
    }

    private static String describe(String flag, String value) {
        return flag.equals("--allow-trace") || flag.equals("--rm-latency-sampling") ? "" : " \"" + value + "\"";
    }
}
