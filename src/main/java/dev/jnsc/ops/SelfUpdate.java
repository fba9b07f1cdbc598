package dev.jnsc.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * jnsc's {@code update}: finds a release in the feed, downloads its jnsc executable (the asset
 * {@code nsc}, else {@code jnsc}), checks it against the release's SHA-256 checksum
 * ({@code <asset>.sha256}, else a {@code SHA256SUMS}/{@code checksums.txt} list) and replaces the
 * launcher file it runs from atomically: a temp file in the same folder, synced, with the
 * launcher's mode, renamed over it. A refused download leaves the launcher as it was.
 */
public final class SelfUpdate {
    private SelfUpdate() {
    }

    /** Names of the executable asset, in order of preference. */
    static final List<String> EXECUTABLES = List.of("nsc", "jnsc");
    /** Checksum lists a release may carry instead of {@code <asset>.sha256}. */
    static final List<String> CHECKSUM_LISTS = List.of("SHA256SUMS", "sha256sums.txt", "checksums.txt");
    /** What a jnsc launcher file starts with (src/main/sh/launcher.sh). */
    static final String LAUNCHER_MARK = "# jnsc: a POSIX shell launcher";
    private static final long MAX_SIZE = 512L << 20;
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

    /**
     * @param feed the release feed's base URL (JNSC_UPDATE_URL)
     * @param version the wanted version, or null for the latest release
     * @param current the running version
     * @param launcher the launcher file to replace
     */
    public record Request(String feed, String version, String current, Path launcher) {
    }

    /** What happened: {@code updated} false when the wanted release is the running version. */
    public record Result(boolean updated, String version, String notes) {
    }

    public static Result run(Request req) {
        Path launcher = checkLauncher(req.launcher());
        Releases feed = new Releases(req.feed());
        Releases.Release release = feed.find(req.version());
        if (Releases.same(release.version(), req.current())) {
            return new Result(false, release.version(), release.notes());
        }
        Releases.Asset exe = EXECUTABLES.stream().map(release::asset).filter(a -> a != null).findFirst()
                .orElseThrow(() -> new OpsException("release " + release.version() + " has no jnsc executable (an asset named "
                        + String.join(" or ", EXECUTABLES) + ")"));
        String expected = checksum(feed, release, exe);
        replace(feed, exe, expected, launcher);
        return new Result(true, release.version(), release.notes());
    }

    /** The launcher as a real, writable jnsc launcher file. */
    private static Path checkLauncher(Path launcher) {
        Path p;
        try {
            p = launcher.toRealPath();
        } catch (IOException e) {
            throw new OpsException("cannot update: the launcher file " + launcher + " does not exist");
        }
        if (!Files.isRegularFile(p) || !startsAsLauncher(p)) {
            throw new OpsException("cannot update: " + p + " is not a jnsc launcher file (it should start with \""
                    + LAUNCHER_MARK + "\")");
        }
        if (!Files.isWritable(p.getParent())) {
            throw new OpsException("cannot update: the folder " + p.getParent() + " of the launcher is not writable");
        }
        return p;
    }

    private static boolean startsAsLauncher(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return new String(in.readNBytes(256), StandardCharsets.ISO_8859_1).contains("\n" + LAUNCHER_MARK);
        } catch (IOException e) {
            return false;
        }
    }

    /** The expected SHA-256 (lower-case hex) of the executable asset, from the release's checksum asset. */
    private static String checksum(Releases feed, Releases.Release release, Releases.Asset exe) {
        Releases.Asset own = release.asset(exe.name() + ".sha256");
        List<Releases.Asset> candidates = own != null ? List.of(own)
                : CHECKSUM_LISTS.stream().map(release::asset).filter(a -> a != null).toList();
        if (candidates.isEmpty()) {
            throw new OpsException("release " + release.version() + " has no SHA-256 checksum for " + exe.name()
                    + " (an asset " + exe.name() + ".sha256 or " + String.join(", ", CHECKSUM_LISTS) + "): not updating");
        }
        for (Releases.Asset c : candidates) {
            String text = new String(download(feed, c, 1 << 20, null), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                String[] f = line.trim().split("\\s+");
                boolean named = f.length >= 2 && f[1].replaceFirst("^\\*", "").equals(exe.name());
                boolean alone = c == own && f.length >= 1;
                if ((named || alone) && f[0].matches("(?i)[0-9a-f]{64}")) {
                    return f[0].toLowerCase(Locale.ROOT);
                }
            }
        }
        throw new OpsException("release " + release.version() + ": " + candidates.get(0).name() + " holds no SHA-256 checksum for "
                + exe.name() + ": not updating");
    }

    /** Downloads the asset next to the launcher, checks it, and renames it over the launcher. */
    private static void replace(Releases feed, Releases.Asset exe, String expected, Path launcher) {
        Path dir = launcher.getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + launcher.getFileName() + ".update-", ".tmp");
            MessageDigest sha = sha256();
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                download(feed, exe, MAX_SIZE, new Sink(out, sha));
            }
            String got = HexFormat.of().formatHex(sha.digest());
            if (!got.equals(expected)) {
                throw new OpsException("the download of " + exe.name() + " does not match its SHA-256 checksum (expected "
                        + expected + ", got " + got + "): " + launcher + " is unchanged");
            }
            if (!startsAsLauncher(tmp)) {
                throw new OpsException("the asset " + exe.name() + " is not a jnsc launcher file: " + launcher + " is unchanged");
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(launcher, LinkOption.NOFOLLOW_LINKS);
            Files.setPosixFilePermissions(tmp, mode);
            try {
                Files.move(tmp, launcher, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new OpsException("cannot replace " + launcher + " atomically: " + e.getMessage());
            }
            tmp = null;
            syncFolder(dir);
        } catch (IOException e) {
            throw new OpsException("cannot write the new launcher beside " + launcher + ": " + e.getMessage() + " (it is unchanged)");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the temp file stays; the launcher itself was not touched
                }
            }
        }
    }

    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every file system syncs folders; the rename is done
        }
    }

    /** Where a download goes: the file, and the digest of what was written. */
    private record Sink(OutputStream out, MessageDigest digest) {
    }

    /** The asset's bytes (sink null), or streamed into the sink; refused past {@code limit} bytes. */
    private static byte[] download(Releases feed, Releases.Asset asset, long limit, Sink sink) {
        URI uri;
        try {
            uri = URI.create(asset.url());
        } catch (IllegalArgumentException e) {
            throw new OpsException("asset " + asset.name() + " has an invalid download URL: " + asset.url());
        }
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(DOWNLOAD_TIMEOUT).header("Accept", "application/octet-stream")
                .GET().build();
        try {
            HttpResponse<InputStream> r = feed.http().send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() / 100 != 2) {
                    throw new OpsException("cannot download " + asset.name() + ": " + asset.url() + " answered HTTP " + r.statusCode());
                }
                java.io.ByteArrayOutputStream kept = sink == null ? new java.io.ByteArrayOutputStream() : null;
                byte[] buf = new byte[1 << 16];
                long total = 0;
                for (int n; (n = in.read(buf)) > 0;) {
                    total += n;
                    if (total > limit) {
                        throw new OpsException("cannot download " + asset.name() + ": larger than " + limit + " bytes");
                    }
                    if (sink == null) {
                        kept.write(buf, 0, n);
                    } else {
                        sink.out().write(buf, 0, n);
                        sink.digest().update(buf, 0, n);
                    }
                }
                return kept == null ? null : kept.toByteArray();
            }
        } catch (IOException e) {
            throw new OpsException("cannot download " + asset.name() + " from " + asset.url() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted while downloading " + asset.name());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
