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
        checkPort("operator service url", value, u);
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
        checkPort("account jwt server url", value, u);
        if (u.getHost() == null || u.getHost().isEmpty()) {
            throw new OpsException("account jwt server url \"" + value + "\" has no host");
        }
        return value.trim();
    }

    /**
     * A port, when the URL has one, must be a number from 1 to 65535. Read from the authority text:
     * {@link URI} keeps ports above 65535, and turns "host:-1" into an authority without a host.
     */
    private static void checkPort(String what, String value, URI u) {
        String authority = u.getRawAuthority();
        if (authority == null) {
            return;
        }
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        String port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0 || close == hostPort.length() - 1 || hostPort.charAt(close + 1) != ':') {
                return;
            }
            port = hostPort.substring(close + 2);
        } else {
            int colon = hostPort.lastIndexOf(':');
            if (colon < 0) {
                return;
            }
            port = hostPort.substring(colon + 1);
        }
        boolean digits = !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new OpsException(what + " \"" + value + "\" has " + (port.isEmpty() ? "an empty port" : "an invalid port \""
                    + port + "\"") + ": expected a port from 1 to 65535" + (port.isEmpty() ? ", or no ':' for the default" : ""));
        }
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
