package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.ExportType;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.testing.Checks;
import dev.jnsc.testing.ExportFixtures;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate activation and revocations add_activation | delete_activation | list_activations:
 * what they write and print, and every refusal. Account A exports, B imports; the clock is fixed
 * at {@link Nsc#START} (2026-01-02 03:04:05 UTC = 1767323045).
 */
class ActivationCommandsTest {
    static final long NOW = Nsc.START.getEpochSecond();

    @TempDir
    Path home;
    Nsc nsc;
    String a;
    String b;

    @BeforeEach
    void store() {
        nsc = new Nsc(home).tutorial();
        nsc.ok("add", "account", "B");
        ExportFixtures.add(nsc, "A", ExportFixtures.stream("pub.>"),
                ExportFixtures.service("svc.>").name("privsvc").tokenRequired(true),
                ExportFixtures.stream("priv.*").name("privstream").tokenRequired(true));
        a = key("A");
        b = key("B");
    }

    private String key(String account) {
        return Signing.subject(Nsc.read(nsc.accountJwt("O", account)));
    }

    private AccountClaims account(String name) {
        return Signing.account(Nsc.read(nsc.accountJwt("O", name)));
    }

    private Export export(String subject) {
        return account("A").exports().stream().filter(e -> e.subject().equals(subject)).findFirst().orElseThrow();
    }

    private static ActivationClaims decode(String decorated) {
        return Jwt.decode(Decorated.parse(decorated.getBytes(StandardCharsets.UTF_8)).jwt())
                .as(ActivationClaims.class, "an activation");
    }

    // --- generate activation --------------------------------------------------------------------

    @Test
    void generateToStdout() {
        Nsc.Result r = nsc.ok("generate", "activation", "-a", "A", "-s", "svc.>", "-t", b);
        assertTrue(r.out().startsWith("-----BEGIN NATS ACTIVATION JWT-----\n"), r.out());
        assertTrue(r.out().endsWith("\n------END NATS ACTIVATION JWT------\n\n\n"), "decorated, then a line end, as Go"
                + " prints it\n" + r.out());
        assertEquals("[ OK ] generated \"privsvc\" activation for account \"" + b + "\"\n", r.err());
        ActivationClaims c = decode(r.out());
        assertEquals(b, c.subject());
        assertEquals(a, c.issuer());
        assertEquals("", c.issuerAccount(), "signed by the account itself");
        assertEquals("svc.>", c.name());
        assertEquals("svc.>", c.importSubject());
        assertEquals(ExportType.SERVICE, c.importType());
        assertEquals(NOW, c.issuedAt());
        assertEquals(0, c.expires());
        assertEquals(0, c.notBefore());
        assertEquals(r.out(), nsc.ok("generate", "activation", "-a", "A", "-s", "svc.>", "-t", b, "-o", "--").out(),
                "-o -- is stdout");
    }

    @Test
    void generateToANewFileWithTimesAndASubjectTheExportContains() {
        Nsc.Result r = nsc.ok("generate", "activation", "-a", "A", "--subject", "priv.x", "--target-account", "B",
                "--start", "2026-02-01", "--expiry", "30d", "--output-file", "act.jwt");
        Path f = home.resolve("act.jwt");
        assertEquals("", r.err());
        assertEquals("[ OK ] generated \"privstream\" activation for account \"" + b + "\"\n"
                + "[ OK ] token valid 2026-02-01 00:00:00 UTC\n[ OK ] token expires 2026-02-01 03:04:05 UTC\n"
                + "[ OK ] wrote activation token to `act.jwt`\n", r.out());
        assertEquals("rw-------", Nsc.mode(f));
        String text = Nsc.read(f);
        assertTrue(text.startsWith("-----BEGIN NATS ACTIVATION JWT-----\n") && text.endsWith("JWT------\n\n"), text);
        ActivationClaims c = decode(text);
        assertEquals("priv.x", c.importSubject());
        assertEquals(ExportType.STREAM, c.importType());
        assertEquals(b, c.subject(), "-t takes an account name too, as in Go");
        assertEquals(1769904000L, c.notBefore());
        assertEquals(NOW + 30 * 86400, c.expires());
        assertEquals(ActivationClaims.hashId(a, b, "priv.x"), c.hashId(), "iss and sub as the hash id needs them");
    }

    @Test
    void theOnlyPrivateExportNeedsNoSubject() {
        nsc.ok("add", "account", "S");
        ExportFixtures.add(nsc, "S", ExportFixtures.stream("only.>").tokenRequired(true), ExportFixtures.stream("open"));
        ActivationClaims c = decode(nsc.ok("generate", "activation", "-a", "S", "-t", "B").out());
        assertEquals("only.>", c.importSubject());
    }

    @Test
    void aSigningKeySignsWithIssuerAccount() {
        Nsc.Result sk = nsc.ok("edit", "account", "A", "--sk", "generate");
        String skKey = sk.out().replaceAll("(?s).*added signing key \"(A[A-Z2-7]{55})\".*", "$1");
        Nsc.Result quiet = nsc.ok("generate", "activation", "-a", "A", "-s", "svc.x", "-t", b);
        assertEquals(a, decode(quiet.out()).issuer(), "the identity key signs when no -K, as in the Go nsc");
        assertTrue(quiet.err().contains("[ OK ] signed by account \"A\" with its identity key " + a), quiet.err());
        ActivationClaims c = decode(nsc.ok("generate", "activation", "-a", "A", "-s", "svc.x", "-t", b, "-K", skKey).out());
        assertEquals(skKey, c.issuer());
        assertEquals(a, c.issuerAccount());
        String describe = nsc.ok("describe", "jwt", "-f", write("sk.jwt", nsc.ok("generate", "activation", "-a", "A", "-s",
                "svc.x", "-t", b, "-K", skKey).out()).toString()).out();
        Checks.assertRow(describe, "Issuer Account", a);
        Checks.assertRow(describe, "Hash ID", ActivationClaims.hashId(skKey, b, "svc.x"));
        Checks.assertRow(describe, "Import Subject", "svc.x");
    }

    private Path write(String name, String content) {
        try {
            Path p = home.resolve(name);
            Files.writeString(p, content);
            return p;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void describeJwtOfAnActivationAsJson() {
        Path f = write("a.jwt", nsc.ok("generate", "activation", "-a", "A", "-s", "svc.>", "-t", b).out());
        String json = nsc.ok("describe", "jwt", "-f", f.toString(), "--json").out();
        assertTrue(json.contains("\"kind\": \"service\""), json);
        assertTrue(json.contains("\"subject\": \"svc.>\""), json);
        assertTrue(json.contains("\"type\": \"activation\""), json);
        assertEquals("\"" + b + "\"\n", nsc.ok("describe", "jwt", "-f", f.toString(), "-F", "sub").out());
    }

    @Test
    void generateRefusals() {
        fails(nsc, "account \"B\" doesn't have exports", "generate", "activation", "-a", "B", "-s", "x", "-t", a);
        nsc.ok("add", "account", "P");
        ExportFixtures.add(nsc, "P", ExportFixtures.stream("open.>"));
        fails(nsc, "account \"P\" doesn't have exports that require an activation token", "generate", "activation", "-a",
                "P", "-t", b);
        fails(nsc, "-s/--subject is required: account \"A\" has 2 private exports (priv.*, svc.>)", "generate",
                "activation", "-a", "A", "-t", b);
        fails(nsc, "-t/--target-account is required", "generate", "activation", "-a", "A", "-s", "svc.>");
        fails(nsc, "--target-account \"nobody\" is neither an account public key nor the name of an account", "generate",
                "activation", "-a", "A", "-s", "svc.>", "-t", "nobody");
        fails(nsc, "--target-account \"*\" is neither", "generate", "activation", "-a", "A", "-s", "svc.>", "-t", "*");
        fails(nsc, "--target-account is account \"A\" itself", "generate", "activation", "-a", "A", "-s", "svc.>", "-t",
                "A");
        fails(nsc, "a private export for \"pub.x\" was not found in account \"A\" (its private exports: priv.*, svc.>)",
                "generate", "activation", "-a", "A", "-s", "pub.x", "-t", b);
        fails(nsc, "--subject \"svc..x\" is not a valid subject", "generate", "activation", "-a", "A", "-s", "svc..x",
                "-t", b);
        fails(nsc, "--expiry \"2020-01-01\" (2020-01-01 00:00:00 UTC) is not in the future", "generate", "activation",
                "-a", "A", "-s", "svc.>", "-t", b, "--expiry", "2020-01-01");
        fails(nsc, "is not before --expiry", "generate", "activation", "-a", "A", "-s", "svc.>", "-t", b, "--start", "2d",
                "--expiry", "1d");
        nsc.ok("revocations", "add_activation", "-a", "A", "-s", "svc.>", "--service", "-t", b, "--at", "2030-01-01T00:00:00Z");
        fails(nsc, "account " + b + " is revoked from export \"privsvc\" until 2030-01-01 00:00:00 UTC", "generate",
                "activation", "-a", "A", "-s", "svc.>", "-t", b);
    }

    @Test
    void anExistingOutputFileIsReplacedAsByTheGoNsc() throws Exception {
        Path f = write("taken.jwt", "mine\n");
        Nsc.Result r = nsc.ok("generate", "activation", "-a", "A", "-s", "svc.>", "-t", b, "-o", f.toString());
        assertTrue(r.out().endsWith("[ OK ] wrote activation token to `~/taken.jwt`\n"), r.out());
        assertTrue(Files.readString(f).startsWith("-----BEGIN NATS ACTIVATION JWT-----\n"));
        assertEquals("rw-------", Nsc.mode(f));
        fails(nsc, "it is a folder", "generate", "activation", "-a", "A", "-s", "svc.>", "-t", b, "-o",
                home.toString());
    }

    @Test
    void pushNeedsAnHttpAccountServer() {
        fails(nsc, "operator \"O\" doesn't have an account server url configured", "generate", "activation", "-a", "A",
                "-s", "svc.>", "-t", b, "--push");
        nsc.ok("edit", "operator", "--account-jwt-server-url", "nats://localhost:4222");
        fails(nsc, "activation push is only supported for http(s) account servers, not for the nats resolver at"
                + " nats://localhost:4222", "generate", "activation", "-a", "A", "-s", "svc.>", "-t", b, "--push", "-o",
                "never.jwt");
        assertFalse(Files.exists(home.resolve("never.jwt")), "nothing is written when the push cannot happen");
    }

    // --- revocations of activations -------------------------------------------------------------

    @Test
    void revokeAnAccountAndEveryAccount() {
        Nsc.Result r = nsc.ok("revocations", "add_activation", "-a", "A", "-s", "svc.>", "--service", "-t", b);
        assertEquals("[ OK ] revoked activation \"privsvc\" for account " + b + " issued before 2026-01-02 03:04:05 UTC\n"
                + "[ OK ] edited account \"A\" - push it so that servers apply the change\n", r.out());
        assertEquals(Map.of(b, NOW), export("svc.>").revocations());
        nsc.ok("revocations", "add-activation", "-a", "A", "-s", "svc.x", "--service", "-t", "*", "--at", "1700000000");
        nsc.ok("revocations", "add_activation", "--account", "A", "--subject", "priv.*", "--target-account", "B", "--at",
                "2024-01-01T00:00:00Z");
        nsc.ok("revocations", "add_activation", "-a", "A", "-t", "B", "--at", "0", "-s", "priv.*");
        assertEquals(Map.of(b, NOW, "*", 1700000000L), export("svc.>").revocations());
        assertEquals(Map.of(b, NOW), export("priv.*").revocations(), "--at 0 is now, later than the time before");
        assertEquals(Signing.subject(Nsc.read(nsc.operatorJwt("O"))), account("A").issuer());
    }

    @Test
    void anEarlierTimeKeepsTheLaterRevocation() {
        nsc.ok("revocations", "add_activation", "-a", "A", "-s", "svc.>", "--service", "-t", b);
        String before = Nsc.read(nsc.accountJwt("O", "A"));
        Nsc.Result r = nsc.ok("revocations", "add_activation", "-a", "A", "-s", "svc.>", "--service", "-t", b, "--at",
                "1700000000");
        assertEquals("[WARN] account " + b + " is already revoked from export \"privsvc\" until 2026-01-02 03:04:05 UTC,"
                + " which is later: nothing changed\n", r.out());
        assertEquals(before, Nsc.read(nsc.accountJwt("O", "A")));
    }

    @Test
    void revokingFromAPublicExportWarns() {
        Nsc.Result r = nsc.ok("revocations", "add_activation", "-a", "A", "-s", "pub.>", "-t", b);
        assertTrue(r.out().startsWith("[WARN] stream export \"pub.>\" is public: its importers need no activation"), r.out());
        assertEquals(Map.of(b, NOW), export("pub.>").revocations(), "written as the Go nsc writes it");
    }

    @Test
    void deleteARevocation() {
        nsc.ok("revocations", "add_activation", "-a", "A", "-s", "svc.>", "--service", "-t", b);
        nsc.ok("revocations", "add_activation", "-a", "A", "-s", "svc.>", "--service", "-t", "*");
        Nsc.Result r = nsc.ok("revocations", "delete_activation", "-a", "A", "-s", "svc.>", "--service", "-t", "*");
        assertEquals("[ OK ] deleted service privsvc revocation for all accounts\n"
                + "[ OK ] edited account \"A\" - push it so that servers apply the change\n", r.out());
        r = nsc.ok("revocations", "delete-activation", "-a", "A", "-s", "svc.>", "--service", "-t", "B");
        assertTrue(r.out().startsWith("[ OK ] deleted service privsvc revocation for account " + b + "\n"), r.out());
        assertTrue(export("svc.>").revocations().isEmpty());
        fails(nsc, "there is no revocation for account " + b + " in service export \"privsvc\" of account \"A\"",
                "revocations", "delete_activation", "-a", "A", "-s", "svc.>", "--service", "-t", b);
    }

    @Test
    void listRevocationsAsGoPrintsThem() {
        nsc.ok("revocations", "add_activation", "-a", "A", "-s", "svc.>", "--service", "-t", b);
        nsc.ok("revocations", "add_activation", "-a", "A", "-s", "svc.>", "--service", "-t", "*", "--at", "1700000000");
        Nsc.Result r = nsc.ok("revocations", "list_activations", "-a", "A", "-s", "svc.>", "--service");
        assertEquals("", r.err());
        assertTrue(r.out().contains("Revoked Accounts for service privsvc"), r.out());
        Checks.assertRow(r.out(), "Public Key", "Revoke Credentials Before");
        Checks.assertRow(r.out(), "* [All Accounts]", "Tue, 14 Nov 2023 22:13:20 UTC");
        Checks.assertRow(r.out(), b, "Fri, 02 Jan 2026 03:04:05 UTC");
        Nsc.Result none = nsc.ok("revocations", "list-activations", "-a", "A", "-s", "priv.*");
        assertTrue(none.out().contains("Revoked Accounts for stream privstream"), none.out());
        assertTrue(none.out().contains("│ No revoked accounts"), none.out());
    }

    @Test
    void revocationRefusals() {
        fails(nsc, "account \"B\" doesn't have exports", "revocations", "add_activation", "-a", "B", "-s", "x", "-t", a);
        fails(nsc, "account \"A\" has no stream export containing \"svc.>\" (it has service exports: svc.> - add"
                + " --service)", "revocations", "add_activation", "-a", "A", "-s", "svc.>", "-t", b);
        fails(nsc, "-s/--subject is required: account \"A\" has 2 stream exports (priv.*, pub.>)", "revocations",
                "add_activation", "-a", "A", "-t", b);
        fails(nsc, "-t/--target-account is required: the public key or name of the importing account, or * for every"
                + " account", "revocations", "add_activation", "-a", "A", "-s", "priv.*");
        fails(nsc, "--target-account \"xyz\" is neither an account public key nor the name of an account of operator"
                + " \"O\" (nor * for every account)", "revocations", "delete_activation", "-a", "A", "-s", "priv.*", "-t",
                "xyz");
        fails(nsc, "--at \"yesterday\" is invalid: expected 0 (now), unix seconds or an RFC 3339 time", "revocations",
                "add_activation", "-a", "A", "-s", "priv.*", "-t", b, "--at", "yesterday");
        fails(nsc, "account \"A\" has no stream export containing \"nope\"", "revocations", "list_activations", "-a", "A",
                "-s", "nope");
        nsc.ok("add", "account", "V");
        ExportFixtures.add(nsc, "V", ExportFixtures.stream("v.>"));
        fails(nsc, "account \"V\" doesn't have service exports (it has stream exports: v.> - leave out --service)",
                "revocations", "list_activations", "-a", "V", "--service");
        usage(nsc, "Unknown option", "revocations", "list_activations", "-a", "A", "-t", b);
    }
}
