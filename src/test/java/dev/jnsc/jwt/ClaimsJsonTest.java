package dev.jnsc.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.TestData;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The payloads the Go library writes: field order of reference sections 3.2 to 3.8, omitempty,
 * nested objects that are never omitted, sorting, escaping. Bodies are read from JSON whose fields
 * are deliberately out of order, so the order asserted is the writer's, not the input's.
 */
class ClaimsJsonTest {
    private static final long IAT = 1_700_000_000L;
    private final NKey op = key(KeyKind.OPERATOR, 1);
    private final NKey opSk = key(KeyKind.OPERATOR, 2);
    private final NKey opSk2 = key(KeyKind.OPERATOR, 3);
    private final NKey acc = key(KeyKind.ACCOUNT, 4);
    private final NKey accSk = key(KeyKind.ACCOUNT, 5);
    private final NKey accSk2 = key(KeyKind.ACCOUNT, 6);
    private final NKey user = key(KeyKind.USER, 7);
    private final NKey sys = key(KeyKind.ACCOUNT, 8);

    // --- reference 3.9: what the Go library writes for new entities ---

    @Test
    void newOperator() {
        OperatorClaims c = new OperatorClaims();
        c.name("O").subject(op.publicKey());
        String token = Jwt.encode(c, op, IAT);
        assertEquals("{\"jti\":\"" + c.id() + "\",\"iat\":1700000000,\"iss\":\"" + op + "\",\"name\":\"O\",\"sub\":\"" + op
                + "\",\"nats\":{\"type\":\"operator\",\"version\":2}}", TestData.payloadJson(token));
    }

    @Test
    void newAccount() {
        AccountClaims c = new AccountClaims();
        c.name("A").subject(acc.publicKey());
        String token = Jwt.encode(c, op, IAT);
        assertEquals("{\"jti\":\"" + c.id() + "\",\"iat\":1700000000,\"iss\":\"" + op + "\",\"name\":\"A\",\"sub\":\"" + acc
                + "\",\"nats\":{\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,\"exports\":-1,"
                + "\"wildcards\":true,\"conn\":-1,\"leaf\":-1},\"default_permissions\":{\"pub\":{},\"sub\":{}},"
                + "\"authorization\":{},\"type\":\"account\",\"version\":2}}", TestData.payloadJson(token));
    }

    @Test
    void newUser() {
        UserClaims c = new UserClaims();
        c.name("U").subject(user.publicKey());
        String token = Jwt.encode(c, acc, IAT);
        assertEquals("{\"jti\":\"" + c.id() + "\",\"iat\":1700000000,\"iss\":\"" + acc + "\",\"name\":\"U\",\"sub\":\"" + user
                + "\",\"nats\":{\"pub\":{},\"sub\":{},\"subs\":-1,\"data\":-1,\"payload\":-1,\"type\":\"user\",\"version\":2}}",
                TestData.payloadJson(token));
    }

    // --- every field, in Go order ---

    @Test
    void operatorFieldOrder() {
        OperatorClaims c = new OperatorClaims();
        c.readNats(Json.parseObject(utf8("{\"version\":2,\"type\":\"operator\",\"tags\":[\"t1\",\"t2\"],"
                + "\"strict_signing_key_usage\":true,\"assert_server_version\":\"2.9.0\",\"system_account\":\"" + sys + "\","
                + "\"operator_service_urls\":[\"nats://127.0.0.1:14722\",\"tls://h:4222\"],"
                + "\"account_server_url\":\"nats://127.0.0.1:14722\",\"signing_keys\":[\"" + opSk2 + "\",\"" + opSk + "\"]}")), 2);
        c.name("O").subject(op.publicKey()).audience("aud").expires(1800000000L).notBefore(1600000000L);
        String token = Jwt.encode(c, op, IAT);
        assertEquals("{\"aud\":\"aud\",\"exp\":1800000000,\"jti\":\"" + c.id() + "\",\"iat\":1700000000,\"iss\":\"" + op
                + "\",\"name\":\"O\",\"nbf\":1600000000,\"sub\":\"" + op + "\",\"nats\":{"
                // Go's StringList has no ordering of its own: operator signing keys keep their order
                + "\"signing_keys\":[\"" + opSk2 + "\",\"" + opSk + "\"],"
                + "\"account_server_url\":\"nats://127.0.0.1:14722\","
                + "\"operator_service_urls\":[\"nats://127.0.0.1:14722\",\"tls://h:4222\"],"
                + "\"system_account\":\"" + sys + "\",\"assert_server_version\":\"2.9.0\","
                + "\"strict_signing_key_usage\":true,\"tags\":[\"t1\",\"t2\"],\"type\":\"operator\",\"version\":2}}",
                TestData.payloadJson(token));
        OperatorClaims back = Jwt.decode(token).as(OperatorClaims.class, "an operator");
        assertEquals("2.9.0", back.assertServerVersion());
        assertTrue(back.strictSigningKeyUsage());
        assertEquals(sys.publicKey(), back.systemAccount());
        assertTrue(back.didSign(opSk.publicKey()) && back.didSign(op.publicKey()));
        assertFalse(back.didSign(acc.publicKey()));
        assertEquals(c.toJson(), back.toJson());
    }

    @Test
    void accountFieldOrder() {
        String[] sks = sorted(accSk.publicKey(), accSk2.publicKey());
        AccountClaims c = new AccountClaims();
        c.readNats(Json.parseObject(utf8("{\"version\":2,\"type\":\"account\",\"tags\":[\"t\"],\"info_url\":\"https://i/x?a=1&b=2\","
                + "\"description\":\"d <b>\",\"cluster_traffic\":\"owner\",\"trace\":{\"dest\":\"tr.>\",\"sampling\":50},"
                + "\"authorization\":{\"auth_users\":[\"" + user + "\"],\"allowed_accounts\":[\"*\"]},"
                + "\"mappings\":{\"z.>\":[{\"subject\":\"y.>\",\"weight\":100}],\"a\":[{\"subject\":\"b\",\"weight\":50,\"cluster\":\"c1\"}]},"
                + "\"default_permissions\":{\"resp\":{\"max\":1,\"ttl\":5000000000},\"sub\":{\"deny\":[\"d\"],\"allow\":[\"s q\"]},\"pub\":{\"allow\":[\"p.>\"]}},"
                + "\"revocations\":{\"" + user + "\":5,\"*\":7},"
                + "\"signing_keys\":[\"" + sks[1] + "\",{\"kind\":\"user_scope\",\"key\":\"" + sks[0] + "\",\"role\":\"r\","
                + "\"template\":{\"sub\":{},\"pub\":{\"allow\":[\"x\"]},\"subs\":-1},\"description\":\"scoped\"}],"
                + "\"limits\":{\"leaf\":16,\"conn\":15,\"disallow_bearer\":true,\"wildcards\":true,\"exports\":14,\"imports\":13,"
                + "\"payload\":12,\"data\":11,\"subs\":10,"
                + "\"tiered_limits\":{\"R3\":{\"disk_storage\":3,\"mem_storage\":-1},\"R1\":{\"max_bytes_required\":true,\"streams\":2,\"disk_storage\":1}}},"
                + "\"exports\":[{\"name\":\"svc\",\"subject\":\"z.svc\",\"type\":\"service\"},{\"name\":\"str\",\"subject\":\"a.str.>\",\"type\":\"stream\"}],"
                + "\"imports\":[{\"name\":\"i2\",\"subject\":\"m.>\",\"account\":\"" + sys + "\",\"type\":\"stream\"},"
                + "{\"name\":\"i1\",\"subject\":\"b\",\"account\":\"" + sys + "\",\"type\":\"service\"}]}")), 2);
        c.name("A").subject(acc.publicKey());
        String token = Jwt.encode(c, opSk, IAT);
        assertEquals("{\"jti\":\"" + c.id() + "\",\"iat\":1700000000,\"iss\":\"" + opSk + "\",\"name\":\"A\",\"sub\":\"" + acc
                + "\",\"nats\":{"
                + "\"imports\":[{\"name\":\"i1\",\"subject\":\"b\",\"account\":\"" + sys + "\",\"type\":\"service\"},"
                + "{\"name\":\"i2\",\"subject\":\"m.\\u003e\",\"account\":\"" + sys + "\",\"type\":\"stream\"}],"
                + "\"exports\":[{\"name\":\"str\",\"subject\":\"a.str.\\u003e\",\"type\":\"stream\"},"
                + "{\"name\":\"svc\",\"subject\":\"z.svc\",\"type\":\"service\"}],"
                + "\"limits\":{\"subs\":10,\"data\":11,\"payload\":12,\"imports\":13,\"exports\":14,\"wildcards\":true,"
                + "\"disallow_bearer\":true,\"conn\":15,\"leaf\":16,"
                + "\"tiered_limits\":{\"R1\":{\"disk_storage\":1,\"streams\":2,\"max_bytes_required\":true},"
                + "\"R3\":{\"mem_storage\":-1,\"disk_storage\":3}}},"
                + "\"signing_keys\":[{\"kind\":\"user_scope\",\"key\":\"" + sks[0] + "\",\"role\":\"r\","
                + "\"template\":{\"pub\":{\"allow\":[\"x\"]},\"sub\":{},\"subs\":-1,\"data\":-1,\"payload\":-1},"
                + "\"description\":\"scoped\"},\"" + sks[1] + "\"],"
                + "\"revocations\":{\"*\":7,\"" + user + "\":5},"
                + "\"default_permissions\":{\"pub\":{\"allow\":[\"p.\\u003e\"]},\"sub\":{\"allow\":[\"s q\"],\"deny\":[\"d\"]},"
                + "\"resp\":{\"max\":1,\"ttl\":5000000000}},"
                + "\"mappings\":{\"a\":[{\"subject\":\"b\",\"weight\":50,\"cluster\":\"c1\"}],\"z.\\u003e\":[{\"subject\":\"y.\\u003e\",\"weight\":100}]},"
                + "\"authorization\":{\"auth_users\":[\"" + user + "\"],\"allowed_accounts\":[\"*\"]},"
                + "\"trace\":{\"dest\":\"tr.\\u003e\",\"sampling\":50},"
                + "\"cluster_traffic\":\"owner\",\"description\":\"d \\u003cb\\u003e\",\"info_url\":\"https://i/x?a=1\\u0026b=2\","
                + "\"tags\":[\"t\"],\"type\":\"account\",\"version\":2}}",
                TestData.payloadJson(token));

        AccountClaims back = Jwt.decode(token).as(AccountClaims.class, "an account");
        assertEquals(c.toJson(), back.toJson());
        SigningKey scoped = back.signingKey(sks[0]);
        assertTrue(scoped.isScoped());
        assertEquals("r", scoped.role());
        assertEquals("scoped", scoped.description());
        assertEquals(List.of("x"), scoped.template().pub().allow());
        assertFalse(back.signingKey(sks[1]).isScoped());
        assertNull(back.signingKey(sks[1]).template());
        assertNull(back.signingKey(user.publicKey()));
        assertTrue(back.didSign(acc.publicKey()) && back.didSign(sks[0]) && back.didSign(sks[1]));
        assertFalse(back.didSign(op.publicKey()));
        assertEquals(Map.of("*", 7L, user.publicKey(), 5L), back.revocations());
        assertEquals(List.of("*", user.publicKey()), new ArrayList<>(back.revocations().keySet()));
        assertTrue(back.limits().disallowBearer());
        assertEquals(2, back.limits().tiered().size());
        assertEquals(2, back.limits().tiered().get("R1").streams());
        assertTrue(back.limits().tiered().get("R1").maxBytesRequired());
        assertFalse(back.limits().jetStream().isEnabled());
        assertEquals("owner", back.clusterTraffic());
        assertEquals("d <b>", back.description());
        assertEquals(1L, back.defaultPermissions().responseMax());
        assertEquals(5_000_000_000L, back.defaultPermissions().responseTtlNanos());
    }

    @Test
    void accountJetStreamLimitsFieldOrder() {
        AccountClaims c = new AccountClaims();
        c.limits().jetStream().maxBytesRequired(true).diskMaxStreamBytes(7).memMaxStreamBytes(6).maxAckPending(5)
                .consumer(4).streams(3).diskStorage(2).memStorage(1);
        c.limits().conn(0).subs(0).wildcards(false);
        String json = c.toJson();
        assertTrue(json.contains("\"limits\":{\"data\":-1,\"payload\":-1,\"imports\":-1,\"exports\":-1,\"leaf\":-1,"
                + "\"mem_storage\":1,\"disk_storage\":2,\"streams\":3,\"consumer\":4,\"max_ack_pending\":5,"
                + "\"mem_max_stream_bytes\":6,\"disk_max_stream_bytes\":7,\"max_bytes_required\":true},"), json);
        assertTrue(c.limits().jetStream().isEnabled());
        assertTrue(new JetStreamLimits().memStorage(-1).isEnabled(), "-1 = unlimited = enabled");
        assertFalse(new JetStreamLimits().streams(5).isEnabled(), "no storage, no JetStream");
    }

    @Test
    void userFieldOrder() {
        UserClaims c = new UserClaims();
        c.readNats(Json.parseObject(utf8("{\"version\":2,\"type\":\"user\",\"tags\":[\"a\"],\"issuer_account\":\"" + acc + "\","
                + "\"allowed_connection_types\":[\"STANDARD\",\"WEBSOCKET\"],\"proxy_required\":true,\"bearer_token\":true,"
                + "\"payload\":-1,\"data\":-1,\"subs\":-1,\"times_location\":\"UTC\","
                + "\"times\":[{\"end\":\"17:00:00\",\"start\":\"08:00:00\"}],\"src\":[\"10.0.0.0/8\"],"
                + "\"resp\":{\"ttl\":5000000000,\"max\":1},\"sub\":{\"allow\":[\"bar.> q\"]},\"pub\":{\"deny\":[\"x\"],\"allow\":[\"foo.>\"]}}")), 2);
        c.name("u").subject(user.publicKey()).expires(1800000000L);
        String token = Jwt.encode(c, accSk, IAT);
        assertEquals("{\"exp\":1800000000,\"jti\":\"" + c.id() + "\",\"iat\":1700000000,\"iss\":\"" + accSk
                + "\",\"name\":\"u\",\"sub\":\"" + user + "\",\"nats\":{"
                + "\"pub\":{\"allow\":[\"foo.\\u003e\"],\"deny\":[\"x\"]},\"sub\":{\"allow\":[\"bar.\\u003e q\"]},"
                + "\"resp\":{\"max\":1,\"ttl\":5000000000},\"src\":[\"10.0.0.0/8\"],"
                + "\"times\":[{\"start\":\"08:00:00\",\"end\":\"17:00:00\"}],\"times_location\":\"UTC\","
                + "\"subs\":-1,\"data\":-1,\"payload\":-1,\"bearer_token\":true,\"proxy_required\":true,"
                + "\"allowed_connection_types\":[\"STANDARD\",\"WEBSOCKET\"],\"issuer_account\":\"" + acc + "\","
                + "\"tags\":[\"a\"],\"type\":\"user\",\"version\":2}}",
                TestData.payloadJson(token));
        UserClaims back = Jwt.decode(token).as(UserClaims.class, "a user");
        assertEquals(c.toJson(), back.toJson());
        assertEquals(acc.publicKey(), back.account());
        assertTrue(back.permissions().proxyRequired());
        assertEquals(new TimeRange("08:00:00", "17:00:00"), back.permissions().times().get(0));
    }

    @Test
    void activationFieldOrder() {
        ActivationClaims c = new ActivationClaims();
        c.readNats(Json.parseObject(utf8("{\"tags\":[\"x\"],\"issuer_account\":\"" + acc + "\",\"kind\":\"service\",\"subject\":\"svc.>\"}")), 2);
        c.name("svc").subject(sys.publicKey());
        String token = Jwt.encode(c, accSk, IAT);
        assertEquals("{\"jti\":\"" + c.id() + "\",\"iat\":1700000000,\"iss\":\"" + accSk + "\",\"name\":\"svc\",\"sub\":\"" + sys
                + "\",\"nats\":{\"subject\":\"svc.\\u003e\",\"kind\":\"service\",\"issuer_account\":\"" + acc + "\","
                + "\"tags\":[\"x\"],\"type\":\"activation\",\"version\":2}}",
                TestData.payloadJson(token));
        ActivationClaims back = Jwt.decode(token).as(ActivationClaims.class, "an activation");
        assertEquals("svc.>", back.importSubject());
        assertEquals("service", back.kind());
        assertEquals(acc.publicKey(), back.issuerAccount());
    }

    /** Reference 3.8: the claims nsc sends to $SYS.REQ.CLAIMS.DELETE. */
    @Test
    void genericDeleteRequest() {
        GenericClaims g = new GenericClaims();
        g.subject(op.publicKey());
        g.data().put("accounts", List.of(acc.publicKey()));
        String token = Jwt.encode(g, op, IAT);
        assertEquals("{\"jti\":\"" + g.id() + "\",\"iat\":1700000000,\"iss\":\"" + op + "\",\"sub\":\"" + op
                + "\",\"nats\":{\"accounts\":[\"" + acc + "\"],\"version\":2}}", TestData.payloadJson(token));
        GenericClaims back = Jwt.decode(token).as(GenericClaims.class, "a generic");
        assertEquals("", back.type());
        assertEquals(List.of(acc.publicKey()), back.data().get("accounts"));
        assertEquals(g.toJson(), back.toJson());
    }

    @Test
    void unknownClaimTypeDecodesAsGenericAndKeepsItsData() {
        GenericClaims g = new GenericClaims("authorization_response");
        g.subject(user.publicKey());
        g.data().put("jwt", "x");
        String token = Jwt.encode(g, acc, IAT);
        Jwt.Decoded d = Jwt.decode(token);
        GenericClaims back = assertInstanceOf(GenericClaims.class, d.claims());
        assertEquals("authorization_response", back.type());
        assertEquals("x", back.data().get("jwt"));
        assertTrue(TestData.payloadJson(token).endsWith("\"nats\":{\"jwt\":\"x\",\"type\":\"authorization_response\",\"version\":2}}"));
    }

    /** Fields a newer nsc wrote are kept through a decode and re-encode (Go would drop them). */
    @Test
    void unknownNatsFieldsSurviveAReEncode() {
        AccountClaims c = new AccountClaims();
        c.readNats(Json.parseObject(utf8("{\"future\":{\"b\":1,\"a\":[true]},\"description\":\"d\"}")), 2);
        assertEquals(Map.of("future", Map.of("b", 1L, "a", List.of(true))), c.extras());
        assertTrue(c.toJson().endsWith("\"description\":\"d\",\"future\":{\"b\":1,\"a\":[true]},\"type\":\"account\",\"version\":2}}"),
                c.toJson());
    }

    // --- decoding details ---

    @Test
    void omittedAccountLimitsDecodeAsZero() {
        AccountClaims c = new AccountClaims();
        c.readNats(Json.parseObject(utf8("{\"limits\":{\"subs\":-1}}")), 2);
        AccountLimits l = c.limits();
        assertEquals(-1, l.subs());
        assertEquals(0, l.data());
        assertEquals(0, l.conn());
        assertFalse(l.wildcards());
        AccountClaims none = new AccountClaims();
        none.readNats(Map.of(), 2);
        assertEquals(0, none.limits().subs());
        assertTrue(none.toJson().contains("\"limits\":{},"), "an empty limits object is still written");
    }

    @Test
    void v1UserLimits() {
        UserPermissionLimits p = new UserPermissionLimits();
        p.read(Json.parseObject(utf8("{\"src\":\"10.0.0.0/8, 192.168.0.1/32,\",\"max\":5}")), 1);
        assertEquals(List.of("10.0.0.0/8", "192.168.0.1/32"), p.src());
        assertEquals(-1, p.subs());
        assertEquals(-1, p.data());
        assertEquals(-1, p.payload(), "v1 payload 0 means unlimited");
        UserPermissionLimits q = new UserPermissionLimits();
        q.read(Json.parseObject(utf8("{\"payload\":512}")), 1);
        assertEquals(512, q.payload());
        UserPermissionLimits v2 = new UserPermissionLimits();
        v2.read(Json.parseObject(utf8("{\"src\":\"1.2.3.4/32\"}")), 2);
        assertEquals(List.of("1.2.3.4/32"), v2.src(), "comma string accepted in v2 too");
        assertEquals(0, v2.subs(), "v2: omitted means zero");
    }

    @Test
    void permissionsAndLimitsStates() {
        UserPermissionLimits p = new UserPermissionLimits();
        assertTrue(p.hasNoPermissionsOrLimits());
        assertFalse(p.isEmpty());
        p.pub().allow().add("a");
        assertFalse(p.hasNoPermissionsOrLimits());
        p.permissions().responsePermission(1, 2);
        assertTrue(p.permissions().hasResponsePermission());
        p.clearAll();
        assertTrue(p.isEmpty());
        assertFalse(p.permissions().hasResponsePermission());
        assertEquals(0, p.subs());
        UserClaims scopedUser = new UserClaims();
        scopedUser.permissions().clearAll();
        assertTrue(scopedUser.toJson().contains("\"nats\":{\"pub\":{},\"sub\":{},\"type\":\"user\",\"version\":2}"),
                scopedUser.toJson());
    }

    @Test
    void signingKeyReadErrors() {
        JwtException e = assertThrows(JwtException.class, () -> SigningKey.read(5L));
        assertEquals("a signing key should be a key or a scope object", e.getMessage());
        e = assertThrows(JwtException.class, () -> SigningKey.read(Map.of("kind", "other_scope", "key", "A")));
        assertEquals("unknown signing key scope kind \"other_scope\"", e.getMessage());
        SigningKey k = SigningKey.scoped("AKEY", null);
        assertEquals("", k.role());
        assertSame(k, k.role("r2").description("d"));
        // newly scoped, as the Go nsc's edit signing-key writes it: no subs, data or payload
        assertEquals("{\"kind\":\"user_scope\",\"key\":\"AKEY\",\"role\":\"r2\",\"template\":{\"pub\":{},\"sub\":{}},"
                + "\"description\":\"d\"}", write(k));
        // read back, the Go library counts them unlimited
        SigningKey back = SigningKey.read(Map.of("kind", "user_scope", "key", "AKEY", "template", Map.of("subs", 3L)));
        assertEquals(3, back.template().subs());
        assertEquals(-1, back.template().data());
        assertEquals(-1, back.template().payload());
        assertEquals(-1, SigningKey.read(Map.of("kind", "user_scope", "key", "AKEY")).template().subs());
        assertEquals("\"AKEY\"", write(SigningKey.plain("AKEY")));
    }

    @Test
    void wrongTypesInTheBodyFailWithTheFieldName() {
        AccountClaims c = new AccountClaims();
        JwtException e = assertThrows(JwtException.class,
                () -> c.readNats(Json.parseObject(utf8("{\"limits\":{\"tiered_limits\":{\"R1\":5}}}")), 2));
        assertEquals("tier \"R1\" should be an object", e.getMessage());
        UserClaims u = new UserClaims();
        e = assertThrows(JwtException.class, () -> u.readNats(Json.parseObject(utf8("{\"times\":[\"08:00\"]}")), 2));
        assertTrue(e.getMessage().contains("times"), e.getMessage());
    }

    private static String write(SigningKey k) {
        JsonWriter w = JsonWriter.compact();
        k.write(w);
        return w.toString();
    }

    private static String[] sorted(String a, String b) {
        return a.compareTo(b) < 0 ? new String[] {a, b} : new String[] {b, a};
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static NKey key(KeyKind kind, int fill) {
        byte[] raw = new byte[32];
        java.util.Arrays.fill(raw, (byte) fill);
        return NKey.fromRawSeed(kind, raw);
    }
}
