package dev.jnsc.ops;

import static dev.jnsc.ops.ClaimChecksTest.NOW;
import static dev.jnsc.ops.ClaimChecksTest.messages;
import static dev.jnsc.ops.ClaimChecksTest.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.AccountLimits;
import dev.jnsc.jwt.JetStreamLimits;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.jwt.WeightedMapping;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What validate reports for an account JWT on its own: the exact findings, and none for what is fine. */
class AccountChecksTest {
    private static List<String> check(AccountClaims a, Map<String, Object> nats) {
        Findings f = new Findings();
        AccountChecks.account(a, nats, NOW, k -> k, f);
        return messages(f);
    }

    private static AccountClaims operatorSigned(AccountClaims a) {
        a.subject(NKey.generate(KeyKind.ACCOUNT).publicKey());
        return signed(a, NKey.generate(KeyKind.OPERATOR), AccountClaims.class);
    }

    @Test
    void aGoodAccountHasNoFindings() {
        AccountClaims a = new AccountClaims();
        a.signingKeys().add(SigningKey.plain(NKey.generate(KeyKind.ACCOUNT).publicKey()));
        a.mappings().put("a.*", List.of(new WeightedMapping("b.$1")));
        a.authorization(List.of(NKey.generate(KeyKind.USER).publicKey()), List.of("*"),
                NKey.generate(KeyKind.CURVE).publicKey());
        a.description("d".repeat(8192));
        a.infoUrl("https://example.com/" + "i".repeat(8192 - 20));
        a.defaultPermissions().pub().allow().add("x");
        Map<String, Object> nats = new LinkedHashMap<>();
        nats.put("trace", Map.of("dest", "trace.here", "sampling", 100L));
        assertEquals(List.of(), check(operatorSigned(a), nats));
        nats.put("trace", Map.of("dest", "trace.here", "sampling", 0L));
        assertEquals(List.of(), check(operatorSigned(a), nats));
    }

    @Test
    void aBadAccount() {
        AccountClaims a = new AccountClaims();
        a.expires(NOW);
        String user = NKey.generate(KeyKind.USER).publicKey();
        a.signingKeys().add(SigningKey.plain(user));
        a.defaultPermissions().pub().allow().add("a b");
        a.description("é".repeat(4097));
        a.infoUrl("example.com/" + "i".repeat(8192));
        Map<String, Object> nats = new LinkedHashMap<>();
        nats.put("trace", Map.of("dest", "t.*", "sampling", 101L));
        assertEquals(List.of("E the JWT expired at " + TimeSpec.format(NOW),
                "E default permissions: publish permission \"a b\" has a queue, which only subscribe permissions may have",
                "E trace destination \"t.*\" has wildcards",
                "E trace sampling 101 is not between 1 and 100",
                "E signing key \"" + user + "\" is not an account public key",
                "E the description is longer than 8192 bytes",
                "E the info url is longer than 8192 bytes",
                "E info url \"example.com/" + "i".repeat(8192) + "\" has no protocol or host"), check(operatorSigned(a), nats));
    }

    @Test
    void traceSettings() {
        AccountClaims a = operatorSigned(new AccountClaims());
        assertEquals(List.of("E trace destination: subject cannot be empty", "E trace sampling -1 is not between 1 and 100"),
                check(a, Map.of("trace", Map.of("sampling", -1L))));
        assertEquals(List.of("E trace destination: subject \"a..b\" cannot contain consecutive `.`"),
                check(a, Map.of("trace", Map.of("dest", "a..b", "sampling", 1L))));
        assertEquals(List.of(), check(a, Map.of("trace", "not an object")));
    }

    @Test
    void clusterTraffic() {
        for (String good : new String[] {"system", "owner"}) {
            AccountClaims a = new AccountClaims();
            a.subject(NKey.generate(KeyKind.ACCOUNT).publicKey());
            a = ClaimChecksTest.withNatsField(a, NKey.generate(KeyKind.OPERATOR), AccountClaims.class,
                    "\"cluster_traffic\":\"" + good + "\"");
            assertEquals(good, a.clusterTraffic());
            assertEquals(List.of(), check(a, Map.of()));
        }
        AccountClaims a = new AccountClaims();
        a.subject(NKey.generate(KeyKind.ACCOUNT).publicKey());
        a = ClaimChecksTest.withNatsField(a, NKey.generate(KeyKind.OPERATOR), AccountClaims.class,
                "\"cluster_traffic\":\"everyone\"");
        assertEquals(List.of("E cluster_traffic \"everyone\" is unknown (expected system or owner)"), check(a, Map.of()));
    }

    @Test
    void infoUrlThatCannotBeParsed() {
        Findings f = new Findings();
        AccountChecks.info("", "http://a b", f);
        assertEquals(List.of("E info url \"http://a b\" cannot be parsed: Illegal character in authority"), messages(f));
        f = new Findings();
        AccountChecks.info("x", "", f);
        AccountChecks.info("", "mailto:x@y", f);
        assertEquals(List.of("E info url \"mailto:x@y\" has no protocol or host"), messages(f));
    }

    @Test
    void authorization() {
        String user = NKey.generate(KeyKind.USER).publicKey();
        String account = NKey.generate(KeyKind.ACCOUNT).publicKey();
        AccountClaims a = new AccountClaims().authorization(List.of(), List.of(account), "");
        assertEquals(List.of("E authorization: allowed accounts are named, but no auth users"),
                check(operatorSigned(a), Map.of()));
        a = new AccountClaims().authorization(List.of(account), List.of("*", account, user), account);
        assertEquals(List.of("E authorization: auth user \"" + account + "\" is not a user public key",
                "E authorization: allowed accounts are either \"*\" alone or a list of account keys",
                "E authorization: allowed account \"" + user + "\" is not an account public key",
                "E authorization: xkey \"" + account + "\" is not a curve (X...) public key"),
                check(operatorSigned(a), Map.of()));
        a = new AccountClaims().authorization(List.of(user), List.of(account), "");
        assertEquals(List.of(), check(operatorSigned(a), Map.of()));
        a = operatorSigned(new AccountClaims());
        a.authorization().put("auth_users", new ArrayList<Object>(List.of(7L)));
        a.authorization().put("allowed_accounts", new ArrayList<Object>(List.of(8L)));
        a.authorization().put("xkey", 9L);
        assertEquals(List.of("E authorization: auth user \"7\" is not a user public key",
                "E authorization: allowed account \"8\" is not an account public key",
                "E authorization: xkey \"9\" is not a curve (X...) public key"), check(a, Map.of()));
    }

    @Test
    void jetStreamTiers() {
        AccountClaims a = operatorSigned(new AccountClaims());
        a.limits().tiered().put("R1", new JetStreamLimits().diskStorage(1));
        assertEquals(List.of(), check(a, Map.of()));
        a.limits().tiered().put("", new JetStreamLimits().diskStorage(1));
        a.limits().jetStream(new JetStreamLimits().streams(1));
        assertEquals(List.of("E the account has JetStream limits both with and without tiers: they exclude each other",
                "E the account has a JetStream tier without a name"), check(a, Map.of()));
    }

    private static AccountClaims selfSigned(Consumer<AccountLimits> limits) {
        NKey key = NKey.generate(KeyKind.ACCOUNT);
        AccountClaims a = new AccountClaims();
        a.subject(key.publicKey());
        AccountLimits l = a.limits().subs(0).data(0).payload(0).imports(0).exports(0).wildcards(false)
                .disallowBearer(false).conn(0).leaf(0);
        limits.accept(l);
        return signed(a, key, AccountClaims.class);
    }

    @Test
    void aSelfSignedAccountWithOperatorLimitsIsWarnedAbout() {
        assertEquals(List.of(), check(selfSigned(l -> { }), Map.of()));
        String warning = "W a self-signed account JWT should not contain operator limits";
        List<Consumer<AccountLimits>> each = List.of(l -> l.subs(1), l -> l.data(1), l -> l.payload(1),
                l -> l.imports(1), l -> l.exports(1), l -> l.wildcards(true), l -> l.disallowBearer(true),
                l -> l.conn(1), l -> l.leaf(1), l -> l.jetStream(new JetStreamLimits().memStorage(1)),
                l -> l.jetStream(new JetStreamLimits().diskStorage(1)), l -> l.jetStream(new JetStreamLimits().streams(1)),
                l -> l.jetStream(new JetStreamLimits().consumer(1)),
                l -> l.jetStream(new JetStreamLimits().maxAckPending(1)),
                l -> l.jetStream(new JetStreamLimits().memMaxStreamBytes(1)),
                l -> l.jetStream(new JetStreamLimits().diskMaxStreamBytes(1)),
                l -> l.jetStream(new JetStreamLimits().maxBytesRequired(true)),
                l -> l.tiered().put("R1", new JetStreamLimits()));
        for (int i = 0; i < each.size(); i++) {
            assertEquals(List.of(warning), check(selfSigned(each.get(i)), Map.of()), "limit " + i);
        }
    }

    @Test
    void mappings() {
        Findings f = new Findings();
        AccountChecks.mapping("a..b", List.of(new WeightedMapping("c")), f);
        AccountChecks.mapping("a.b*", List.of(new WeightedMapping("c")), f);
        AccountChecks.mapping("a.*", List.of(new WeightedMapping("c.$2").weight(50),
                new WeightedMapping("c.x*.$1").weight(50)), f);
        AccountChecks.mapping(" a", List.of(new WeightedMapping("c")), f);
        AccountChecks.mapping(">.a", List.of(new WeightedMapping("c")), f);
        AccountChecks.mapping("a.>", List.of(new WeightedMapping("c.>")), f);
        AccountChecks.mapping("a*.>", List.of(new WeightedMapping("c.>")), f);
        assertEquals(List.of(
                "E mapping \"a..b\" is not a valid subject: it has an empty token (check for \"..\" or a leading or"
                        + " trailing \".\")",
                "W mapping \"a.b*\": wildcards '*' and '>' must be whole tokens ('*' and '>' inside a token are literal"
                        + " characters)",
                "E mapping \"a.*\" -> \"c.$2\": \"$2\" refers to wildcard 2, but \"a.*\" has only one '*' wildcard (they"
                        + " are counted from 1)",
                "W mapping \"a.*\" -> \"c.x*.$1\": wildcards '*' and '>' must be whole tokens ('*' and '>' inside a token"
                        + " are literal characters)",
                "E mapping \" a\" is not a valid subject: it contains whitespace",
                "E mapping \">.a\" is not a valid subject: '>' can only be the last token",
                "W mapping \"a*.>\": wildcards '*' and '>' must be whole tokens ('*' and '>' inside a token are literal"
                        + " characters)"), messages(f));
    }

    @Test
    void mappingWeights() {
        Findings f = new Findings();
        AccountChecks.mapping("a", List.of(new WeightedMapping("b").weight(60), new WeightedMapping("c").weight(50)), f);
        assertEquals(1, f.list().size(), messages(f).toString());
        assertEquals(Findings.Severity.ERROR, f.list().get(0).severity());
        f = new Findings();
        AccountChecks.mapping("a", List.of(new WeightedMapping("b").weight(60),
                new WeightedMapping("c").weight(50).cluster("east")), f);
        assertEquals(List.of("W the weights of mapping \"a\" add up to 110% over all clusters: nats-server 2.9 ignores"
                + " the mapping (2.10 and later add up each cluster's weights apart)"), messages(f));
    }
}
