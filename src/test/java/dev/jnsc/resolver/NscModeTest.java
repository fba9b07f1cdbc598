package dev.jnsc.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Http;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --nsc mode: every endpoint and status code, read straight from an nsc operator folder. */
class NscModeTest {
    @TempDir
    Path home;
    Nsc nsc;
    Path opDir;
    String accountA;

    @BeforeEach
    void store() {
        nsc = new Nsc(home).tutorial();
        opDir = nsc.stores().resolve("O");
        accountA = Signing.subject(Nsc.read(nsc.accountJwt("O", "A")));
    }

    private static String path(String key) {
        return "/jwt/v1/accounts/" + key;
    }

    @Test
    void healthAndTheProbeAURLResolverMakesAtStart() {
        try (Running s = Running.nsc(opDir)) {
            HttpResponse<String> h = s.http.get("/healthz");
            assertEquals(200, h.statusCode());
            assertEquals("{\"status\":\"ok\"}", h.body());
            assertEquals("application/json", h.headers().firstValue("Content-Type").orElse(""));
            for (String probe : List.of("/jwt/v1/accounts", "/jwt/v1/accounts/")) {
                HttpResponse<String> r = s.http.get(probe);
                assertEquals(200, r.statusCode(), probe);
                assertEquals("", r.body());
                assertEquals("no-cache, no-store, must-revalidate", r.headers().firstValue("Cache-Control").orElse(""));
                assertEquals("no-cache", r.headers().firstValue("Pragma").orElse(""));
                assertEquals("0", r.headers().firstValue("Expires").orElse(""));
            }
        }
    }

    @Test
    void servesAnAccountWithItsJtiAsETag() {
        String jwt = Nsc.read(nsc.accountJwt("O", "A"));
        String etag = "\"" + Signing.account(jwt).id() + "\"";
        try (Running s = Running.nsc(opDir)) {
            HttpResponse<String> r = s.http.get(path(accountA));
            assertEquals(200, r.statusCode());
            assertEquals(jwt, r.body());
            assertEquals("application/jwt", r.headers().firstValue("Content-Type").orElse(""));
            assertEquals(etag, r.headers().firstValue("ETag").orElse(""));
            assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(""));

            for (String match : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
                HttpResponse<String> nm = s.http.get(path(accountA), "If-None-Match", match);
                assertEquals(304, nm.statusCode(), match);
                assertEquals("", nm.body());
                assertEquals(etag, nm.headers().firstValue("ETag").orElse(""));
            }
            assertEquals(200, s.http.get(path(accountA), "If-None-Match", "\"stale\"").statusCode());

            HttpResponse<String> head = s.http.method("HEAD", path(accountA), "");
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            assertEquals(etag, head.headers().firstValue("ETag").orElse(""));
        }
    }

    @Test
    void servesTheOperatorJwtAsItIsNow() {
        try (Running s = Running.nsc(opDir)) {
            HttpResponse<String> r = s.http.get("/jwt/v1/operator");
            assertEquals(200, r.statusCode());
            assertEquals(Nsc.read(nsc.operatorJwt("O")), r.body());
            assertEquals("application/jwt", r.headers().firstValue("Content-Type").orElse(""));
            nsc.advance(java.time.Duration.ofSeconds(5)).ok("edit", "operator", "--service-url", "nats://other:4222");
            assertEquals(Nsc.read(nsc.operatorJwt("O")), s.http.get("/jwt/v1/operator").body());
            assertNotEquals(r.body(), s.http.get("/jwt/v1/operator").body());
        }
    }

    @Test
    void unknownAccountsAre404AndAnythingButAnAccountKeyIs400() {
        String unknown = NKey.generate(KeyKind.ACCOUNT).publicKey();
        String user = Signing.subject(Nsc.read(nsc.userJwt("O", "A", "U")));
        String operator = Signing.subject(Nsc.read(nsc.operatorJwt("O")));
        try (Running s = Running.nsc(opDir)) {
            HttpResponse<String> r = s.http.get(path(unknown));
            assertEquals(404, r.statusCode());
            assertTrue(r.body().contains(unknown), r.body());
            for (String bad : List.of(user, operator, "abc", accountA.toLowerCase(), accountA.substring(1),
                    accountA + "/", accountA + "A", "A.jwt", "%41" + accountA.substring(1))) {
                assertEquals(400, s.http.get(path(bad)).statusCode(), bad);
            }
        }
    }

    @Test
    void noPathLeavesTheFolder() {
        String operatorJwt = Nsc.read(nsc.operatorJwt("O"));
        try (Running s = Running.nsc(opDir)) {
            for (String p : List.of("..%2F..%2Fetc", "..%2F..%2Fetc%2Fpasswd", "..%2FO.jwt", "..%2F..%2FO.jwt",
                    "%2e%2e%2fO.jwt", "A%2F..%2F..%2FO", accountA + "%2F..%2F..%2F..%2FO.jwt", "%2Fetc%2Fpasswd",
                    "..%5C..%5CO.jwt", "%00")) {
                HttpResponse<String> r = s.http.get(path(p));
                assertEquals(400, r.statusCode(), p);
                assertFalse(r.body().contains("eyJ"), p);
            }
            assertEquals(404, s.http.get("/jwt/v1%2Faccounts%2F" + accountA).statusCode());
            assertEquals(404, s.http.get("/jwt%2Fv1%2Foperator").statusCode());
            // unnormalized paths, as a hand-made client could send them
            String host = "127.0.0.1";
            assertEquals("HTTP/1.1 400 Bad Request", Http.raw(host, s.port(),
                    "GET /jwt/v1/accounts/../../O.jwt HTTP/1.1\r\nHost: x\r\nConnection: close", new byte[0]));
            assertEquals("HTTP/1.1 400 Bad Request", Http.raw(host, s.port(),
                    "GET /jwt/v1/accounts/../../../../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close", new byte[0]));
            assertEquals("HTTP/1.1 404 Not Found", Http.raw(host, s.port(),
                    "GET /jwt/v1/../../O.jwt HTTP/1.1\r\nHost: x\r\nConnection: close", new byte[0]));
            assertFalse(operatorJwt.isEmpty());
        }
    }

    @Test
    void refusesWritesAndUnknownMethodsAndPaths() {
        String jwt = Nsc.read(nsc.accountJwt("O", "A"));
        try (Running s = Running.nsc(opDir)) {
            HttpResponse<String> post = s.http.post(path(accountA), "application/jwt", jwt);
            assertEquals(405, post.statusCode());
            assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
            assertTrue(post.body().contains("read-only"), post.body());
            assertEquals(405, s.http.method("PUT", path(accountA), jwt).statusCode());
            assertEquals(405, s.http.method("DELETE", path(accountA), "").statusCode());
            assertEquals(405, s.http.post("/jwt/v1/accounts/", "application/jwt", jwt).statusCode());
            assertEquals(405, s.http.post("/healthz", "text/plain", "").statusCode());
            assertEquals(405, s.http.post("/jwt/v1/operator", "application/jwt", jwt).statusCode());
            for (String p : List.of("/", "/jwt", "/jwt/v1", "/jwt/v2/accounts/" + accountA, "/healthz/", "/jwt/v1/help/",
                    "/jwt/v1/pack/", "/jwt/v1/accountsX")) {
                assertEquals(404, s.http.get(p).statusCode(), p);
            }
            // activations have their own endpoint now (ActivationServerTest): a malformed hash id is a bad request
            assertEquals(400, s.http.get("/jwt/v1/activations/x").statusCode());
        }
        assertEquals(jwt, Nsc.read(nsc.accountJwt("O", "A")), "nothing written");
    }

    @Test
    void accountsAddedEditedMovedAndRemovedLaterAreServedWithoutARestart() throws Exception {
        try (Running s = Running.nsc(opDir)) {
            assertEquals(200, s.http.get(path(accountA)).statusCode());

            nsc.ok("add", "account", "B");
            String b = Signing.subject(Nsc.read(nsc.accountJwt("O", "B")));
            HttpResponse<String> rb = s.http.get(path(b));
            assertEquals(200, rb.statusCode());
            assertEquals(Nsc.read(nsc.accountJwt("O", "B")), rb.body());

            // edited in place, as Go nsc writes: the new version is served, with a new ETag
            String before = s.http.get(path(accountA)).headers().firstValue("ETag").orElse("");
            String edited = Signing.resign(Nsc.read(nsc.accountJwt("O", "A")), Signing.operatorKey(nsc, "O"),
                    nsc.nowSeconds() + 60, "edited");
            Files.writeString(nsc.accountJwt("O", "A"), edited);
            HttpResponse<String> ra = s.http.get(path(accountA));
            assertEquals(edited, ra.body());
            assertNotEquals(before, ra.headers().firstValue("ETag").orElse(""));
            assertEquals(200, s.http.get(path(accountA), "If-None-Match", before).statusCode());

            // B's folder now holds another account's JWT: the old key is gone, the new one served
            String c = NKey.generate(KeyKind.ACCOUNT).publicKey();
            String cJwt = Signing.accountJwt(c, "B", Signing.operatorKey(nsc, "O"), nsc.nowSeconds());
            Files.writeString(nsc.accountJwt("O", "B"), cJwt);
            assertEquals(cJwt, s.http.get(path(c)).body());
            assertEquals(404, s.http.get(path(b)).statusCode());

            deleteTree(nsc.accountJwt("O", "B").getParent());
            assertEquals(404, s.http.get(path(c)).statusCode());
            assertEquals(200, s.http.get(path(accountA)).statusCode());
        }
    }

    @Test
    void aBrokenFileIsAnErrorForItsAccountOnly() throws Exception {
        nsc.ok("add", "account", "B");
        String b = Signing.subject(Nsc.read(nsc.accountJwt("O", "B")));
        Files.writeString(nsc.accountJwt("O", "B"), Signing.tamper(Nsc.read(nsc.accountJwt("O", "B"))));
        nsc.ok("add", "account", "C");
        Files.writeString(nsc.accountJwt("O", "C"), "not a jwt");
        try (Running s = Running.nsc(opDir)) {
            HttpResponse<String> r = s.http.get(path(b));
            assertEquals(500, r.statusCode());
            assertFalse(r.body().contains(home.toString()), "no server paths for clients: " + r.body());
            assertEquals(200, s.http.get(path(accountA)).statusCode());
            s.close();
            List<String> log = s.log();
            assertTrue(log.stream().anyMatch(l -> l.startsWith("[WRN] ") && l.contains("C.jwt holds no JWT")), log.toString());
            assertTrue(log.stream().anyMatch(l -> l.startsWith("[ERR] GET " + path(b) + ": the JWT in ")
                    && l.contains("B.jwt is not valid: JWT signature verification failed")), log.toString());
        }
    }

    @Test
    void knownKeysAreFoundWithoutScanningTheFolder() {
        for (int i = 0; i < 20; i++) {
            nsc.ok("add", "account", "X" + i);
        }
        NscFolderJwts jwts = NscFolderJwts.open(opDir, line -> { });
        long scans = jwts.scans();
        String x7 = Signing.subject(Nsc.read(nsc.accountJwt("O", "X7")));
        for (int i = 0; i < 100; i++) {
            assertEquals(Nsc.read(nsc.accountJwt("O", "X7")), jwts.account(x7).token());
            assertEquals(Nsc.read(nsc.accountJwt("O", "A")), jwts.account(accountA).token());
        }
        assertEquals(scans, jwts.scans(), "hits need no scan");
        assertEquals(null, jwts.account(NKey.generate(KeyKind.ACCOUNT).publicKey()));
        assertEquals(scans + 1, jwts.scans(), "a miss scans once");
        nsc.ok("add", "account", "Y");
        String y = Signing.subject(Nsc.read(nsc.accountJwt("O", "Y")));
        assertEquals(Nsc.read(nsc.accountJwt("O", "Y")), jwts.account(y).token());
        assertEquals(scans + 2, jwts.scans());
    }

    @Test
    void logsOneLinePerRequestWithoutTokens() {
        Running s = Running.nsc(opDir);
        try {
            s.http.get(path(accountA));
            s.http.get("/jwt/v1/operator");
            s.http.get("/nope");
        } finally {
            s.close();
        }
        List<String> log = s.log();
        assertTrue(log.get(0).startsWith("[INF] serving 1 account(s) of operator \"O\""), log.toString());
        assertTrue(log.get(1).matches("\\[INF\\] listening on http://127\\.0\\.0\\.1:\\d+"), log.toString());
        assertTrue(log.get(2).matches("\\[INF\\] GET /jwt/v1/accounts/" + accountA + " 200 \\d+B \\d+ms"), log.get(2));
        assertTrue(log.get(3).matches("\\[INF\\] GET /jwt/v1/operator 200 \\d+B \\d+ms"), log.get(3));
        assertTrue(log.get(4).matches("\\[INF\\] GET /nope 404 \\d+B \\d+ms"), log.get(4));
        assertEquals("[INF] stopped", log.get(5));
        assertEquals(6, log.size(), log.toString());
        assertTrue(log.stream().noneMatch(l -> l.contains("eyJ")), "no JWTs in the log");
    }

    @Test
    void onlyOperatorFoldersAreServed() {
        assertThrows(ResolverException.class, () -> NscFolderJwts.open(home, l -> { }));
        assertThrows(ResolverException.class, () -> NscFolderJwts.open(nsc.stores(), l -> { }));
        assertThrows(ResolverException.class, () -> NscFolderJwts.open(home.resolve("missing"), l -> { }));
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
