package dev.jnsc.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No request path reads or writes outside the served folder, however it is spelled: dot
 * segments, encoded and double-encoded slashes, backslashes and dots, overlong UTF-8, NUL,
 * absolute paths and absolute URIs. Files outside the folder (an account JWT next to it, a
 * secret further up) are the sentinels: never served, never changed.
 */
class PathEscapeTest {
    static final String SECRET = "SENTINEL-SECRET";

    @TempDir
    Path home;
    Nsc nsc;
    String jwtB;
    String keyB;
    Path secret;
    Path besideDir;
    Path dir;

    @BeforeEach
    void sentinels() throws Exception {
        nsc = new Nsc(home).tutorial();
        nsc.ok("add", "account", "B");
        jwtB = Nsc.read(nsc.accountJwt("O", "B"));
        keyB = Signing.subject(jwtB);
        dir = home.resolve("srv/jwts");
        // where "<dir>/../<key>.jwt" would land
        besideDir = Files.createDirectories(home.resolve("srv")).resolve(keyB + ".jwt");
        Files.writeString(besideDir, jwtB);
        secret = Files.writeString(home.resolve("secret.txt"), SECRET);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(besideDir, old);
        Files.setLastModifiedTime(secret, old);
    }

    /** Request targets, as sent on the request line, that try to get out of the folder. */
    private List<String> escapes() {
        String k = keyB;
        String accounts = "/jwt/v1/accounts/";
        String abs = secret.toAbsolutePath().toString();
        List<String> t = new ArrayList<>(List.of(
                accounts + "..%2F" + k, accounts + "..%2f" + k, accounts + "%2e%2e%2f" + k, accounts + "%2E%2E%2F" + k,
                accounts + ".%2e/" + k, accounts + "%2e./" + k, accounts + "..%5C" + k, accounts + "..%5c" + k,
                accounts + "..\\" + k, accounts + "%252e%252e%252f" + k, accounts + "..%252f" + k, accounts + "..%255c" + k,
                accounts + "%c0%ae%c0%ae%c0%af" + k, accounts + "%e0%80%ae%e0%80%ae%e0%80%af" + k,
                accounts + "%ef%bc%8e%ef%bc%8e%ef%bc%8f" + k, accounts + "%u002e%u002e%u2215" + k,
                accounts + k + "%00", accounts + k + "%00.jwt", accounts + "%00" + k, accounts + k + ".jwt",
                accounts + k + "%2ejwt", accounts + "../" + k, accounts + "./../" + k, accounts + k + "/..",
                accounts + k + ";/../../secret.txt", accounts + k + "%2F..%2F..%2F..%2Fsecret.txt",
                accounts + "../../../secret.txt", accounts + "..%2F..%2F..%2Fsecret.txt",
                accounts + "%2e%2e/%2e%2e/%2e%2e/secret.txt", accounts + abs.replace("/", "%2F"), accounts + abs,
                accounts + "%2F" + k, accounts + "/" + k, "//jwt/v1/accounts/..%2F" + k,
                "/jwt/v1%2Faccounts%2F..%2F..%2F..%2Fsecret.txt", "/jwt/v1/accounts%2F..%2F" + k,
                "/jwt/v1/../../../secret.txt", "/../../secret.txt", "/%2e%2e/%2e%2e/secret.txt",
                "http://127.0.0.1/jwt/v1/accounts/..%2F" + k, "http://evil.example/jwt/v1/accounts/../../secret.txt",
                "http://evil.example/../../secret.txt", "file://" + abs, "/JWT/V1/ACCOUNTS/..%2F" + k));
        t.add(accounts + "\0" + k);
        return t;
    }

    /** One request on a fresh connection; the whole answer. */
    private static String exchange(int port, String method, String target, String body) {
        try (RawClient c = new RawClient(port)) {
            String head = method + " " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
            if (body != null) {
                head += "Content-Type: application/jwt\r\nContent-Length: " + body.length() + "\r\n";
            }
            c.send(head + "\r\n" + (body == null ? "" : body));
            return c.response();
        }
    }

    private static int status(String response) {
        String[] line = response.split("\r\n", 2)[0].split(" ");
        return line.length > 1 && line[1].matches("[0-9]{3}") ? Integer.parseInt(line[1]) : -1;
    }

    private void triesEveryEscape(Running s, boolean writable) throws Exception {
        Map<String, String> before = nsc.snapshot();
        List<String> escapes = escapes();
        for (String target : escapes) {
            for (String method : List.of("GET", "HEAD", "POST")) {
                String response = exchange(s.port(), method, target, method.equals("POST") ? jwtB : null);
                int status = status(response);
                String what = method + " " + target.replace("\0", "\\0") + " -> " + response.split("\r\n", 2)[0];
                assertTrue(status >= 400 && status < 500, what);
                assertFalse(response.contains("eyJ"), what + ": a JWT was served");
                assertFalse(response.contains(SECRET), what + ": the secret was served");
            }
        }
        assertEquals(before, nsc.snapshot(), "a file changed or appeared");
        assertEquals(jwtB, Nsc.read(besideDir));
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(besideDir));
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(secret));
        // and the server is not confused: the legitimate path still works
        String legit = "/jwt/v1/accounts/" + keyB;
        if (writable) {
            assertEquals(404, s.http.get(legit).statusCode());
            assertEquals(200, s.http.post(legit, "application/jwt", jwtB).statusCode());
            assertEquals(List.of(DirJwts.LOCK_FILE, keyB + ".jwt"), Files.list(dir).map(p -> p.getFileName().toString())
                    .sorted().toList());
        }
        assertEquals(jwtB, s.http.get(legit).body());
    }

    @Test
    void noRequestGetsOutOfTheDirFolder() throws Exception {
        Clock clock = Clock.fixed(Nsc.START.plusSeconds(3600), ZoneOffset.UTC);
        try (Running s = Running.dir(dir, nsc.operatorJwt("O"), ClaimsNotifier.NONE, clock)) {
            triesEveryEscape(s, true);
        }
    }

    @Test
    void noRequestGetsOutOfTheNscFolder() throws Exception {
        try (Running s = Running.nsc(nsc.stores().resolve("O"))) {
            triesEveryEscape(s, false);
        }
    }
}
