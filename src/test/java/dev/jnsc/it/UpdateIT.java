package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.jnsc.testing.Executable;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
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
 * update end to end: a copy of target/nsc in a temp folder, run through a symlink as users do,
 * updates itself from a fake release feed (a JDK HttpServer in the GitHub releases API format)
 * whose release is target/nsc with another build line; the launcher names itself in
 * JNSC_LAUNCHER. The new file runs; a checksum mismatch and an unknown version leave it as it was.
 */
class UpdateIT {
    @TempDir
    Path dir;
    Path bin;
    Path installed;
    Path link;
    HttpServer server;
    String feed;
    final Map<String, byte[]> served = new ConcurrentHashMap<>();

    @BeforeEach
    void installAndServe() throws Exception {
        bin = Files.createDirectories(dir.resolve("opt/jnsc"));
        installed = bin.resolve("nsc");
        Files.copy(Executable.path(), installed);
        Files.setPosixFilePermissions(installed, PosixFilePermissions.fromString("rwxr-xr-x"));
        link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("bin")).resolve("nsc"), installed);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feed = "http://127.0.0.1:" + server.getAddress().getPort() + "/repos/team/jnsc";
        server.createContext("/", ex -> {
            byte[] body = served.get(ex.getRequestURI().getPath());
            ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** target/nsc with its build line changed: a working jnsc executable that differs from the installed one. */
    private static byte[] rebuilt(String build) throws Exception {
        byte[] exe = Files.readAllBytes(Executable.path());
        String text = new String(exe, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\nbuild=");
        int end = text.indexOf('\n', at + 1);
        return (text.substring(0, at) + "\nbuild=" + build + text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private void release(String path, String tag, byte[] exe, byte[] checksummed) throws Exception {
        String dl = "http://127.0.0.1:" + server.getAddress().getPort() + "/dl/" + tag + "/";
        served.put("/dl/" + tag + "/nsc", exe);
        served.put("/dl/" + tag + "/nsc.sha256", (HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(checksummed)) + "  nsc\n").getBytes(StandardCharsets.UTF_8));
        served.put("/repos/team/jnsc" + path, ("{\"tag_name\":\"" + tag + "\",\"body\":\"notes of " + tag + "\",\"assets\":["
                + "{\"name\":\"nsc\",\"browser_download_url\":\"" + dl + "nsc\"},"
                + "{\"name\":\"nsc.sha256\",\"browser_download_url\":\"" + dl + "nsc.sha256\"}]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private Executable nsc() throws Exception {
        return new Executable(link, Files.createDirectories(dir.resolve("home"))).env("JNSC_UPDATE_URL", feed);
    }

    private List<String> binFiles() throws Exception {
        try (Stream<Path> s = Files.list(bin)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void updatesItselfAndRefusesWhatDoesNotCheckOut() throws Exception {
        byte[] before = Files.readAllBytes(installed);
        // a checksum that does not match: nothing changes
        byte[] next = rebuilt("updated-by-test");
        release("/releases/tags/v9.9.8", "v9.9.8", next, "other".getBytes(StandardCharsets.UTF_8));
        Executable.Result r = nsc().run("update", "--version", "9.9.8");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("Error: the download of nsc does not match its SHA-256 checksum"), r.toString());
        assertArrayEquals(before, Files.readAllBytes(installed));
        // a version the feed does not have
        r = nsc().run("update", "--version", "7.0.0");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("Error: version 7.0.0 not found"), r.toString());
        // the running version: nothing to do
        String current = nsc().run("--version").out().replaceAll("^nsc version (\\S+).*\\s*$", "$1");
        release("/releases/tags/v" + current, "v" + current, next, next);
        r = nsc().run("update", "--version", current);
        assertEquals(0, r.code(), r.toString());
        assertEquals("Current version " + current + " is requested version\n", r.err());
        assertArrayEquals(before, Files.readAllBytes(installed));
        assertEquals(List.of("nsc"), binFiles());
        // the latest release: installed through the symlink, which stays a symlink
        release("/releases/latest", "v9.9.9", next, next);
        r = nsc().run("update");
        assertEquals(0, r.code(), r.toString());
        assertEquals("Updating to version 9.9.9\n\nRelease Notes:\n\nnotes of v9.9.9\n", r.out());
        assertArrayEquals(next, Files.readAllBytes(installed));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(installed)));
        assertEquals(List.of("nsc"), binFiles());
        // and the new file runs
        r = nsc().run("--version");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("nsc version "), r.toString());
    }
}
