package dev.jnsc.nkeys;

/** RFC 4648 base32, standard alphabet, no padding; decoding is strict (upper case only). */
public final class Base32 {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Base32() {
    }

    public static char[] encode(byte[] data) {
        char[] out = new char[(data.length * 8 + 4) / 5];
        int buffer = 0;
        int bits = 0;
        int o = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out[o++] = ALPHABET[(buffer >>> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        if (bits > 0) {
            out[o++] = ALPHABET[(buffer << (5 - bits)) & 31];
        }
        return out;
    }

    public static String encodeToString(byte[] data) {
        return new String(encode(data));
    }

    /**
     * Decodes, or returns null when a character is outside the alphabet, trailing bits are set, or
     * the length leaves a partial character (1, 3 or 6 characters past a multiple of 8, which Go's
     * decoder refuses too): whatever decodes re-encodes to the same text.
     */
    public static byte[] decode(CharSequence text) {
        int n = text.length();
        int rest = n % 8;
        if (rest == 1 || rest == 3 || rest == 6) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            if (value(text.charAt(i)) < 0) {
                return null;
            }
        }
        byte[] out = new byte[(int) (n * 5L / 8)];
        int buffer = 0;
        int bits = 0;
        int o = 0;
        for (int i = 0; i < n; i++) {
            buffer = (buffer << 5) | value(text.charAt(i));
            bits += 5;
            if (bits >= 8) {
                out[o++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        if (bits > 0 && (buffer & ((1 << bits) - 1)) != 0) {
            return null;
        }
        return out;
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        return -1;
    }
}
