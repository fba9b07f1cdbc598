package dev.jnsc.nkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CRC-16/XMODEM vectors from nats.java NKeyTests.testCRC16. */
class Crc16Test {

    static Stream<Arguments> jnatsVectors() {
        return Stream.of(
                Arguments.of(new byte[0], 0x0000),
                Arguments.of(ascii("abc"), 0x9DD6),
                Arguments.of(ascii("ABC"), 0x3994),
                Arguments.of(ascii("This is a string"), 0x21E3),
                Arguments.of(ascii("123456789"), 0x31C3),
                Arguments.of(ascii("abcdefghijklmnopqrstuvwxyz0123456789"), 0xCBDE),
                Arguments.of(new byte[] {0x7F}, 0x8F78),
                Arguments.of(new byte[] {(byte) 0x80}, 0x9188),
                Arguments.of(new byte[] {(byte) 0xFF}, 0x1EF0),
                Arguments.of(new byte[] {0x00, 0x01, 0x7D, 0x7E, 0x7F, (byte) 0x80, (byte) 0xFE, (byte) 0xFF}, 0xE26F));
    }

    @ParameterizedTest
    @MethodSource("jnatsVectors")
    void matchesJnatsVectors(byte[] input, int expected) {
        assertEquals(expected, Crc16.of(input), () -> String.format("crc16 of %d bytes", input.length));
    }

    @Test
    void rangeOverloadOnlyCoversTheRange() {
        byte[] padded = ascii("xx123456789yy");
        assertEquals(0x31C3, Crc16.of(padded, 2, 9));
        assertEquals(0, Crc16.of(padded, 5, 0));
    }

    @Test
    void resultAlwaysFitsSixteenBits() {
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 37 + 11);
            int crc = Crc16.of(data, 0, i + 1);
            assertEquals(crc & 0xFFFF, crc);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
