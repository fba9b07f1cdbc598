package dev.jnsc.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnsc.TestData;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The typed setters the commands use: each value set is the value signed (read from the payload
 * with Jackson, by its Go field name), and the decoded claims give it back. Every value differs
 * from every other, so a setter or getter that touches the wrong field is caught.
 */
class TypedClaimsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long IAT = 1_700_000_000L;
    private final NKey op = NKey.generate(KeyKind.OPERATOR);
    private final NKey acc = NKey.generate(KeyKind.ACCOUNT);
    private final NKey user = NKey.generate(KeyKind.USER);
    private final NKey sys = NKey.generate(KeyKind.ACCOUNT);

    private static JsonNode nats(String token) throws Exception {
        return MAPPER.readTree(TestData.payloadJson(token)).get("nats");
    }

    @Test
    void accountLimitsAndJetStreamLimits() throws Exception {
        AccountClaims c = new AccountClaims();
        c.name("A").subject(acc.publicKey());
        c.limits().subs(11).data(12).payload(13).imports(14).exports(15).wildcards(false).disallowBearer(true).conn(16)
                .leaf(17);
        c.limits().jetStream(new JetStreamLimits().memStorage(21).diskStorage(22).streams(23).consumer(24)
                .maxAckPending(25).memMaxStreamBytes(26).diskMaxStreamBytes(27).maxBytesRequired(true));
        String token = Jwt.encode(c, op, IAT);

        JsonNode l = nats(token).get("limits");
        Map<String, Long> numbers = Map.of("subs", 11L, "data", 12L, "payload", 13L, "imports", 14L, "exports", 15L,
                "conn", 16L, "leaf", 17L, "mem_storage", 21L, "disk_storage", 22L, "streams", 23L);
        numbers.forEach((k, v) -> assertEquals(v.longValue(), l.get(k).asLong(), k + " in " + l));
        assertEquals(24, l.get("consumer").asLong(), l.toString());
        assertEquals(25, l.get("max_ack_pending").asLong());
        assertEquals(26, l.get("mem_max_stream_bytes").asLong());
        assertEquals(27, l.get("disk_max_stream_bytes").asLong());
        assertTrue(l.get("max_bytes_required").asBoolean());
        assertFalse(l.has("wildcards"), "false is left out, as Go's omitempty: " + l);
        assertTrue(l.get("disallow_bearer").asBoolean());

        AccountLimits back = ((AccountClaims) Jwt.decode(token).claims()).limits();
        assertEquals(List.of(11L, 12L, 13L, 14L, 15L, 16L, 17L),
                List.of(back.subs(), back.data(), back.payload(), back.imports(), back.exports(), back.conn(), back.leaf()));
        assertFalse(back.wildcards());
        assertTrue(back.disallowBearer());
        JetStreamLimits js = back.jetStream();
        assertEquals(List.of(21L, 22L, 23L, 24L, 25L, 26L, 27L), List.of(js.memStorage(), js.diskStorage(), js.streams(),
                js.consumer(), js.maxAckPending(), js.memMaxStreamBytes(), js.diskMaxStreamBytes()));
        assertTrue(js.maxBytesRequired());
        assertTrue(js.isSet() && js.isEnabled());
    }

    @Test
    void eachJetStreamLimitAloneCountsAsSet() {
        assertFalse(new JetStreamLimits().isSet());
        List<JetStreamLimits> one = List.of(new JetStreamLimits().memStorage(1), new JetStreamLimits().diskStorage(1),
                new JetStreamLimits().streams(1), new JetStreamLimits().consumer(1), new JetStreamLimits().maxAckPending(1),
                new JetStreamLimits().memMaxStreamBytes(1), new JetStreamLimits().diskMaxStreamBytes(1),
                new JetStreamLimits().maxBytesRequired(true));
        for (int i = 0; i < one.size(); i++) {
            assertTrue(one.get(i).isSet(), "limit " + i);
            assertEquals(i < 2, one.get(i).isEnabled(), "only storage enables JetStream: limit " + i);
        }
    }

    @Test
    void accountAuthorizationTraceAndDescription() throws Exception {
        AccountClaims c = new AccountClaims();
        c.name("A").subject(acc.publicKey());
        String xkey = NKey.generate(KeyKind.CURVE).publicKey();
        c.authorization(List.of(user.publicKey()), List.of(sys.publicKey()), xkey).trace("trace.here", 42)
                .description("what A is for").infoUrl("https://example.com/a");
        String token = Jwt.encode(c, op, IAT);

        JsonNode n = nats(token);
        assertEquals(user.publicKey(), n.get("authorization").get("auth_users").get(0).asText());
        assertEquals(sys.publicKey(), n.get("authorization").get("allowed_accounts").get(0).asText());
        assertEquals(xkey, n.get("authorization").get("xkey").asText());
        assertEquals("trace.here", n.get("trace").get("dest").asText());
        assertEquals(42, n.get("trace").get("sampling").asLong());
        assertEquals("what A is for", n.get("description").asText());
        assertEquals("https://example.com/a", n.get("info_url").asText());

        AccountClaims back = (AccountClaims) Jwt.decode(token).claims();
        assertEquals(List.of(user.publicKey()), back.authUsers());
        assertEquals(List.of(sys.publicKey()), back.allowedAccounts());
        assertEquals(xkey, back.authXKey());
        assertEquals("trace.here", back.traceDestination());
        assertEquals(42, back.traceSampling());
        assertEquals("what A is for", back.description());
        assertEquals("https://example.com/a", back.infoUrl());
        assertEquals(List.of(), back.tags());
    }

    @Test
    void emptyAuthorizationAndTraceValuesAreLeftOutAndTracingTurnsOff() throws Exception {
        AccountClaims c = new AccountClaims();
        c.name("A").subject(acc.publicKey());
        c.authorization(List.of(), List.of(), "").trace("", 0);
        JsonNode n = nats(Jwt.encode(c, op, IAT));
        assertEquals(0, n.get("authorization").size(), "authorization is always written: " + n);
        assertFalse(n.has("trace"), "a trace without settings is left out: " + n);
        AccountClaims back = (AccountClaims) Jwt.decode(Jwt.encode(c, op, IAT)).claims();
        assertEquals("", back.authXKey());
        assertEquals("", back.traceDestination());
        assertEquals(0, back.traceSampling());

        c.trace(null, 5);
        assertNull(c.trace());
        assertFalse(nats(Jwt.encode(c, op, IAT)).has("trace"));
        assertEquals("", c.traceDestination());
        assertEquals(0, c.traceSampling());
    }

    @Test
    void operatorSettings() throws Exception {
        OperatorClaims c = new OperatorClaims();
        c.name("O").subject(op.publicKey());
        c.accountServerUrl("http://as:9090").systemAccount(sys.publicKey()).strictSigningKeyUsage(true);
        String token = Jwt.encode(c, op, IAT);
        JsonNode n = nats(token);
        assertEquals("http://as:9090", n.get("account_server_url").asText());
        assertEquals(sys.publicKey(), n.get("system_account").asText());
        assertTrue(n.get("strict_signing_key_usage").asBoolean());
        OperatorClaims back = (OperatorClaims) Jwt.decode(token).claims();
        assertEquals("http://as:9090", back.accountServerUrl());
        assertEquals(sys.publicKey(), back.systemAccount());
        assertTrue(back.strictSigningKeyUsage());
        assertEquals(List.of(), back.signingKeys());

        c.accountServerUrl(null).systemAccount(null).strictSigningKeyUsage(false);
        JsonNode cleared = nats(Jwt.encode(c, op, IAT));
        assertFalse(cleared.has("account_server_url") || cleared.has("system_account")
                || cleared.has("strict_signing_key_usage"), cleared.toString());
        assertEquals("", c.accountServerUrl());
        assertEquals("", c.systemAccount());
    }

    @Test
    void userLimitsAndIssuerAccount() throws Exception {
        NKey accSk = NKey.generate(KeyKind.ACCOUNT);
        UserClaims c = new UserClaims();
        c.name("U").subject(user.publicKey());
        c.issuerAccount(acc.publicKey());
        c.permissions().subs(31).data(32).payload(33).bearerToken(true).timesLocation("Europe/Berlin");
        c.permissions().sub().allow().add("s.>");
        String token = Jwt.encode(c, accSk, IAT);

        JsonNode n = nats(token);
        assertEquals(acc.publicKey(), n.get("issuer_account").asText());
        assertEquals(31, n.get("subs").asLong());
        assertEquals(32, n.get("data").asLong());
        assertEquals(33, n.get("payload").asLong());
        assertTrue(n.get("bearer_token").asBoolean());
        assertEquals("Europe/Berlin", n.get("times_location").asText());
        assertEquals("s.>", n.get("sub").get("allow").get(0).asText());

        UserClaims back = (UserClaims) Jwt.decode(token).claims();
        assertEquals(acc.publicKey(), back.issuerAccount());
        assertEquals(acc.publicKey(), back.account(), "the account is the issuer account when there is one");
        UserPermissionLimits p = back.permissions();
        assertEquals(List.of(31L, 32L, 33L), List.of(p.subs(), p.data(), p.payload()));
        assertTrue(p.bearerToken());
        assertEquals("Europe/Berlin", p.timesLocation());
        assertEquals(List.of("s.>"), p.sub().allow());
        assertFalse(p.proxyRequired());
        assertEquals(List.of(), p.allowedConnectionTypes());
        assertFalse(p.isEmpty());

        p.src().add("10.0.0.0/8");
        p.allowedConnectionTypes().add("STANDARD");
        p.pub().deny().add("d");
        p.clearAll();
        assertTrue(p.isEmpty(), "all cleared");
        assertEquals(List.of(0L, 0L, 0L), List.of(p.subs(), p.data(), p.payload()));
        assertFalse(p.bearerToken());
        assertEquals("", p.timesLocation());
        assertEquals(List.of(), p.src());
        assertEquals(List.of(), p.sub().allow());
        assertEquals(List.of(), p.pub().deny());
        assertEquals(List.of(), p.allowedConnectionTypes());
    }
}
