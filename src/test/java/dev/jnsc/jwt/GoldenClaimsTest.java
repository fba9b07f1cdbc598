package dev.jnsc.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.TestData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Account and activation JWTs written by the Go nsc 2.11.1 (src/test/resources/golden/claims,
 * made by scripts/golden-claims.sh): every kind of export, import, mapping and activation it can
 * write. Our decoder reads each, and our encoder writes the decoded claims back byte for byte.
 * Keys differ on every regeneration, so the assertions relate values to each other, never to keys.
 */
class GoldenClaimsTest {
    private static final String DIR = "claims/";

    @ParameterizedTest
    @ValueSource(strings = {"account-SYS.jwt", "account-EXP.jwt", "account-IMP.jwt", "account-MAP.jwt",
        "activation-stream.jwt", "activation-service.jwt", "activation-timed.jwt"})
    void reEncodingTheDecodedClaimsGivesTheGoPayload(String file) {
        String token = token(file);
        Claims c = Jwt.decode(token).claims();
        assertEquals(TestData.payloadJson(token), c.toJson());
        assertEquals(c.id(), Jwt.computeId(c), "jti over the same standard claims");
    }

    @Test
    void exportsOfEveryKind() {
        AccountClaims exp = account("EXP");
        Map<String, Export> bySubject = new LinkedHashMap<>();
        List<String> subjects = new ArrayList<>();
        for (Export e : exp.exports()) {
            subjects.add(e.subject());
            bySubject.putIfAbsent(e.subject() + (e.isService() ? " service" : " stream"), e);
            assertTrue(e.extras().isEmpty(), e.subject());
        }
        assertEquals(List.of("acct.*.stream", "adv.stream", "priv.stream.*", "pub.stream.>", "same.subject", "same.subject",
                "svc.acct.*.>", "svc.chunked.>", "svc.lat", "svc.lathdr", "svc.single", "svc.stream", "svc.threshold",
                "svc.trace"), subjects, "read in the order Go wrote, sorted by subject");

        Export pub = bySubject.get("pub.stream.> stream");
        assertEquals("pubstream", pub.name());
        assertTrue(pub.isStream() && !pub.tokenRequired());
        assertEquals("", pub.responseType());
        assertFalse(pub.isSingleResponse(), "streams have no response type");

        Export priv = bySubject.get("priv.stream.* stream");
        assertTrue(priv.tokenRequired());
        assertEquals(List.of(1700000000L), new ArrayList<>(priv.revocations().values()));
        String importer = priv.revocations().keySet().iterator().next();
        assertEquals(account("IMP").subject(), importer);
        assertTrue(priv.isRevoked(importer, 1700000000L));
        assertFalse(priv.isRevoked(importer, 1700000001L));

        Export chunked = bySubject.get("svc.chunked.> service");
        assertTrue(chunked.tokenRequired() && chunked.isChunkedResponse());
        assertEquals(Map.of("*", 1700000001L), chunked.revocations());
        assertTrue(chunked.isRevoked("ANYONE", 1700000001L));

        assertTrue(bySubject.get("svc.stream service").isStreamResponse());
        assertEquals(Export.SINGLETON, bySubject.get("svc.lat service").responseType());
        Export single = bySubject.get("svc.single service");
        assertEquals("single", single.name());
        assertEquals("", single.responseType(), "nsc's edit export dropped the response type");
        assertTrue(single.isSingleResponse());
        assertEquals("a <b> & \"c\"", single.description());
        assertEquals("https://example.com/x?a=1&b=2", single.infoUrl());

        assertEquals(1_500_000_000L, bySubject.get("svc.threshold service").responseThresholdNanos());
        assertEquals(ServiceLatency.sampled(50, "lat.results"), bySubject.get("svc.lat service").latency());
        ServiceLatency hdr = bySubject.get("svc.lathdr service").latency();
        assertTrue(hdr.isHeaders());
        assertEquals("lat.hdr", hdr.results());
        assertNull(single.latency());

        assertEquals(3, bySubject.get("svc.acct.*.> service").accountTokenPosition());
        assertEquals(2, bySubject.get("acct.*.stream stream").accountTokenPosition());
        assertTrue(bySubject.get("adv.stream stream").advertise());
        assertTrue(bySubject.get("svc.trace service").allowTrace());
        assertTrue(bySubject.containsKey("same.subject stream") && bySubject.containsKey("same.subject service"));
    }

    @Test
    void importsPublicAndPrivate() {
        AccountClaims exp = account("EXP");
        AccountClaims imp = account("IMP");
        Map<String, Import> bySubject = new LinkedHashMap<>();
        for (Import i : imp.imports()) {
            assertEquals(exp.subject(), i.account(), i.subject());
            assertEquals("", i.to());
            bySubject.put(i.subject(), i);
        }
        assertEquals(List.of("adv.stream", "priv.stream.*", "pub.stream.>", "svc.acct.*.>", "svc.chunked.>", "svc.lat",
                "svc.single"), new ArrayList<>(bySubject.keySet()));

        Import adv = bySubject.get("adv.stream");
        assertTrue(adv.isStream() && adv.allowTrace());
        assertEquals("local.adv", adv.localSubject());
        assertEquals("", adv.token());
        assertEquals("pubstream", bySubject.get("pub.stream.>").name());
        Import single = bySubject.get("svc.single");
        assertTrue(single.isService() && single.share());
        assertEquals("my.lat", bySubject.get("svc.lat").localSubject());
        assertEquals("acct.$1.>", bySubject.get("svc.acct.*.>").localSubject());

        Import stream = bySubject.get("priv.stream.*");
        ActivationClaims a = Jwt.decode(stream.token()).as(ActivationClaims.class, "an activation");
        assertEquals(exp.subject(), a.issuer());
        assertEquals(imp.subject(), a.subject());
        assertEquals(ExportType.STREAM, a.importType());
        assertEquals("", a.issuerAccount());

        Import chunked = bySubject.get("svc.chunked.>");
        assertEquals("chunked", chunked.name());
        assertEquals("chunked.>", chunked.localSubject());
        ActivationClaims s = Jwt.decode(chunked.token()).as(ActivationClaims.class, "an activation");
        assertEquals(ExportType.SERVICE, s.importType());
        assertEquals("svc.chunked.>", s.importSubject());
        assertEquals(exp.subject(), s.issuerAccount(), "signed by an exporter signing key");
        assertTrue(exp.didSign(s.issuer()) && !s.issuer().equals(exp.subject()));
    }

    @Test
    void mappingsWithWeightsAndClusters() {
        Map<String, List<WeightedMapping>> m = account("MAP").mappings();
        assertEquals(List.of("a.*", "c", "orders.new", "q.<x>&y", "z.>"), new ArrayList<>(m.keySet()));
        WeightedMapping wildcard = m.get("a.*").get(0);
        assertEquals("b.{{wildcard(1)}}", wildcard.subject());
        assertEquals(0, wildcard.weight(), "no --weight: left out");
        assertEquals(100, wildcard.effectiveWeight());
        assertEquals(100, m.get("z.>").get(0).weight(), "--weight 100 is written");
        List<WeightedMapping> c = m.get("c");
        assertEquals(List.of("c.local", "c.other", "c.rest"), List.of(c.get(0).subject(), c.get(1).subject(), c.get(2).subject()));
        assertEquals(List.of("east", "west", ""), List.of(c.get(0).cluster(), c.get(1).cluster(), c.get(2).cluster()));
        assertEquals(List.of(100, 30, 70), List.of(c.get(0).weight(), c.get(1).weight(), c.get(2).weight()));
        List<WeightedMapping> orders = m.get("orders.new");
        assertEquals(60, orders.get(0).weight());
        assertEquals("orders.west", orders.get(1).subject());
    }

    @Test
    void systemAccountExports() {
        List<Export> sys = account("SYS").exports();
        assertEquals(2, sys.size());
        Export streams = sys.get(0);
        assertEquals("account-monitoring-streams", streams.name());
        assertEquals("$SYS.ACCOUNT.*.>", streams.subject());
        assertEquals(3, streams.accountTokenPosition());
        Export services = sys.get(1);
        assertTrue(services.isStreamResponse());
        assertEquals(4, services.accountTokenPosition());
        assertEquals("https://docs.nats.io/nats-server/configuration/sys_accounts", services.infoUrl());
    }

    @Test
    void timedActivation() {
        ActivationClaims a = Jwt.decode(token("activation-timed.jwt")).as(ActivationClaims.class, "an activation");
        assertEquals(1704067200L, a.notBefore());
        assertEquals(1893456000L, a.expires());
        assertEquals("priv.stream.*", a.name());
    }

    /** The hash ids the generating script worked out with coreutils from the Go definition. */
    @Test
    void hashIdsMatchTheGoDefinition() {
        int n = 0;
        for (String line : TestData.golden(DIR + "activation-hashids.txt").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split(" ");
            ActivationClaims a = Jwt.decode(token(f[0])).as(ActivationClaims.class, "an activation");
            assertEquals(f[1], a.hashId(), f[0]);
            n++;
        }
        assertEquals(3, n);
    }

    private static AccountClaims account(String name) {
        return Jwt.decode(token("account-" + name + ".jwt")).as(AccountClaims.class, "an account");
    }

    private static String token(String file) {
        return TestData.golden(DIR + file).trim();
    }
}
