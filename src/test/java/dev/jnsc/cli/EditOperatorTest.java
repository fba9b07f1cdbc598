package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EditOperatorTest {
    @TempDir
    Path home;
    Nsc nsc;

    @BeforeEach
    void operator() {
        nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.advance(Duration.ofSeconds(5));
    }

    private OperatorClaims op() {
        return Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "an operator");
    }

    @Test
    void serviceUrlsAsInTheTutorial() {
        Nsc.Result r = nsc.ok("edit", "operator", "--service-url", "nats://localhost:4222");
        assertEquals("[ OK ] added service url \"nats://localhost:4222\"\n[ OK ] edited operator \"O\"\n", r.out());
        assertEquals(List.of("nats://localhost:4222"), op().serviceUrls());
        assertEquals(nsc.nowSeconds(), op().issuedAt());

        nsc.ok("edit", "operator", "-n", "tls://a:4222,ws://b:80", "--service-url", "WSS://C:443");
        assertEquals(List.of("nats://localhost:4222", "tls://a:4222", "ws://b:80", "wss://c:443"), op().serviceUrls());
        r = nsc.ok("edit", "operator", "--rm-service-url", "tls://a:4222");
        assertTrue(r.out().contains("[ OK ] removed service url \"tls://a:4222\""), r.out());
        assertEquals(List.of("nats://localhost:4222", "ws://b:80", "wss://c:443"), op().serviceUrls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:4222", "localhost:4222", "nats://", "nats://u:p@host:4222",
        "nats://host:4222/path"})
    void refusesBadServiceUrls(String url) {
        fails(nsc, "operator service url", "edit", "operator", "--service-url", url);
    }

    @Test
    void accountServerUrl() {
        Nsc.Result r = nsc.ok("edit", "operator", "--account-jwt-server-url", "http://localhost:9090/jwt/v1");
        assertTrue(r.out().contains("[ OK ] set account jwt server url to \"http://localhost:9090/jwt/v1\""), r.out());
        assertEquals("http://localhost:9090/jwt/v1", op().accountServerUrl());
        nsc.ok("edit", "operator", "-u", "nats://localhost:4222");
        assertEquals("nats://localhost:4222", op().accountServerUrl());
        r = nsc.ok("edit", "operator", "--rm-account-jwt-server-url");
        assertTrue(r.out().contains("[ OK ] removed account server url"), r.out());
        assertEquals("", op().accountServerUrl());
        fails(nsc, "account jwt server url \"ftp://x\"", "edit", "operator", "-u", "ftp://x");
    }

    @Test
    void signingKeys() {
        Nsc.Result r = nsc.ok("edit", "operator", "--sk", "generate");
        String sk = op().signingKeys().get(0);
        assertTrue(r.out().contains("[ OK ] added signing key \"" + sk + "\""), r.out());
        assertTrue(Files.isRegularFile(nsc.keyFile(sk)));

        NKey other = NKey.generate(KeyKind.OPERATOR);
        nsc.ok("edit", "operator", "--sk", other.publicKey());
        assertEquals(List.of(sk, other.publicKey()), op().signingKeys());
        assertTrue(!Files.exists(nsc.keyFile(other.publicKey())), "a public key alone stores no seed");

        nsc.ok("edit", "operator", "--rm-sk", sk);
        assertEquals(List.of(other.publicKey()), op().signingKeys());
        fails(nsc, "is an account key, expected an operator key", "edit", "operator", "--sk",
                NKey.generate(KeyKind.ACCOUNT).publicKey());
        fails(nsc, "has no signing key", "edit", "operator", "--rm-sk", sk);
        fails(nsc, "is not an operator public key, a seed, or the path of a file", "edit", "operator", "--sk", "bogus");
    }

    @Test
    void signingKeyFromSeedFileIsStored() throws Exception {
        NKey k = NKey.generate(KeyKind.OPERATOR);
        Path f = home.resolve("sk.nk");
        Files.writeString(f, new String(k.seed()) + "\n");
        nsc.ok("edit", "operator", "--sk", f.toString());
        assertEquals(List.of(k.publicKey()), op().signingKeys());
        assertEquals(new String(k.seed()), Nsc.read(nsc.keyFile(k.publicKey())));
    }

    @Test
    void tagsAndTimes() {
        Nsc.Result r = nsc.ok("edit", "operator", "--tag", "Prod,EU", "--expiry", "2027-01-01");
        assertTrue(r.out().contains("[ OK ] added tag \"prod\""), r.out());
        assertTrue(r.out().contains("[ OK ] changed jwt expiry to 2027-01-01 00:00:00 UTC"), r.out());
        assertEquals(List.of("eu", "prod"), op().tags()); // sorted, as the Go nsc leaves them
        nsc.ok("edit", "operator", "--rm-tag", "prod", "--expiry", "0", "--start", "1w");
        assertEquals(List.of("eu"), op().tags());
        assertEquals(0, op().expires());
        assertEquals(nsc.nowSeconds() + 7 * 86400, op().notBefore());
        fails(nsc, "is not in the future", "edit", "operator", "--expiry", "2020-01-01");
    }

    @Test
    void needsAnOption() {
        fails(nsc, "specify an edit option", "edit", "operator");
    }
}
