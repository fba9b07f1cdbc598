package dev.jnsc.nkeys;

import java.util.Arrays;
import net.i2p.crypto.eddsa.math.Curve;
import net.i2p.crypto.eddsa.math.Field;
import net.i2p.crypto.eddsa.math.GroupElement;
import net.i2p.crypto.eddsa.math.ScalarOps;
import net.i2p.crypto.eddsa.math.ed25519.Ed25519LittleEndianEncoding;
import net.i2p.crypto.eddsa.math.ed25519.Ed25519ScalarOps;

/**
 * Pure Ed25519 (RFC 8032) on the eddsa library's field and group arithmetic; the only class that
 * touches the library.
 *
 * <p>The steps of RFC 8032 section 5.1 are spelled out here rather than going through the library's
 * {@code EdDSAEngine} and parameter specs, because those look up SHA-512 through the JCA provider
 * framework (about 25 ms on a cold JVM) and the named curve precomputes a 256-entry base point
 * table that only signing needs. Verification rejects non-canonical signatures (S >= L), which
 * the library accepts. Tests check the RFC 8032 vectors and that jnats verifies our signatures.
 */
final class Ed25519 {
    /** The group order L, little-endian. */
    private static final byte[] ORDER = hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
    private static final byte[] BASE_POINT = hex("5866666666666666666666666666666666666666666666666666666666666666");

    private Ed25519() {
    }

    /** The curve, and the odd multiples B, 3B, ..., 15B of the base point that verification adds. */
    private static final class Verify {
        static final Curve CURVE = curve();
        static final ScalarOps SCALARS = new Ed25519ScalarOps();
        static final GroupElement[] B_MULTIPLES = oddMultiples(CURVE.createPoint(BASE_POINT, false));

        private static Curve curve() {
            Field field = new Field(256,
                    hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
                    new Ed25519LittleEndianEncoding());
            return new Curve(field,
                    hex("a3785913ca4deb75abd841414d0a700098e879777940c78c73fe6f2bee6c0352"),
                    field.fromByteArray(hex("b0a00e4a271beec478e42fad0618432fa7d7fb3d99004d2b0bdfc14f8024832b")));
        }
    }

    /** The base point with the full 256-entry table fixed-base multiplication (signing) uses. */
    private static final class Sign {
        static final GroupElement B = Verify.CURVE.createPoint(BASE_POINT, true);
    }

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
        try {
            return Sign.B.scalarMultiply(Arrays.copyOf(h, 32)).toByteArray();
        } finally {
            wipe(h);
        }
    }

    static byte[] sign(byte[] seed, byte[] message) {
        byte[] h = expand(seed);
        byte[] a = Arrays.copyOf(h, 32);
        try {
            byte[] publicKey = Sign.B.scalarMultiply(a).toByteArray();
            Sha512 d = Sha512.sha512();
            d.update(h, 32, 32);
            d.update(message);
            byte[] r = Verify.SCALARS.reduce(d.digest());
            byte[] bigR = Sign.B.scalarMultiply(r).toByteArray();
            d.update(bigR);
            d.update(publicKey);
            d.update(message);
            byte[] k = Verify.SCALARS.reduce(d.digest());
            byte[] s = Verify.SCALARS.multiplyAndAdd(k, a, r);
            byte[] sig = Arrays.copyOf(bigR, 64);
            System.arraycopy(s, 0, sig, 32, 32);
            wipe(r);
            return sig;
        } finally {
            wipe(h);
            wipe(a);
        }
    }

    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != 32 || signature == null || signature.length != 64
                || !canonicalScalar(signature)) {
            return false;
        }
        GroupElement a;
        try {
            a = new GroupElement(Verify.CURVE, publicKey);
        } catch (IllegalArgumentException e) {
            return false;
        }
        Sha512 d = Sha512.sha512();
        d.update(signature, 0, 32);
        d.update(publicKey);
        d.update(message);
        byte[] k = Verify.SCALARS.reduce(d.digest());
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        // R' = [S]B - [k]A must encode to the R half of the signature
        byte[] r = doubleScalarMultiply(k, oddMultiples(a), s).toByteArray();
        for (int i = 0; i < 32; i++) {
            if (r[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * [b]B - [a]A with signed sliding windows (width 5) over tables of odd multiples held in the
     * projective "cached" form. Unlike the library's version it needs no affine tables, so no
     * field inversions beyond the final encoding.
     */
    private static GroupElement doubleScalarMultiply(byte[] a, GroupElement[] aMultiples, byte[] b) {
        byte[] aslide = slide(a);
        byte[] bslide = slide(b);
        GroupElement r = Verify.CURVE.getZero(GroupElement.Representation.P2);
        int i = 255;
        while (i >= 0 && aslide[i] == 0 && bslide[i] == 0) {
            i--;
        }
        for (; i >= 0; i--) {
            GroupElement t = r.dbl();
            if (aslide[i] > 0) {
                t = t.toP3().sub(aMultiples[aslide[i] / 2]);
            } else if (aslide[i] < 0) {
                t = t.toP3().add(aMultiples[-aslide[i] / 2]);
            }
            if (bslide[i] > 0) {
                t = t.toP3().add(Verify.B_MULTIPLES[bslide[i] / 2]);
            } else if (bslide[i] < 0) {
                t = t.toP3().sub(Verify.B_MULTIPLES[-bslide[i] / 2]);
            }
            r = t.toP2();
        }
        return r;
    }

    /** P, 3P, 5P, ..., 15P in cached form, from a point in P3 form. */
    private static GroupElement[] oddMultiples(GroupElement p) {
        GroupElement[] out = new GroupElement[8];
        GroupElement twice = p.dbl().toP3().toCached();
        GroupElement cur = p;
        out[0] = p.toCached();
        for (int i = 1; i < 8; i++) {
            cur = cur.add(twice).toP3();
            out[i] = cur.toCached();
        }
        return out;
    }

    /** The scalar as signed digits in [-15, 15], nonzero digits odd and at least 5 positions apart. */
    static byte[] slide(byte[] scalar) {
        byte[] r = new byte[256];
        for (int i = 0; i < 256; i++) {
            r[i] = (byte) (1 & (scalar[i >> 3] >> (i & 7)));
        }
        for (int i = 0; i < 256; i++) {
            if (r[i] == 0) {
                continue;
            }
            for (int b = 1; b <= 6 && i + b < 256; b++) {
                if (r[i + b] == 0) {
                    continue;
                }
                int shifted = r[i + b] << b;
                if (r[i] + shifted <= 15) {
                    r[i] = (byte) (r[i] + shifted);
                    r[i + b] = 0;
                } else if (r[i] - shifted >= -15) {
                    r[i] = (byte) (r[i] - shifted);
                    for (int k = i + b; k < 256; k++) {
                        if (r[k] == 0) {
                            r[k] = 1;
                            break;
                        }
                        r[k] = 0;
                    }
                } else {
                    break;
                }
            }
        }
        return r;
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

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    static void wipe(byte[] b) {
        if (b != null) {
            Arrays.fill(b, (byte) 0);
        }
    }
}
