package dev.jnsc.nkeys;

/**
 * A comb table in affine Niels form. For the base point (y + x, y - x, 2d * x * y per point, as in
 * ref10), for [a]B with a secret a: each of the 64 steps selects one of 8 entries in constant time
 * over the raw limbs (no object per candidate) and adds it with a mixed addition of 7 field
 * multiplications instead of 9. Signing and key derivation use it from the base point's second
 * multiplication in a process (list keys derives the public key of every stored seed). For
 * verification, {@link #sMinusKA} adds the base point's and the signer's entries in variable time
 * (nothing secret), 7 multiplications an addition, a subtraction as cheap.
 */
final class Niels {
    /** Limbs per entry: y + x, y - x and 2d * x * y, ten each. */
    private static final int LIMBS = 30;

    /** {@code rows[j][d - 1]} = [d * 256^j]P, as limbs (for the constant-time selection). Immutable once built. */
    final long[][][] rows = new long[32][8][];
    /** The same entries as elements: y + x, y - x, 2dxy (for the variable-time verification). */
    final Fe[][][] points = new Fe[32][8][];

    /** From the extended table: all 256 Z inverted with one inversion (Montgomery's trick). */
    Niels(EdTables.Table t) {
        Fe[] prefix = new Fe[256];
        Fe acc = Fe.ONE;
        for (int i = 0; i < 256; i++) {
            prefix[i] = acc;
            acc = acc.multiply(t.rows[i >> 3][i & 7].z);
        }
        Fe inv = acc.invert();
        for (int i = 255; i >= 0; i--) {
            EdPoint p = t.rows[i >> 3][i & 7];
            Fe zi = inv.multiply(prefix[i]);
            inv = inv.multiply(p.z);
            Fe x = p.x.multiply(zi);
            Fe y = p.y.multiply(zi);
            Fe[] f = {y.add(x), y.subtract(x), x.multiply(y).multiply(EdPoint.Consts.D2)};
            long[] e = new long[LIMBS];
            put(e, 0, f[0]);
            put(e, 10, f[1]);
            put(e, 20, f[2]);
            rows[i >> 3][i & 7] = e;
            points[i >> 3][i & 7] = f;
        }
    }

    private static void put(long[] e, int off, Fe f) {
        e[off] = f.l0;
        e[off + 1] = f.l1;
        e[off + 2] = f.l2;
        e[off + 3] = f.l3;
        e[off + 4] = f.l4;
        e[off + 5] = f.l5;
        e[off + 6] = f.l6;
        e[off + 7] = f.l7;
        e[off + 8] = f.l8;
        e[off + 9] = f.l9;
    }

    /** [scalar]B (scalar below 2^255), in constant time: every entry of a row is read for each digit. */
    EdPoint multiply(byte[] scalar) {
        byte[] e = EdPoint.radix16(scalar);
        long[] sel = new long[LIMBS];
        try {
            EdPoint h = EdPoint.identity();
            for (int i = 1; i < 64; i += 2) {
                h = add(h, sel, rows[i / 2], e[i]);
            }
            h = h.dbl().dbl().dbl().dbl();
            for (int i = 0; i < 64; i += 2) {
                h = add(h, sel, rows[i / 2], e[i]);
            }
            return h;
        } finally {
            Ed25519.wipe(e);
            java.util.Arrays.fill(sel, 0);
        }
    }

    /** [s]B - [k]A from B's and A's tables, variable time, sharing the doublings. */
    static EdPoint sMinusKA(Niels b, byte[] s, Niels a, byte[] k) {
        byte[] se = EdPoint.radix16(s);
        byte[] ke = EdPoint.radix16(k);
        EdPoint h = EdPoint.identity();
        for (int i = 1; i < 64; i += 2) {
            h = addDigit(addDigit(h, b.points[i / 2], se[i]), a.points[i / 2], -ke[i]);
        }
        h = h.dbl().dbl().dbl().dbl();
        for (int i = 0; i < 64; i += 2) {
            h = addDigit(addDigit(h, b.points[i / 2], se[i]), a.points[i / 2], -ke[i]);
        }
        return h;
    }

    private static EdPoint addDigit(EdPoint h, Fe[][] row, int digit) {
        if (digit > 0) {
            return madd(h, row[digit - 1][0], row[digit - 1][1], row[digit - 1][2], false);
        } else if (digit < 0) {
            // -P: y + x and y - x swap, 2dxy changes sign
            return madd(h, row[-digit - 1][1], row[-digit - 1][0], row[-digit - 1][2], true);
        }
        return h;
    }

    /** h + (ypx, ymx, xy2d), or with the opposite 2dxy when {@code negated} (ref10 ge_madd / ge_msub). */
    private static EdPoint madd(EdPoint h, Fe ypx, Fe ymx, Fe xy2d, boolean negated) {
        Fe a = h.y.subtract(h.x).multiply(ymx);
        Fe b = h.y.add(h.x).multiply(ypx);
        Fe c = h.t.multiply(xy2d);
        Fe d = h.z.add(h.z);
        Fe e = b.subtract(a);
        Fe f = negated ? d.add(c) : d.subtract(c);
        Fe g = negated ? d.subtract(c) : d.add(c);
        Fe hh = b.add(a);
        return new EdPoint(e.multiply(f), g.multiply(hh), f.multiply(g), e.multiply(hh));
    }

    /** h + [digit]row[0] (digit in [-8, 8]), the entry selected into {@code sel} without branching on the digit. */
    private static EdPoint add(EdPoint h, long[] sel, long[][] row, int digit) {
        int negative = (digit >>> 31) & 1;
        int abs = digit - ((-negative & digit) << 1);
        // the identity: y + x = 1, y - x = 1, 2dxy = 0
        java.util.Arrays.fill(sel, 0);
        sel[0] = 1;
        sel[10] = 1;
        for (int d = 1; d <= 8; d++) {
            int x = abs ^ d;
            long m = -(long) (((x - 1) >>> 31) & 1);
            long[] c = row[d - 1];
            for (int k = 0; k < LIMBS; k++) {
                sel[k] ^= m & (sel[k] ^ c[k]);
            }
        }
        // -P swaps y + x with y - x and negates 2dxy
        long n = -(long) negative;
        for (int k = 0; k < 10; k++) {
            long t = n & (sel[k] ^ sel[10 + k]);
            sel[k] ^= t;
            sel[10 + k] ^= t;
            sel[20 + k] = sel[20 + k] ^ (n & (sel[20 + k] ^ -sel[20 + k]));
        }
        // mixed addition (ref10 ge_madd): 7 multiplications
        return madd(h, Fe.ofLimbs(sel, 0), Fe.ofLimbs(sel, 10), Fe.ofLimbs(sel, 20), false);
    }
}
