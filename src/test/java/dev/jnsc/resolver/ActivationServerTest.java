package dev.jnsc.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.ExportType;
import dev.jnsc.jwt.Import;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.ExportFixtures;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The activation endpoints of the account server: POST /jwt/v1/activations stores what an account
 * this server holds issued (--dir mode only), GET /jwt/v1/activations/<hash id> serves it; and
 * generate activation --push and add import --token <url> through them.
 */
class ActivationServerTest {
    static final String POST = "/jwt/v1/activations";
    static final long NOW = Nsc.START.getEpochSecond() + 3600;

    @TempDir
    Path home;
    Nsc nsc;
    Path dir;
    String a;
    String b;
    NKey aKey;

    @BeforeEach
    void store() {
        nsc = new Nsc(home).tutorial();
        nsc.ok("add", "account", "B");
        ExportFixtures.add(nsc, "A", ExportFixtures.service("svc.>").tokenRequired(true),
                ExportFixtures.stream("feed.*").tokenRequired(true));
        dir = home.resolve("server/jwts");
        a = Signing.subject(Nsc.read(nsc.accountJwt("O", "A")));
        b = Signing.subject(Nsc.read(nsc.accountJwt("O", "B")));
        aKey = Signing.stored(nsc, a);
    }

    private Running start() {
        return Running.dir(dir, nsc.operatorJwt("O"), ClaimsNotifier.NONE, Clock.fixed(Nsc.START.plusSeconds(3600),
                ZoneOffset.UTC));
    }

    /** Stores account A's JWT (as it is now in the nsc store) on the server. */
    private void postAccountA(Running s) {
        HttpResponse<String> r = s.http.post("/jwt/v1/accounts/" + a, "application/jwt", Nsc.read(nsc.accountJwt("O", "A")));
        assertEquals(200, r.statusCode(), r.body());
    }

    private String activation(NKey signer, String issuerAccount, String target, ExportType kind, String subject, long iat,
            long exp) {
        return ExportFixtures.activation(signer, issuerAccount, target, kind, subject, iat, exp);
    }

    private static String hashOf(String token) {
        return Jwt.decode(token).as(ActivationClaims.class, "an activation").hashId();
    }

    @Test
    void storesAnActivationAndServesItBack() throws Exception {
        String token = activation(aKey, "", b, ExportType.SERVICE, "svc.x", NOW, 0);
        String hash = hashOf(token);
        try (Running s = start()) {
            postAccountA(s);
            HttpResponse<String> posted = s.http.post(POST, "application/jwt", token);
            assertEquals(200, posted.statusCode(), posted.body());
            Path file = dir.resolve("activations").resolve(hash + ".jwt");
            assertEquals(token, Files.readString(file));
            assertEquals("rw-------", Nsc.mode(file));
            assertEquals("rwx------", Nsc.mode(file.getParent()));

            HttpResponse<String> got = s.http.get(POST + "/" + hash);
            assertEquals(200, got.statusCode());
            assertEquals(token, got.body());
            assertEquals("application/jwt", got.headers().firstValue("Content-Type").orElse(""));
            String etag = "\"" + Jwt.decode(token).claims().id() + "\"";
            assertEquals(etag, got.headers().firstValue("ETag").orElse(""));
            assertEquals(304, s.http.get(POST + "/" + hash, "If-None-Match", etag).statusCode());
            assertEquals(200, s.http.get(POST + "/" + hash.replace("=", "%3D")).statusCode(), "an encoded '=' is read");
            assertEquals(200, s.http.post(POST + "/", "text/plain", token).statusCode(), "the same token again");
            s.awaitLine(l -> l.startsWith("[INF] POST /jwt/v1/activations 200 0B "), "for the second POST");
        }
    }

    @Test
    void aSigningKeyOfTheStoredAccountMaySign() {
        String sk = nsc.ok("edit", "account", "A", "--sk", "generate").out()
                .replaceAll("(?s).*added signing key \"(A[A-Z2-7]{55})\".*", "$1");
        NKey skKey = Signing.stored(nsc, sk);
        String token = activation(skKey, a, b, ExportType.STREAM, "feed.x", NOW, 0);
        try (Running s = start()) {
            HttpResponse<String> before = s.http.post(POST, "application/jwt", token);
            assertEquals(400, before.statusCode());
            assertEquals("account " + a + " is not known to this server: post its JWT first\n", before.body());
            postAccountA(s);
            assertEquals(200, s.http.post(POST, "application/jwt", token).statusCode());
            assertEquals(token, s.http.get(POST + "/" + hashOf(token)).body());
        }
    }

    @Test
    void refusesWhatItsAccountsDidNotIssue() {
        NKey stranger = NKey.generate(KeyKind.ACCOUNT);
        NKey operator = Signing.operatorKey(nsc, "O");
        String user = Signing.subject(Nsc.read(nsc.userJwt("O", "A", "U")));
        nsc.ok("revocations", "add_activation", "-a", "A", "-s", "svc.>", "--service", "-t", b, "--at",
                Long.toString(NOW + 10));
        try (Running s = start()) {
            postAccountA(s);
            String[][] cases = {
                {"", "the request body is empty: post the activation JWT"},
                {"garbage", "bad JWT: not a JWT: expected 3 chunks separated by '.', found 1"},
                {Nsc.read(nsc.accountJwt("O", "B")), "expected an activation JWT, found a JWT of type \"account\""},
                {activation(stranger, a, b, ExportType.SERVICE, "svc.x", NOW, 0),
                    "the activation was signed by " + stranger.publicKey() + ", which is not a signing key of account " + a},
                {activation(stranger, "", b, ExportType.SERVICE, "svc.x", NOW, 0),
                    "account " + stranger.publicKey() + " is not known to this server: post its JWT first"},
                {activation(operator, "", b, ExportType.SERVICE, "svc.x", NOW, 0),
                    "the activation was issued by " + operator.publicKey() + ", which is not an account"},
                {activation(aKey, "", user, ExportType.SERVICE, "svc.x", NOW, 0),
                    "the activation's subject \"" + user + "\" is not an account public key (the importing account)"},
                {activation(aKey, "", b, ExportType.STREAM, "svc.x", NOW, 0),
                    "account " + a + " has no stream export that contains \"svc.x\""},
                {activation(aKey, "", b, ExportType.STREAM, "other", NOW, 0),
                    "account " + a + " has no stream export that contains \"other\""},
                {activation(aKey, "", b, ExportType.STREAM, "feed.x", NOW - 100, NOW - 1),
                    "the activation expired at"},
                {activation(aKey, "", b, ExportType.SERVICE, "svc.x", NOW, 0),
                    "account " + a + " revoked the activations of export \"svc.>\" for account " + b},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = s.http.post(POST, "application/jwt", c[0]);
                assertEquals(400, r.statusCode(), c[1] + ": " + r.body());
                assertTrue(r.body().startsWith(c[1]), "expected \"" + c[1] + "\", got " + r.body());
            }
            assertEquals(415, s.http.post(POST, "text/html", activation(aKey, "", b, ExportType.STREAM, "feed.x", NOW, 0))
                    .statusCode());
            assertFalse(Files.exists(dir.resolve("activations")), "nothing was stored");
        }
    }

    @Test
    void anActivationIssuedEarlierDoesNotReplaceALaterOne() throws Exception {
        String later = activation(aKey, "", b, ExportType.STREAM, "feed.x", NOW, 0);
        String earlier = activation(aKey, "", b, ExportType.STREAM, "feed.x", NOW - 60, 0);
        try (Running s = start()) {
            postAccountA(s);
            assertEquals(200, s.http.post(POST, "application/jwt", later).statusCode());
            HttpResponse<String> kept = s.http.post(POST, "application/jwt", earlier);
            assertEquals(409, kept.statusCode());
            assertTrue(kept.body().startsWith("activation " + hashOf(later) + " is already stored issued later"), kept.body());
            assertEquals(later, s.http.get(POST + "/" + hashOf(later)).body());
        }
    }

    @Test
    void onlyAValidHashIdNamesAFile() {
        String hash = hashOf(activation(aKey, "", b, ExportType.STREAM, "feed.x", NOW, 0));
        try (Running s = start()) {
            assertEquals(404, s.http.get(POST + "/" + hash).statusCode(), "a valid hash id that is not stored");
            String noncanonical = hash.substring(0, 51) + (hash.charAt(51) == 'A' ? 'B' : 'R') + "====";
            for (String bad : new String[] {"AAAA", hash.toLowerCase(), hash.substring(0, 52), noncanonical,
                "..%2F..%2Fsecret", hash + "/x", "%2E%2E"}) {
                HttpResponse<String> r = s.http.get(POST + "/" + bad);
                assertEquals(400, r.statusCode(), bad);
                assertEquals("the path must end with an activation hash id (52 base32 characters and ====)\n", r.body());
            }
            assertEquals("HTTP/1.1 400 Bad Request", dev.jnsc.testing.Http.raw("127.0.0.1", s.port(),
                    "GET /jwt/v1/activations/../../../etc/passwd HTTP/1.1\r\nHost: x", new byte[0]));
            assertEquals(405, s.http.method("PUT", POST + "/" + hash, "x").statusCode());
            assertEquals(405, s.http.get(POST).statusCode());
        }
    }

    @Test
    void theNscFolderModeHoldsNoActivations() {
        String token = activation(aKey, "", b, ExportType.STREAM, "feed.x", NOW, 0);
        try (Running s = Running.nsc(nsc.stores().resolve("O"))) {
            HttpResponse<String> r = s.http.post(POST, "application/jwt", token);
            assertEquals(405, r.statusCode());
            assertEquals("this server serves an nsc folder read-only: it stores no activations\n", r.body());
            assertEquals(404, s.http.get(POST + "/" + hashOf(token)).statusCode());
        }
    }

    @Test
    void aTokenUrlThatDoesNotAnswerTimesOut() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/jwt/v1/activations/x";
            ActivationClient client = new ActivationClient(java.time.Duration.ofMillis(300));
            long start = System.nanoTime();
            ResolverException e = org.junit.jupiter.api.Assertions.assertThrows(ResolverException.class,
                    () -> client.fetch(url));
            assertEquals("no answer from " + url + " within 300ms (timed out)", e.getMessage());
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "gave up after the timeout, not later");
        }
    }

    @Test
    void pushAnActivationThenImportItByUrl() {
        nsc.realClock();
        try (Running s = Running.dir(dir, nsc.operatorJwt("O"), ClaimsNotifier.NONE, Clock.systemUTC())) {
            String url = s.server.url() + "/jwt/v1";
            nsc.ok("edit", "operator", "--account-jwt-server-url", url);
            Nsc.Result refused = nsc.run("generate", "activation", "-a", "A", "-s", "feed.1", "-t", "B", "--push");
            assertEquals(1, refused.code(), refused.toString());
            assertEquals("Error: push failed: the account server refused the activation (POST " + url + "/activations): 400"
                    + " (account " + a + " is not known to this server: post its JWT first)\n", refused.err());
            assertEquals("", refused.out(), "nothing printed when the push failed");

            nsc.ok("push", "-A");
            Nsc.Result pushed = nsc.ok("generate", "activation", "-a", "A", "-s", "feed.1", "-t", "B", "--push");
            String token = Jwt.decode(pushed.out().lines().filter(l -> l.startsWith("ey")).findFirst().orElseThrow())
                    .token();
            String at = url + "/activations/" + hashOf(token);
            assertTrue(pushed.err().endsWith("[ OK ] pushed activation \"feed.1\" to " + url + "\n"
                    + "[ OK ] activation accessible at \"" + at + "\"\n"), pushed.err());

            nsc.ok("add", "import", "-a", "B", "--token", at, "-s", "mine.1");
            Import i = Signing.account(Nsc.read(nsc.accountJwt("O", "B"))).imports().get(0);
            assertEquals(token, i.token());
            assertEquals("feed.1", i.subject());
            assertEquals("mine.1", i.localSubject());
            assertEquals(a, i.account());
        }
    }
}
