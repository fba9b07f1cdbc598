package dev.jnsc.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rest of nats-account-server's API: the query parameters of GET /jwt/v1/accounts/<key>
 * (text, decode, check, notify, jti), GET /jwt/v1/pack, GET /jwt/v1/help, the operator as text
 * and decoded; in --nsc and --dir mode.
 */
class ApiRoutesTest {
    @TempDir
    Path home;
    Nsc nsc;
    Path opDir;
    String keyA;
    String jwtA;

    /** What a notifier was told, in order. */
    static final class Recorder implements ClaimsNotifier {
        final List<String> told = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void accountUpdated(String accountKey, String token) {
            told.add(accountKey + "|" + token);
        }

        @Override
        public void close() {
        }
    }

    @BeforeEach
    void store() {
        nsc = new Nsc(home).tutorial();
        opDir = nsc.stores().resolve("O");
        jwtA = Nsc.read(nsc.accountJwt("O", "A"));
        keyA = Signing.subject(jwtA);
    }

    private static String path(String key) {
        return "/jwt/v1/accounts/" + key;
    }

    private static String type(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void textAnswersTheJwtAsPlainText() {
        try (Running s = Running.nsc(opDir)) {
            for (String q : List.of("?text=true", "?text=TRUE", "?decode=false&text=True")) {
                HttpResponse<String> r = s.http.get(path(keyA) + q);
                assertEquals(200, r.statusCode(), q);
                assertEquals(jwtA, r.body(), q);
                assertTrue(type(r).startsWith("text/plain"), type(r));
            }
            HttpResponse<String> plain = s.http.get(path(keyA) + "?text=yes");
            assertEquals("application/jwt", type(plain), "only \"true\" turns a parameter on");
        }
    }

    @Test
    void decodeAnswersHeaderAndSortedClaimsWithDates() {
        String signature = jwtA.substring(jwtA.lastIndexOf('.') + 1);
        try (Running s = Running.nsc(opDir)) {
            HttpResponse<String> r = s.http.get(path(keyA) + "?decode=true");
            assertEquals(200, r.statusCode());
            assertTrue(type(r).startsWith("text/plain"));
            String body = r.body();
            assertTrue(body.startsWith("{\n    \"typ\": \"JWT\",\n    \"alg\": \"ed25519-nkey\"\n}\n\r\n{\n"), body);
            assertTrue(body.endsWith("\n}\n\r\n" + signature), body);
            String day = Instant.ofEpochSecond(Signing.account(jwtA).issuedAt()).atZone(ZoneOffset.UTC).toLocalDate()
                    .toString();
            assertTrue(body.contains("    \"iat\": " + Signing.account(jwtA).issuedAt() + " (" + day + "),\n"), body);
            assertTrue(body.contains("    \"sub\": \"" + keyA + "\"\n"), "sub is the last key:\n" + body);
            // keys in Go's map order: sorted
            List<String> top = new ArrayList<>();
            Matcher m = Pattern.compile("\n {4}\"([a-z_]+)\":").matcher(body.substring(body.indexOf("\r\n")));
            while (m.find()) {
                top.add(m.group(1));
            }
            List<String> sorted = new ArrayList<>(top);
            Collections.sort(sorted);
            assertEquals(sorted, top);
            assertTrue(body.contains("\n        \"type\": \"account\",\n"), body);

            HttpResponse<String> op = s.http.get("/jwt/v1/operator?decode=true");
            assertEquals(200, op.statusCode());
            assertTrue(op.body().contains("\"type\": \"operator\""), op.body());
            String opJwt = Nsc.read(nsc.operatorJwt("O"));
            assertEquals(opJwt, s.http.get("/jwt/v1/operator?text=true").body());
            assertEquals("application/jwt", type(s.http.get("/jwt/v1/operator")));
        }
    }

    @Test
    void decodeShowsTheActivationTokenOfAnImport() throws Exception {
        nsc.ok("add", "account", "B");
        String keyB = Signing.subject(Nsc.read(nsc.accountJwt("O", "B")));
        nsc.ok("add", "export", "-a", "A", "--subject", "s.>", "--private");
        Path token = home.resolve("act.jwt");
        nsc.ok("generate", "activation", "-a", "A", "--subject", "s.>", "--target-account", keyB, "-o",
                token.toString());
        nsc.ok("add", "import", "-a", "B", "--token", token.toString());
        try (Running s = Running.nsc(opDir)) {
            String body = s.http.get(path(keyB) + "?decode=true").body();
            assertTrue(body.contains("\"token\": {\n"), body);
            // the token's own claims, indented under the import, with their issue date
            assertTrue(Pattern.compile("\n {20}\"iat\": \\d+ \\(\\d{4}-\\d\\d-\\d\\d\\),\n").matcher(body).find(), body);
            assertTrue(body.contains("\"sub\": \"" + keyB + "\""), body);
            assertTrue(!body.contains("eyJ"), "no encoded token left:\n" + body);
        }
    }

    @Test
    void checkAnswers404ForAnExpiredJwt() {
        nsc.ok("edit", "account", "A", "--expiry", "2026-02-01");
        String expiring = Nsc.read(nsc.accountJwt("O", "A"));
        Clock before = Clock.fixed(Instant.parse("2026-01-15T00:00:00Z"), ZoneOffset.UTC);
        Clock after = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
        try (Running s = Running.nsc(opDir, ClaimsNotifier.NONE, before, null)) {
            HttpResponse<String> r = s.http.get(path(keyA) + "?check=true");
            assertEquals(200, r.statusCode());
            assertEquals(expiring, r.body());
        }
        try (Running s = Running.nsc(opDir, ClaimsNotifier.NONE, after, null)) {
            assertEquals(404, s.http.get(path(keyA) + "?check=true").statusCode());
            assertEquals(200, s.http.get(path(keyA)).statusCode(), "without check, an expired JWT is served");
            assertEquals(200, s.http.get(path(keyA) + "?check=true&text=true").statusCode(), "text comes first");
            assertEquals(404, s.http.get(path(keyA) + "?check=true&notify=true").statusCode());
        }
    }

    @Test
    void notifyTellsServersOfTheServedJwt() {
        Recorder rec = new Recorder();
        try (Running s = Running.nsc(opDir, rec, Clock.systemUTC(), null)) {
            assertEquals(200, s.http.get(path(keyA)).statusCode());
            assertEquals(List.of(), rec.told);
            HttpResponse<String> r = s.http.get(path(keyA) + "?notify=true");
            assertEquals(200, r.statusCode());
            assertEquals(jwtA, r.body());
            assertEquals(List.of(keyA + "|" + jwtA), rec.told);
            String etag = r.headers().firstValue("ETag").orElseThrow();
            assertEquals(304, s.http.get(path(keyA) + "?notify=true", "If-None-Match", etag).statusCode());
            assertEquals(1, rec.told.size(), "a 304 notifies nothing, as in nats-account-server");
        }
        try (Running s = Running.nsc(opDir)) {
            assertEquals(200, s.http.get(path(keyA) + "?notify=true").statusCode());
            s.awaitLine(l -> l.contains("skipping the notification"), "skipping the notification");
        }
    }

    @Test
    void jtiLookupIsNoLongerSupported() {
        try (Running s = Running.nsc(opDir)) {
            HttpResponse<String> r = s.http.get(path(keyA) + "?jti=abc");
            assertEquals(501, r.statusCode());
            assertEquals("lookup by jti is no longer supported\n", r.body());
        }
    }

    @Test
    void packListsEveryAccountOneALineUpToMax() {
        nsc.ok("add", "account", "B");
        nsc.ok("add", "account", "C");
        List<String> lines = new ArrayList<>();
        for (String a : List.of("A", "B", "C")) {
            String jwt = Nsc.read(nsc.accountJwt("O", a));
            lines.add(Signing.subject(jwt) + "|" + jwt);
        }
        Collections.sort(lines);
        try (Running s = Running.nsc(opDir)) {
            HttpResponse<String> all = s.http.get("/jwt/v1/pack");
            assertEquals(200, all.statusCode());
            assertTrue(type(all).startsWith("text/plain"));
            assertEquals(String.join("\n", lines), all.body());
            assertEquals(lines.get(0) + "\n" + lines.get(1), s.http.get("/jwt/v1/pack?max=2").body());
            assertEquals("", s.http.get("/jwt/v1/pack?max=0").body());
            assertEquals(String.join("\n", lines), s.http.get("/jwt/v1/pack?max=10000").body());
            HttpResponse<String> big = s.http.get("/jwt/v1/pack?max=10001");
            assertEquals(400, big.statusCode());
            assertEquals("bad max parameter \"10001\", no more than 10000 are allowed\n", big.body());
            for (String bad : List.of("x", "-1", "1.5", "")) {
                HttpResponse<String> r = s.http.get("/jwt/v1/pack?max=" + bad);
                assertEquals(bad.isEmpty() ? 200 : 400, r.statusCode(), bad);
            }
            assertEquals(405, s.http.method("POST", "/jwt/v1/pack", "").statusCode());
        }
    }

    @Test
    void packLeavesOutExpiredJwtsAndWorksOnTheServersOwnFolder() throws Exception {
        nsc.ok("add", "account", "B", "--expiry", "2026-02-01");
        Path dir = home.resolve("jwts");
        Clock later = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
        Clock before = Clock.fixed(Instant.parse("2026-01-15T00:00:00Z"), ZoneOffset.UTC);
        try (Running s = Running.dir(dir, nsc.operatorJwt("O"), ClaimsNotifier.NONE, before)) {
            assertEquals("", s.http.get("/jwt/v1/pack").body());
            for (String a : List.of("A", "B")) {
                String jwt = Nsc.read(nsc.accountJwt("O", a));
                assertEquals(200, s.http.post(path(Signing.subject(jwt)), "application/jwt", jwt).statusCode());
            }
        }
        String jwtB = Nsc.read(nsc.accountJwt("O", "B"));
        List<String> both = new ArrayList<>(List.of(keyA + "|" + jwtA, Signing.subject(jwtB) + "|" + jwtB));
        Collections.sort(both);
        try (Running s = Running.dir(dir, nsc.operatorJwt("O"), ClaimsNotifier.NONE, before)) {
            assertEquals(String.join("\n", both), s.http.get("/jwt/v1/pack").body());
        }
        try (Running s = Running.dir(dir, nsc.operatorJwt("O"), ClaimsNotifier.NONE, later)) {
            assertEquals(keyA + "|" + jwtA, s.http.get("/jwt/v1/pack").body());
        }
    }

    @Test
    void helpDescribesTheRoutes() {
        try (Running s = Running.nsc(opDir)) {
            HttpResponse<String> r = s.http.get("/jwt/v1/help");
            assertEquals(200, r.statusCode());
            assertTrue(type(r).startsWith("text/plain"));
            for (String route : List.of("GET /jwt/v1/accounts/<account public key>", "GET /jwt/v1/pack", "check=true",
                    "decode=true", "notify=true", "text=true", "GET /jwt/v1/operator", "POST /jwt/v1/accounts/")) {
                assertTrue(r.body().contains(route), route);
            }
        }
    }

    @Test
    void queryParametersAreDecodedAndTheFirstValueCounts() {
        assertEquals("true", AccountHandler.param("a=1&text=%74rue&text=false", "text"));
        assertEquals("", AccountHandler.param(null, "text"));
        assertEquals("", AccountHandler.param("text", "text"));
        assertEquals("a b", AccountHandler.param("x=a+b", "x"));
    }

    /** Used by {@link NscWatchTest} too: waits until {@code rec} was told {@code n} things. */
    static void awaitTold(Recorder rec, int n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (rec.told.size() < n && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }
}
