package dev.jnsc.nkeys;

import java.math.BigInteger;

/**
 * An element of the field of integers mod p = 2^255 - 19, in ten signed limbs of alternately 26
 * and 25 bits (limb i weighs 2^ceil(25.5 i)), held in fields: one allocation per result and no
 * array, which matters on a cold JVM where lists verify thousands of signatures. Every result is
 * carried, so limbs stay within 2^26 (plus a little for limb 1) and the 64-bit products of
 * {@link #multiply} cannot overflow. Immutable.
 */
final class Fe {
    static final Fe ZERO = new Fe(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    static final Fe ONE = new Fe(1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    final long l0, l1, l2, l3, l4, l5, l6, l7, l8, l9;

    private Fe(long l0, long l1, long l2, long l3, long l4, long l5, long l6, long l7, long l8, long l9) {
        this.l0 = l0;
        this.l1 = l1;
        this.l2 = l2;
        this.l3 = l3;
        this.l4 = l4;
        this.l5 = l5;
        this.l6 = l6;
        this.l7 = l7;
        this.l8 = l8;
        this.l9 = l9;
    }

    /** Carries the limbs into range (limb 0 wraps through 2^255 = 19 mod p) and makes the element. */
    private static Fe carry(long h0, long h1, long h2, long h3, long h4, long h5, long h6, long h7, long h8, long h9) {
        long c;
        c = h0 >> 26;
        h0 -= c << 26;
        h1 += c;
        c = h1 >> 25;
        h1 -= c << 25;
        h2 += c;
        c = h2 >> 26;
        h2 -= c << 26;
        h3 += c;
        c = h3 >> 25;
        h3 -= c << 25;
        h4 += c;
        c = h4 >> 26;
        h4 -= c << 26;
        h5 += c;
        c = h5 >> 25;
        h5 -= c << 25;
        h6 += c;
        c = h6 >> 26;
        h6 -= c << 26;
        h7 += c;
        c = h7 >> 25;
        h7 -= c << 25;
        h8 += c;
        c = h8 >> 26;
        h8 -= c << 26;
        h9 += c;
        c = h9 >> 25;
        h9 -= c << 25;
        h0 += 19 * c;
        c = h0 >> 26;
        h0 -= c << 26;
        h1 += c;
        return new Fe(h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
    }

    /** The element of ten limbs from {@code a[off]} on (carried into range). */
    static Fe ofLimbs(long[] a, int off) {
        return carry(a[off], a[off + 1], a[off + 2], a[off + 3], a[off + 4], a[off + 5], a[off + 6], a[off + 7], a[off + 8],
                a[off + 9]);
    }

    Fe add(Fe g) {
        return carry(l0 + g.l0, l1 + g.l1, l2 + g.l2, l3 + g.l3, l4 + g.l4, l5 + g.l5, l6 + g.l6, l7 + g.l7, l8 + g.l8, l9 + g.l9);
    }

    Fe subtract(Fe g) {
        return carry(l0 - g.l0, l1 - g.l1, l2 - g.l2, l3 - g.l3, l4 - g.l4, l5 - g.l5, l6 - g.l6, l7 - g.l7, l8 - g.l8, l9 - g.l9);
    }

    Fe negate() {
        return carry(-l0, -l1, -l2, -l3, -l4, -l5, -l6, -l7, -l8, -l9);
    }

    Fe multiply(Fe g) {
        long f0 = l0, f1 = l1, f2 = l2, f3 = l3, f4 = l4, f5 = l5, f6 = l6, f7 = l7, f8 = l8, f9 = l9;
        long g0 = g.l0, g1 = g.l1, g2 = g.l2, g3 = g.l3, g4 = g.l4, g5 = g.l5, g6 = g.l6, g7 = g.l7, g8 = g.l8, g9 = g.l9;
        long f12 = 2 * f1, f32 = 2 * f3, f52 = 2 * f5, f72 = 2 * f7, f92 = 2 * f9;
        long g119 = 19 * g1, g219 = 19 * g2, g319 = 19 * g3, g419 = 19 * g4, g519 = 19 * g5, g619 = 19 * g6, g719 = 19 * g7, g819 = 19 * g8, g919 = 19 * g9;
        long h0 = f0 * g0 + f12 * g919 + f2 * g819 + f32 * g719 + f4 * g619 + f52 * g519 + f6 * g419 + f72 * g319 + f8 * g219 + f92 * g119;
        long h1 = f0 * g1 + f1 * g0 + f2 * g919 + f3 * g819 + f4 * g719 + f5 * g619 + f6 * g519 + f7 * g419 + f8 * g319 + f9 * g219;
        long h2 = f0 * g2 + f12 * g1 + f2 * g0 + f32 * g919 + f4 * g819 + f52 * g719 + f6 * g619 + f72 * g519 + f8 * g419 + f92 * g319;
        long h3 = f0 * g3 + f1 * g2 + f2 * g1 + f3 * g0 + f4 * g919 + f5 * g819 + f6 * g719 + f7 * g619 + f8 * g519 + f9 * g419;
        long h4 = f0 * g4 + f12 * g3 + f2 * g2 + f32 * g1 + f4 * g0 + f52 * g919 + f6 * g819 + f72 * g719 + f8 * g619 + f92 * g519;
        long h5 = f0 * g5 + f1 * g4 + f2 * g3 + f3 * g2 + f4 * g1 + f5 * g0 + f6 * g919 + f7 * g819 + f8 * g719 + f9 * g619;
        long h6 = f0 * g6 + f12 * g5 + f2 * g4 + f32 * g3 + f4 * g2 + f52 * g1 + f6 * g0 + f72 * g919 + f8 * g819 + f92 * g719;
        long h7 = f0 * g7 + f1 * g6 + f2 * g5 + f3 * g4 + f4 * g3 + f5 * g2 + f6 * g1 + f7 * g0 + f8 * g919 + f9 * g819;
        long h8 = f0 * g8 + f12 * g7 + f2 * g6 + f32 * g5 + f4 * g4 + f52 * g3 + f6 * g2 + f72 * g1 + f8 * g0 + f92 * g919;
        long h9 = f0 * g9 + f1 * g8 + f2 * g7 + f3 * g6 + f4 * g5 + f5 * g4 + f6 * g3 + f7 * g2 + f8 * g1 + f9 * g0;
        return carry(h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
    }

    Fe square() {
        return multiply(this);
    }

    /** 2 * this^2. */
    Fe squareAndDouble() {
        Fe s = multiply(this);
        return s.add(s);
    }

    private Fe squareTimes(int n) {
        Fe r = this;
        for (int i = 0; i < n; i++) {
            r = r.multiply(r);
        }
        return r;
    }

    /** this^(2^250 - 1), and this^11 in {@code eleven}: the common start of inversion and square root. */
    private Fe pow2to250minus1(Fe[] eleven) {
        Fe z2 = multiply(this);
        Fe z9 = z2.squareTimes(2).multiply(this);
        Fe z11 = z9.multiply(z2);
        eleven[0] = z11;
        Fe x5 = z11.multiply(z11).multiply(z9); // 2^5 - 1
        Fe x10 = x5.squareTimes(5).multiply(x5);
        Fe x20 = x10.squareTimes(10).multiply(x10);
        Fe x40 = x20.squareTimes(20).multiply(x20);
        Fe x50 = x40.squareTimes(10).multiply(x10);
        Fe x100 = x50.squareTimes(50).multiply(x50);
        Fe x200 = x100.squareTimes(100).multiply(x100);
        return x200.squareTimes(50).multiply(x50);
    }

    /** this^(p - 2) = 1 / this (0 for 0). */
    Fe invert() {
        Fe[] eleven = new Fe[1];
        Fe x250 = pow2to250minus1(eleven);
        return x250.squareTimes(5).multiply(eleven[0]); // 2^255 - 32 + 11 = p - 2
    }

    /** this^((p - 5) / 8) = this^(2^252 - 3). */
    Fe pow22523() {
        Fe x250 = pow2to250minus1(new Fe[1]);
        return x250.squareTimes(2).multiply(this);
    }

    /** {@code g} when {@code bit} is 1, else this; without branching on the bit. */
    Fe cmov(Fe g, int bit) {
        long m = -(long) bit;
        return new Fe(l0 ^ (m & (l0 ^ g.l0)), l1 ^ (m & (l1 ^ g.l1)), l2 ^ (m & (l2 ^ g.l2)), l3 ^ (m & (l3 ^ g.l3)), l4 ^ (m & (l4 ^ g.l4)), l5 ^ (m & (l5 ^ g.l5)), l6 ^ (m & (l6 ^ g.l6)), l7 ^ (m & (l7 ^ g.l7)), l8 ^ (m & (l8 ^ g.l8)), l9 ^ (m & (l9 ^ g.l9)));
    }

    /** The canonical 32-byte little-endian encoding (reduced mod p). */
    byte[] toByteArray() {
        long[] h = {l0, l1, l2, l3, l4, l5, l6, l7, l8, l9};
        // carry until limb 9 passes nothing on: every limb in [0, 2^bits), the value in [0, 2^255)
        long top;
        do {
            for (int i = 0; i < 9; i++) {
                int bits = (i & 1) == 0 ? 26 : 25;
                long c = h[i] >> bits;
                h[i] -= c << bits;
                h[i + 1] += c;
            }
            top = h[9] >> 25;
            h[9] -= top << 25;
            h[0] += 19 * top;
        } while (top != 0);
        // subtract p when the value is at least p, i.e. when value + 19 reaches 2^255
        long q = (h[0] + 19) >> 26;
        for (int i = 1; i < 10; i++) {
            q = (h[i] + q) >> ((i & 1) == 0 ? 26 : 25);
        }
        h[0] += 19 * q;
        for (int i = 0; i < 9; i++) {
            int bits = (i & 1) == 0 ? 26 : 25;
            long c = h[i] >> bits;
            h[i] -= c << bits;
            h[i + 1] += c;
        }
        h[9] &= (1L << 25) - 1;
        byte[] out = new byte[32];
        int bit = 0;
        for (int i = 0; i < 10; i++) {
            int bits = (i & 1) == 0 ? 26 : 25;
            for (int b = 0; b < bits; b++, bit++) {
                out[bit >> 3] |= (byte) (((h[i] >> b) & 1) << (bit & 7));
            }
        }
        return out;
    }

    /** The element of a 32-byte little-endian encoding; the top bit is ignored, values from p up are accepted. */
    static Fe fromByteArray(byte[] s) {
        long[] h = new long[10];
        int bit = 0;
        for (int i = 0; i < 10; i++) {
            int bits = (i & 1) == 0 ? 26 : 25;
            for (int b = 0; b < bits; b++, bit++) {
                h[i] |= (long) ((s[bit >> 3] >> (bit & 7)) & 1) << b;
            }
        }
        return carry(h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9]);
    }

    /** Odd when reduced: RFC 8032's sign of x. */
    boolean isNegative() {
        return (toByteArray()[0] & 1) != 0;
    }

    boolean isNonZero() {
        byte[] b = toByteArray();
        int acc = 0;
        for (byte x : b) {
            acc |= x;
        }
        return acc != 0;
    }

    /** For tests: the value, reduced mod p. */
    BigInteger toBigInteger() {
        BigInteger v = BigInteger.ZERO;
        int shift = 0;
        long[] h = {l0, l1, l2, l3, l4, l5, l6, l7, l8, l9};
        for (int i = 0; i < 10; i++) {
            v = v.add(BigInteger.valueOf(h[i]).shiftLeft(shift));
            shift += (i & 1) == 0 ? 26 : 25;
        }
        return v.mod(P);
    }
}
