package dev.jnsc.nkeys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnsc.TestData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our SHA-512 and SHA-512/256 against the JDK's implementations. */
class Sha512Test {
    private static final int[] LENGTHS = {0, 1, 3, 55, 56, 63, 64, 65, 110, 111, 112, 113, 119, 120, 127, 128, 129,
        191, 239, 240, 255, 256, 257, 1000, 1023, 1024, 4096, 10007};

    @ParameterizedTest
    @ValueSource(strings = {"SHA-512", "SHA-512/256"})
    void equalsTheJdkForManyLengths(String algorithm) throws NoSuchAlgorithmException {
        Random r = new Random(algorithm.hashCode());
        for (int n : LENGTHS) {
            byte[] data = new byte[n];
            r.nextBytes(data);
            byte[] expected = MessageDigest.getInstance(algorithm).digest(data);
            assertArrayEquals(expected, ours(algorithm).get().digest(data), algorithm + " of " + n + " bytes");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-512", "SHA-512/256"})
    void multipleUpdatesEqualOneUpdate(String algorithm) throws NoSuchAlgorithmException {
        Random r = new Random(7);
        for (int n : LENGTHS) {
            byte[] data = new byte[n];
            r.nextBytes(data);
            byte[] expected = MessageDigest.getInstance(algorithm).digest(data);

            MessageDigest byteWise = ours(algorithm).get();
            for (byte b : data) {
                byteWise.update(b);
            }
            assertArrayEquals(expected, byteWise.digest(), "byte by byte, " + n + " bytes");

            MessageDigest chunked = ours(algorithm).get();
            int off = 0;
            while (off < n) {
                int len = Math.min(n - off, r.nextInt(200));
                chunked.update(data, off, len);
                off += len;
            }
            assertArrayEquals(expected, chunked.digest(), "random chunks, " + n + " bytes");

            MessageDigest mixed = ours(algorithm).get();
            if (n > 0) {
                mixed.update(data[0]);
                mixed.update(data, 1, Math.min(n - 1, 127));
                mixed.update(data, Math.min(n, 128), n - Math.min(n, 128));
            }
            assertArrayEquals(expected, mixed.digest(), "single byte then blocks, " + n + " bytes");
        }
    }

    @Test
    void digestResetsForReuse() throws NoSuchAlgorithmException {
        MessageDigest d = Sha512.sha512();
        d.update(new byte[300]);
        d.digest();
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(MessageDigest.getInstance("SHA-512").digest(abc), d.digest(abc));
        d.update(abc);
        d.reset();
        assertArrayEquals(MessageDigest.getInstance("SHA-512").digest(new byte[0]), d.digest());
    }

    @Test
    void knownAnswers() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        // FIPS 180-4 examples
        assertEquals("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
                TestData.toHex(Sha512.sha512().digest(abc)));
        assertEquals("53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23",
                TestData.toHex(Sha512.sha512t256().digest(abc)));
    }

    @Test
    void namesAndLengths() {
        assertEquals("SHA-512", Sha512.sha512().getAlgorithm());
        assertEquals(64, Sha512.sha512().getDigestLength());
        assertEquals("SHA-512/256", Sha512.sha512t256().getAlgorithm());
        assertEquals(32, Sha512.sha512t256().getDigestLength());
    }

    private static Supplier<MessageDigest> ours(String algorithm) {
        return algorithm.equals("SHA-512") ? Sha512::sha512 : Sha512::sha512t256;
    }
}
