package dev.jnsc.nkeys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32Test {

    /** RFC 4648 section 10 vectors, padding removed. */
    @ParameterizedTest
    @CsvSource({
        "'', ''",
        "f, MY",
        "fo, MZXQ",
        "foo, MZXW6",
        "foob, MZXW6YQ",
        "fooba, MZXW6YTB",
        "foobar, MZXW6YTBOI"
    })
    void rfc4648VectorsWithoutPadding(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertEquals(encoded, Base32.encodeToString(bytes));
        assertArrayEquals(encoded.toCharArray(), Base32.encode(bytes));
        assertArrayEquals(bytes, Base32.decode(encoded));
    }

    /** The UTF-8 round-trip inputs of nats.java NKeyTests.testBase32. */
    @ParameterizedTest
    @ValueSource(strings = {
        "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "Strings from UTF-8 Testing To get Random-ish Bytes",
        "Τη γλώσσα μου έδωσαν ελληνική",
        "На берегу пустынных волн",
        "ვეპხის ტყაოსანი შოთა რუსთაველი",
        "Je peux manger du verre, ça ne me fait pas mal",
        "⠊⠀⠉⠁⠝⠀⠑⠁⠞⠀⠛⠇⠁⠎⠎⠀⠁⠝⠙⠀⠊⠞⠀⠙⠕⠑⠎⠝⠞⠀⠓⠥⠗⠞⠀⠍⠑",
        "أنا قادر على أكل الزجاج و هذا لا يؤلمني",
        "私はガラスを食べられます。それは私を傷つけません"
    })
    void roundTripsUtf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String encoded = Base32.encodeToString(bytes);
        assertEquals(encoded.toUpperCase(), encoded);
        assertEquals(new String(Base32.decode(encoded), StandardCharsets.UTF_8), text);
    }

    @Test
    void roundTripsEveryLengthOfRandomBytes() {
        Random r = new Random(42);
        for (int n = 0; n < 80; n++) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            char[] enc = Base32.encode(b);
            assertEquals((n * 8 + 4) / 5, enc.length, "encoded length for " + n + " bytes");
            assertArrayEquals(b, Base32.decode(new String(enc)), "round trip of " + n + " bytes");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mzxw6", "MZXW6===", "MZXW1", "MZXW0", "MZXW8", "MZ XW6", "MZXW6\n", "MZ"})
    void decodingIsStrict(String bad) {
        assertNull(Base32.decode(bad), "should refuse \"" + bad + "\"");
    }

    @Test
    void trailingBitsMustBeZero() {
        assertArrayEquals(new byte[] {'f'}, Base32.decode("MY"));
        assertNull(Base32.decode("MZ"), "'Z' leaves a set bit after the last whole byte");
    }

    /**
     * Found by NKeyFuzzTest: "A" decoded to no bytes, which encode to "", so two texts meant the
     * same bytes. Lengths of 1, 3 or 6 past a multiple of 8 hold a character with no whole byte in
     * it; Go's base32 refuses them as corrupt input, and so do we now.
     */
    @ParameterizedTest
    @ValueSource(strings = {"A", "MZX", "MZXW6Y", "MZXW6YTBA", "MZXW6YTBOIA"})
    void lengthsThatLeaveAPartialCharacterAreRefused(String bad) {
        assertNull(Base32.decode(bad), "should refuse \"" + bad + "\" (" + bad.length() + " characters)");
    }

    /**
     * The output size was computed as {@code length * 5 / 8} in int arithmetic, which turns negative
     * past 429,496,729 characters: a NegativeArraySizeException instead of a refusal. A text that
     * only claims such a length shows it without using the memory.
     */
    @Test
    void aHugeTextWithABadCharacterIsRefusedWithoutAllocatingItsOutput() {
        CharSequence huge = new CharSequence() {
            @Override
            public int length() {
                return 500_000_000; // a multiple of 8, and times 5 past Integer.MAX_VALUE
            }

            @Override
            public char charAt(int index) {
                return index == 0 ? '!' : 'A';
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                throw new UnsupportedOperationException();
            }
        };
        assertNull(Base32.decode(huge));
    }
}
