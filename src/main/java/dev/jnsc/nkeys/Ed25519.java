package dev.jnsc.nkeys;

import java.util.Arrays;
import net.i2p.crypto.eddsa.math.Field;
import net.i2p.crypto.eddsa.math.FieldElement;
import net.i2p.crypto.eddsa.math.ScalarOps;
import net.i2p.crypto.eddsa.math.ed25519.Ed25519LittleEndianEncoding;
import net.i2p.crypto.eddsa.math.ed25519.Ed25519ScalarOps;

/**
 * Pure Ed25519 (RFC 8032 section 5.1): the only class that touches the eddsa library, whose field
 * arithmetic (mod 2^255 - 19) and scalar arithmetic (mod L) it uses.
 *
 * <p>Points use the extended coordinates and the addition and doubling formulas of RFC 8032
 * section 5.1.4. We do not go through the library's {@code EdDSAEngine}, parameter specs and
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
    private static final byte[] ORDER = hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

    private Ed25519() {
    }

    /** Field constants and the base point, built on first use. */
    private static final class Consts {
        static final Field FIELD = new Field(256,
                hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
                new Ed25519LittleEndianEncoding());
        static final FieldElement ZERO = FIELD.ZERO;
        static final FieldElement ONE = FIELD.ONE;
        static final FieldElement D = fe("a3785913ca4deb75abd841414d0a700098e879777940c78c73fe6f2bee6c0352");
        static final FieldElement D2 = D.add(D);
        /** sqrt(-1) */
        static final FieldElement I = fe("b0a00e4a271beec478e42fad0618432fa7d7fb3d99004d2b0bdfc14f8024832b");
        static final ScalarOps SCALARS = new Ed25519ScalarOps();
        static final Point B = decode(hex("5866666666666666666666666666666666666666666666666666666666666666"));

        private static FieldElement fe(String hex) {
            return FIELD.fromByteArray(hex(hex));
        }
    }

    /** A point in extended coordinates: x = X/Z, y = Y/Z, x*y = T/Z. */
    private static final class Point {
        final FieldElement x;
        final FieldElement y;
        final FieldElement z;
        final FieldElement t;

        Point(FieldElement x, FieldElement y, FieldElement z, FieldElement t) {
            this.x = x;
            this.y = y;
            this.z = z;
            this.t = t;
        }

        static Point identity() {
            return new Point(Consts.ZERO, Consts.ONE, Consts.ONE, Consts.ZERO);
        }

        Point add(Point q) {
            FieldElement a = y.subtract(x).multiply(q.y.subtract(q.x));
            FieldElement b = y.add(x).multiply(q.y.add(q.x));
            FieldElement c = t.multiply(Consts.D2).multiply(q.t);
            FieldElement d = z.add(z).multiply(q.z);
            FieldElement e = b.subtract(a);
            FieldElement f = d.subtract(c);
            FieldElement g = d.add(c);
            FieldElement h = b.add(a);
            return new Point(e.multiply(f), g.multiply(h), f.multiply(g), e.multiply(h));
        }

        Point dbl() {
            FieldElement a = x.square();
            FieldElement b = y.square();
            FieldElement c = z.squareAndDouble();
            FieldElement h = a.add(b);
            FieldElement e = h.subtract(x.add(y).square());
            FieldElement g = a.subtract(b);
            FieldElement f = c.add(g);
            return new Point(e.multiply(f), g.multiply(h), f.multiply(g), e.multiply(h));
        }

        Point negate() {
            return new Point(x.negate(), y, z, t.negate());
        }

        /** {@code q} when {@code bit} is 1, else this; without branching on the bit. */
        Point select(Point q, int bit) {
            return new Point(x.cmov(q.x, bit), y.cmov(q.y, bit), z.cmov(q.z, bit), t.cmov(q.t, bit));
        }

        byte[] encode() {
            FieldElement zi = z.invert();
            byte[] s = y.multiply(zi).toByteArray();
            if (x.multiply(zi).isNegative()) {
                s[31] |= (byte) 0x80;
            }
            return s;
        }
    }

    /** RFC 8032 5.1.3 (like Go, a y not reduced mod p is accepted); null when not a curve point. */
    private static Point decode(byte[] s) {
        boolean xOdd = (s[31] & 0x80) != 0;
        byte[] yb = s.clone();
        yb[31] &= 0x7f;
        FieldElement y = Consts.FIELD.fromByteArray(yb);
        FieldElement yy = y.square();
        FieldElement u = yy.subtract(Consts.ONE);
        FieldElement v = yy.multiply(Consts.D).add(Consts.ONE);
        FieldElement v3 = v.square().multiply(v);
        FieldElement x = v3.square().multiply(v).multiply(u).pow22523().multiply(v3).multiply(u);
        FieldElement vxx = x.square().multiply(v);
        if (vxx.subtract(u).isNonZero()) {
            if (vxx.add(u).isNonZero()) {
                return null;
            }
            x = x.multiply(Consts.I);
        }
        if (!x.isNonZero() && xOdd) {
            return null;
        }
        if (x.isNegative() != xOdd) {
            x = x.negate();
        }
        return new Point(x, y, Consts.ONE, x.multiply(y));
    }

    /** [scalar]P with one doubling and one addition per bit, selected in constant time. */
    private static Point multiplySecret(Point p, byte[] scalar) {
        Point r = Point.identity();
        for (int i = 255; i >= 0; i--) {
            r = r.dbl();
            int bit = (scalar[i >> 3] >> (i & 7)) & 1;
            r = r.select(r.add(p), bit);
        }
        return r;
    }

    /** Base point multiplications done by this process: past {@link #TABLE_AFTER}, a table pays. */
    private static final java.util.concurrent.atomic.AtomicInteger BASE_MULTIPLICATIONS = new java.util.concurrent.atomic.AtomicInteger();
    /** A command alone does a handful; nsc batch does thousands. */
    static final int TABLE_AFTER = 16;

    /**
     * The multiples j * 16^i * B (i < 64, j < 16) in extended coordinates, built (960 additions,
     * no inversion) the first time a process has done {@link #TABLE_AFTER} base multiplications.
     */
    private static final class BaseTable {
        static final Point[][] T = build();

        private static Point[][] build() {
            Point[][] t = new Point[64][16];
            Point base = Consts.B;
            for (int i = 0; i < 64; i++) {
                t[i][0] = Point.identity();
                for (int j = 1; j < 16; j++) {
                    t[i][j] = t[i][j - 1].add(base);
                }
                base = t[i][15].add(base);
            }
            return t;
        }
    }

    /** [scalar]B: the ladder for the first few of a process, then the table; both in constant time. */
    private static Point multiplyBase(byte[] scalar) {
        if (BASE_MULTIPLICATIONS.incrementAndGet() <= TABLE_AFTER) {
            return multiplySecret(Consts.B, scalar);
        }
        return multiplyBaseTable(scalar);
    }

    /**
     * [scalar]B as the sum over the 64 4-bit digits d_i of the table entry d_i * 16^i * B, each
     * entry chosen by scanning all 16 with constant-time selection (the digits are secret).
     */
    private static Point multiplyBaseTable(byte[] scalar) {
        Point[][] t = BaseTable.T;
        Point r = Point.identity();
        for (int i = 0; i < 64; i++) {
            int digit = (scalar[i >> 1] >> ((i & 1) << 2)) & 15;
            Point chosen = t[i][0];
            for (int j = 1; j < 16; j++) {
                int x = j ^ digit;
                chosen = chosen.select(t[i][j], ((x - 1) >>> 31) & 1);
            }
            r = r.add(chosen);
        }
        return r;
    }

    /** For tests: [scalar]B encoded, by the ladder or by the table. */
    static byte[] baseMultiple(byte[] scalar, boolean table) {
        return (table ? multiplyBaseTable(scalar) : multiplySecret(Consts.B, scalar)).encode();
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
            return multiplyBase(Arrays.copyOf(h, 32)).encode();
        } finally {
            wipe(h);
        }
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
            r = Consts.SCALARS.reduce(d.digest());
            byte[] bigR = multiplyBase(r).encode();
            d.update(bigR);
            d.update(publicKey);
            d.update(message);
            byte[] k = Consts.SCALARS.reduce(d.digest());
            byte[] s = Consts.SCALARS.multiplyAndAdd(k, a, r);
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
     * RFC 8032 verification. A process that verifies more than {@link #TABLE_AFTER} times (nsc
     * batch, whose every command checks the same operator and account JWTs) remembers the last
     * 256 valid signatures: the result is a function of the bytes, which the key holds whole.
     */
    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != 32 || signature == null || signature.length != 64
                || message == null) {
            return false;
        }
        if (VERIFICATIONS.incrementAndGet() <= TABLE_AFTER) {
            return check(publicKey, message, signature);
        }
        String key = new String(publicKey, java.nio.charset.StandardCharsets.ISO_8859_1)
                + new String(signature, java.nio.charset.StandardCharsets.ISO_8859_1)
                + new String(message, java.nio.charset.StandardCharsets.ISO_8859_1);
        synchronized (VALID) {
            if (VALID.get(key) != null) {
                return true;
            }
        }
        boolean ok = check(publicKey, message, signature);
        if (ok) {
            synchronized (VALID) {
                VALID.put(key, Boolean.TRUE);
            }
        }
        return ok;
    }

    private static boolean check(byte[] publicKey, byte[] message, byte[] signature) {
        if (!canonicalScalar(signature)) {
            return false;
        }
        Point a = decode(publicKey);
        if (a == null) {
            return false;
        }
        Sha512 d = Sha512.sha512();
        d.update(signature, 0, 32);
        d.update(publicKey);
        d.update(message);
        byte[] k = Consts.SCALARS.reduce(d.digest());
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        // R' = [S]B - [k]A must encode to the R half of the signature
        byte[] r = sMinusKA(s, k, a).encode();
        for (int i = 0; i < 32; i++) {
            if (r[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /** [s]B - [k]A, variable time (nothing secret is involved), sharing the doublings. */
    private static Point sMinusKA(byte[] s, byte[] k, Point a) {
        byte[] sd = slide(s);
        byte[] kd = slide(k);
        Point[] bm = oddMultiples(Consts.B);
        Point[] am = oddMultiples(a);
        Point r = Point.identity();
        int i = 255;
        while (i >= 0 && sd[i] == 0 && kd[i] == 0) {
            i--;
        }
        for (; i >= 0; i--) {
            r = r.dbl();
            if (sd[i] > 0) {
                r = r.add(bm[sd[i] / 2]);
            } else if (sd[i] < 0) {
                r = r.add(bm[-sd[i] / 2].negate());
            }
            if (kd[i] > 0) {
                r = r.add(am[kd[i] / 2].negate());
            } else if (kd[i] < 0) {
                r = r.add(am[-kd[i] / 2]);
            }
        }
        return r;
    }

    /** P, 3P, 5P, ..., 15P. */
    private static Point[] oddMultiples(Point p) {
        Point[] out = new Point[8];
        Point twice = p.dbl();
        out[0] = p;
        for (int i = 1; i < 8; i++) {
            out[i] = out[i - 1].add(twice);
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
