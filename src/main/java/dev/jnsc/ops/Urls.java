package dev.jnsc.ops;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** URL checks for operator service URLs and account JWT server URLs. */
public final class Urls {
    private static final Set<String> SERVICE_SCHEMES = Set.of("nats", "tls", "ws", "wss");
    private static final Set<String> SERVER_SCHEMES = Set.of("http", "https", "nats", "tls", "ws", "wss");

    private Urls() {
    }

    /** A service URL as stored: lower-cased; nats, tls, ws or wss; a host; no path or credentials. */
    public static String serviceUrl(String value) {
        URI u = parse("operator service url", value);
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!SERVICE_SCHEMES.contains(scheme)) {
            throw new OpsException("operator service url \"" + value
                    + "\" - protocol not supported (expected nats://, tls://, ws:// or wss://)");
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            throw new OpsException("operator service url \"" + value + "\" has no host (expected e.g. nats://localhost:4222)");
        }
        if (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/")) {
            throw new OpsException("operator service url \"" + value + "\" - paths are not supported");
        }
        if (u.getRawUserInfo() != null) {
            throw new OpsException("operator service url \"" + value + "\" - credentials are not supported");
        }
        return value.trim().toLowerCase(Locale.ROOT);
    }

    /** An account JWT server URL: http(s) for an account server, nats/tls/ws/wss for a nats resolver. */
    public static String accountServerUrl(String value) {
        URI u = parse("account jwt server url", value);
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!SERVER_SCHEMES.contains(scheme)) {
            throw new OpsException("account jwt server url \"" + value
                    + "\" - protocol not supported (expected http://, https://, nats://, tls://, ws:// or wss://)");
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            throw new OpsException("account jwt server url \"" + value + "\" has no host");
        }
        return value.trim();
    }

    private static URI parse(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new OpsException(what + " cannot be empty");
        }
        try {
            return new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new OpsException("error parsing " + what + " \"" + value + "\": " + e.getReason());
        }
    }
}
