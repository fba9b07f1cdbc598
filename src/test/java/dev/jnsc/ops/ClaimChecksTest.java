package dev.jnsc.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.TestData;
import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Claims;
import dev.jnsc.jwt.ExportType;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.Permissions;
import dev.jnsc.jwt.TimeRange;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What validate reports for one JWT on its own: the exact findings, and none for what is fine. */
class ClaimChecksTest {
    static final long NOW = 1_800_000_000L;

    static List<String> messages(Findings f) {
        return f.list().stream().map(x -> (x.severity() == Findings.Severity.ERROR ? "E " : "W ") + x.message()).toList();
    }

    static <T extends Claims> T signed(T c, NKey signer, Class<T> type) {
        return Jwt.decode(Jwt.encode(c, signer, NOW - 10)).as(type, "a test JWT");
    }

    /** The JWT of {@code c} signed by {@code signer}, with {@code field} (JSON) added to its nats object. */
    static <T extends Claims> T withNatsField(T c, NKey signer, Class<T> type, String field) {
        String[] parts = Jwt.encode(c, signer, NOW - 10).split("\\.");
        String payload = TestData.payloadJson(String.join(".", parts)).replace("\"nats\":{", "\"nats\":{" + field + ",");
        String input = parts[0] + "." + TestData.b64url(payload.getBytes(StandardCharsets.UTF_8));
        String token = input + "." + TestData.b64url(signer.sign(input.getBytes(StandardCharsets.US_ASCII)));
        return Jwt.decode(token).as(type, "a test JWT");
    }

    @Test
    void assertServerVersion() {
        NKey op = NKey.generate(KeyKind.OPERATOR);
        for (String good : new String[] {"2.10.1", "+2.+10.+0"}) {
            OperatorClaims o = new OperatorClaims();
            o.subject(op.publicKey());
            Findings f = new Findings();
            ClaimChecks.operator(withNatsField(o, op, OperatorClaims.class, "\"assert_server_version\":\"" + good + "\""),
                    NOW, f);
            assertEquals(List.of(), messages(f), good);
        }
        OperatorClaims o = new OperatorClaims();
        o.subject(op.publicKey());
        Findings f = new Findings();
        ClaimChecks.operator(withNatsField(o, op, OperatorClaims.class, "\"assert_server_version\":\"2.10\""), NOW, f);
        assertEquals(List.of("E assert server version \"2.10\" is not a version major.minor.patch"), messages(f));
    }

    @Test
    void validityTimes() {
        Findings f = new Findings();
        ClaimChecks.times(new UserClaims().expires(NOW + 1).notBefore(NOW), NOW, f);
        ClaimChecks.times(new UserClaims(), NOW, f);
        assertEquals(List.of(), messages(f));
        ClaimChecks.times(new UserClaims().expires(NOW), NOW, f);
        ClaimChecks.times(new UserClaims().notBefore(NOW + 1), NOW, f);
        assertEquals(List.of("E the JWT expired at " + TimeSpec.format(NOW),
                "E the JWT is not valid before " + TimeSpec.format(NOW + 1)), messages(f));
    }

    @Test
    void aGoodOperatorHasNoFindings() {
        NKey op = NKey.generate(KeyKind.OPERATOR);
        OperatorClaims o = new OperatorClaims();
        o.subject(op.publicKey());
        o.accountServerUrl("http://localhost:9090/jwt/v1");
        o.serviceUrls().addAll(List.of("nats://localhost:4222", "", "WSS://h:443"));
        o.signingKeys().add(NKey.generate(KeyKind.OPERATOR).publicKey());
        o.systemAccount(NKey.generate(KeyKind.ACCOUNT).publicKey());
        Findings f = new Findings();
        ClaimChecks.operator(signed(o, op, OperatorClaims.class), NOW, f);
        assertEquals(List.of(), messages(f));
    }

    @Test
    void aBadOperator() {
        NKey op = NKey.generate(KeyKind.OPERATOR);
        String account = NKey.generate(KeyKind.ACCOUNT).publicKey();
        OperatorClaims o = new OperatorClaims();
        o.subject(op.publicKey());
        o.accountServerUrl("localhost/jwt");
        o.serviceUrls().addAll(List.of("http://h:4222", "nats://u:p@h:4222", "nats://h:4222/x", "h", "nats://h 1"));
        o.signingKeys().add(account);
        o.systemAccount(op.publicKey());
        o.expires(NOW - 1);
        Findings f = new Findings();
        ClaimChecks.operator(signed(o, NKey.generate(KeyKind.OPERATOR), OperatorClaims.class), NOW, f);
        List<String> m = messages(f);
        assertEquals("E the JWT expired at " + TimeSpec.format(NOW - 1), m.get(0));
        assertEquals("E account server url \"localhost/jwt\" has no protocol (such as nats://)", m.get(1));
        assertEquals("E operator service url \"http://h:4222\" has protocol \"http\": only nats, tls, ws and wss are"
                + " supported", m.get(2));
        assertEquals("E operator service url \"nats://u:p@h:4222\" has credentials, which are not supported", m.get(3));
        assertEquals("E operator service url \"nats://h:4222/x\" has a path, which is not supported", m.get(4));
        assertEquals("E operator service url \"h\" has no protocol (such as nats://)", m.get(5));
        assertTrue(m.get(6).startsWith("E operator service url \"nats://h 1\" cannot be parsed: "), m.get(6));
        assertEquals("E signing key \"" + account + "\" is not an operator public key", m.get(7));
        assertEquals("E system account \"" + op.publicKey() + "\" is not an account public key", m.get(8));
        assertTrue(m.get(9).startsWith("E the operator JWT is signed by O"), m.get(9));
        assertTrue(m.get(9).endsWith(", which is neither the operator's identity key nor one of its signing keys"));
        assertEquals(10, m.size(), m.toString());
    }

    @Test
    void anOperatorSignedByItsSigningKey() {
        NKey op = NKey.generate(KeyKind.OPERATOR);
        NKey sk = NKey.generate(KeyKind.OPERATOR);
        OperatorClaims o = new OperatorClaims();
        o.subject(op.publicKey());
        o.signingKeys().add(sk.publicKey());
        Findings f = new Findings();
        ClaimChecks.operator(signed(o, sk, OperatorClaims.class), NOW, f);
        assertEquals(List.of(), messages(f));
    }

    @Test
    void aGoodUserHasNoFindings() {
        UserClaims u = new UserClaims();
        u.permissions().src().addAll(List.of("10.0.0.0/8", "::1/128"));
        u.permissions().times().addAll(List.of(new TimeRange("8:00:00", "17:00:00"), new TimeRange("00:00:00",
                "23:59:59")));
        u.permissions().timesLocation("Europe/Berlin");
        u.permissions().pub().allow().add("a.>");
        u.permissions().sub().allow().add("b.* q");
        u.issuerAccount(NKey.generate(KeyKind.ACCOUNT).publicKey());
        Findings f = new Findings();
        ClaimChecks.user(u, NOW, f);
        assertEquals(List.of(), messages(f));
    }

    @Test
    void aBadUser() {
        UserClaims u = new UserClaims();
        u.expires(NOW - 5);
        u.permissions().pub().allow().add("a b");
        u.permissions().src().addAll(List.of("10.0.0.1", "10.0.0.0/33", "/8"));
        u.permissions().times().addAll(List.of(new TimeRange("24:00:00", "17:00:00"), new TimeRange("08:00:00",
                "08:60:00"), new TimeRange("08:00:00", "08:00:60"), new TimeRange("8:0:00", "09:00:00")));
        u.permissions().timesLocation("Mars/Olympus");
        String user = NKey.generate(KeyKind.USER).publicKey();
        u.issuerAccount(user);
        Findings f = new Findings();
        ClaimChecks.user(u, NOW, f);
        assertEquals(List.of("E the JWT expired at " + TimeSpec.format(NOW - 5),
                "E publish permission \"a b\" has a queue, which only subscribe permissions may have",
                "E src \"10.0.0.1\" is invalid: expected a CIDR with a prefix length, such as 192.168.1.7/32",
                "E src \"10.0.0.0/33\" is invalid: expected a CIDR such as 10.0.0.0/8, 192.168.1.7/32 or 2001:db8::/32",
                "E src \"/8\" is invalid: expected a CIDR such as 10.0.0.0/8, 192.168.1.7/32 or 2001:db8::/32",
                "E time range \"24:00:00-17:00:00\" is invalid: expected hh:mm:ss-hh:mm:ss",
                "E time range \"08:00:00-08:60:00\" is invalid: expected hh:mm:ss-hh:mm:ss",
                "E time range \"08:00:00-08:00:60\" is invalid: expected hh:mm:ss-hh:mm:ss",
                "E time range \"8:0:00-09:00:00\" is invalid: expected hh:mm:ss-hh:mm:ss",
                "E times_location \"Mars/Olympus\" is invalid: expected an IANA time zone such as UTC or America/New_York",
                "E issuer_account \"" + user + "\" is not an account public key"), messages(f));
    }

    @Test
    void permissionsAsTheJwtLibraryChecksThem() {
        Permissions p = new Permissions();
        p.pub().allow().addAll(List.of("a", "a.>", "a q"));
        p.pub().deny().add("x..y");
        p.sub().allow().addAll(List.of("s q", "s q r", ".s q"));
        p.sub().deny().add("d q.");
        Findings f = new Findings();
        ClaimChecks.permissions(p, f);
        assertEquals(List.of("E publish permission \"a q\" has a queue, which only subscribe permissions may have",
                "E publish permission \"x..y\": subject \"x..y\" cannot contain consecutive `.`",
                "E subscribe permission \"s q r\" has too many spaces",
                "E subscribe permission \".s q\": subject \".s\" cannot start or end with a `.`",
                "E subscribe permission \"d q.\": subject \"q.\" cannot start or end with a `.`"), messages(f));
    }

    @Test
    void activations() {
        ActivationClaims a = new ActivationClaims().importSubject("a.>").importType(ExportType.SERVICE);
        a.issuerAccount(NKey.generate(KeyKind.ACCOUNT).publicKey());
        a.expires(NOW - 1);
        Findings f = new Findings();
        ClaimChecks.activation(a, NOW, false, f);
        assertEquals(List.of(), messages(f));
        ClaimChecks.activation(a, NOW, true, f);
        assertEquals(List.of("E the JWT expired at " + TimeSpec.format(NOW - 1)), messages(f));
        String user = NKey.generate(KeyKind.USER).publicKey();
        ActivationClaims bad = new ActivationClaims().importSubject("").issuerAccount(user);
        f = new Findings();
        ClaimChecks.activation(bad, NOW, true, f);
        assertEquals(List.of("E the activation has no kind (expected stream or service)",
                "E the activation's subject: subject cannot be empty",
                "E issuer_account \"" + user + "\" is not an account public key"), messages(f));
    }

    @Test
    void curveKeys() {
        String x = NKey.generate(KeyKind.CURVE).publicKey();
        assertTrue(ClaimChecks.isCurveKey(x));
        assertFalse(ClaimChecks.isCurveKey(x.substring(1)));
        assertFalse(ClaimChecks.isCurveKey(x + "A"));
        assertFalse(ClaimChecks.isCurveKey(NKey.generate(KeyKind.ACCOUNT).publicKey()));
        assertFalse(ClaimChecks.isCurveKey("X" + NKey.generate(KeyKind.ACCOUNT).publicKey().substring(1)));
        char last = x.charAt(55);
        assertFalse(ClaimChecks.isCurveKey(x.substring(0, 55) + (last == 'A' ? 'B' : 'A')), "a bad CRC");
        char mid = x.charAt(30);
        assertFalse(ClaimChecks.isCurveKey(x.substring(0, 30) + (mid == 'A' ? 'B' : 'A') + x.substring(31)));
        assertFalse(ClaimChecks.isCurveKey("X" + "1".repeat(55)));
    }
}
