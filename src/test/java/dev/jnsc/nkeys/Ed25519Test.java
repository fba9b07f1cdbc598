package dev.jnsc.nkeys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.TestData;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.i2p.crypto.eddsa.EdDSAEngine;
import net.i2p.crypto.eddsa.EdDSAPublicKey;
import net.i2p.crypto.eddsa.spec.EdDSANamedCurveTable;
import net.i2p.crypto.eddsa.spec.EdDSAParameterSpec;
import net.i2p.crypto.eddsa.spec.EdDSAPublicKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Ed25519Test {
    /** The group order L = 2^252 + 27742317777372353535851937790883648493. */
    private static final BigInteger L = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    static Stream<Map<String, String>> rfc8032() {
        List<Map<String, String>> v = TestData.blocks("rfc8032-7.1.txt");
        assertEquals(5, v.size(), "vectors in the file");
        return v.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc8032")
    void rfc8032Section71(Map<String, String> v) {
        byte[] sk = TestData.hex(v.get("sk"));
        byte[] pk = TestData.hex(v.get("pk"));
        byte[] msg = TestData.hex(v.get("msg"));
        byte[] sig = TestData.hex(v.get("sig"));
        assertArrayEquals(pk, Ed25519.publicKeyFromSeed(sk), "public key");
        assertArrayEquals(sig, Ed25519.sign(sk, msg), "signature");
        assertTrue(Ed25519.verify(pk, msg, sig), "verify");
        assertTrue(Ed25519.canonicalScalar(sig));
        byte[] altered = msg.length == 0 ? new byte[] {0} : msg.clone();
        altered[altered.length - 1] ^= 1;
        assertFalse(Ed25519.verify(pk, altered, sig), "verify of an altered message");
    }

    @Test
    void test1024MessageIs1023Bytes() {
        Map<String, String> v = rfc8032().filter(m -> m.get("name").equals("TEST 1024")).findFirst().orElseThrow();
        assertEquals(1023, TestData.hex(v.get("msg")).length);
    }

    /** Ed25519 is deterministic: the JDK, given the same seed, must produce the very same bytes. */
    @Test
    void signaturesEqualTheJdksForRandomSeedsAndMessages() throws Exception {
        Random r = new Random(8032);
        KeyFactory kf = KeyFactory.getInstance("Ed25519");
        for (int i = 0; i < 40; i++) {
            byte[] seed = new byte[32];
            r.nextBytes(seed);
            byte[] msg = new byte[r.nextInt(300)];
            r.nextBytes(msg);
            PrivateKey jdkKey = kf.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(jdkKey);
            s.update(msg);
            byte[] expected = s.sign();
            byte[] ours = Ed25519.sign(seed, msg);
            assertArrayEquals(expected, ours, "signature " + i);
            assertTrue(Ed25519.verify(Ed25519.publicKeyFromSeed(seed), msg, expected), "verify " + i);
        }
    }

    @Test
    void nonCanonicalSignatureIsRejectedThoughTheLibraryAcceptsIt() throws Exception {
        Map<String, String> v = rfc8032().findFirst().orElseThrow();
        byte[] pk = TestData.hex(v.get("pk"));
        byte[] sig = Ed25519.sign(TestData.hex(v.get("sk")), new byte[0]);
        byte[] malleated = withScalarPlusL(sig);
        assertFalse(Arrays.equals(sig, malleated));
        assertFalse(Ed25519.canonicalScalar(malleated));

        // the eddsa library's own engine takes S + L as valid: the check is ours
        EdDSAParameterSpec spec = EdDSANamedCurveTable.getByName(EdDSANamedCurveTable.ED_25519);
        EdDSAEngine engine = new EdDSAEngine();
        engine.initVerify(new EdDSAPublicKey(new EdDSAPublicKeySpec(pk, spec)));
        engine.update(new byte[0]);
        assertTrue(engine.verify(malleated), "the eddsa library accepts S + L");

        assertTrue(Ed25519.verify(pk, new byte[0], sig));
        assertFalse(Ed25519.verify(pk, new byte[0], malleated), "S >= L must be rejected");
        NKey key = NKey.fromRawSeed(KeyKind.USER, TestData.hex(v.get("sk")));
        assertFalse(key.verify(new byte[0], malleated), "NKey.verify must reject S >= L");
    }

    @Test
    void canonicalScalarBoundaries() {
        assertTrue(Ed25519.canonicalScalar(signatureWithS(BigInteger.ZERO)));
        assertTrue(Ed25519.canonicalScalar(signatureWithS(L.subtract(BigInteger.ONE))));
        assertFalse(Ed25519.canonicalScalar(signatureWithS(L)));
        assertFalse(Ed25519.canonicalScalar(signatureWithS(L.add(BigInteger.ONE))));
        assertFalse(Ed25519.canonicalScalar(signatureWithS(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE))));
    }

    @Test
    void verifyRefusesMalformedInputWithoutThrowing() {
        byte[] seed = new byte[32];
        byte[] pk = Ed25519.publicKeyFromSeed(seed);
        byte[] msg = {1, 2, 3};
        byte[] sig = Ed25519.sign(seed, msg);
        assertTrue(Ed25519.verify(pk, msg, sig));
        assertFalse(Ed25519.verify(null, msg, sig));
        assertFalse(Ed25519.verify(Arrays.copyOf(pk, 31), msg, sig));
        assertFalse(Ed25519.verify(pk, msg, null));
        assertFalse(Ed25519.verify(pk, msg, Arrays.copyOf(sig, 65)));
        // y = 2 has no x on the curve: not a point
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;
        assertFalse(Ed25519.verify(notAPoint, msg, sig));
        byte[] badR = sig.clone();
        badR[0] ^= 4;
        assertFalse(Ed25519.verify(pk, msg, badR));
        byte[] badS = sig.clone();
        badS[40] ^= 1;
        assertFalse(Ed25519.verify(pk, msg, badS));
    }

    /** The signed sliding window digits must add back up to the scalar and obey the window rules. */
    @Test
    void slideReconstructsTheScalar() {
        Random r = new Random(5);
        for (int i = 0; i < 200; i++) {
            byte[] scalar = new byte[32];
            r.nextBytes(scalar);
            scalar[31] &= 0x1F; // reduced scalars are below 2^253
            if (i == 0) {
                Arrays.fill(scalar, (byte) 0);
            } else if (i == 1) {
                Arrays.fill(scalar, (byte) 0xFF);
                scalar[31] = 0x1F;
            }
            byte[] digits = EdPoint.slide(scalar);
            BigInteger sum = BigInteger.ZERO;
            int lastNonZero = -100;
            for (int j = 0; j < 256; j++) {
                int d = digits[j];
                if (d != 0) {
                    assertTrue(Math.abs(d) <= 15 && (d & 1) == 1, "digit " + d + " at " + j);
                    assertTrue(j - lastNonZero > 4, "nonzero digits too close at " + j);
                    lastNonZero = j;
                }
                sum = sum.add(BigInteger.valueOf(d).shiftLeft(j));
            }
            assertEquals(littleEndian(scalar), sum, "scalar " + i);
        }
    }

    /** The comb's signed radix-16 digits add back up to the scalar and stay in [-8, 8]. */
    @Test
    void radix16ReconstructsTheScalar() {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] scalar = new byte[32];
            r.nextBytes(scalar);
            scalar[31] &= 0x7F; // below 2^255: clamped secrets and reduced scalars
            if (i == 0) {
                Arrays.fill(scalar, (byte) 0);
            } else if (i == 1) {
                Arrays.fill(scalar, (byte) 0xFF);
                scalar[31] = 0x7F;
            } else if (i == 2) {
                Arrays.fill(scalar, (byte) 0x88);
                scalar[31] = 0x78;
            }
            byte[] digits = EdPoint.radix16(scalar);
            BigInteger sum = BigInteger.ZERO;
            for (int j = 0; j < 64; j++) {
                assertTrue(digits[j] >= -8 && digits[j] <= 8, "digit " + digits[j] + " at " + j);
                sum = sum.add(BigInteger.valueOf(digits[j]).shiftLeft(4 * j));
            }
            assertEquals(littleEndian(scalar), sum, "scalar " + i);
        }
    }

    /** [a]B through the base point's table (constant-time comb) equals the ladder's, for clamped and edge scalars. */
    @Test
    void combAgreesWithTheLadder() {
        Random r = new Random(11);
        for (int i = 0; i < 40; i++) {
            byte[] scalar = new byte[32];
            r.nextBytes(scalar);
            if (i % 2 == 0) { // clamped as a secret key
                scalar[0] &= (byte) 248;
                scalar[31] &= 63;
                scalar[31] |= 64;
            } else {
                scalar[31] &= 0x7F;
            }
            if (i == 1) {
                Arrays.fill(scalar, (byte) 0);
                scalar[0] = 1;
            } else if (i == 3) {
                Arrays.fill(scalar, (byte) 0xFF);
                scalar[31] = 0x7F;
            } else if (i == 5) {
                Arrays.fill(scalar, (byte) 0);
            }
            assertArrayEquals(Ed25519.baseMultipleByLadder(scalar), Ed25519.baseMultipleByComb(scalar), "scalar " + i);
        }
    }

    /** [s]B - [k]A through both points' tables equals the sliding windows' result. */
    @Test
    void combVerificationAgreesWithTheSlidingWindows() {
        Random r = new Random(13);
        for (int i = 0; i < 40; i++) {
            byte[] seed = new byte[32];
            r.nextBytes(seed);
            byte[] pk = Ed25519.publicKeyFromSeed(seed);
            byte[] s = new byte[32];
            byte[] k = new byte[32];
            r.nextBytes(s);
            r.nextBytes(k);
            s[31] &= 0x0F;
            k[31] &= 0x0F;
            if (i == 0) {
                Arrays.fill(s, (byte) 0);
            } else if (i == 1) {
                Arrays.fill(k, (byte) 0);
            } else if (i == 2) {
                s = toLittleEndian(L.subtract(BigInteger.ONE));
                k = toLittleEndian(L.subtract(BigInteger.ONE));
            }
            byte[][] both = Ed25519.sMinusKABothWays(s, k, pk);
            assertArrayEquals(both[0], both[1], "try " + i);
        }
    }

    /**
     * Verifying many signatures of one key goes through the key's table from the second on: each
     * good signature still verifies, and a bit flipped in the signature or the message fails.
     */
    @Test
    void repeatedVerificationsOfOneKeyStayExact() throws Exception {
        Random r = new Random(17);
        byte[] seed = new byte[32];
        r.nextBytes(seed);
        byte[] pk = Ed25519.publicKeyFromSeed(seed);
        for (int i = 0; i < 12; i++) {
            byte[] msg = new byte[20 + i];
            r.nextBytes(msg);
            byte[] sig = Ed25519.sign(seed, msg);
            assertArrayEquals(jdkSign(seed, msg), sig, "signature " + i);
            assertTrue(Ed25519.verify(pk, msg, sig), "verification " + i);
            byte[] bad = sig.clone();
            bad[i % 64] ^= 1;
            assertFalse(Ed25519.verify(pk, msg, bad), "flipped signature " + i);
            byte[] badMsg = msg.clone();
            badMsg[i % msg.length] ^= (byte) 0x80;
            assertFalse(Ed25519.verify(pk, badMsg, sig), "flipped message " + i);
            assertFalse(Ed25519.verify(pk, msg, withScalarPlusL(sig)), "S + L " + i);
        }
    }

    private static byte[] jdkSign(byte[] seed, byte[] msg) throws Exception {
        KeyFactory kf = KeyFactory.getInstance("Ed25519");
        PrivateKey key = kf.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update(msg);
        return s.sign();
    }

    @Test
    void wipeZeroesAndToleratesNull() {
        byte[] b = {1, 2, 3};
        Ed25519.wipe(b);
        assertArrayEquals(new byte[3], b);
        Ed25519.wipe(null);
    }

    private static byte[] withScalarPlusL(byte[] sig) {
        BigInteger s = littleEndian(Arrays.copyOfRange(sig, 32, 64));
        byte[] out = sig.clone();
        System.arraycopy(toLittleEndian(s.add(L)), 0, out, 32, 32);
        return out;
    }

    private static byte[] signatureWithS(BigInteger s) {
        byte[] sig = new byte[64];
        System.arraycopy(toLittleEndian(s), 0, sig, 32, 32);
        return sig;
    }

    private static BigInteger littleEndian(byte[] b) {
        byte[] be = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            be[i] = b[b.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] toLittleEndian(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    @Test
    void theTableOfBaseMultiplesAgreesWithTheLadder() {
        java.util.Random random = new java.util.Random(7);
        List<byte[]> scalars = new java.util.ArrayList<>();
        scalars.add(new byte[32]);
        byte[] ones = new byte[32];
        java.util.Arrays.fill(ones, (byte) 0xff);
        ones[31] = 0x7f;
        scalars.add(ones);
        byte[] one = new byte[32];
        one[0] = 1;
        scalars.add(one);
        for (int i = 0; i < 100; i++) {
            byte[] s = new byte[32];
            random.nextBytes(s);
            s[31] &= 0x7f;
            scalars.add(s);
        }
        for (byte[] s : scalars) {
            assertArrayEquals(Ed25519.baseMultipleByLadder(s), Ed25519.baseMultipleByComb(s));
        }
    }

    @Test
    void signaturesAreTheSameOnceTheProcessUsesTheTable() {
        byte[] seed = new byte[32];
        seed[5] = 9;
        byte[] message = "batch".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] first = Ed25519.sign(seed, message);
        byte[] key = Ed25519.publicKeyFromSeed(seed);
        for (int i = 0; i < Ed25519.REMEMBER_AFTER; i++) {
            Ed25519.publicKeyFromSeed(seed);
        }
        assertArrayEquals(first, Ed25519.sign(seed, message));
        assertArrayEquals(key, Ed25519.publicKeyFromSeed(seed));
        assertTrue(Ed25519.verify(key, message, first));
    }

    @Test
    void aProcessThatRemembersValidSignaturesStillRejectsAlteredOnes() {
        byte[] seed = new byte[32];
        seed[1] = 3;
        byte[] key = Ed25519.publicKeyFromSeed(seed);
        byte[] message = "remembered".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] sig = Ed25519.sign(seed, message);
        for (int i = 0; i <= Ed25519.REMEMBER_AFTER + 2; i++) {
            assertTrue(Ed25519.verify(key, message, sig));
            byte[] altered = sig.clone();
            altered[i % 64] ^= 1;
            assertFalse(Ed25519.verify(key, message, altered));
            byte[] otherMessage = message.clone();
            otherMessage[i % message.length] ^= 1;
            assertFalse(Ed25519.verify(key, otherMessage, sig));
            byte[] otherKey = key.clone();
            otherKey[i % 32] ^= 4;
            assertFalse(Ed25519.verify(otherKey, message, sig));
        }
    }
}
