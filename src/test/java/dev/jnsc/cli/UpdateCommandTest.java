package dev.jnsc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.jnsc.testing.Nsc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * update against a fake release feed in the GitHub releases API format (a JDK HttpServer), with a
 * launcher file in a temp folder: replaced (mode kept, nothing else left in the folder), already
 * current, a checksum that does not match, a version the feed does not have, and no feed at all.
 */
class UpdateCommandTest {
    static final String OLD = "#!/bin/sh\n# jnsc: a POSIX shell launcher; the application jar is appended to this file.\nold\n";
    static final String NEW = "#!/bin/sh\n# jnsc: a POSIX shell launcher; the application jar is appended to this file.\nnew\n";

    @TempDir
    Path home;
    @TempDir
    Path bin;
    Path launcher;
    HttpServer server;
    String base;
    /** Path → body the feed serves (404 for any other path). */
    final Map<String, byte[]> served = new ConcurrentHashMap<>();
    final List<String> requests = new ArrayList<>();

    @BeforeEach
    void feedAndLauncher() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/repos/team/jnsc";
        server.createContext("/", ex -> {
            synchronized (requests) {
                requests.add(ex.getRequestURI().getPath());
            }
            byte[] body = served.get(ex.getRequestURI().getPath());
            ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        launcher = bin.resolve("nsc");
        Files.writeString(launcher, OLD);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-x---"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** A release served at {@code feedPath}, with the executable and (unless null) its checksum file. */
    private void release(String feedPath, String tag, String notes, byte[] exe, String checksum) {
        String dl = "http://127.0.0.1:" + server.getAddress().getPort() + "/download/" + tag + "/";
        String assets = "{\"name\":\"nsc\",\"browser_download_url\":\"" + dl + "nsc\",\"size\":" + exe.length + "}";
        served.put("/download/" + tag + "/nsc", exe);
        if (checksum != null) {
            assets += ",{\"name\":\"SHA256SUMS\",\"browser_download_url\":\"" + dl + "SHA256SUMS\"}";
            served.put("/download/" + tag + "/SHA256SUMS", (checksum + "  nsc\n" + "0".repeat(64) + "  other\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        served.put("/repos/team/jnsc" + feedPath, ("{\"tag_name\":\"" + tag + "\",\"name\":\"jnsc " + tag + "\",\"body\":\""
                + notes + "\",\"assets\":[" + assets + "]}").getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private Nsc nsc() {
        return new Nsc(home).env("JNSC_UPDATE_URL", base).env("JNSC_LAUNCHER", launcher.toString());
    }

    private List<String> binFiles() throws IOException {
        try (Stream<Path> s = Files.list(bin)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheLauncherWithTheLatestRelease() throws Exception {
        byte[] exe = NEW.getBytes(StandardCharsets.UTF_8);
        release("/releases/latest", "v9.9.9", "Fixes:\\n- everything", exe, sha256(exe));
        Nsc.Result r = nsc().run("update");
        assertEquals(0, r.code(), r.toString());
        assertEquals("Updating to version 9.9.9\n\nRelease Notes:\n\nFixes:\n- everything\n", r.out());
        assertArrayEquals(exe, Files.readAllBytes(launcher));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(launcher)));
        assertEquals(List.of("nsc"), binFiles()); // no temp file left
        assertTrue(requests.contains("/repos/team/jnsc/releases/latest"), requests.toString());
    }

    @Test
    void jsonNamesTheNewVersionAndTheLauncher() throws Exception {
        byte[] exe = NEW.getBytes(StandardCharsets.UTF_8);
        release("/releases/latest", "v9.9.9", "Fixes:\\n- everything", exe, sha256(exe));
        Nsc.Result r = nsc().run("update", "--json");
        assertEquals(0, r.code(), r.toString());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        com.fasterxml.jackson.databind.JsonNode c = json.get("changes").get(0);
        assertEquals("updated launcher 9.9.9 " + launcher, c.get("action").asText() + " " + c.get("kind").asText() + " "
                + c.get("name").asText() + " " + c.get("path").asText());
        assertEquals("Updating to version 9.9.9\n\nRelease Notes:\n\nFixes:\n- everything\n", json.get("output").asText());
        assertArrayEquals(exe, Files.readAllBytes(launcher));
    }

    @Test
    void aVersionOfItsOwnChecksumFileAndTheVersionFlag() throws Exception {
        byte[] exe = NEW.getBytes(StandardCharsets.UTF_8);
        String dl = "http://127.0.0.1:" + server.getAddress().getPort() + "/dl/";
        served.put("/dl/nsc", exe);
        served.put("/dl/nsc.sha256", (sha256(exe) + "\n").getBytes(StandardCharsets.UTF_8));
        served.put("/repos/team/jnsc/releases/tags/v1.2.0", ("{\"tag_name\":\"v1.2\",\"body\":\"\",\"assets\":["
                + "{\"name\":\"nsc.sha256\",\"browser_download_url\":\"" + dl + "nsc.sha256\"},"
                + "{\"name\":\"nsc\",\"browser_download_url\":\"" + dl + "nsc\"}]}").getBytes(StandardCharsets.UTF_8));
        Nsc.Result r = nsc().run("update", "--version", "v1.2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("Updating to version 1.2.0\n"), r.out());
        assertArrayEquals(exe, Files.readAllBytes(launcher));
    }

    @Test
    void theRunningVersionIsNotInstalledAgain() throws Exception {
        String current = VersionProvider.version();
        byte[] exe = NEW.getBytes(StandardCharsets.UTF_8);
        release("/releases/tags/v" + current, "v" + current, "same", exe, sha256(exe));
        Nsc.Result r = nsc().run("update", "--version", current);
        assertEquals(0, r.code(), r.toString());
        assertEquals("Current version " + current + " is requested version\n", r.err());
        assertEquals("", r.out());
        assertEquals(OLD, Files.readString(launcher));
        assertTrue(requests.stream().noneMatch(p -> p.startsWith("/download/")), requests.toString());
    }

    @Test
    void aChecksumMismatchLeavesTheLauncherUntouched() throws Exception {
        byte[] exe = NEW.getBytes(StandardCharsets.UTF_8);
        release("/releases/latest", "v9.9.9", "", exe, sha256("something else".getBytes(StandardCharsets.UTF_8)));
        Nsc.Result r = nsc().run("update", "--version", "latest");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("Error: the download of nsc does not match its SHA-256 checksum (expected "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals(OLD, Files.readString(launcher));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(launcher)));
        assertEquals(List.of("nsc"), binFiles());
    }

    @Test
    void refusals() throws Exception {
        byte[] exe = NEW.getBytes(StandardCharsets.UTF_8);
        // a version the feed does not have
        Nsc.Result r = nsc().run("update", "--version", "3.0.0");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("Error: version 3.0.0 not found ("), r.err());
        // no checksum in the release
        release("/releases/tags/v4.0.0", "v4.0.0", "", exe, null);
        r = nsc().run("update", "--version", "4.0.0");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("Error: release 4.0.0 has no SHA-256 checksum for nsc"), r.err());
        // an asset that is not a jnsc launcher (an HTML page, a tarball), even with its checksum
        byte[] html = "<html>not found</html>".getBytes(StandardCharsets.UTF_8);
        release("/releases/tags/v5.0.0", "v5.0.0", "", html, sha256(html));
        r = nsc().run("update", "--version", "5.0.0");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("Error: the asset nsc is not a jnsc launcher file"), r.err());
        // not a version
        r = nsc().run("update", "--version", "newest");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--version \"newest\": expected latest or a version such as 1.2.3"), r.err());
        // no feed, no launcher, a launcher that is not one
        r = new Nsc(home).env("JNSC_LAUNCHER", launcher.toString()).run("update");
        assertEquals(1, r.code(), r.toString());
        assertEquals("Error: unable to check for updates - no release feed: set JNSC_UPDATE_URL to the base URL of a release"
                + " feed in the GitHub releases API format (e.g. https://api.github.com/repos/<owner>/<repo>)\n", r.err());
        r = new Nsc(home).env("JNSC_UPDATE_URL", base).run("update");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("Error: cannot update: the jnsc launcher file is not known"), r.err());
        Path other = Files.writeString(bin.resolve("other"), "#!/bin/sh\necho hi\n");
        r = new Nsc(home).env("JNSC_UPDATE_URL", base).env("JNSC_LAUNCHER", other.toString()).run("update");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("is not a jnsc launcher file"), r.err());
        r = new Nsc(home).env("JNSC_UPDATE_URL", "ftp://example.com/x").env("JNSC_LAUNCHER", launcher.toString())
                .run("update");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("is not an http(s) URL of a release feed"), r.err());
        assertEquals(OLD, Files.readString(launcher));
        assertEquals(List.of("nsc", "other"), binFiles());
    }

    /** update's own --version beside the -v/--version of every command: both work, and the root help lists update. */
    @Test
    void itsVersionFlagAndTheGlobalOne() {
        Nsc.Result r = new Nsc(home).run("--help");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("update"), r.out());
        r = new Nsc(home).run("update", "-v");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("nsc version "), r.out());
        r = new Nsc(home).run("update", "--help");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("--version=<version>"), r.out());
        assertEquals(0, new Nsc(home).run("--version").code());
    }

    @Test
    void notesAreWrappedAtEightyColumns() {
        String words = "word ".repeat(30).strip();
        String wrapped = UpdateCommand.wrap(words, 80);
        assertTrue(wrapped.lines().allMatch(l -> l.length() <= 80), wrapped);
        assertEquals(words, wrapped.replace('\n', ' '));
        assertEquals("a\n\nb", UpdateCommand.wrap("a\r\n\r\nb", 80));
    }
}
