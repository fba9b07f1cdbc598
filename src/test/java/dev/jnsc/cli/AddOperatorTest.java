package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddOperatorTest {
    @TempDir
    Path home;

    private static String key(String text, String label) {
        Matcher m = Pattern.compile("generated and stored " + label + " key \"([A-Z0-9]{56})\"").matcher(text);
        assertTrue(m.find(), () -> "no key line for " + label + " in " + text);
        return m.group(1);
    }

    @Test
    void addsOperatorWithKeyStoreAndContext() {
        Nsc nsc = new Nsc(home);
        Nsc.Result r = nsc.ok("add", "operator", "O");
        assertEquals("", r.err());
        String pub = key(r.out(), "operator");
        assertEquals("[ OK ] generated and stored operator key \"" + pub + "\"\n[ OK ] added operator \"O\"\n"
                + "[ OK ] When running your own nats-server, make sure they run at least version 2.2.0\n", r.out());

        OperatorClaims oc = Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "an operator");
        assertEquals("O", oc.name());
        assertEquals(pub, oc.subject());
        assertEquals(pub, oc.issuer());
        assertEquals(nsc.nowSeconds(), oc.issuedAt());
        assertTrue(NKey.isValidPublicKey(pub, KeyKind.OPERATOR));

        String seed = Nsc.read(nsc.keyFile(pub));
        assertEquals(pub, NKey.fromSeed(seed.toCharArray()).publicKey());
        assertEquals("rw-------", Nsc.mode(nsc.keyFile(pub)));
        assertEquals("rwx------", Nsc.mode(nsc.keyFile(pub).getParent()));
        assertEquals("rw-------", Nsc.mode(nsc.operatorJwt("O")));
        assertEquals("rwx------", Nsc.mode(nsc.stores().resolve("O")));

        Map<String, Object> marker = Json.parseObject(Nsc.read(nsc.stores().resolve("O/.nsc")).getBytes());
        assertEquals("O", marker.get("name"));
        assertEquals("operator", marker.get("kind"));
        assertEquals(Boolean.FALSE, marker.get("managed"));

        Map<String, Object> ctx = Json.parseObject(Nsc.read(nsc.home().resolve(".nsc/nsc.json")).getBytes());
        assertEquals("O", ctx.get("operator"));
        assertEquals(nsc.stores().toString(), ctx.get("store_root"));
        assertTrue(Files.isRegularFile(nsc.keystore().resolve(".gitignore")));
    }

    @Test
    void nameByFlagAndSigningKey() {
        Nsc nsc = new Nsc(home);
        Nsc.Result r = nsc.ok("add", "operator", "-n", "O2", "--generate-signing-key");
        OperatorClaims oc = Jwt.decode(Nsc.read(nsc.operatorJwt("O2"))).as(OperatorClaims.class, "an operator");
        assertEquals(1, oc.signingKeys().size());
        String sk = oc.signingKeys().get(0);
        assertTrue(Files.isRegularFile(nsc.keyFile(sk)));
        // as the Go nsc: the generated signing key is named only with --sys
        assertFalse(r.out().contains(sk), r.out());
        r = nsc.ok("add", "operator", "-n", "O3", "--generate-signing-key", "--sys");
        oc = Jwt.decode(Nsc.read(nsc.operatorJwt("O3"))).as(OperatorClaims.class, "an operator");
        assertTrue(r.out().contains("[ OK ] When running your own nats-server, make sure they run at least version 2.2.0\n"
                + "[ OK ] created operator signing key: " + oc.signingKeys().get(0) + "\n[ OK ] created system_account: "),
                r.out());
    }

    @Test
    void startAndExpiry() {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O", "--start", "2026-02-01", "--expiry", "30d");
        OperatorClaims oc = Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "an operator");
        assertEquals(java.time.Instant.parse("2026-02-01T00:00:00Z").getEpochSecond(), oc.notBefore());
        assertEquals(nsc.nowSeconds() + 30 * 86400, oc.expires());
    }

    @Test
    void refusesDuplicates() {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        fails(nsc, "operator \"O\" already exists", "add", "operator", "O");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "a\\b", "..", "x..y", " "})
    void refusesUnsafeNames(String name) {
        Nsc nsc = new Nsc(home);
        fails(nsc, "operator name", "add", "operator", name);
    }

    @Test
    void requiresName() {
        usage(new Nsc(home), "operator name is required", "add", "operator");
    }

    @Test
    void badTimes() {
        Nsc nsc = new Nsc(home);
        fails(nsc, "--expiry \"tomorrow\" is invalid", "add", "operator", "O", "--expiry", "tomorrow");
        fails(nsc, "--start \"2026-13-01\" is invalid", "add", "operator", "O", "--start", "2026-13-01");
    }

    @Test
    void privateKeyGivesTheIdentityKeyAndIsNotStored() throws Exception {
        Nsc nsc = new Nsc(home);
        NKey given = NKey.generate(KeyKind.OPERATOR);
        Path seedFile = home.resolve("op.nk");
        Files.writeString(seedFile, new String(given.seed()));
        Nsc.Result r = nsc.ok("add", "operator", "O", "-K", seedFile.toString(), "--sys");
        assertFalse(r.out().contains("generated and stored operator key"), r.out());
        assertTrue(r.out().startsWith("[ OK ] added operator \"O\"\n"), r.out());
        OperatorClaims oc = Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "an operator");
        assertEquals(given.publicKey(), oc.subject());
        assertEquals(given.publicKey(), oc.issuer());
        assertFalse(Files.exists(nsc.keyFile(given.publicKey())), "as in the Go nsc, -K is not copied to the keystore");
        assertEquals(given.publicKey(), Jwt.decode(Nsc.read(nsc.accountJwt("O", "SYS"))).claims().issuer(),
                "--sys is signed with the given key");
        nsc.ok("add", "operator", "P", "-K", new String(given.seed()));
        fails(nsc, "--generate-signing-key cannot be used with -K", "add", "operator", "Q", "-K",
                new String(given.seed()), "--generate-signing-key");
        NKey account = NKey.generate(KeyKind.ACCOUNT);
        fails(nsc, "operator", "add", "operator", "Q", "-K", new String(account.seed()));
        fails(nsc, "has no seed in the keystore", "add", "operator", "Q", "-K",
                NKey.generate(KeyKind.OPERATOR).publicKey());
    }
}
