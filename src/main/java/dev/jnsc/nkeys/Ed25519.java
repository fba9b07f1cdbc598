package dev.jnsc.nkeys;

import java.util.Arrays;
import net.i2p.crypto.eddsa.math.ScalarOps;
import net.i2p.crypto.eddsa.math.ed25519.Ed25519ScalarOps;

/**
 * Pure Ed25519 (RFC 8032 section 5.1): the only class that touches the eddsa library, whose scalar
 * arithmetic (mod L) it uses; the field arithmetic (mod 2^255 - 19) is {@link Fe}'s, which
 * allocates one object per result where the library's allocated two and ran several times slower
 * on a C1-only JVM.
 *
 * <p>The points and their arithmetic are {@link EdPoint}'s, the precomputed tables {@link EdTables}'
 * and {@link Niels}'. We do not go through the library's {@code EdDSAEngine}, parameter specs and
 * {@code Curve}: those look up SHA-512 through the JCA provider framework (25 ms on a cold JVM),
 * compute tables with one field inversion per entry (256 of them for the base point), and even a
 * bare {@code Curve} inverts eight times when built. A CLI command signs or verifies once or
 * twice, so tables do not pay off for it (nsc batch, which signs thousands of times in one
 * process, switches to a table of base point multiples without inversions):
 * <ul>
 *   <li>verification computes [S]B - [k]A with signed sliding windows over small tables of odd
 *       multiples (no inversions but the final encoding), and rejects non-canonical signatures
 *       (S >= L), which the library would accept;</li>
 *   <li>signing and key derivation compute [a]B with a double-and-add-always ladder and
 *       constant-time selection, since a is secret.</li>
 * </ul>
 * Tests check the RFC 8032 vectors and agree with the library's own engine and with jnats.
 */
final class Ed25519 {
    /** The group order L, little-endian. */
    private static final byte[] ORDER = EdPoint.hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

    private Ed25519() {
    }

    /** The library's arithmetic mod L, loaded on first use. */
    private static final class Scalars {
        static final ScalarOps OPS = new Ed25519ScalarOps();
    }

    /** Verifications a process does before it remembers valid signatures: a command alone does a handful; nsc batch thousands. */
    static final int REMEMBER_AFTER = 16;

    /** SHA-512 of the seed: the clamped scalar a in the first half, the nonce prefix in the second. */
    private static byte[] expand(byte[] seed) {
        byte[] h = Sha512.sha512().digest(seed);
        h[0] &= (byte) 248;
        h[31] &= (byte) 63;
        h[31] |= (byte) 64;
        return h;
    }

    static byte[] publicKeyFromSeed(byte[] seed) {
        byte[] h = expand(seed);
        byte[] a = Arrays.copyOf(h, 32);
        try {
            return multiplyBase(a).encode();
        } finally {
            wipe(h);
            wipe(a);
        }
    }

    /**
     * [scalar]B for a secret scalar (below 2^255): the double-and-add ladder the first time, the
     * comb over the base point's table in Niels form ({@link Niels}) from the second on (the table
     * costs about one ladder to build, and a comb multiplication a fraction of one), both in
     * constant time.
     */
    private static EdPoint multiplyBase(byte[] scalar) {
        Niels t = EdTables.baseNiels();
        return t == null ? EdPoint.multiplySecret(EdPoint.Consts.B, scalar) : t.multiply(scalar);
    }

    static byte[] sign(byte[] seed, byte[] message) {
        return sign(seed, null, message);
    }

    /** As {@link #sign(byte[], byte[])}, with the seed's public key when the caller has it (else null). */
    static byte[] sign(byte[] seed, byte[] knownPublicKey, byte[] message) {
        byte[] h = expand(seed);
        byte[] a = Arrays.copyOf(h, 32);
        byte[] r = null;
        try {
            byte[] publicKey = knownPublicKey != null ? knownPublicKey : multiplyBase(a).encode();
            Sha512 d = Sha512.sha512();
            d.update(h, 32, 32);
            d.update(message);
            r = Scalars.OPS.reduce(d.digest());
            byte[] bigR = multiplyBase(r).encode();
            d.update(bigR);
            d.update(publicKey);
            d.update(message);
            byte[] k = Scalars.OPS.reduce(d.digest());
            byte[] s = Scalars.OPS.multiplyAndAdd(k, a, r);
            byte[] sig = Arrays.copyOf(bigR, 64);
            System.arraycopy(s, 0, sig, 32, 32);
            return sig;
        } finally {
            wipe(h);
            wipe(a);
            wipe(r);
        }
    }

    /** Signatures found valid (key, signature and message bytes), once a process verifies many: see {@link #verify}. */
    private static final java.util.Map<String, Boolean> VALID = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
            return size() > 256;
        }
    };
    private static final java.util.concurrent.atomic.AtomicInteger VERIFICATIONS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * RFC 8032 verification. A process that verifies more than {@link #REMEMBER_AFTER} times (nsc
     * batch, whose every command checks the same operator and account JWTs) remembers the last
     * 256 valid signatures: the result is a function of the bytes, which the key holds whole.
     */
    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != 32 || signature == null || signature.length != 64
                || message == null) {
            return false;
        }
        if (VERIFICATIONS.incrementAndGet() <= REMEMBER_AFTER) {
            return check(publicKey, message, signature, false);
        }
        String key = new String(publicKey, java.nio.charset.StandardCharsets.ISO_8859_1)
                + new String(signature, java.nio.charset.StandardCharsets.ISO_8859_1)
                + new String(message, java.nio.charset.StandardCharsets.ISO_8859_1);
        synchronized (VALID) {
            if (VALID.get(key) != null) {
                return true;
            }
        }
        boolean ok = check(publicKey, message, signature, true);
        if (ok) {
            synchronized (VALID) {
                VALID.put(key, Boolean.TRUE);
            }
        }
        return ok;
    }

    /**
     * The verification itself; with {@code remembered}, a signature found valid by an earlier
     * process ({@link VerifiedSignatures}: the hash below binds R, the key and the message) is
     * valid without the curve computation, and one found valid now is recorded.
     */
    private static boolean check(byte[] publicKey, byte[] message, byte[] signature, boolean remembered) {
        if (!canonicalScalar(signature)) {
            return false;
        }
        Sha512 d = Sha512.sha512();
        d.update(signature, 0, 32);
        d.update(publicKey);
        d.update(message);
        byte[] digest = d.digest();
        if (remembered && VerifiedSignatures.contains(digest, signature)) {
            return true;
        }
        // a key seen before has its table (made from its point, decoded once)
        Niels at = EdTables.forKey(publicKey);
        EdPoint a = at != null ? null : EdPoint.decode(publicKey);
        if (at == null && a == null) {
            return false;
        }
        byte[] k = Scalars.OPS.reduce(digest);
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        // R' = [S]B - [k]A must encode to the R half of the signature
        Niels bt = at == null ? null : EdTables.baseNiels();
        byte[] r = (bt != null ? Niels.sMinusKA(bt, s, at, k) : EdPoint.sMinusKA(s, k, a != null ? a : EdPoint.decode(publicKey))).encode();
        for (int i = 0; i < 32; i++) {
            if (r[i] != signature[i]) {
                return false;
            }
        }
        if (remembered) {
            VerifiedSignatures.add(digest, signature);
        }
        return true;
    }

    /** For tests: [scalar]B through the ladder, and through the comb, encoded. */
    static byte[] baseMultipleByLadder(byte[] scalar) {
        return EdPoint.multiplySecret(EdPoint.Consts.B, scalar).encode();
    }

    static byte[] baseMultipleByComb(byte[] scalar) {
        return new Niels(new EdTables.Table(EdPoint.Consts.B)).multiply(scalar).encode();
    }

    /** For tests: [s]B - [k]A encoded, through the sliding windows and through the combs; null when A is not a point. */
    static byte[][] sMinusKABothWays(byte[] s, byte[] k, byte[] publicKey) {
        EdPoint a = EdPoint.decode(publicKey);
        if (a == null) {
            return null;
        }
        return new byte[][] {EdPoint.sMinusKA(s, k, a).encode(), Niels.sMinusKA(new Niels(new EdTables.Table(EdPoint.Consts.B)), s, new Niels(new EdTables.Table(a)),
                k).encode()};
    }

    /** S (the second half of the signature, little-endian) must be below the group order. */
    static boolean canonicalScalar(byte[] signature) {
        for (int i = 31; i >= 0; i--) {
            int s = signature[32 + i] & 0xFF;
            int l = ORDER[i] & 0xFF;
            if (s != l) {
                return s < l;
            }
        }
        return false;
    }

    static void wipe(byte[] b) {
        if (b != null) {
            Arrays.fill(b, (byte) 0);
        }
    }
}
