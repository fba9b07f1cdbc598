package dev.jnsc.nkeys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * The public key of a curve (X) nkey: X25519 of the 32-byte seed and the base point (u = 9), as
 * the Go nkeys library's curve keys derive it. Uses the JDK's XDH provider; loaded only when a
 * curve key is made or read.
 */
final class X25519 {
    private X25519() {
    }

    static byte[] publicKey(byte[] seed) {
        try {
            KeyFactory kf = KeyFactory.getInstance("XDH");
            PrivateKey priv = kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, seed.clone()));
            PublicKey base = kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, BigInteger.valueOf(9)));
            KeyAgreement ka = KeyAgreement.getInstance("XDH");
            ka.init(priv);
            ka.doPhase(base, true);
            return ka.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new NKeyException("cannot derive the X25519 public key: " + e.getMessage());
        }
    }
}
