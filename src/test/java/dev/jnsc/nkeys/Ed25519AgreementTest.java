package dev.jnsc.nkeys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Random;
import net.i2p.crypto.eddsa.EdDSAEngine;
import net.i2p.crypto.eddsa.EdDSAPrivateKey;
import net.i2p.crypto.eddsa.EdDSAPublicKey;
import net.i2p.crypto.eddsa.spec.EdDSANamedCurveTable;
import net.i2p.crypto.eddsa.spec.EdDSAParameterSpec;
import net.i2p.crypto.eddsa.spec.EdDSAPrivateKeySpec;
import net.i2p.crypto.eddsa.spec.EdDSAPublicKeySpec;
import org.junit.jupiter.api.Test;

/** Our Ed25519 agrees with the eddsa library's own engine on keys, signatures and verification. */
class Ed25519AgreementTest {
    private static final EdDSAParameterSpec SPEC = EdDSANamedCurveTable.getByName("Ed25519");

    @Test
    void agreesWithTheLibraryEngineOnRandomInputs() throws Exception {
        Random rnd = new Random(42);
        for (int n = 0; n < 64; n++) {
            byte[] seed = new byte[32];
            rnd.nextBytes(seed);
            byte[] msg = new byte[rnd.nextInt(300)];
            rnd.nextBytes(msg);

            EdDSAPrivateKeySpec ps = new EdDSAPrivateKeySpec(seed, SPEC);
            byte[] libPub = ps.getA().toByteArray();
            assertArrayEquals(libPub, Ed25519.publicKeyFromSeed(seed), "public key of seed " + n);

            EdDSAEngine signer = new EdDSAEngine(MessageDigest.getInstance("SHA-512"));
            signer.initSign(new EdDSAPrivateKey(ps));
            byte[] libSig = signer.signOneShot(msg);
            byte[] ourSig = Ed25519.sign(seed, msg);
            assertArrayEquals(libSig, ourSig, "signature " + n);

            assertTrue(Ed25519.verify(libPub, msg, libSig));
            EdDSAEngine verifier = new EdDSAEngine(MessageDigest.getInstance("SHA-512"));
            verifier.initVerify(new EdDSAPublicKey(new EdDSAPublicKeySpec(libPub, SPEC)));
            assertTrue(verifier.verifyOneShot(msg, ourSig));

            byte[] bad = ourSig.clone();
            bad[rnd.nextInt(64)] ^= (byte) (1 << rnd.nextInt(8));
            assertFalse(Ed25519.verify(libPub, msg, bad), "altered signature " + n);
            if (msg.length > 0) {
                byte[] other = msg.clone();
                other[0] ^= 1;
                assertFalse(Ed25519.verify(libPub, other, ourSig), "altered message " + n);
            }
        }
    }

    @Test
    void rejectsKeysThatAreNotPoints() {
        byte[] sig = Ed25519.sign(new byte[32], new byte[] {1});
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2; // y = 2 has no x on the curve
        assertFalse(Ed25519.verify(notAPoint, new byte[] {1}, sig));
        assertFalse(Ed25519.verify(new byte[31], new byte[] {1}, sig));
    }
}
