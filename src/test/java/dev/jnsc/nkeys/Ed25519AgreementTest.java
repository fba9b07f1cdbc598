package dev.jnsc.nkeys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import net.i2p.crypto.eddsa.EdDSAEngine;
import net.i2p.crypto.eddsa.EdDSAPrivateKey;
import net.i2p.crypto.eddsa.EdDSAPublicKey;
import net.i2p.crypto.eddsa.spec.EdDSANamedCurveTable;
import net.i2p.crypto.eddsa.spec.EdDSAParameterSpec;
import net.i2p.crypto.eddsa.spec.EdDSAPrivateKeySpec;
import net.i2p.crypto.eddsa.spec.EdDSAPublicKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Our Ed25519 (its own group arithmetic over the eddsa library's field) agrees with the JDK's
 * Ed25519 and with the eddsa library's engine on random seeds and messages: the same public key
 * and the same signature bytes (Ed25519 is deterministic), each verifies the signature, and each
 * rejects it after any single bit flip in its 64 bytes, or with one bit of the message flipped.
 *
 * <p>Signatures whose S is not below the group order L (S + L, and S with its top bits set) are
 * refused by us and by the JDK, as RFC 8032 asks; the eddsa library's engine accepts S + L (it
 * reduces S), which is why verification does not go through it. The property pins that too.
 *
 * <p>A try costs about 10 ms (three key derivations, three signatures, 12 verifications, the
 * JDK's being the slowest), so the property runs {@code jqwik.tries.default} tries, 250 as set in
 * junit-platform.properties: a few seconds in every build, with jqwik's shrinking when it fails.
 * Ed25519AgreementIT runs the same check on 10,000 keys and messages in every full test run.
 */
class Ed25519AgreementTest {
    private static final EdDSAParameterSpec SPEC = EdDSANamedCurveTable.getByName("Ed25519");
    /** The group order L = 2^252 + 27742317777372353535851937790883648493. */
    private static final BigInteger L = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

    @Property
    void ourEd25519AgreesWithTheJdkAndTheEddsaLibrary(@ForAll @Size(32) byte[] seed, @ForAll @Size(max = 300) byte[] message,
            @ForAll @IntRange(max = 511) int signatureBit, @ForAll @IntRange(min = 0) int messageBit) throws Exception {
        agree(seed, message, signatureBit, messageBit);
    }

    /** One try: keys, signatures, verification and refusals of the three implementations (also run by Ed25519AgreementIT). */
    static void agree(byte[] seed, byte[] message, int signatureBit, int messageBit) throws Exception {
        // keys
        byte[] ours = Ed25519.publicKeyFromSeed(seed);
        KeyPair jdkPair = jdkKeyPair(seed);
        byte[] encoded = jdkPair.getPublic().getEncoded();
        byte[] jdk = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        EdDSAPrivateKeySpec libKey = new EdDSAPrivateKeySpec(seed, SPEC);
        byte[] lib = libKey.getA().toByteArray();
        assertArrayEquals(jdk, ours, "public key: ours vs the JDK's");
        assertArrayEquals(lib, ours, "public key: ours vs the eddsa library's");

        // signatures
        byte[] ourSig = Ed25519.sign(seed, message);
        byte[] jdkSig = jdkSign(seed, message);
        byte[] libSig = libSign(libKey, message);
        assertArrayEquals(jdkSig, ourSig, "signature: ours vs the JDK's");
        assertArrayEquals(libSig, ourSig, "signature: ours vs the eddsa library's");

        // all three verify it (the three signatures are the same bytes, so each verifies the others')
        PublicKey jdkPublic = jdkPair.getPublic();
        EdDSAPublicKey libPublic = new EdDSAPublicKey(new EdDSAPublicKeySpec(lib, SPEC));
        assertTrue(Ed25519.verify(ours, message, jdkSig), "we verify");
        assertTrue(jdkVerify(jdkPublic, message, libSig), "the JDK verifies");
        assertTrue(libVerify(libPublic, message, ourSig), "the library verifies");

        // one bit flipped anywhere in the signature: all refuse
        byte[] flipped = ourSig.clone();
        flipped[signatureBit / 8] ^= (byte) (1 << (signatureBit % 8));
        assertFalse(Ed25519.verify(ours, message, flipped), "we refuse a flipped bit " + signatureBit);
        assertFalse(jdkVerify(jdkPublic, message, flipped), "the JDK refuses a flipped bit " + signatureBit);
        assertFalse(libVerify(libPublic, message, flipped), "the library refuses a flipped bit " + signatureBit);

        // another message: all refuse
        byte[] other = message.length == 0 ? new byte[] {0} : message.clone();
        if (message.length > 0) {
            int bit = messageBit % (message.length * 8);
            other[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        assertFalse(Ed25519.verify(ours, other, ourSig), "we refuse another message");
        assertFalse(jdkVerify(jdkPublic, other, ourSig), "the JDK refuses another message");
        assertFalse(libVerify(libPublic, other, ourSig), "the library refuses another message");

        // S + L names the same point, but is not canonical: we and the JDK refuse, the library takes it
        byte[] malleated = withS(ourSig, littleEndian(ourSig, 32).add(L));
        assertFalse(Ed25519.verify(ours, message, malleated), "we refuse S + L");
        assertFalse(jdkVerify(jdkPublic, message, malleated), "the JDK refuses S + L");
        assertTrue(libVerify(libPublic, message, malleated), "the library takes S + L (why we verify ourselves)");
        // S with its top bit set (>= 2^255 > L): refused by us and the JDK
        byte[] high = ourSig.clone();
        high[63] |= (byte) 0x80;
        assertFalse(Ed25519.verify(ours, message, high), "we refuse S >= 2^255");
        assertFalse(jdkVerify(jdkPublic, message, high), "the JDK refuses S >= 2^255");
    }

    @Test
    void rejectsKeysThatAreNotPoints() {
        byte[] sig = Ed25519.sign(new byte[32], new byte[] {1});
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2; // y = 2 has no x on the curve
        assertFalse(Ed25519.verify(notAPoint, new byte[] {1}, sig));
        assertFalse(Ed25519.verify(new byte[31], new byte[] {1}, sig));
    }

    /** The JDK derives the public key itself when its generator's random bytes are the seed. */
    private static KeyPair jdkKeyPair(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        g.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        return g.generateKeyPair();
    }

    private static byte[] jdkSign(byte[] seed, byte[] message) throws GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update(message);
        return s.sign();
    }

    private static boolean jdkVerify(PublicKey key, byte[] message, byte[] sig) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(message);
        try {
            return s.verify(sig);
        } catch (SignatureException e) {
            return false; // the JDK throws for some malformed signatures instead of returning false
        }
    }

    private static byte[] libSign(EdDSAPrivateKeySpec key, byte[] message) throws GeneralSecurityException {
        EdDSAEngine e = new EdDSAEngine(MessageDigest.getInstance("SHA-512"));
        e.initSign(new EdDSAPrivateKey(key));
        return e.signOneShot(message);
    }

    private static boolean libVerify(EdDSAPublicKey key, byte[] message, byte[] sig) throws GeneralSecurityException {
        EdDSAEngine e = new EdDSAEngine(MessageDigest.getInstance("SHA-512"));
        e.initVerify(key);
        try {
            return e.verifyOneShot(message, sig);
        } catch (SignatureException ex) {
            return false;
        }
    }

    private static BigInteger littleEndian(byte[] b, int from) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = b[from + 31 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] withS(byte[] sig, BigInteger s) {
        byte[] out = sig.clone();
        byte[] be = s.toByteArray();
        Arrays.fill(out, 32, 64, (byte) 0);
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[32 + i] = be[be.length - 1 - i];
        }
        return out;
    }
}
