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
    static final class Consts {
        static final Fe ZERO = Fe.ZERO;
        static final Fe ONE = Fe.ONE;
        static final Fe D = fe("a3785913ca4deb75abd841414d0a700098e879777940c78c73fe6f2bee6c0352");
        static final Fe D2 = D.add(D);
        /** sqrt(-1) */
        static final Fe I = fe("b0a00e4a271beec478e42fad0618432fa7d7fb3d99004d2b0bdfc14f8024832b");
        static final ScalarOps SCALARS = new Ed25519ScalarOps();
        static final Point B = decode(hex("5866666666666666666666666666666666666666666666666666666666666666"));

        private static Fe fe(String hex) {
            return Fe.fromByteArray(hex(hex));
        }
    }

    /** A point in extended coordinates: x = X/Z, y = Y/Z, x*y = T/Z. */
    static final class Point {
        final Fe x;
        final Fe y;
        final Fe z;
        final Fe t;

        Point(Fe x, Fe y, Fe z, Fe t) {
            this.x = x;
            this.y = y;
            this.z = z;
            this.t = t;
        }

        static Point identity() {
            return new Point(Consts.ZERO, Consts.ONE, Consts.ONE, Consts.ZERO);
        }

        Point add(Point q) {
            Fe a = y.subtract(x).multiply(q.y.subtract(q.x));
            Fe b = y.add(x).multiply(q.y.add(q.x));
            Fe c = t.multiply(Consts.D2).multiply(q.t);
            Fe d = z.add(z).multiply(q.z);
            Fe e = b.subtract(a);
            Fe f = d.subtract(c);
            Fe g = d.add(c);
            Fe h = b.add(a);
            return new Point(e.multiply(f), g.multiply(h), f.multiply(g), e.multiply(h));
        }

        Point dbl() {
            Fe a = x.square();
            Fe b = y.square();
            Fe c = z.squareAndDouble();
            Fe h = a.add(b);
            Fe e = h.subtract(x.add(y).square());
            Fe g = a.subtract(b);
            Fe f = c.add(g);
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
            Fe zi = z.invert();
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
        Fe y = Fe.fromByteArray(yb);
        Fe yy = y.square();
        Fe u = yy.subtract(Consts.ONE);
        Fe v = yy.multiply(Consts.D).add(Consts.ONE);
        Fe v3 = v.square().multiply(v);
        Fe x = v3.square().multiply(v).multiply(u).pow22523().multiply(v3).multiply(u);
        Fe vxx = x.square().multiply(v);
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
    private static Point multiplyBase(byte[] scalar) {
        Niels t = Tables.baseNiels();
        return t == null ? multiplySecret(Consts.B, scalar) : t.multiply(scalar);
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
        Niels at = Tables.forKey(publicKey);
        Point a = at != null ? null : decode(publicKey);
        if (at == null && a == null) {
            return false;
        }
        byte[] k = Consts.SCALARS.reduce(digest);
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        // R' = [S]B - [k]A must encode to the R half of the signature
        Niels bt = at == null ? null : Tables.baseNiels();
        byte[] r = (bt != null ? Niels.sMinusKA(bt, s, at, k) : sMinusKA(s, k, a != null ? a : decode(publicKey))).encode();
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

    /**
     * Multiples of a point for the comb: {@code rows[j][d - 1] = [d * 256^j]P} for j &lt; 32 and d in
     * 1..8 (256 points, about one double-and-add ladder to compute). Immutable once built.
     */
    static final class Table {
        final Point[][] rows = new Point[32][8];

        Table(Point p) {
            Point base = p;
            for (int j = 0; j < 32; j++) {
                rows[j][0] = base;
                for (int d = 1; d < 8; d++) {
                    rows[j][d] = rows[j][d - 1].add(base);
                }
                if (j < 31) {
                    // 256 * base = 32 * (8 * base)
                    base = rows[j][7].dbl().dbl().dbl().dbl().dbl();
                }
            }
        }
    }

    /**
     * The tables in use: the base point's, built at the second multiplication by B in this
     * process, and those of public keys, each built at its key's second verification (a list
     * verifies hundreds of JWTs signed by one operator or account key). At most
     * {@link #MAX_KEYS} keys are remembered; later ones are verified without a table.
     */
    private static final class Tables {
        static final int MAX_KEYS = 64;
        private static final Object SEEN = new Object();
        private static final java.util.concurrent.ConcurrentHashMap<String, Object> KEYS =
                new java.util.concurrent.ConcurrentHashMap<>();
        private static final java.util.concurrent.atomic.AtomicInteger BASE_USES =
                new java.util.concurrent.atomic.AtomicInteger();
        private static volatile Table base;
        private static volatile Niels baseNiels;

        /** The base point's table in Niels form (for secret scalars), built with {@link #base}. */
        static Niels baseNiels() {
            Niels n = baseNiels;
            if (n == null) {
                Table t = base();
                if (t == null) {
                    return null;
                }
                synchronized (Tables.class) {
                    n = baseNiels;
                    if (n == null) {
                        n = new Niels(t);
                        baseNiels = n;
                    }
                }
            }
            return n;
        }

        static Table base() {
            Table t = base;
            if (t == null && BASE_USES.incrementAndGet() >= 2) {
                synchronized (Tables.class) {
                    t = base;
                    if (t == null) {
                        t = new Table(Consts.B);
                        base = t;
                    }
                }
            }
            return t;
        }

        /** The key's table from its second verification on; null the first time, or for a key that is not a point. */
        static Niels forKey(byte[] publicKey) {
            String id = new String(publicKey, java.nio.charset.StandardCharsets.ISO_8859_1);
            Object o = KEYS.get(id);
            if (o instanceof Niels) {
                return (Niels) o;
            }
            if (o == null) {
                if (KEYS.size() < MAX_KEYS) {
                    KEYS.putIfAbsent(id, SEEN);
                }
                return null;
            }
            Point p = decode(publicKey);
            if (p == null) {
                return null;
            }
            Niels t = new Niels(new Table(p));
            KEYS.put(id, t);
            return t;
        }
    }

    /**
     * The scalar (32 bytes little-endian, below 2^255) as 64 signed radix-16 digits in [-8, 8]:
     * scalar = sum of e[i] * 16^i.
     */
    static byte[] radix16(byte[] scalar) {
        byte[] e = new byte[64];
        for (int i = 0; i < 32; i++) {
            e[2 * i] = (byte) (scalar[i] & 15);
            e[2 * i + 1] = (byte) ((scalar[i] >> 4) & 15);
        }
        int carry = 0;
        for (int i = 0; i < 63; i++) {
            int v = e[i] + carry;
            carry = (v + 8) >> 4;
            e[i] = (byte) (v - (carry << 4));
        }
        e[63] = (byte) (e[63] + carry);
        return e;
    }

    /** For tests: [scalar]B through the ladder, and through the comb, encoded. */
    static byte[] baseMultipleByLadder(byte[] scalar) {
        return multiplySecret(Consts.B, scalar).encode();
    }

    static byte[] baseMultipleByComb(byte[] scalar) {
        return new Niels(new Table(Consts.B)).multiply(scalar).encode();
    }

    /** For tests: [s]B - [k]A encoded, through the sliding windows and through the combs; null when A is not a point. */
    static byte[][] sMinusKABothWays(byte[] s, byte[] k, byte[] publicKey) {
        Point a = decode(publicKey);
        if (a == null) {
            return null;
        }
        return new byte[][] {sMinusKA(s, k, a).encode(), Niels.sMinusKA(new Niels(new Table(Consts.B)), s, new Niels(new Table(a)),
                k).encode()};
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
