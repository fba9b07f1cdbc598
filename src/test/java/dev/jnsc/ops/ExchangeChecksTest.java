package dev.jnsc.ops;

import static dev.jnsc.ops.ClaimChecksTest.NOW;
import static dev.jnsc.ops.ClaimChecksTest.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.ExportType;
import dev.jnsc.jwt.Import;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.ServiceLatency;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What validate reports for the exports and imports of an account JWT: the exact findings, none for good ones. */
class ExchangeChecksTest {
    private static final NKey EXPORTER = NKey.generate(KeyKind.ACCOUNT);
    private static final String X = EXPORTER.publicKey();
    private static final String ME = NKey.generate(KeyKind.ACCOUNT).publicKey();

    private static AccountClaims account() {
        AccountClaims a = new AccountClaims();
        a.subject(ME);
        return a;
    }

    private static List<String> imports(AccountClaims a) {
        Findings f = new Findings();
        ExchangeChecks.imports(a, k -> k.equals(X) ? "X" : k, f);
        return messages(f);
    }

    private static List<String> exports(AccountClaims a) {
        Findings f = new Findings();
        ExchangeChecks.exports(a, f);
        return messages(f);
    }

    private static String activation(NKey issuer, String subject, String importSubject, ExportType type) {
        ActivationClaims c = new ActivationClaims().importSubject(importSubject).importType(type);
        c.subject(subject);
        return Jwt.encode(c, issuer, NOW);
    }

    @Test
    void goodImportsHaveNoFindings() {
        AccountClaims a = account();
        a.imports().add(Import.stream(X, "s.>").allowTrace(true));
        a.imports().add(Import.service(X, "q.*").localSubject("my.$1").share(true));
        a.imports().add(Import.service(X, "r.a").token(activation(EXPORTER, ME, "r.*", ExportType.SERVICE)));
        a.imports().add(Import.service(X, "u.a").token("HTTPS://example.com/act"));
        a.imports().add(Import.stream(X, "t.*.>").localSubject("t.*.>"));
        a.imports().add(Import.stream(X, "w.>").localSubject(">"));
        assertEquals(List.of(), imports(a));
    }

    @Test
    void badImports() {
        AccountClaims a = account();
        a.imports().add(new Import().subject("n").account(X));
        a.imports().add(Import.service(X, "a").allowTrace(true));
        a.imports().add(Import.stream("", "b").share(true));
        a.imports().add(Import.service(X, "c..d").to("e"));
        assertEquals(List.of("E import \"n\" from X: has no type (expected stream or service)",
                "E import \"a\" from X: allow_trace is only for stream imports",
                "E import \"b\": names no account to import from",
                "E import \"b\": share (latency tracking) is only for service imports",
                "W import \"c..d\" from X: uses the deprecated field \"to\" (local_subject replaces it)",
                "E import \"c..d\" from X: its subject: subject \"c..d\" cannot contain consecutive `.`"), imports(a));
    }

    @Test
    void localSubjects() {
        AccountClaims a = account();
        a.imports().add(Import.stream(X, "a.*.*").localSubject("l.$2.$1"));
        a.imports().add(Import.stream(X, "b.*").localSubject("l.*").to("t"));
        a.imports().add(Import.stream(X, "c.>").localSubject("l.c"));
        a.imports().add(Import.stream(X, "d.*").localSubject("l.d.>"));
        a.imports().add(Import.stream(X, "e.*").localSubject("l.$2"));
        a.imports().add(Import.stream(X, "f.*").localSubject("l.f"));
        a.imports().add(Import.stream(X, "g.*.*").localSubject("l.$1.$1.$1"));
        a.imports().add(Import.stream(X, "h").localSubject("l..h"));
        a.imports().add(Import.stream(X, ">").localSubject(">"));
        assertEquals(List.of("W import \"b.*\" from X: uses the deprecated field \"to\" (local_subject replaces it)",
                "E import \"b.*\" from X: has both local_subject and to: local_subject replaces to",
                "E import \"c.>\" from X: its local subject \"l.c\" and its subject \"c.>\" must both end in \">\" or neither",
                "E import \"d.*\" from X: its local subject \"l.d.>\" and its subject \"d.*\" must both end in \">\" or"
                        + " neither",
                "E import \"d.*\" from X: its local subject \"l.d.>\" needs one '*' or $n reference for each '*' of \"d.*\"",
                "E import \"e.*\" from X: its local subject \"l.$2\" refers to $2, but \"e.*\" has 1 '*' wildcard(s)",
                "E import \"e.*\" from X: its local subject \"l.$2\" needs one '*' or $n reference for each '*' of \"e.*\"",
                "E import \"f.*\" from X: its local subject \"l.f\" needs one '*' or $n reference for each '*' of \"f.*\"",
                "E import \"g.*.*\" from X: its local subject \"l.$1.$1.$1\" needs one '*' or $n reference for each '*' of"
                        + " \"g.*.*\"",
                "E import \"h\" from X: its local subject: subject \"l..h\" cannot contain consecutive `.`"), imports(a));
    }

    @Test
    void overlappingServiceImports() {
        AccountClaims a = account();
        a.imports().add(Import.service(X, "a.>"));
        a.imports().add(Import.service(X, "a.b"));
        a.imports().add(Import.service(X, "x.*").localSubject("c.$1"));
        a.imports().add(Import.service(X, "c.d"));
        a.imports().add(Import.service(X, "y").to("e.f"));
        a.imports().add(Import.service(X, "e.*"));
        a.imports().add(Import.stream(X, "a.b"));
        a.imports().add(Import.service(X, "z"));
        assertEquals(List.of("E service imports overlap: \"a.b\" and \"a.>\"", "E service imports overlap: \"c.d\" and \"c.*\"",
                "W import \"y\" from X: uses the deprecated field \"to\" (local_subject replaces it)",
                "E service imports overlap: \"e.*\" and \"e.f\""), imports(a));
    }

    @Test
    void activationTokens() {
        NKey other = NKey.generate(KeyKind.ACCOUNT);
        AccountClaims a = account();
        a.imports().add(Import.service(X, "a").token("not a jwt"));
        a.imports().add(Import.service(X, "b").token(activation(other, ME, "b", ExportType.SERVICE)));
        a.imports().add(Import.service(X, "c").token(activation(EXPORTER, other.publicKey(), "c", ExportType.SERVICE)));
        a.imports().add(Import.service(X, "d").token(activation(EXPORTER, ME, "d", ExportType.STREAM)));
        a.imports().add(Import.service(X, "e.f").token(activation(EXPORTER, ME, "e.g", ExportType.SERVICE)));
        a.imports().add(Import.service(X, "g").token(activation(EXPORTER, ME, "", ExportType.SERVICE)));
        a.imports().add(Import.service(X, "h").to("h.x").token(activation(EXPORTER, ME, "h.x", ExportType.SERVICE)));
        List<String> m = imports(a);
        assertTrue(m.get(0).startsWith("E import \"a\" from X: its activation token cannot be used: "), m.get(0));
        assertEquals(List.of("E import \"b\" from X: its activation token is issued by " + other.publicKey()
                        + ", not by the exporting account",
                "E import \"c\" from X: its activation token is for account " + other.publicKey()
                        + ", not for this account",
                "E import \"d\" from X: its activation token is for a stream, the import is a service",
                "E import \"e.f\" from X: its activation token grants \"e.g\", which does not cover \"e.f\"",
                "E import \"g\" from X: the activation's subject: subject cannot be empty",
                "W import \"h\" from X: uses the deprecated field \"to\" (local_subject replaces it)"),
                m.subList(1, m.size()));
    }

    @Test
    void anActivationSignedByAnExporterSigningKey() {
        NKey sk = NKey.generate(KeyKind.ACCOUNT);
        ActivationClaims c = new ActivationClaims().importSubject("a").importType(ExportType.SERVICE).issuerAccount(X);
        c.subject(ME);
        AccountClaims a = account();
        a.imports().add(Import.service(X, "a").token(Jwt.encode(c, sk, NOW)));
        assertEquals(List.of(), imports(a));
    }

    @Test
    void helpers() {
        assertTrue(ExchangeChecks.isUrl("http://x"));
        assertTrue(ExchangeChecks.isUrl("HTTPS://x"));
        assertFalse(ExchangeChecks.isUrl("nats://x"));
        assertFalse(ExchangeChecks.isUrl("eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ"));
        assertEquals("import of no type", ExchangeChecks.kind(null));
        assertEquals("service", ExchangeChecks.kind(ExportType.SERVICE));
    }

    @Test
    void goodExportsHaveNoFindings() {
        AccountClaims a = account();
        a.exports().add(Export.service("svc.*").responseType(Export.CHUNKED).accountTokenPosition(2)
                .latency(ServiceLatency.sampled(100, "lat.res")).responseThresholdNanos(1).allowTrace(true));
        a.exports().add(Export.service("one").responseType(Export.SINGLETON).latency(ServiceLatency.headers("lat.h")));
        a.exports().add(Export.service("two").responseType(Export.STREAM_RESPONSE));
        a.exports().add(Export.stream("st.>"));
        a.exports().add(Export.stream("svc.*"));
        a.limits().exports(5).imports(0);
        assertEquals(List.of(), exports(a));
    }

    @Test
    void badExports() {
        AccountClaims a = account();
        a.exports().add(new Export().subject("n"));
        a.exports().add(Export.service("s1").responseType("Many").responseThresholdNanos(-1));
        a.exports().add(Export.stream("s2").responseType(Export.SINGLETON).allowTrace(true)
                .latency(ServiceLatency.sampled(1, "l.*")).responseThresholdNanos(5));
        a.exports().add(Export.service("s3").latency(ServiceLatency.headers("")));
        a.exports().add(Export.stream("s4..x"));
        a.limits().exports(0);
        assertEquals(List.of("E export \"n\": has no type (expected stream or service)",
                "E service export \"s1\": has an unknown response type \"Many\" (expected Singleton, Stream or Chunked)",
                "E service export \"s1\": has a negative response threshold",
                "E stream export \"s2\": is a stream but has a response type",
                "E stream export \"s2\": allow_trace is only for service exports",
                "E stream export \"s2\": latency tracking is only for services",
                "E stream export \"s2\": its latency results subject \"l.*\" has wildcards",
                "E stream export \"s2\": a response threshold is only for services",
                "E service export \"s3\": its latency results subject: subject cannot be empty",
                "E stream export \"s4..x\": its subject: subject \"s4..x\" cannot contain consecutive `.`",
                "E the account has 5 exports, more than its limit of 0"), exports(a));
    }

    @Test
    void accountTokenPositions() {
        AccountClaims a = account();
        a.exports().add(Export.service("a.b").accountTokenPosition(1));
        a.exports().add(Export.service("c.*").accountTokenPosition(3));
        a.exports().add(Export.service("d.*").accountTokenPosition(1));
        a.exports().add(Export.service("e.*").accountTokenPosition(2).description("x".repeat(8193)));
        assertEquals(List.of("E service export \"a.b\": account token position 1 needs a subject with wildcards",
                "E service export \"c.*\": account token position 3 is past the end of the subject",
                "E service export \"d.*\": account token position 1 is \"d\", but must be a '*'",
                "E service export \"e.*\": the description is longer than 8192 bytes"), exports(a));
    }

    @Test
    void overlapsWildcardsAndCounts() {
        AccountClaims a = account();
        a.exports().add(Export.service("a.>"));
        a.exports().add(Export.service("a.b"));
        a.exports().add(Export.service("a.b"));
        a.exports().add(Export.stream("s.*"));
        a.exports().add(Export.stream("s.x"));
        a.imports().add(Import.stream(X, "i"));
        a.limits().wildcards(false).exports(4).imports(0);
        assertEquals(List.of("E export \"a.>\" has wildcards, which the account's limits do not allow",
                "E export \"s.*\" has wildcards, which the account's limits do not allow",
                "E service export \"a.>\" already exports \"a.b\"",
                "E service export \"a.>\" already exports \"a.b\"",
                "E service export \"a.b\" already exports \"a.b\"",
                "E stream export \"s.*\" already exports \"s.x\"",
                "E the account has 5 exports, more than its limit of 4",
                "E the account has 1 imports, more than its limit of 0"), exports(a));
        a.limits().exports(5).imports(1);
        assertEquals(8 - 2, exports(a).size());
        a.limits().exports(-1).imports(-1);
        assertEquals(8 - 2, exports(a).size());
    }
}
