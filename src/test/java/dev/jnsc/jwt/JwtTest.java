package dev.jnsc.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.TestData;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtTest {
    static final String GO_HEADER_B64 = "eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ";

    /** nats.java JwtUtilsTests: keys and the tokens jnats' issueUserJWT made with them. */
    static final String JU_USER_SEED = "SUAGL3KX4ZBBD53BNNLSHGAAGCMXSEYZ6NTYUBUCPZQGHYNK3ZRQBUDPRY";
    static final String JU_USER_PUB = "UA6KOMQ67XOE3FHE37W4OXADVXVYISBNLTBUT2LSY5VFKAIJ7CRDR2RZ";
    static final String JU_SIGNING_SEED = "SAANJIBNEKGCRUWJCPIWUXFBFJLR36FJTFKGBGKAT7AQXH2LVFNQWZJMQU";
    static final String JU_SIGNING_PUB = "ADQ4BYM5KICR5OXDSP3S3WVJ5CYEORGQKT72SVRF2ZDVA7LTFKMCIPGY";
    static final String JU_ACCOUNT = "ACXZRALIL22WRETDRXYKOYDB7XC3E7MBSVUSUMFACO6OM5VPRNFMOOO6";
    static final String JU_MINIMAL = "eyJ0eXAiOiJKV1QiLCAiYWxnIjoiZWQyNTUxOS1ua2V5In0.eyJpYXQiOjE2MzMwNDMzNzgsImp0aSI6Ilg0VFdENEkzWUdDQVo0UFJLVUxPT1VBQ1I1VzVBSUtTTTZNWFZQSlpCTFhIWlpNTkZaQVEiLCJpc3MiOiJBRFE0QllNNUtJQ1I1T1hEU1AzUzNXVko1Q1lFT1JHUUtUNzJTVlJGMlpEVkE3TFRGS01DSVBHWSIsIm5hbWUiOiJVQTZLT01RNjdYT0UzRkhFMzdXNE9YQURWWFZZSVNCTkxUQlVUMkxTWTVWRktBSUo3Q1JEUjJSWiIsIm5hdHMiOnsiaXNzdWVyX2FjY291bnQiOiJBQ1haUkFMSUwyMldSRVREUlhZS09ZREI3WEMzRTdNQlNWVVNVTUZBQ082T001VlBSTkZNT09PNiIsInR5cGUiOiJ1c2VyIiwidmVyc2lvbiI6Mn0sInN1YiI6IlVBNktPTVE2N1hPRTNGSEUzN1c0T1hBRFZYVllJU0JOTFRCVVQyTFNZNVZGS0FJSjdDUkRSMlJaIn0.CUo-0aCxS1DvPpvZ3cZMXmLlQRMKYRfQjjXSFiCkmRrIJKX9crdkcIBuoYIgfczt5oTEDyR1ldS_ucipxCnoAQ";
    static final String JU_ALL_ARGS = "eyJ0eXAiOiJKV1QiLCAiYWxnIjoiZWQyNTUxOS1ua2V5In0.eyJleHAiOjE2MzMwNDM0NzgsImlhdCI6MTYzMzA0MzM3OCwianRpIjoiNDNGWEcyRktLN09ZMlFIN09KR1lPRDdCRjJVRlU0NDdFREpaRVBPM1ZTQk5KSlZBS0pDQSIsImlzcyI6IkFEUTRCWU01S0lDUjVPWERTUDNTM1dWSjVDWUVPUkdRS1Q3MlNWUkYyWkRWQTdMVEZLTUNJUEdZIiwibmFtZSI6Im5hbWUiLCJuYXRzIjp7Imlzc3Vlcl9hY2NvdW50IjoiQUNYWlJBTElMMjJXUkVURFJYWUtPWURCN1hDM0U3TUJTVlVTVU1GQUNPNk9NNVZQUk5GTU9PTzYiLCJ0YWdzIjpbInRhZzEiLCJ0YWdcXHR3byJdLCJ0eXBlIjoidXNlciIsInZlcnNpb24iOjJ9LCJzdWIiOiJVQTZLT01RNjdYT0UzRkhFMzdXNE9YQURWWFZZSVNCTkxUQlVUMkxTWTVWRktBSUo3Q1JEUjJSWiJ9.NdCdguIm89sg07PIlwdjkWesjHzKNQ2XYUd_t_Pfz7BFNz3gNbdcm5L-4mzvzH4l7NMI2Hbp0I7v_P26zU5cCQ";

    /** nats-io/jwt v2/account_claims_test.go TestJetstreamLimitsDeEnCode: Go-made account JWTs. */
    static final String GO_ACCOUNT_JS_DISABLED = "eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.eyJqdGkiOiI3V0NYQkZKS0lIN1Y0SkdPR0FVTEtTS05aQUxVTUZMVExZWVgyNTdDSzZORk5OWTdGRVdBIiwiaWF0IjoxNjQ0Mjc5NDY3LCJpc3MiOiJPQk5UUVJFSEVJUFJFVE1BVlBWUVVDSUdFUktHWkIzRVJBVjVTNUdNM0lPRVFOSFJFQkpPVUFSRiIsIm5hbWUiOiJ0ZXN0Iiwic3ViIjoiQUM2SFFJMlVBTVVQREVQN1dTWVFZV1JDTEVZQkxZVlNQTDZBSExDVVBKVEdVMzJUNEtRQktZU0ciLCJuYXRzIjp7ImxpbWl0cyI6eyJzdWJzIjotMSwiZGF0YSI6LTEsInBheWxvYWQiOi0xLCJpbXBvcnRzIjotMSwiZXhwb3J0cyI6LTEsIndpbGRjYXJkcyI6dHJ1ZSwiY29ubiI6LTEsImxlYWYiOi0xfSwiZGVmYXVsdF9wZXJtaXNzaW9ucyI6eyJwdWIiOnt9LCJzdWIiOnt9fSwidHlwZSI6ImFjY291bnQiLCJ2ZXJzaW9uIjoyfX0.73vDu9osNeLKwQ-g1Uu1fAtszMNz_QRZXRJLp0kzZh-0eMBmt0nb2mMwBwg-fufJs1FqYe9WbWKeXAYStnVnBg";
    static final String GO_ACCOUNT_JS_ENABLED = "eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.eyJqdGkiOiJPVFFXVEQyVkFMWkRQQTZYU1hLS09GRVFZR1VaVFBDNEtKV1BYMlAyWU1XMjVTMzRTVjNRIiwiaWF0IjoxNjQ0Mjc5MzM0LCJpc3MiOiJPQk5UUVJFSEVJUFJFVE1BVlBWUVVDSUdFUktHWkIzRVJBVjVTNUdNM0lPRVFOSFJFQkpPVUFSRiIsIm5hbWUiOiJ0ZXN0Iiwic3ViIjoiQUM2SFFJMlVBTVVQREVQN1dTWVFZV1JDTEVZQkxZVlNQTDZBSExDVVBKVEdVMzJUNEtRQktZU0ciLCJuYXRzIjp7ImxpbWl0cyI6eyJzdWJzIjotMSwiZGF0YSI6LTEsInBheWxvYWQiOi0xLCJpbXBvcnRzIjotMSwiZXhwb3J0cyI6LTEsIndpbGRjYXJkcyI6dHJ1ZSwiY29ubiI6LTEsImxlYWYiOi0xLCJkaXNrX3N0b3JhZ2UiOjEwMDAwMDB9LCJkZWZhdWx0X3Blcm1pc3Npb25zIjp7InB1YiI6e30sInN1YiI6e319LCJ0eXBlIjoiYWNjb3VudCIsInZlcnNpb24iOjJ9fQ.Xt5azhxOkC7nywz9Q8xVtzX8lZIqdOhpfGyQI30aNdd-nbVGX2O13OOfouIaTLyajZiS4bcJFXa29q6QCFRUDA";

    // --- golden vectors ---

    @Test
    void ourSignatureOverJnatsTokensIsByteIdentical() {
        NKey signer = NKey.fromSeed(JU_SIGNING_SEED);
        assertEquals(JU_SIGNING_PUB, signer.publicKey());
        assertEquals(JU_USER_PUB, NKey.fromSeed(JU_USER_SEED).publicKey());
        for (String token : List.of(JU_MINIMAL, JU_ALL_ARGS)) {
            int dot = token.lastIndexOf('.');
            byte[] sig = signer.sign(token.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
            assertEquals(token.substring(dot + 1), TestData.b64url(sig));
        }
    }

    @Test
    void decodesTheJnatsUserTokens() {
        Jwt.Decoded d = Jwt.decode(JU_MINIMAL);
        assertEquals(2, d.version());
        UserClaims u = d.as(UserClaims.class, "a user");
        assertEquals(JU_USER_PUB, u.subject());
        assertEquals(JU_USER_PUB, u.name());
        assertEquals(JU_SIGNING_PUB, u.issuer());
        assertEquals(JU_ACCOUNT, u.issuerAccount());
        assertEquals(JU_ACCOUNT, u.account());
        assertEquals(1633043378L, u.issuedAt());
        assertEquals(0, u.expires());
        assertEquals("X4TWD4I3YGCAZ4PRKULOOUACR5W5AIKSM6MXVPJZBLXHZZMNFZAQ", u.id(), "jti is read as is");
        assertEquals(JU_MINIMAL, d.token());

        UserClaims all = Jwt.decode(JU_ALL_ARGS).as(UserClaims.class, "a user");
        assertEquals("name", all.name());
        assertEquals(1633043478L, all.expires());
        assertEquals(List.of("tag1", "tag\\two"), all.tags());
    }

    @Test
    void goAccountTokensVerifyAndTheirJtiIsRecomputed() {
        String[][] cases = {
            {GO_ACCOUNT_JS_DISABLED, "7WCXBFJKIH7V4JGOGAULKSKNZALUMFLTLYYX257CK6NFNNY7FEWA", "1644279467"},
            {GO_ACCOUNT_JS_ENABLED, "OTQWTD2VALZDPA6XSXKKOFEQYGUZTPC4KJWPX2P2YMW25S34SV3Q", "1644279334"},
        };
        for (String[] c : cases) {
            Jwt.Decoded d = Jwt.decode(c[0]);
            assertEquals(2, d.version());
            AccountClaims a = d.as(AccountClaims.class, "an account");
            assertEquals("OBNTQREHEIPRETMAVPVQUCIGERKGZB3ERAV5S5GM3IOEQNHREBJOUARF", a.issuer());
            assertEquals("AC6HQI2UAMUPDEP7WSYQYWRCLEYBLYVSPL6AHLCUPJTGU32T4KQBKYSG", a.subject());
            assertEquals("test", a.name());
            assertEquals(Long.parseLong(c[2]), a.issuedAt());
            assertEquals(c[1], a.id());
            assertEquals(c[1], Jwt.computeId(a), "jti recomputed as the Go library does");
        }
        assertTrue(!Jwt.decode(GO_ACCOUNT_JS_DISABLED).as(AccountClaims.class, "").limits().jetStream().isEnabled());
        AccountLimits enabled = Jwt.decode(GO_ACCOUNT_JS_ENABLED).as(AccountClaims.class, "").limits();
        assertTrue(enabled.jetStream().isEnabled());
        assertEquals(1_000_000L, enabled.jetStream().diskStorage());
        assertEquals(0L, enabled.jetStream().memStorage());
        assertEquals(-1L, enabled.subs());
        assertTrue(enabled.wildcards());
    }

    /**
     * These tokens came from the jwt library of February 2022, which did not write
     * {@code "authorization":{}}; the current library (and so nsc) always writes it. Apart from
     * that one field, our encoding of the decoded claims must be the original bytes.
     */
    @Test
    void reEncodingGoAccountTokensGivesTheirPayloadPlusAuthorization() {
        for (String token : List.of(GO_ACCOUNT_JS_DISABLED, GO_ACCOUNT_JS_ENABLED)) {
            String original = TestData.payloadJson(token);
            String ours = Jwt.decode(token).claims().toJson();
            String marker = "\"default_permissions\":{\"pub\":{},\"sub\":{}},";
            assertTrue(original.contains(marker + "\"type\":\"account\""), original);
            assertEquals(original.replace(marker, marker + "\"authorization\":{},"), ours);
        }
    }

    /** nats.java userJnatsTest.creds holds a user JWT written by the Go library (nsc). */
    @Test
    void goUserTokenReEncodesByteForByte() {
        String token = Decorated.parse(TestData.bytes("jnats/userJnatsTest.creds")).jwt();
        Jwt.Decoded d = Jwt.decode(token);
        UserClaims u = d.as(UserClaims.class, "a user");
        assertEquals("UCSSMHFLKT3QFU2AZHI2ILRSUJGKJMJYHOJZ6EU5IQMC2MTTZS4KHEJP", u.subject());
        assertEquals("ACPWDUYSZRRF7XAEZKUAGPUH6RPICWEHSTFELYKTOWUVZ4R2XMP4QJJX", u.issuer());
        assertEquals("NM3ZEXOILRRJ2GZ6XHN4K4ZBJM4BW4GUQQ2PZA7Q2747SJIG6GJA", Jwt.computeId(u));
        assertEquals(u.id(), Jwt.computeId(u));
        assertEquals(TestData.payloadJson(token), u.toJson());
        assertEquals(-1, u.permissions().subs());
    }

    /** nkeys creds_utils_test.go: a 2020 pre-release token (nats.version 2, payload-only signature). */
    @Test
    void preReleaseTokenWithPayloadOnlySignatureIsRefusedAsV2() {
        String token = Decorated.parse(TestData.bytes("nkeys/creds_utils_test.creds")).jwt();
        assertTrue(TestData.payloadJson(token).contains("\"version\":2"));
        JwtException e = assertThrows(JwtException.class, () -> Jwt.decode(token));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
    }

    @Test
    void v1OperatorFromJnatsResources() {
        String token = Decorated.parse(TestData.bytes("jnats/op.jwt")).jwt();
        Jwt.Decoded d = Jwt.decode(token);
        assertEquals(1, d.version());
        OperatorClaims o = d.as(OperatorClaims.class, "an operator");
        assertEquals("OAM5VSH42WFVVNJW4SLE6QVJBDJUE2FQSXZLQNMRD7A2PZM23L22XYUY", o.subject());
        assertEquals(o.subject(), o.issuer());
        assertEquals("synadia", o.name());
        assertEquals("http://localhost:6060/jwt/v1", o.accountServerUrl());
        assertEquals(List.of("nats://localhost:4141"), o.serviceUrls());
    }

    @Test
    void v1UserFromJnatsResources() {
        String token = TestData.text("jnats/test.jwt");
        Jwt.Decoded d = Jwt.decode(token);
        assertEquals(1, d.version());
        UserClaims u = d.as(UserClaims.class, "a user");
        assertEquals("UAWDD5HG357KMBIKR63HLM72KTQUUSXYEIFMCUAUAEQDTHIX7GYGEUVY", u.subject());
        assertEquals("AAYWQ5VRDT22FMZJOF62VJHZK5PPRWWJRCNIUVHFTD4ZDLPPZFDWRQRR", u.issuer());
        assertEquals("free_user", u.name());
        assertEquals(-1, u.permissions().subs(), "v1 users had no subs limit");
        assertEquals(-1, u.permissions().data());
        assertEquals(-1, u.permissions().payload());
    }

    @Test
    void v1TokenWithAPaddedSignatureIsReadLeniently() {
        String token = TestData.text("jnats/test.jwt");
        assertEquals(86, token.substring(token.lastIndexOf('.') + 1).length());
        Jwt.Decoded d = Jwt.decode(token + "==");
        assertEquals("free_user", d.claims().name());
        Jwt.decode("  " + token + "\n");
    }

    @Test
    void v1SignatureCoversThePayloadOnly() {
        String token = TestData.text("jnats/test.jwt");
        String[] p = token.split("\\.");
        // another header does not break a v1 signature...
        String otherHeader = TestData.b64url("{\"typ\":\"JWT\",\"alg\":\"ed25519\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("free_user", Jwt.decode(otherHeader + "." + p[1] + "." + p[2]).claims().name());
        // ...but another payload does
        String payload = TestData.payloadJson(token).replace("free_user", "free_usEr");
        String forged = p[0] + "." + TestData.b64url(payload.getBytes(StandardCharsets.UTF_8)) + "." + p[2];
        assertThrows(JwtException.class, () -> Jwt.decode(forged));
    }

    /** A v1 token: no nats.version, the signature over the payload only. */
    private static String v1(NKey issuer, String payload) {
        String p = TestData.b64url(payload.getBytes(StandardCharsets.UTF_8));
        return GO_HEADER_B64 + "." + p + "." + TestData.b64url(issuer.sign(p.getBytes(StandardCharsets.US_ASCII)));
    }

    /** v1 kept issuer_account and tags beside "nats", not in it: each kind reads its own. */
    @Test
    void v1TopLevelIssuerAccountAndTagsGoToTheirClaims() {
        NKey op = NKey.fromRawSeed(KeyKind.OPERATOR, filled(4));
        NKey account = NKey.fromRawSeed(KeyKind.ACCOUNT, filled(5));
        NKey accountSk = NKey.fromRawSeed(KeyKind.ACCOUNT, filled(6));
        NKey user = NKey.fromRawSeed(KeyKind.USER, filled(7));
        String top = "\"iat\":1600000000,\"issuer_account\":\"" + account.publicKey() + "\",\"tags\":[\"t1\",\"t2\"],";

        UserClaims u = Jwt.decode(v1(accountSk, "{" + top + "\"iss\":\"" + accountSk.publicKey() + "\",\"sub\":\""
                + user.publicKey() + "\",\"nats\":{\"type\":\"user\"}}")).as(UserClaims.class, "a user");
        assertEquals(account.publicKey(), u.issuerAccount());
        assertEquals(java.util.List.of("t1", "t2"), u.tags());

        ActivationClaims a = Jwt.decode(v1(accountSk, "{" + top + "\"iss\":\"" + accountSk.publicKey() + "\",\"sub\":\""
                + NKey.fromRawSeed(KeyKind.ACCOUNT, filled(8)).publicKey() + "\",\"type\":\"activation\",\"nats\":{\"type\":\"stream\"}}"))
                .as(ActivationClaims.class, "an activation");
        assertEquals(account.publicKey(), a.issuerAccount());
        assertEquals(java.util.List.of("t1", "t2"), a.tags());

        AccountClaims acc = Jwt.decode(v1(op, "{" + top + "\"iss\":\"" + op.publicKey() + "\",\"sub\":\""
                + account.publicKey() + "\",\"nats\":{\"type\":\"account\"}}")).as(AccountClaims.class, "an account");
        assertEquals(java.util.List.of("t1", "t2"), acc.tags());

        OperatorClaims o = Jwt.decode(v1(op, "{" + top + "\"iss\":\"" + op.publicKey() + "\",\"sub\":\""
                + op.publicKey() + "\",\"nats\":{\"type\":\"operator\"}}")).as(OperatorClaims.class, "an operator");
        assertEquals(java.util.List.of("t1", "t2"), o.tags());

        // without them at the top, what nats holds stays
        UserClaims inside = Jwt.decode(v1(accountSk, "{\"iat\":1600000000,\"iss\":\"" + accountSk.publicKey()
                + "\",\"sub\":\"" + user.publicKey() + "\",\"nats\":{\"type\":\"user\",\"issuer_account\":\""
                + account.publicKey() + "\"}}")).as(UserClaims.class, "a user");
        assertEquals(account.publicKey(), inside.issuerAccount());
        assertEquals(java.util.List.of(), inside.tags());
        ActivationClaims insideA = Jwt.decode(v1(accountSk, "{\"iat\":1600000000,\"iss\":\"" + accountSk.publicKey()
                + "\",\"sub\":\"" + user.publicKey() + "\",\"type\":\"activation\",\"nats\":{\"type\":\"stream\",\"issuer_account\":\""
                + account.publicKey() + "\"}}")).as(ActivationClaims.class, "an activation");
        assertEquals(account.publicKey(), insideA.issuerAccount());
    }

    /**
     * Found by JwtFuzzTest (a user payload with "version" removed from nats): without a version the
     * token counts as v1, and the claim type was then taken only from a top-level "type", so
     * {"nats":{"type":"user",...}} decoded as generic claims that called themselves "user" (and
     * as(UserClaims) said "expected a user JWT, found a JWT of type "user""); signed again they
     * became a real user JWT that no longer decoded. The type is now chosen as Go's
     * identifier.Kind() does: top-level type, else nats.type.
     */
    @Test
    void theTypeComesFromNatsWhenTheVersionIsMissing() {
        NKey account = NKey.fromRawSeed(KeyKind.ACCOUNT, filled(2));
        NKey user = NKey.fromRawSeed(KeyKind.USER, filled(3));
        String payload = "{\"iat\":1700000000,\"iss\":\"" + account.publicKey() + "\",\"sub\":\"" + user.publicKey()
                + "\",\"nats\":{\"pub\":{\"allow\":[\"a\"]},\"type\":\"user\"}}";
        String p = TestData.b64url(payload.getBytes(StandardCharsets.UTF_8));
        // v1 rules: the signature covers the payload only
        String token = GO_HEADER_B64 + "." + p + "." + TestData.b64url(account.sign(p.getBytes(StandardCharsets.US_ASCII)));
        Jwt.Decoded d = Jwt.decode(token);
        assertEquals(1, d.version());
        UserClaims u = d.as(UserClaims.class, "a user");
        assertEquals(java.util.List.of("a"), u.permissions().pub().allow());
        String again = Jwt.encode(u, account, 1_700_000_001L);
        assertEquals(u.toJson(), Jwt.decode(again).claims().toJson());
    }

    /**
     * Found by JwtFuzzTest: values read from the token went into messages as they were, so a
     * header typ of "a\nb" split the one-line error, and a seed there would have been shown. They
     * are now quoted with controls escaped, cut at 40 characters, and base32 runs long enough to be
     * key material hidden.
     */
    @Test
    void valuesFromTheTokenAreQuotedSafelyInMessages() {
        String seed = "SUAGL3KX4ZBBD53BNNLSHGAAGCMXSEYZ6NTYUBUCPZQGHYNK3ZRQBUDPRY";
        String[][] cases = {
            {"{\"typ\":\"a\\nb\\u0000\",\"alg\":\"ed25519-nkey\"}", "not a NATS JWT: header typ is \"a\\nb\\u0000\", expected \"JWT\""},
            {"{\"typ\":\"JWT\",\"alg\":\"" + seed + "\"}", "unsupported JWT algorithm \"\u2026\", expected \"ed25519-nkey\""},
            {"{\"typ\":\"" + "x".repeat(100) + "\",\"alg\":\"ed25519-nkey\"}",
                "not a NATS JWT: header typ is \"" + "x".repeat(40) + "\u2026\", expected \"JWT\""},
        };
        for (String[] c : cases) {
            String token = TestData.b64url(c[0].getBytes(StandardCharsets.UTF_8)) + ".e30.AAAA";
            assertEquals(c[1], assertThrows(JwtException.class, () -> Jwt.decode(token)).getMessage());
        }
        assertEquals("\"a \\\"q\\\" \\\\ \\u2028 UAB2\"", Json.quote("a \"q\" \\ \u2028 UAB2"));
        assertEquals("\"x\u2026y\"", Json.quote("x" + seed + "y"));
    }

    // --- encode ---

    @Test
    void encodeWritesTheGoHeaderAndSetsIssuerIatAndJti() {
        NKey op = NKey.fromRawSeed(KeyKind.OPERATOR, filled(1));
        OperatorClaims c = new OperatorClaims();
        c.name("O").subject(op.publicKey());
        String token = Jwt.encode(c, op, 1_700_000_000L);
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        assertEquals(GO_HEADER_B64, parts[0]);
        assertEquals(Jwt.HEADER, new String(TestData.unb64url(parts[0]), StandardCharsets.UTF_8));
        assertEquals(op.publicKey(), c.issuer());
        assertEquals(1_700_000_000L, c.issuedAt());
        assertEquals(Jwt.computeId(c), c.id());
        assertEquals(52, c.id().length());
        assertTrue(op.verify((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), TestData.unb64url(parts[2])));
        assertEquals(c.toJson(), TestData.payloadJson(token));

        Jwt.Decoded d = Jwt.decode(token);
        assertEquals(2, d.version());
        assertEquals(c.toJson(), d.claims().toJson());
        assertEquals(c.id(), d.claims().id());
    }

    @Test
    void jtiDependsOnTheStandardClaimsOnly() {
        NKey op = NKey.fromRawSeed(KeyKind.OPERATOR, filled(2));
        OperatorClaims a = new OperatorClaims();
        a.name("O").subject(op.publicKey());
        Jwt.encode(a, op, 100);
        OperatorClaims b = new OperatorClaims();
        b.name("O").subject(op.publicKey());
        b.tags().add("changed nats body");
        Jwt.encode(b, op, 100);
        assertEquals(a.id(), b.id(), "same standard claims, same second");
        Jwt.encode(b, op, 101);
        assertNotEquals(a.id(), b.id(), "iat changed");
        b.name("P");
        Jwt.encode(b, op, 100);
        assertNotEquals(a.id(), b.id(), "name changed");
    }

    @Test
    void jtiIsBase32OfSha512t256OfTheStandardClaims() throws Exception {
        NKey op = NKey.fromRawSeed(KeyKind.OPERATOR, filled(3));
        OperatorClaims c = new OperatorClaims();
        c.name("my <op>").subject(op.publicKey()).audience("aud").expires(9).notBefore(5);
        Jwt.encode(c, op, 7);
        String standard = "{\"aud\":\"aud\",\"exp\":9,\"iat\":7,\"iss\":\"" + op.publicKey() + "\",\"name\":\"my \\u003cop\\u003e\","
                + "\"nbf\":5,\"sub\":\"" + op.publicKey() + "\"}";
        byte[] h = java.security.MessageDigest.getInstance("SHA-512/256").digest(standard.getBytes(StandardCharsets.UTF_8));
        String expected = dev.jnsc.nkeys.Base32.encodeToString(h);
        assertEquals(expected, c.id());
    }

    @Test
    void encodeNeedsASeed() {
        NKey op = NKey.fromRawSeed(KeyKind.OPERATOR, filled(4));
        OperatorClaims c = new OperatorClaims();
        c.subject(op.publicKey());
        JwtException e = assertThrows(JwtException.class, () -> Jwt.encode(c, op.publicOnly(), 1));
        assertTrue(e.getMessage().contains(op.publicKey()), e.getMessage());
    }

    // --- decode failures ---

    @Test
    void alteredPayloadFailsTheSignature() {
        String[] p = JU_MINIMAL.split("\\.");
        String payload = TestData.payloadJson(JU_MINIMAL);
        String altered = payload.replace("\"iat\":1633043378", "\"iat\":1633043379");
        assertNotEquals(payload, altered);
        String token = p[0] + "." + TestData.b64url(altered.getBytes(StandardCharsets.UTF_8)) + "." + p[2];
        JwtException e = assertThrows(JwtException.class, () -> Jwt.decode(token));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
    }

    @Test
    void alteredBase64CharacterFailsTheSignature() {
        // flip one character of the payload segment in a way that keeps the JSON valid: "test" -> "tesu"
        String[] p = GO_ACCOUNT_JS_DISABLED.split("\\.");
        String json = TestData.payloadJson(GO_ACCOUNT_JS_DISABLED);
        String altered = TestData.b64url(json.replace("\"name\":\"test\"", "\"name\":\"tesu\"").getBytes(StandardCharsets.UTF_8));
        int differing = 0;
        for (int i = 0; i < p[1].length(); i++) {
            if (p[1].charAt(i) != altered.charAt(i)) {
                differing++;
            }
        }
        assertEquals(1, differing, "exactly one base64 character differs");
        JwtException e = assertThrows(JwtException.class, () -> Jwt.decode(p[0] + "." + altered + "." + p[2]));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
    }

    @Test
    void alteredSignatureFails() {
        String t = JU_MINIMAL.substring(0, JU_MINIMAL.length() - 2) + (JU_MINIMAL.endsWith("AQ") ? "AA" : "AQ");
        JwtException e = assertThrows(JwtException.class, () -> Jwt.decode(t));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a.b", "a.b.c.d", "", "...."})
    void wrongChunkCount(String token) {
        JwtException e = assertThrows(JwtException.class, () -> Jwt.decode(token));
        assertTrue(e.getMessage().contains("expected 3 chunks"), e.getMessage());
    }

    @Test
    void nullToken() {
        assertThrows(JwtException.class, () -> Jwt.decode(null));
    }

    @Test
    void badBase64() {
        String[] p = JU_MINIMAL.split("\\.");
        JwtException e = assertThrows(JwtException.class, () -> Jwt.decode("e*J0." + p[1] + "." + p[2]));
        assertEquals("JWT header is not valid base64url", e.getMessage());
        e = assertThrows(JwtException.class, () -> Jwt.decode(p[0] + ".eyJ+." + p[2]));
        assertEquals("JWT payload is not valid base64url", e.getMessage());
        e = assertThrows(JwtException.class, () -> Jwt.decode(p[0] + "." + p[1] + ".a/b"));
        assertEquals("JWT signature is not valid base64url", e.getMessage());
    }

    @Test
    void headerAlgorithmMustBeEd25519() {
        NKey acc = NKey.fromRawSeed(KeyKind.ACCOUNT, filled(5));
        AccountClaims c = new AccountClaims();
        c.subject(acc.publicKey());
        String good = Jwt.encode(c, acc, 1);
        String[] p = good.split("\\.");
        for (String header : List.of("{\"typ\":\"JWT\",\"alg\":\"HS256\"}", "{\"typ\":\"JWT\",\"alg\":\"none\"}",
                "{\"typ\":\"JWT\"}")) {
            String h = TestData.b64url(header.getBytes(StandardCharsets.UTF_8));
            String signingInput = h + "." + p[1];
            String token = signingInput + "." + TestData.b64url(acc.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
            JwtException e = assertThrows(JwtException.class, () -> Jwt.decode(token), header);
            assertTrue(e.getMessage().contains("unsupported JWT algorithm"), e.getMessage());
        }
        // case-insensitive names, and jnats' header with a space, are accepted
        for (String header : List.of("{\"typ\":\"jwt\",\"alg\":\"ED25519-NKEY\"}", "{\"typ\":\"JWT\", \"alg\":\"ed25519-nkey\"}")) {
            String h = TestData.b64url(header.getBytes(StandardCharsets.UTF_8));
            String signingInput = h + "." + p[1];
            Jwt.decode(signingInput + "." + TestData.b64url(acc.sign(signingInput.getBytes(StandardCharsets.US_ASCII))));
        }
    }

    @Test
    void headerTypeMustBeJwt() {
        String h = TestData.b64url("{\"typ\":\"JOSE\",\"alg\":\"ed25519-nkey\"}".getBytes(StandardCharsets.UTF_8));
        String[] p = JU_MINIMAL.split("\\.");
        JwtException e = assertThrows(JwtException.class, () -> Jwt.decode(h + "." + p[1] + "." + p[2]));
        assertTrue(e.getMessage().contains("typ"), e.getMessage());
    }

    @Test
    void issuerMustBeAKeyKindThatMaySignTheClaimType() {
        NKey op = NKey.fromRawSeed(KeyKind.OPERATOR, filled(6));
        NKey acc = NKey.fromRawSeed(KeyKind.ACCOUNT, filled(7));
        NKey user = NKey.fromRawSeed(KeyKind.USER, filled(8));
        NKey server = NKey.fromRawSeed(KeyKind.SERVER, filled(9));

        UserClaims u = new UserClaims();
        u.subject(user.publicKey());
        JwtException e = assertThrows(JwtException.class, () -> Jwt.decode(Jwt.encode(u, op, 1)));
        assertEquals("user JWT issued by a operator key, expected an account key", e.getMessage());
        assertInstanceOf(UserClaims.class, Jwt.decode(Jwt.encode(u, acc, 1)).claims());

        OperatorClaims o = new OperatorClaims();
        o.subject(op.publicKey());
        e = assertThrows(JwtException.class, () -> Jwt.decode(Jwt.encode(o, acc, 1)));
        assertTrue(e.getMessage().contains("expected an operator key"), e.getMessage());

        AccountClaims a = new AccountClaims();
        a.subject(acc.publicKey());
        assertInstanceOf(AccountClaims.class, Jwt.decode(Jwt.encode(a, op, 1)).claims());
        assertInstanceOf(AccountClaims.class, Jwt.decode(Jwt.encode(a, acc, 1)).claims());
        for (NKey bad : List.of(user, server)) {
            e = assertThrows(JwtException.class, () -> Jwt.decode(Jwt.encode(a, bad, 1)));
            assertTrue(e.getMessage().contains("expected an operator or account key"), e.getMessage());
        }

        ActivationClaims act = new ActivationClaims();
        act.subject(acc.publicKey());
        assertInstanceOf(ActivationClaims.class, Jwt.decode(Jwt.encode(act, acc, 1)).claims());
        assertThrows(JwtException.class, () -> Jwt.decode(Jwt.encode(act, user, 1)));

        GenericClaims g = new GenericClaims("something");
        g.subject(server.publicKey());
        assertInstanceOf(GenericClaims.class, Jwt.decode(Jwt.encode(g, server, 1)).claims());
    }

    @Test
    void issuerMustBeAPublicKey() {
        NKey acc = NKey.fromRawSeed(KeyKind.ACCOUNT, filled(10));
        String payload = "{\"iss\":\"not-a-key\",\"sub\":\"x\",\"nats\":{\"type\":\"account\",\"version\":2}}";
        String signingInput = GO_HEADER_B64 + "." + TestData.b64url(payload.getBytes(StandardCharsets.UTF_8));
        String token = signingInput + "." + TestData.b64url(acc.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
        JwtException e = assertThrows(JwtException.class, () -> Jwt.decode(token));
        assertTrue(e.getMessage().startsWith("JWT issuer is not a valid public key"), e.getMessage());
    }

    @Test
    void newerVersionsAreRefused() {
        NKey acc = NKey.fromRawSeed(KeyKind.ACCOUNT, filled(11));
        String payload = "{\"iss\":\"" + acc.publicKey() + "\",\"nats\":{\"type\":\"account\",\"version\":3}}";
        String signingInput = GO_HEADER_B64 + "." + TestData.b64url(payload.getBytes(StandardCharsets.UTF_8));
        String token = signingInput + "." + TestData.b64url(acc.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
        JwtException e = assertThrows(JwtException.class, () -> Jwt.decode(token));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void payloadMustBeAnObject() {
        NKey acc = NKey.fromRawSeed(KeyKind.ACCOUNT, filled(12));
        String signingInput = GO_HEADER_B64 + "." + TestData.b64url("[1]".getBytes(StandardCharsets.UTF_8));
        String token = signingInput + "." + TestData.b64url(acc.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
        assertEquals("expected a JSON object", assertThrows(JwtException.class, () -> Jwt.decode(token)).getMessage());
    }

    @Test
    void oversizeTokensAreRefused() {
        String big = "a".repeat(Jwt.MAX_TOKEN_BYTES) + ".b.c";
        JwtException e = assertThrows(JwtException.class, () -> Jwt.decode(big));
        assertTrue(e.getMessage().contains("1 MiB"), e.getMessage());
    }

    @Test
    void decodedAsChecksTheType() {
        Jwt.Decoded d = Jwt.decode(JU_MINIMAL);
        JwtException e = assertThrows(JwtException.class, () -> d.as(AccountClaims.class, "an account"));
        assertEquals("expected an account JWT, found a JWT of type \"user\"", e.getMessage());
        assertSame(d.claims(), d.as(UserClaims.class, "a user"));
        assertEquals("user", d.payload().get("nats") instanceof java.util.Map
                ? ((java.util.Map<?, ?>) d.payload().get("nats")).get("type") : null);
    }

    static byte[] filled(int v) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }
}
