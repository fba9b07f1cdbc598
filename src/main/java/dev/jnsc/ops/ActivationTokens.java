package dev.jnsc.ops;

import dev.jnsc.fs.Disk;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Jwt;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads the activation token of add import --token: a file (bare or decorated JWT) or an http(s)
 * URL, fetched with the JDK's HTTP client. Commands read it before they take the store lock, so a
 * slow server holds up no other nsc command.
 */
public final class ActivationTokens {
    /** How long a token URL may take to answer (the Go nsc's 5 seconds). */
    public static final Duration URL_TIMEOUT = Duration.ofSeconds(5);

    private ActivationTokens() {
    }

    /** True for what the Go nsc reads as a URL: an http or https scheme. */
    public static boolean isUrl(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /** The JWT in the file or at the URL {@code source}; fails with a message naming it. */
    public static String read(Workspace ws, String source, Duration timeout) {
        if (source == null || source.isBlank()) {
            throw new OpsException("--token is empty: expected the path or http(s) URL of an activation token");
        }
        String src = source.trim();
        byte[] data;
        if (isUrl(src)) {
            try {
                data = new dev.jnsc.resolver.ActivationClient(timeout).fetch(src);
            } catch (dev.jnsc.resolver.ResolverException e) {
                throw new OpsException("--token: " + e.getMessage());
            }
        } else {
            data = readFile(ws.env().path(src));
        }
        if (data.length > Jwt.MAX_TOKEN_BYTES) {
            throw new OpsException("--token \"" + src + "\" is larger than 1 MiB, which no activation token is");
        }
        Decorated.Parts parts = Decorated.parse(data);
        parts.clear();
        String jwt = parts.jwt().trim();
        if (jwt.isEmpty()) {
            throw new OpsException("--token \"" + src + "\" holds no JWT: expected an activation token from"
                    + " \"nsc generate activation\"");
        }
        return jwt;
    }

    private static byte[] readFile(Path p) {
        if (Files.isDirectory(p)) {
            throw new OpsException("--token " + p + " is a folder: expected a file holding an activation token");
        }
        if (Files.exists(p) && !Files.isRegularFile(p)) {
            throw new OpsException("--token " + p + " is not a regular file: expected a file holding an activation token");
        }
        try {
            byte[] data = Disk.readIfExists(p);
            if (data == null) {
                throw new OpsException("--token file " + p + " does not exist");
            }
            return data;
        } catch (UncheckedIOException e) {
            throw new OpsException("--token: " + e.getMessage());
        }
    }
}
