package dev.jnsc.nkeys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.TestData;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NKeyTest {
    /** nats.java NKeyTests.testInterop: a user key, its public key, and Go-made signatures. */
    private static final String INTEROP_SEED = "SUAOXETHU4AZD2424VFDTDJ4TOEUSGZIXMRS6F3MSCMHUUORYHNEVM6ADE";
    private static final String INTEROP_PUBLIC = "UB2YRJYJEFC5GZA5I47TCYYBIXQRAUA6B3MC4SR2WTXNUX6MTYM6BTBP";
    private static final String INTEROP_HELLO_SIG =
            "dMSvD2P1Fm6knQGdMwz5h41aPYIOiPqwR-a3b7UNVJr4FcEfFoAIRbm_gtvLGIpplHTc7sZnSMeaS3Ogm1W_CA";
    private static final String INTEROP_NONCE = "UkY0TGZNbEVianJZY09F";
    private static final String INTEROP_NONCE_SIG =
            "ZNNvu8FDPhpVlyIqjfZGnLCmoAUQggdfdvhGtWLy29AM9TSa6_j15J2iph37j6_FvkGdd1v3crDANwHCqJuQCw";

    /** Seed to public key pairs from nats.java (JwtUtilsTests, NKeyTests), nkeys and the reference. */
    @ParameterizedTest
    @CsvSource({
        "SUAGL3KX4ZBBD53BNNLSHGAAGCMXSEYZ6NTYUBUCPZQGHYNK3ZRQBUDPRY, UA6KOMQ67XOE3FHE37W4OXADVXVYISBNLTBUT2LSY5VFKAIJ7CRDR2RZ, USER",
        "SAANJIBNEKGCRUWJCPIWUXFBFJLR36FJTFKGBGKAT7AQXH2LVFNQWZJMQU, ADQ4BYM5KICR5OXDSP3S3WVJ5CYEORGQKT72SVRF2ZDVA7LTFKMCIPGY, ACCOUNT",
        "SOAELH6NJCEK4HST5644G4HK7TOAFZGRRJHNM4EUKUY7PPNDLIKO5IH4JM, ODPWIBQJVIQ42462QAFI2RKJC4RZHCQSIVPRDDHWFCJAP52NRZK6Z2YC, OPERATOR",
        "SAANWFZ3JINNPERWT3ALE45U7GYT2ZDW6GJUIVPDKUF6GKAX6AISZJMAS4, AATEJXG7UX4HFJ6ZPRTP22P6OYZER36YYD3GVBOVW7QHLU32P4QFFTZJ, ACCOUNT",
        "SUAGDLNBWI2SGHDRYBHD63NH5FGZSVJUW2J7GAJZXWANQFLDW6G5SXZESU, UBICBTHDKQRB4LIYA6BMIJ7EA2G7YS7FIWMMVKZJE6M3HS5IVCOLKDY2, USER",
        "SUAHBVFYZF3DIEO4UIHIZMJICVLURLBM5JJPK7GSVGP2QUC3NZ323BRE6A, UCM5BG6AAZSEGREBCLG7PG4GFQNJABSAVIXC6VWS7TDHZFPIYFVYHIDG, USER",
        "SAADARCQJ3JA737Z443YNAZBNJNTFP7YNAF4QFUXKTBFBS4KAVK55DGSOQ, AD2HQTUKOPBUGOPHA6KFRE6ZW5TH43D7P7E56OAQBZQLW2ECMNML6MVA, ACCOUNT",
        "SNAH645525YA4PNXHWWS46VNXXQTYAXOPKGHXYAHXZZ43XTDDG2ZQAX7LY, NBZCD2OSMSDRVYCAI77HUN6A2WNDWNT2DMVVEW66DHNWCDXVOUWRCCK7, SERVER",
        "SOAF5OP7UPK6XJCMNRYEJRET6YQSOE3FD4I4ERSN6WKHLYUC5AQDCOAFVY, OA6SJACXYP2QGNLU4QYLJTVRVZPCZEEUNO2UQOVNGXYUPUJJHCVZIZQ2, OPERATOR",
        "SCAP4LGVURDWVL37AZIM5O47UKANFI6FKBY77HMYF55CKW2XFKLNUBTTFE, CAO36T42KFA2LMIZ6YHJKPQEJWT5ULYSV633FWBCEJ7MREZPHHC56BSC, CLUSTER",
        "SUAOTBNEUHZDFJT3EUMELT7MQTP24JF3XVCXQNDSCU74G5IU6VAJBKH5LI, UDE6WTGLTTPCRJRJCKBJRGVNZTLIVR7LEEELR4CYWWWBKJS7XYIKXDUU, USER",
        "SUAOXETHU4AZD2424VFDTDJ4TOEUSGZIXMRS6F3MSCMHUUORYHNEVM6ADE, UB2YRJYJEFC5GZA5I47TCYYBIXQRAUA6B3MC4SR2WTXNUX6MTYM6BTBP, USER"
    })
    void seedGivesTheKnownPublicKey(String seed, String publicKey, KeyKind kind) {
        NKey k = NKey.fromSeed(seed.toCharArray());
        assertEquals(publicKey, k.publicKey());
        assertSame(kind, k.kind());
        assertTrue(k.hasSeed());
        assertArrayEquals(seed.toCharArray(), k.seed(), "seed re-encodes to the same text");
        NKey pub = NKey.fromPublicKey(publicKey);
        assertSame(kind, pub.kind());
        assertFalse(pub.hasSeed());
        assertArrayEquals(k.rawPublicKey(), pub.rawPublicKey());
        assertTrue(NKey.isValidPublicKey(publicKey, kind));
        assertTrue(NKey.isValidPublicKey(publicKey));
    }

    /** A curve seed and public key the Go nsc 2.11.1 generated (edit authcallout --curve generate). */
    @Test
    void curveKeyFromGoNkeys() {
        NKey x = NKey.fromSeed("SXAK34CH2GOENUCANPLVMAKHOAOWMXGUILEPF67MJFD52W43GXAYK2PWPY".toCharArray());
        assertEquals(KeyKind.CURVE, x.kind());
        assertEquals("XA7ZJQYTRNUM4KGAVQBRLO2KIYODFT3SQKLYMFK2CWON25T5ZHIHAPMU", x.publicKey());
        char[] seed = x.seed();
        assertEquals("SXAK34CH2GOENUCANPLVMAKHOAOWMXGUILEPF67MJFD52W43GXAYK2PWPY", new String(seed));
        NKey generated = NKey.generate(KeyKind.CURVE);
        assertEquals('X', generated.publicKey().charAt(0));
        assertEquals(generated.publicKey(), NKey.fromSeed(generated.seed()).publicKey());
        assertTrue(NKey.isValidPublicKey(generated.publicKey(), KeyKind.CURVE));
        NKeyException e = assertThrows(NKeyException.class, () -> x.sign(new byte[] {1}));
        assertTrue(e.getMessage().contains("cannot sign"), e.getMessage());
        assertFalse(x.verify(new byte[] {1}, new byte[64]));
    }

    @Test
    void signaturesEqualTheGoNkeysSignatures() {
        NKey k = NKey.fromSeed(INTEROP_SEED);
        assertEquals(INTEROP_PUBLIC, k.publicKey());
        byte[] hello = "Hello World".getBytes(StandardCharsets.UTF_8);
        assertEquals(INTEROP_HELLO_SIG, TestData.b64url(k.sign(hello)));
        byte[] nonce = TestData.unb64url(INTEROP_NONCE);
        assertEquals(INTEROP_NONCE_SIG, TestData.b64url(k.sign(nonce)));

        NKey pub = NKey.fromPublicKey(INTEROP_PUBLIC);
        assertTrue(pub.verify(hello, TestData.unb64url(INTEROP_HELLO_SIG)));
        assertTrue(pub.verify(nonce, TestData.unb64url(INTEROP_NONCE_SIG)));
        assertFalse(pub.verify(nonce, TestData.unb64url(INTEROP_HELLO_SIG)), "signature of another message");
    }

    @Test
    void generateUsesTheGivenRandomAndRoundTrips() {
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) 7);
        SecureRandom fixed = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(raw, 0, bytes, 0, bytes.length);
            }
        };
        NKey a = NKey.generate(KeyKind.ACCOUNT, fixed);
        NKey b = NKey.fromRawSeed(KeyKind.ACCOUNT, raw);
        assertEquals(a.publicKey(), b.publicKey());
        assertArrayEquals(a.seed(), b.seed());
        NKey again = NKey.fromSeed(a.seed());
        assertEquals(a, again);
        assertEquals(a.hashCode(), again.hashCode());
        assertNotEquals(NKey.generate(KeyKind.ACCOUNT), NKey.generate(KeyKind.ACCOUNT), "random keys differ");
    }

    @Test
    void sameRawSeedUnderAnotherKindIsAnotherKey() {
        byte[] raw = new byte[32];
        NKey user = NKey.fromRawSeed(KeyKind.USER, raw);
        NKey account = NKey.fromRawSeed(KeyKind.ACCOUNT, raw);
        assertArrayEquals(user.rawPublicKey(), account.rawPublicKey());
        assertNotEquals(user, account);
        assertEquals('U', user.publicKey().charAt(0));
        assertEquals('A', account.publicKey().charAt(0));
    }

    @Test
    void rawSeedMustBe32Bytes() {
        NKeyException e = assertThrows(NKeyException.class, () -> NKey.fromRawSeed(KeyKind.USER, new byte[31]));
        assertTrue(e.getMessage().contains("32"), e.getMessage());
    }

    @Test
    void signAndVerify() {
        NKey k = NKey.generate(KeyKind.USER);
        byte[] data = "Connect Everything".getBytes(StandardCharsets.UTF_8);
        byte[] sig = k.sign(data);
        assertEquals(64, sig.length);
        assertTrue(k.verify(data, sig));
        assertTrue(k.publicOnly().verify(data, sig));
        assertTrue(NKey.fromPublicKey(k.publicKey()).verify(data, sig));

        byte[] other = data.clone();
        other[0] ^= 1;
        assertFalse(k.verify(other, sig), "altered data");
        byte[] badSig = sig.clone();
        badSig[10] ^= 1;
        assertFalse(k.verify(data, badSig), "altered signature");
        assertFalse(NKey.generate(KeyKind.USER).verify(data, sig), "another key");
        assertFalse(k.verify(data, Arrays.copyOf(sig, 63)), "short signature");
        assertFalse(k.verify(data, null), "no signature");
    }

    @Test
    void publicOnlyKeysCannotSignOrRevealASeed() {
        NKey k = NKey.generate(KeyKind.OPERATOR);
        NKey pub = k.publicOnly();
        assertFalse(pub.hasSeed());
        assertEquals(k, pub);
        assertSame(pub, pub.publicOnly());
        NKeyException e = assertThrows(NKeyException.class, () -> pub.sign(new byte[1]));
        assertTrue(e.getMessage().contains(k.publicKey()), e.getMessage());
        assertThrows(NKeyException.class, pub::seed);
        assertThrows(NKeyException.class, () -> NKey.fromPublicKey(k.publicKey()).seed());
    }

    @Test
    void clearOverwritesTheSeed() {
        NKey k = NKey.fromSeed(INTEROP_SEED);
        byte[] data = "Hello World".getBytes(StandardCharsets.UTF_8);
        byte[] sig = k.sign(data);
        k.clear();
        assertFalse(k.hasSeed(), "seed is gone");
        assertThrows(NKeyException.class, k::seed);
        assertThrows(NKeyException.class, () -> k.sign(data), "a cleared key no longer signs");
        assertTrue(k.verify(data, sig), "it still verifies");
        assertEquals(INTEROP_PUBLIC, k.publicKey(), "the public key stays");
    }

    @Test
    void rawPublicKeyIsACopy() {
        NKey k = NKey.fromPublicKey(INTEROP_PUBLIC);
        byte[] raw = k.rawPublicKey();
        assertEquals(32, raw.length);
        raw[0] ^= 1;
        assertFalse(Arrays.equals(raw, k.rawPublicKey()));
    }

    @Test
    void toStringIsThePublicKeyNeverTheSeed() {
        NKey k = NKey.fromSeed(INTEROP_SEED);
        assertEquals(INTEROP_PUBLIC, k.toString());
        assertFalse(k.toString().contains(INTEROP_SEED));
    }

    @Test
    void fromPublicKeyChecksTheKind() {
        NKeyException e = assertThrows(NKeyException.class,
                () -> NKey.fromPublicKey(INTEROP_PUBLIC, KeyKind.ACCOUNT));
        assertTrue(e.getMessage().contains("account"), e.getMessage());
        assertSame(KeyKind.USER, NKey.fromPublicKey(INTEROP_PUBLIC, KeyKind.USER).kind());
        assertFalse(NKey.isValidPublicKey(INTEROP_PUBLIC, KeyKind.ACCOUNT));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "BadSeed",
        "UB2YRJYJEFC5GZA5I47TCYYBIXQRAUA6B3MC4SR2WTXNUX6MTYM6BTBQ", // last char changed: CRC
        "UB2YRJYJEFC5GZA5I47TCYYBIXQRAUA6B3MC4SR2WTXNUX6MTYM6BTB", // one short
        "ub2yrjyjefc5gza5i47tcyybixqraua6b3mc4sr2wtxnux6mtym6btbp", // lower case
        "SUAOXETHU4AZD2424VFDTDJ4TOEUSGZIXMRS6F3MSCMHUUORYHNEVM6ADE", // a seed
        "PDVZEZ5HAGI6XGXFJI4Y2PE3RFERWKF3EMXRO3EQTB5FDUOB3JFLG5MIU4ESCROTMQOUOPZRMMAULYIQKAPA5WBOJI5LJ3W2L7GJ4GPAINHQ"
    })
    void invalidPublicKeysAreRefused(String bad) {
        assertThrows(NKeyException.class, () -> NKey.fromPublicKey(bad));
        assertFalse(NKey.isValidPublicKey(bad));
    }

    @Test
    void publicKeyWithUnknownPrefixIsRefused() {
        byte[] raw = new byte[35];
        raw[0] = (byte) (25 << 3);
        int crc = Crc16.of(raw, 0, 33);
        raw[33] = (byte) crc;
        raw[34] = (byte) (crc >>> 8);
        String encoded = Base32.encodeToString(raw);
        NKeyException e = assertThrows(NKeyException.class, () -> NKey.fromPublicKey(encoded));
        assertTrue(e.getMessage().contains("unknown key type"), e.getMessage());
    }

    @Test
    void invalidSeedsAreRefusedWithoutEchoingThem() {
        char[] c = INTEROP_SEED.toCharArray();
        c[20] = c[20] == 'A' ? 'B' : 'A';
        String crcBroken = new String(c);
        for (String bad : new String[] {crcBroken, INTEROP_PUBLIC, "SUAOXETHU4AZD2424VFDTDJ4TOEUSGZIXMRS6F3MSC", "QQQQ"}) {
            NKeyException e = assertThrows(NKeyException.class, () -> NKey.fromSeed(bad.toCharArray()), bad);
            assertFalse(e.getMessage().contains(bad), "message must not contain the seed: " + e.getMessage());
        }
        NKeyException e = assertThrows(NKeyException.class, () -> NKey.fromSeed(crcBroken));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void seedWithoutTheSeedPrefixIsRefused() {
        // 36 bytes with a valid CRC whose first byte is a public prefix instead of the seed marker
        byte[] raw = new byte[36];
        raw[0] = (byte) KeyKind.USER.prefix();
        int crc = Crc16.of(raw, 0, 34);
        raw[34] = (byte) crc;
        raw[35] = (byte) (crc >>> 8);
        NKeyException e = assertThrows(NKeyException.class, () -> NKey.fromSeed(Base32.encode(raw)));
        assertTrue(e.getMessage().contains("seed prefix"), e.getMessage());
    }

    @Test
    void seedOfUnknownKindIsRefused() {
        byte[] raw = new byte[36];
        int prefix = 25 << 3;
        raw[0] = (byte) ((18 << 3) | (prefix >> 5));
        raw[1] = (byte) ((prefix & 31) << 3);
        int crc = Crc16.of(raw, 0, 34);
        raw[34] = (byte) crc;
        raw[35] = (byte) (crc >>> 8);
        NKeyException e = assertThrows(NKeyException.class, () -> NKey.fromSeed(Base32.encode(raw)));
        assertTrue(e.getMessage().contains("unknown key type"), e.getMessage());
    }

    /**
     * Found by NKeyFuzzTest: fromPublicKey quoted the text it refused, so a seed given where a
     * public key belongs (say {@code nsc revocations add-user -u <seed>}) ended up in the error
     * message, and so did control characters (a NUL made the message unprintable). Refused text is
     * no longer shown, only what was wrong with it.
     */
    @Test
    void refusedPublicKeysAreNotShownInTheMessage() {
        String seed = new String(NKey.fromRawSeed(KeyKind.OPERATOR, new byte[32]).seed());
        String[] refused = {seed, seed.substring(2), seed.substring(1, 57), seed.substring(0, 40), "\u0000",
            "A\nB", "U" + seed.substring(3)};
        for (String bad : refused) {
            NKeyException e = assertThrows(NKeyException.class, () -> NKey.fromPublicKey(bad));
            for (int i = 0; i + 8 <= seed.length(); i++) {
                assertFalse(e.getMessage().contains(seed.substring(i, i + 8)), "seed material in: " + e.getMessage());
            }
            assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), e.getMessage());
            assertTrue(e.getMessage().startsWith("invalid public key: "), e.getMessage());
        }
        assertEquals("invalid public key: expected 56 base32 characters, found 58, the length of a seed: "
                + "give the public key instead", assertThrows(NKeyException.class, () -> NKey.fromPublicKey(seed)).getMessage());
    }
}
