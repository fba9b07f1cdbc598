package dev.jnsc.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Http;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --dir mode: accepts only account JWTs its operator signed, stores them, serves them back. */
class DirModeTest {
    @TempDir
    Path home;
    Nsc nsc;
    Path dir;
    String accountA;
    String jwtA;
    final List<String> notified = Collections.synchronizedList(new ArrayList<>());
    final ClaimsNotifier recorder = new ClaimsNotifier() {
        @Override
        public void accountUpdated(String accountKey, String token) {
            notified.add(accountKey + " " + token);
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void store() {
        nsc = new Nsc(home).tutorial();
        dir = home.resolve("server/jwts");
        jwtA = Nsc.read(nsc.accountJwt("O", "A"));
        accountA = Signing.subject(jwtA);
    }

    private Running start() {
        return start(nsc.operatorJwt("O"));
    }

    private Running start(Path operatorJwt) {
        Clock clock = Clock.fixed(Nsc.START.plusSeconds(3600), ZoneOffset.UTC);
        return Running.dir(dir, operatorJwt, recorder, clock);
    }

    private static String path(String key) {
        return "/jwt/v1/accounts/" + key;
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(DirJwts.LOCK_FILE)).sorted().toList();
        }
    }

    @Test
    void storesAPostedAccountAndServesItBackByteForByte() throws Exception {
        try (Running s = start()) {
            assertEquals(404, s.http.get(path(accountA)).statusCode());
            HttpResponse<String> post = s.http.post(path(accountA), "application/jwt", jwtA);
            assertEquals(200, post.statusCode(), post.body());
            assertEquals(List.of(accountA + ".jwt"), files(), "one file, no temp files left");
            assertEquals("rw-------", Nsc.mode(dir.resolve(DirJwts.LOCK_FILE)));
            Path file = dir.resolve(accountA + ".jwt");
            assertEquals(jwtA, Nsc.read(file));
            assertEquals("rw-------", Nsc.mode(file));
            assertEquals("rwx------", Nsc.mode(dir));

            HttpResponse<String> get = s.http.get(path(accountA));
            assertEquals(200, get.statusCode());
            assertEquals(jwtA, get.body());
            String etag = "\"" + Signing.account(jwtA).id() + "\"";
            assertEquals(etag, get.headers().firstValue("ETag").orElse(""));
            assertEquals("application/jwt", get.headers().firstValue("Content-Type").orElse(""));
            assertEquals("no-cache", get.headers().firstValue("Cache-Control").orElse(""));
            assertEquals(304, s.http.get(path(accountA), "If-None-Match", etag).statusCode());

            // a newer version replaces it
            String edited = Signing.resign(jwtA, Signing.operatorKey(nsc, "O"), nsc.nowSeconds() + 10, "v2");
            assertEquals(200, s.http.post(path(accountA), "application/jwt", edited).statusCode());
            assertEquals(edited, s.http.get(path(accountA)).body());
            assertEquals(200, s.http.get(path(accountA), "If-None-Match", etag).statusCode());
            assertEquals(List.of(accountA + " " + jwtA, accountA + " " + edited), notified);
        }
    }

    @Test
    void acceptsTextPlainAndTrimsWhitespace() throws Exception {
        try (Running s = start()) {
            assertEquals(200, s.http.post(path(accountA), "text/plain; charset=utf-8", "\n  " + jwtA + "\r\n\n").statusCode());
            assertEquals(jwtA, Nsc.read(dir.resolve(accountA + ".jwt")));
            assertEquals(jwtA, s.http.get(path(accountA)).body());
        }
    }

    @Test
    void servesItsOperatorAndHealth() {
        try (Running s = start()) {
            assertEquals(Nsc.read(nsc.operatorJwt("O")), s.http.get("/jwt/v1/operator").body());
            assertEquals(200, s.http.get("/healthz").statusCode());
            assertEquals(200, s.http.get("/jwt/v1/accounts").statusCode());
            assertEquals(200, s.http.get("/jwt/v1/accounts/").statusCode());
            assertEquals(404, s.http.get("/jwt/v1/accounts/" + NKey.generate(KeyKind.ACCOUNT).publicKey()).statusCode());
            assertEquals(400, s.http.get("/jwt/v1/accounts/..%2F..%2Fetc").statusCode());
            assertEquals("GET, HEAD, POST", s.http.method("PUT", path(accountA), jwtA).headers().firstValue("Allow").orElse(""));
        }
    }

    @Test
    void acceptsAnAccountSignedByAnOperatorSigningKey() throws Exception {
        nsc.ok("edit", "operator", "--sk", "generate");
        OperatorClaims op = Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "an operator");
        String sk = op.signingKeys().get(0);
        nsc.ok("add", "account", "C", "-K", sk);
        String jwtC = Nsc.read(nsc.accountJwt("O", "C"));
        String c = Signing.subject(jwtC);
        assertEquals(sk, Signing.account(jwtC).issuer());
        try (Running s = start()) {
            HttpResponse<String> r = s.http.post(path(c), "application/jwt", jwtC);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(jwtC, s.http.get(path(c)).body());
            assertEquals(200, s.http.post(path(accountA), "application/jwt", jwtA).statusCode());
        }
    }

    @Test
    void aStrictOperatorAcceptsOnlyItsSigningKeys() throws Exception {
        NKey opKey = NKey.generate(KeyKind.OPERATOR);
        NKey sk = NKey.generate(KeyKind.OPERATOR);
        OperatorClaims op = new OperatorClaims().strictSigningKeyUsage(true);
        op.signingKeys().add(sk.publicKey());
        op.subject(opKey.publicKey());
        op.name("S");
        Path opFile = Files.writeString(home.resolve("S.jwt"), Jwt.encode(op, opKey, nsc.nowSeconds()));
        String acc = NKey.generate(KeyKind.ACCOUNT).publicKey();
        try (Running s = start(opFile)) {
            HttpResponse<String> byIdentity = s.http.post(path(acc), "application/jwt",
                    Signing.accountJwt(acc, "X", opKey, nsc.nowSeconds()));
            assertEquals(400, byIdentity.statusCode());
            assertTrue(byIdentity.body().contains("requires account JWTs to be signed by one of its signing keys"), byIdentity.body());
            assertEquals(List.of(), files());
            assertEquals(200, s.http.post(path(acc), "application/jwt", Signing.accountJwt(acc, "X", sk, nsc.nowSeconds()))
                    .statusCode());
        }
    }

    @Test
    void refusesEverythingElseWithAReasonAndStoresNothing() throws Exception {
        NKey otherOperator = NKey.generate(KeyKind.OPERATOR);
        NKey accKey = NKey.generate(KeyKind.ACCOUNT);
        String acc = accKey.publicKey();
        NKey opKey = Signing.operatorKey(nsc, "O");
        long now = nsc.nowSeconds();
        AccountClaims expired = new AccountClaims();
        expired.subject(acc).name("E").expires(now + 60);
        AccountClaims early = new AccountClaims();
        early.subject(acc).name("F").notBefore(now + 7200);
        nsc.ok("add", "account", "B");
        String b = Signing.subject(Nsc.read(nsc.accountJwt("O", "B")));
        String[][] cases = {
            {accountA, "", "the request body is empty"},
            {accountA, "hello", "bad JWT: not a JWT"},
            {accountA, "a.b.c", "bad JWT"},
            {accountA, "eyJ0eXAiOiJKV1QifQ.e30.AAAA", "bad JWT"},
            {accountA, Signing.tamper(jwtA), "signature verification failed"},
            {acc, Signing.accountJwt(acc, "X", otherOperator, now), "is neither operator \"O\""},
            {acc, Signing.accountJwt(acc, "X", accKey, now), "self-signed by account " + acc},
            {b, jwtA, "is for account " + accountA + " but was posted for " + b},
            {accountA, Nsc.read(nsc.userJwt("O", "A", "U")), "expected an account JWT, found a JWT of type \"user\""},
            {accountA, Nsc.read(nsc.operatorJwt("O")), "expected an account JWT, found a JWT of type \"operator\""},
            {acc, Jwt.encode(expired, opKey, now), "the JWT expired at"},
            {acc, Jwt.encode(early, opKey, now), "the JWT is not valid before"},
        };
        try (Running s = start()) {
            for (String[] c : cases) {
                HttpResponse<String> r = s.http.post(path(c[0]), "application/jwt", c[1]);
                assertEquals(400, r.statusCode(), c[2]);
                assertTrue(r.body().contains(c[2]), "expected \"" + c[2] + "\" in: " + r.body());
                assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
            }
            for (String key : List.of("..%2F..%2Fetc", "..%2F" + accountA, Signing.subject(Nsc.read(nsc.userJwt("O", "A", "U"))),
                    accountA + "A", "")) {
                HttpResponse<String> r = s.http.post(path(key), "application/jwt", jwtA);
                assertTrue(r.statusCode() == 400 || key.isEmpty() && r.statusCode() == 405, key + " " + r.statusCode());
            }
            HttpResponse<String> json = s.http.post(path(accountA), "application/json", jwtA);
            assertEquals(415, json.statusCode());
            assertEquals(List.of(), files(), "nothing stored");
            assertEquals(List.of(), notified, "nobody notified");
            assertEquals(404, s.http.get(path(accountA)).statusCode());
            assertEquals(404, s.http.get(path(acc)).statusCode());
        }
    }

    @Test
    void refusesBodiesOver1MiBWithoutReadingThem() throws Exception {
        try (Running s = start()) {
            // declared too large: refused from the headers alone, while the client sends nothing more
            String status = Http.raw("127.0.0.1", s.port(), "POST " + path(accountA) + " HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/jwt\r\nContent-Length: 10000000000", new byte[0]);
            assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
            // no declared length (chunked): the server stops counting after 1 MiB
            byte[] big = new byte[AccountHandler.MAX_BODY + 10];
            Arrays.fill(big, (byte) 'a');
            HttpResponse<String> chunked = s.http.postChunked(path(accountA), "application/jwt", big);
            assertEquals(413, chunked.statusCode());
            assertTrue(chunked.body().contains("larger than 1 MiB"), chunked.body());
            // exactly 1 MiB is read, and refused for what it is
            byte[] limit = Arrays.copyOf(big, AccountHandler.MAX_BODY);
            HttpResponse<String> atLimit = s.http.post(path(accountA), "application/jwt", new String(limit, StandardCharsets.US_ASCII));
            assertEquals(400, atLimit.statusCode());
            assertEquals(List.of(), files());
            // the server still answers
            assertEquals(200, s.http.post(path(accountA), "application/jwt", jwtA).statusCode());
        }
    }

    @Test
    void opensOnlyWithAValidOperatorJwt() throws Exception {
        assertThrows(ResolverException.class, () -> DirJwts.open(dir, home.resolve("missing.jwt")));
        assertThrows(ResolverException.class, () -> DirJwts.open(dir, nsc.accountJwt("O", "A")));
        Path garbage = Files.writeString(home.resolve("garbage.jwt"), "garbage");
        assertThrows(ResolverException.class, () -> DirJwts.open(dir, garbage));
        Path decorated = Files.writeString(home.resolve("decorated.jwt"),
                dev.jnsc.jwt.Decorated.formatJwt("operator", Nsc.read(nsc.operatorJwt("O"))));
        assertEquals(Nsc.read(nsc.operatorJwt("O")), DirJwts.open(dir, decorated).operator().token());
    }
}
