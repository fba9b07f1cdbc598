package dev.jnsc.nkeys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The field arithmetic agrees with BigInteger mod p, edge values included (0, 1, p - 1, p, 2^255 - 1). */
class FeTest {
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    private static byte[] bytes(BigInteger v) {
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = v.shiftRight(8 * i).byteValue();
        }
        return out;
    }

    private static List<BigInteger> values() {
        List<BigInteger> v = new ArrayList<>();
        for (long x : new long[] {0, 1, 2, 19, 38}) {
            v.add(BigInteger.valueOf(x));
        }
        v.add(P.subtract(BigInteger.ONE));
        v.add(P.subtract(BigInteger.TWO));
        v.add(P); // not reduced: accepted, as decoding does
        v.add(P.add(BigInteger.ONE));
        v.add(BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE));
        v.add(BigInteger.ONE.shiftLeft(254));
        v.add(BigInteger.ONE.shiftLeft(26).subtract(BigInteger.ONE));
        Random r = new Random(3);
        for (int i = 0; i < 300; i++) {
            v.add(new BigInteger(255, r));
        }
        return v;
    }

    @Test
    void agreesWithBigInteger() {
        List<BigInteger> vs = values();
        Random r = new Random(4);
        for (int n = 0; n < 2000; n++) {
            BigInteger a = vs.get(r.nextInt(vs.size()));
            BigInteger b = vs.get(r.nextInt(vs.size()));
            Fe fa = Fe.fromByteArray(bytes(a));
            Fe fb = Fe.fromByteArray(bytes(b));
            assertEquals(a.mod(P), fa.toBigInteger(), "decode " + a);
            assertArrayEquals(bytes(a.mod(P)), fa.toByteArray(), "encode " + a);
            assertArrayEquals(bytes(a.add(b).mod(P)), fa.add(fb).toByteArray(), a + " + " + b);
            assertArrayEquals(bytes(a.subtract(b).mod(P)), fa.subtract(fb).toByteArray(), a + " - " + b);
            assertArrayEquals(bytes(a.negate().mod(P)), fa.negate().toByteArray(), "-" + a);
            assertArrayEquals(bytes(a.multiply(b).mod(P)), fa.multiply(fb).toByteArray(), a + " * " + b);
            assertArrayEquals(bytes(a.multiply(a).shiftLeft(1).mod(P)), fa.squareAndDouble().toByteArray(), "2a^2 " + a);
            assertEquals(a.mod(P).testBit(0), fa.isNegative());
            assertEquals(a.mod(P).signum() != 0, fa.isNonZero());
            assertArrayEquals(bytes(b.mod(P)), fa.cmov(fb, 1).toByteArray());
            assertArrayEquals(bytes(a.mod(P)), fa.cmov(fb, 0).toByteArray());
        }
        for (int n = 0; n < 60; n++) {
            BigInteger a = vs.get(n * 5 % vs.size());
            Fe fa = Fe.fromByteArray(bytes(a));
            assertArrayEquals(bytes(a.modPow(P.subtract(BigInteger.TWO), P)), fa.invert().toByteArray(), "1/" + a);
            BigInteger e = P.subtract(BigInteger.valueOf(5)).shiftRight(3);
            assertArrayEquals(bytes(a.modPow(e, P)), fa.pow22523().toByteArray(), a + "^((p-5)/8)");
        }
    }

    /** Long chains of operations on carried results stay exact (limb bounds hold). */
    @Test
    void longChainsStayExact() {
        Random r = new Random(9);
        BigInteger a = new BigInteger(255, r);
        BigInteger b = new BigInteger(255, r);
        Fe fa = Fe.fromByteArray(bytes(a));
        Fe fb = Fe.fromByteArray(bytes(b));
        for (int i = 0; i < 500; i++) {
            switch (i % 4) {
                case 0 -> { a = a.multiply(b).mod(P); fa = fa.multiply(fb); }
                case 1 -> { a = a.subtract(b).subtract(b).mod(P); fa = fa.subtract(fb).subtract(fb); }
                case 2 -> { b = b.multiply(b).add(a).mod(P); fb = fb.square().add(fa); }
                default -> { a = a.negate().mod(P); fa = fa.negate(); }
            }
            assertEquals(a, fa.toBigInteger(), "step " + i);
            assertEquals(b, fb.toBigInteger(), "step " + i);
        }
    }
}
