package dev.jnsc.nkeys;

/**
 * A point of the Ed25519 curve in extended coordinates (x = X/Z, y = Y/Z, x*y = T/Z), with the
 * addition and doubling formulas of RFC 8032 section 5.1.4, the encoding and decoding of section
 * 5.1.2-3, and the scalar multiplications that need no table: the constant-time ladder for secret
 * scalars and [S]B - [k]A with signed sliding windows for verification. The tables that later
 * multiplications use are {@link EdTables}'; signing and verifying is {@link Ed25519}'s.
 */
final class EdPoint {
    final Fe x;
    final Fe y;
    final Fe z;
    final Fe t;

    EdPoint(Fe x, Fe y, Fe z, Fe t) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.t = t;
    }

    static EdPoint identity() {
        return new EdPoint(Consts.ZERO, Consts.ONE, Consts.ONE, Consts.ZERO);
    }

    EdPoint add(EdPoint q) {
        Fe a = y.subtract(x).multiply(q.y.subtract(q.x));
        Fe b = y.add(x).multiply(q.y.add(q.x));
        Fe c = t.multiply(Consts.D2).multiply(q.t);
        Fe d = z.add(z).multiply(q.z);
        Fe e = b.subtract(a);
        Fe f = d.subtract(c);
        Fe g = d.add(c);
        Fe h = b.add(a);
        return new EdPoint(e.multiply(f), g.multiply(h), f.multiply(g), e.multiply(h));
    }

    EdPoint dbl() {
        Fe a = x.square();
        Fe b = y.square();
        Fe c = z.squareAndDouble();
        Fe h = a.add(b);
        Fe e = h.subtract(x.add(y).square());
        Fe g = a.subtract(b);
        Fe f = c.add(g);
        return new EdPoint(e.multiply(f), g.multiply(h), f.multiply(g), e.multiply(h));
    }

    EdPoint negate() {
        return new EdPoint(x.negate(), y, z, t.negate());
    }

    /** {@code q} when {@code bit} is 1, else this; without branching on the bit. */
    EdPoint select(EdPoint q, int bit) {
        return new EdPoint(x.cmov(q.x, bit), y.cmov(q.y, bit), z.cmov(q.z, bit), t.cmov(q.t, bit));
    }

    byte[] encode() {
        Fe zi = z.invert();
        byte[] s = y.multiply(zi).toByteArray();
        if (x.multiply(zi).isNegative()) {
            s[31] |= (byte) 0x80;
        }
        return s;
    }

    /** Field constants and the base point, built on first use. */
    static final class Consts {
        static final Fe ZERO = Fe.ZERO;
        static final Fe ONE = Fe.ONE;
        static final Fe D = fe("a3785913ca4deb75abd841414d0a700098e879777940c78c73fe6f2bee6c0352");
        static final Fe D2 = D.add(D);
        /** sqrt(-1) */
        static final Fe I = fe("b0a00e4a271beec478e42fad0618432fa7d7fb3d99004d2b0bdfc14f8024832b");
        static final EdPoint B = decode(hex("5866666666666666666666666666666666666666666666666666666666666666"));

        private static Fe fe(String hex) {
            return Fe.fromByteArray(hex(hex));
        }
    }

    /** RFC 8032 5.1.3 (like Go, a y not reduced mod p is accepted); null when not a curve point. */
    static EdPoint decode(byte[] s) {
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
        return new EdPoint(x, y, Consts.ONE, x.multiply(y));
    }

    /** [scalar]P with one doubling and one addition per bit, selected in constant time. */
    static EdPoint multiplySecret(EdPoint p, byte[] scalar) {
        EdPoint r = EdPoint.identity();
        for (int i = 255; i >= 0; i--) {
            r = r.dbl();
            int bit = (scalar[i >> 3] >> (i & 7)) & 1;
            r = r.select(r.add(p), bit);
        }
        return r;
    }

    /** [s]B - [k]A, variable time (nothing secret is involved), sharing the doublings. */
    static EdPoint sMinusKA(byte[] s, byte[] k, EdPoint a) {
        byte[] sd = slide(s);
        byte[] kd = slide(k);
        EdPoint[] bm = oddMultiples(Consts.B);
        EdPoint[] am = oddMultiples(a);
        EdPoint r = EdPoint.identity();
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
    private static EdPoint[] oddMultiples(EdPoint p) {
        EdPoint[] out = new EdPoint[8];
        EdPoint twice = p.dbl();
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

    /** Bytes from hexadecimal digits (for constants). */
    static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
