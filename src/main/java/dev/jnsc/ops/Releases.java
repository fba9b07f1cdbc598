package dev.jnsc.ops;

import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.JwtException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release feed in the GitHub releases API format: {@code GET <base>/releases/latest} and
 * {@code GET <base>/releases/tags/v<version>} answer a release with its {@code tag_name}, its
 * notes ({@code body}) and its {@code assets} (each a {@code name} and a
 * {@code browser_download_url}).
 */
public final class Releases {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final HttpClient http;

    /** One asset of a release. */
    public record Asset(String name, String url) {
    }

    /** A release: its version (without the "v"), its notes and its assets. */
    public record Release(String version, String notes, List<Asset> assets) {
        Asset asset(String name) {
            return assets.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** @param base the feed's base URL (https://api.github.com/repos/owner/name, or any server of that format) */
    public Releases(String base) {
        URI uri;
        try {
            uri = URI.create(base.trim());
        } catch (IllegalArgumentException e) {
            throw new OpsException("JNSC_UPDATE_URL \"" + base + "\" is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new OpsException("JNSC_UPDATE_URL \"" + base + "\" is not an http(s) URL of a release feed");
        }
        String b = base.trim();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    HttpClient http() {
        return http;
    }

    /** The latest release, or the one tagged {@code v<version>}; refused when the feed has none. */
    public Release find(String version) {
        String url = base + (version == null ? "/releases/latest" : "/releases/tags/v" + version);
        HttpResponse<byte[]> r = get(url);
        if (r.statusCode() == 404) {
            throw new OpsException(version == null ? "no release found at " + url : "version " + version + " not found (" + url
                    + " answered 404)");
        }
        if (r.statusCode() / 100 != 2) {
            throw new OpsException("error checking version: " + url + " answered HTTP " + r.statusCode());
        }
        try {
            return parse(r.body());
        } catch (JwtException | ClassCastException e) {
            throw new OpsException("error checking version: " + url + " did not answer a release: " + e.getMessage());
        }
    }

    private HttpResponse<byte[]> get(String url) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "application/vnd.github+json").GET().build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new OpsException("error checking version: cannot read " + url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted while reading " + url);
        }
    }

    static Release parse(byte[] json) {
        Map<String, Object> m = Json.parseObject(json);
        Object tag = m.get("tag_name");
        if (!(tag instanceof String) || ((String) tag).isBlank()) {
            throw new JwtException("no tag_name");
        }
        String version = version((String) tag);
        if (version == null) {
            throw new JwtException("tag_name \"" + tag + "\" is not a version (v1.2.3)");
        }
        Object body = m.get("body");
        List<Asset> assets = new ArrayList<>();
        if (m.get("assets") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> a && a.get("name") instanceof String name
                        && a.get("browser_download_url") instanceof String url) {
                    assets.add(new Asset(name, url));
                }
            }
        }
        return new Release(version, body instanceof String ? (String) body : "", List.copyOf(assets));
    }

    private static final Pattern VERSION = Pattern.compile(
            "v?(0|[1-9]\\d*)(?:\\.(0|[1-9]\\d*))?(?:\\.(0|[1-9]\\d*))?(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    /**
     * A version as the Go nsc's semver.ParseTolerant reads it ("v1.2" is 1.2.0), written without
     * the "v"; null when it is not one.
     */
    public static String version(String text) {
        Matcher m = VERSION.matcher(text.trim());
        if (!m.matches() || (m.group(3) == null && (m.group(4) != null || m.group(5) != null))) {
            return null;
        }
        return m.group(1) + "." + (m.group(2) == null ? "0" : m.group(2)) + "." + (m.group(3) == null ? "0" : m.group(3))
                + (m.group(4) == null ? "" : m.group(4)) + (m.group(5) == null ? "" : m.group(5));
    }

    /** Whether two versions are the same release (build metadata after "+" does not count, as in semver). */
    static boolean same(String a, String b) {
        String x = version(a);
        String y = version(b);
        return x != null && y != null && x.replaceFirst("\\+.*", "").equals(y.replaceFirst("\\+.*", ""));
    }
}
