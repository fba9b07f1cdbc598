package dev.jnsc.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Fuzz;
import dev.jnsc.testing.Fuzz.Mutation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * JWT decoding on mutated tokens and on mutated payloads that are then properly signed (so that
 * the claims conversion is reached, not only the signature check): only {@link JwtException}
 * comes out, with a clean message that shows no seed, even when seeds were put into the claims.
 * What decodes converts with {@code as(...)} or fails cleanly, writes valid JSON, and, signed
 * again, decodes to the same claims.
 */
class JwtFuzzTest {
    private static final NKey OPERATOR = key(KeyKind.OPERATOR, 1);
    private static final NKey ACCOUNT = key(KeyKind.ACCOUNT, 2);
    private static final NKey USER = key(KeyKind.USER, 3);
    private static final NKey[] SIGNERS = {OPERATOR, ACCOUNT, USER};
    private static final List<String> SEEDS = List.of(new String(OPERATOR.seed()), new String(ACCOUNT.seed()),
            new String(USER.seed()));
    private static final List<Class<? extends Claims>> TYPES = List.of(OperatorClaims.class, AccountClaims.class,
            UserClaims.class, ActivationClaims.class, GenericClaims.class);

    /** Valid payloads of every claim type (v2, and a v1 user), as templates: $O $A $U are the test keys. */
    private static final List<String> TEMPLATES = List.of(
            "{\"jti\":\"J\",\"iat\":1700000000,\"iss\":\"$O\",\"name\":\"op\",\"sub\":\"$O\",\"nats\":{\"signing_keys\":[\"$O\"],"
                    + "\"account_server_url\":\"nats://127.0.0.1:4222\",\"operator_service_urls\":[\"nats://127.0.0.1:4222\"],"
                    + "\"system_account\":\"$A\",\"strict_signing_key_usage\":true,\"tags\":[\"a\"],\"type\":\"operator\",\"version\":2}}",
            "{\"exp\":1800000000,\"jti\":\"J\",\"iat\":1700000000,\"iss\":\"$O\",\"name\":\"acc\",\"sub\":\"$A\",\"nats\":{"
                    + "\"imports\":[{\"name\":\"i\",\"subject\":\"s.>\",\"account\":\"$A\",\"type\":\"service\"}],"
                    + "\"exports\":[{\"name\":\"e\",\"subject\":\"svc.\\u003e\",\"type\":\"service\",\"revocations\":{\"$A\":1}}],"
                    + "\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,\"exports\":-1,\"wildcards\":true,\"conn\":-1,"
                    + "\"leaf\":-1,\"mem_storage\":-1,\"disk_storage\":-1,\"tiered_limits\":{\"R1\":{\"streams\":3}}},"
                    + "\"signing_keys\":[\"$A\",{\"kind\":\"user_scope\",\"key\":\"$A\",\"role\":\"r\",\"template\":{\"pub\":{\"allow\":[\"a\"]},"
                    + "\"sub\":{},\"subs\":-1,\"data\":-1,\"payload\":-1},\"description\":\"d\"}],\"revocations\":{\"$U\":1700000000,\"*\":5},"
                    + "\"default_permissions\":{\"pub\":{\"deny\":[\"x\"]},\"sub\":{},\"resp\":{\"max\":1,\"ttl\":5000000000}},"
                    + "\"mappings\":{\"a\":[{\"subject\":\"b\",\"weight\":50}]},\"authorization\":{\"auth_users\":[\"$U\"]},"
                    + "\"trace\":{\"dest\":\"t\",\"sampling\":10},\"description\":\"x\",\"tags\":[\"t\"],\"type\":\"account\",\"version\":2}}",
            "{\"jti\":\"J\",\"iat\":1700000000,\"iss\":\"$A\",\"name\":\"u\",\"sub\":\"$U\",\"nats\":{\"pub\":{\"allow\":[\"foo.\\u003e\"]},"
                    + "\"sub\":{\"allow\":[\"bar q\"],\"deny\":[\"baz\"]},\"resp\":{\"max\":1,\"ttl\":5},\"src\":[\"10.0.0.0/8\"],"
                    + "\"times\":[{\"start\":\"08:00:00\",\"end\":\"17:00:00\"}],\"times_location\":\"UTC\",\"subs\":-1,\"data\":-1,"
                    + "\"payload\":-1,\"bearer_token\":true,\"allowed_connection_types\":[\"STANDARD\"],\"issuer_account\":\"$A\","
                    + "\"tags\":[\"t\"],\"type\":\"user\",\"version\":2}}",
            "{\"jti\":\"J\",\"iat\":1700000000,\"iss\":\"$A\",\"name\":\"svc\",\"sub\":\"$A\",\"nats\":{\"subject\":\"svc.\\u003e\","
                    + "\"kind\":\"service\",\"issuer_account\":\"$A\",\"type\":\"activation\",\"version\":2}}",
            "{\"jti\":\"J\",\"iat\":1700000000,\"iss\":\"$O\",\"sub\":\"$O\",\"nats\":{\"accounts\":[\"$A\"],\"version\":2}}",
            "{\"jti\":\"J\",\"iat\":1500000000,\"iss\":\"$A\",\"name\":\"old\",\"sub\":\"$U\",\"type\":\"user\",\"tags\":[\"v1\"],"
                    + "\"nats\":{\"pub\":{\"allow\":[\">\"]},\"sub\":{},\"src\":\"10.0.0.0/8, 192.168.0.0/16\",\"payload\":0}}");

    /** Names the claim readers look at, so that added fields reach them. */
    private static final List<String> NAMES = List.of("aud", "exp", "jti", "iat", "iss", "name", "nbf", "sub", "nats",
            "type", "version", "signing_keys", "account_server_url", "operator_service_urls", "system_account",
            "assert_server_version", "strict_signing_key_usage", "tags", "imports", "exports", "limits", "revocations",
            "default_permissions", "mappings", "authorization", "trace", "cluster_traffic", "description", "info_url",
            "pub", "sub", "resp", "src", "times", "times_location", "subs", "data", "payload", "bearer_token",
            "proxy_required", "allowed_connection_types", "issuer_account", "subject", "kind", "tiered_limits",
            "wildcards", "disallow_bearer", "conn", "leaf", "mem_storage", "disk_storage", "streams", "consumer",
            "max_ack_pending", "allow", "deny", "max", "ttl", "start", "end", "key", "role", "template", "R1");

    private static final List<String> TOKEN_PIECES = List.of(".", "..", "=", "==", "-", "_", "+", "/", " ", "\n",
            "eyJ", "e30", "bnVsbA", "W10", "AAAA", "\u00e9");

    private static NKey key(KeyKind kind, int fill) {
        byte[] raw = new byte[32];
        java.util.Arrays.fill(raw, (byte) fill);
        return NKey.fromRawSeed(kind, raw);
    }

    private static Object template(int i) {
        String t = TEMPLATES.get(i).replace("$O", OPERATOR.publicKey()).replace("$A", ACCOUNT.publicKey())
                .replace("$U", USER.publicKey());
        return Json.parse(t);
    }

    /** An edit of a parsed payload: at the node numbered {@code at} (pre-order), replace, remove, or add. */
    record TreeEdit(int op, int at, String name, Object value) {
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.oneOf(
                JsonDocs.docs(2).map(d -> Json.parse(d.bytes())),
                Arbitraries.of(SEEDS.get(0), SEEDS.get(1), SEEDS.get(2), SEEDS.get(1).substring(1),
                        OPERATOR.publicKey(), ACCOUNT.publicKey(), USER.publicKey(), "", "user", "account", "operator",
                        "activation", "user_scope", "JWT", "ed25519-nkey", "a\nb\u0000\u2028", "*", "\ud800",
                        "x".repeat(5000)),
                Arbitraries.of(-1L, 0L, 1L, 2L, 3L, Long.MAX_VALUE, Long.MIN_VALUE, 1e300, 7.0, 7.5, -0.0,
                        new java.math.BigInteger("99999999999999999999"), true, false),
                Arbitraries.just(new LinkedHashMap<>()), Arbitraries.just(new ArrayList<>()));
    }

    @Provide
    Arbitrary<List<TreeEdit>> treeEdits() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 400),
                Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.strings().ofMaxLength(8)), values())
                .as(TreeEdit::new).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Mutation>> edits() {
        return Fuzz.mutations(5);
    }

    /** Tokens signed properly, then changed as text: the signature check (or an earlier one) must refuse them cleanly. */
    @Property(tries = 1500)
    void mutatedTokensFailOnlyWithACleanJwtException(@ForAll("templateIndex") int t, @ForAll("edits") List<Mutation> edits) {
        Object payload = template(t);
        String token = sign(HEADER_VARIANTS.get(0), JsonWriter.compact().value(payload).toString(), signerFor(payload, 0));
        String text = Fuzz.apply(token, edits, Fuzz.Units.CHARS, TOKEN_PIECES);
        Fuzz.bounded(() -> {
            check(text);
            // the unverified read of the subject, used to check a creds seed against its JWT
            Fuzz.decode(() -> Jwt.subjectOf(text), SEEDS, JwtException.class);
        });
    }

    /** Payloads edited as trees and then as text, signed with a key that may sign them (or not): the claims readers run. */
    @Property(tries = 1500)
    void mutatedSignedPayloadsDecodeOrFailCleanly(@ForAll("templateIndex") int t, @ForAll("treeEdits") List<TreeEdit> tree,
            @ForAll("textEdits") List<Mutation> text, @ForAll("headerIndex") int header, @ForAll("signerIndex") int signer) {
        Object payload = template(t);
        NKey key = signerFor(payload, signer);
        for (TreeEdit e : tree) {
            payload = edit(payload, e);
        }
        String json = Fuzz.apply(JsonWriter.compact().value(payload).toString(), text, Fuzz.Units.CHARS, JsonFuzzTestTokens.TOKENS);
        String token = sign(HEADER_VARIANTS.get(header), json, key);
        Fuzz.bounded(() -> {
            Jwt.Decoded d = check(token);
            if (d != null) {
                checkDecoded(d, key);
            }
        });
    }

    @Provide
    Arbitrary<Integer> templateIndex() {
        return Arbitraries.integers().between(0, TEMPLATES.size() - 1);
    }

    @Provide
    Arbitrary<Integer> headerIndex() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, HEADER_VARIANTS.size() - 1)));
    }

    @Provide
    Arbitrary<Integer> signerIndex() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 3)));
    }

    /** Mostly no text edits, so that most payloads stay JSON and reach the claims readers. */
    @Provide
    Arbitrary<List<Mutation>> textEdits() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(List.of())),
                net.jqwik.api.Tuple.of(1, Fuzz.mutations(3)));
    }

    private static final List<String> HEADER_VARIANTS = List.of(Jwt.HEADER, "{\"typ\":\"JWT\", \"alg\":\"ed25519-nkey\"}",
            "{\"typ\":\"jwt\",\"alg\":\"ED25519\"}", "{\"typ\":\"JWT\",\"alg\":\"RS256\"}", "{\"alg\":\"ed25519-nkey\"}",
            "{\"typ\":\"" + "SUAAA" + "\",\"alg\":\"none\"}", "{\"typ\":\"a\\nb\",\"alg\":\"\\u0000\"}",
            "{\"typ\":1,\"alg\":[]}", "[]", "{", "", "{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\",\"typ\":\"x\"}",
            "{\"typ\":\"JWT\",\"alg\":\"" + "SUAGL3KX4ZBBD53BNNLSHGAAGCMXSEYZ6NTYUBUCPZQGHYNK3ZRQBUDPRY" + "\"}");

    private static Jwt.Decoded check(String token) {
        List<String> secrets = new ArrayList<>(SEEDS);
        secrets.add("SUAGL3KX4ZBBD53BNNLSHGAAGCMXSEYZ6NTYUBUCPZQGHYNK3ZRQBUDPRY");
        return Fuzz.decode(() -> Jwt.decode(token), secrets, JwtException.class);
    }

    /** Conversion, writing, and signing again: each either works or fails cleanly, and a second decode agrees. */
    private static void checkDecoded(Jwt.Decoded d, NKey signer) {
        for (Class<? extends Claims> type : TYPES) {
            Fuzz.decode(() -> d.as(type, "a " + type.getSimpleName()), SEEDS, JwtException.class);
        }
        Claims c = d.claims();
        Json.parse(c.toJson()); // what was read writes as JSON
        String again = Jwt.encode(c, signer, 1_700_000_000L);
        String first = c.toJson();
        if (again.length() <= Jwt.MAX_TOKEN_BYTES) {
            assertEquals(first, Jwt.decode(again).claims().toJson(), "claims read, written and read again are the same");
        }
    }

    /** The key whose kind may sign this payload's type (choice 0), or another of the test keys. */
    private static NKey signerFor(Object payload, int choice) {
        if (choice > 0) {
            return SIGNERS[choice - 1];
        }
        String iss = payload instanceof Map<?, ?> m && m.get("iss") instanceof String s ? s : "";
        for (NKey k : SIGNERS) {
            if (k.publicKey().equals(iss)) {
                return k;
            }
        }
        return OPERATOR;
    }

    /** header.payload.signature, signed over header.payload (v2) or the payload alone when the payload reads as v1. */
    private static String sign(String header, String payloadJson, NKey key) {
        String h = b64(header.getBytes(StandardCharsets.UTF_8));
        String p = b64(payloadJson.getBytes(StandardCharsets.UTF_8));
        String signed = isV1(payloadJson) ? p : h + "." + p;
        return h + "." + p + "." + b64(key.sign(signed.getBytes(StandardCharsets.US_ASCII)));
    }

    private static boolean isV1(String payloadJson) {
        try {
            Map<String, Object> m = Json.parseObject(payloadJson.getBytes(StandardCharsets.UTF_8));
            return m.containsKey("type") || !(m.get("nats") instanceof Map<?, ?> n && Long.valueOf(2).equals(n.get("version")));
        } catch (JwtException e) {
            return false;
        }
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Applies one tree edit to a copy of the payload. */
    @SuppressWarnings("unchecked")
    static Object edit(Object root, TreeEdit e) {
        Object copy = Json.parse(JsonWriter.compact().value(root).toString());
        List<Object[]> slots = new ArrayList<>(); // {container, key or index}
        collect(copy, slots);
        if (slots.isEmpty()) {
            return e.value();
        }
        Object[] slot = slots.get(e.at() % slots.size());
        Object container = slot[0];
        Object value = copyOf(e.value());
        switch (e.op()) {
            case 0: // replace
                if (container instanceof Map) {
                    ((Map<String, Object>) container).put((String) slot[1], value);
                } else {
                    ((List<Object>) container).set((Integer) slot[1], value);
                }
                break;
            case 1: // remove
                if (container instanceof Map) {
                    ((Map<String, Object>) container).remove(slot[1]);
                } else {
                    ((List<Object>) container).remove((int) (Integer) slot[1]);
                }
                break;
            default: // add next to it
                if (container instanceof Map) {
                    ((Map<String, Object>) container).put(e.name(), value);
                } else {
                    ((List<Object>) container).add(value);
                }
        }
        return copy;
    }

    private static Object copyOf(Object v) {
        return Json.parse(JsonWriter.compact().value(v).toString());
    }

    private static void collect(Object node, List<Object[]> slots) {
        if (node instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                slots.add(new Object[] {m, k});
                collect(m.get(k), slots);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                slots.add(new Object[] {l, i});
                collect(l.get(i), slots);
            }
        }
    }

    /** The JSON pieces of JsonFuzzTest, for text edits of payloads. */
    static final class JsonFuzzTestTokens {
        static final List<String> TOKENS = List.of("1e400", "-0", "9223372036854775808", "1.5", "7.0", "null", "[]",
                "{}", "\"", ",", ":", "\\u0000", "\\ud800", "\"type\":\"user\",", "\"version\":1,", "\"version\":3,",
                "\"type\":", "\"nats\":{},");
    }
}
