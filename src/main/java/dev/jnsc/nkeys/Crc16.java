package dev.jnsc.nkeys;

/** CRC-16/XMODEM (poly 0x1021, init 0, no reflection) as nkeys appends it to every key. */
public final class Crc16 {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            TABLE[i] = crc & 0xFFFF;
        }
    }

    private Crc16() {
    }

    public static int of(byte[] data, int off, int len) {
        int crc = 0;
        for (int i = off; i < off + len; i++) {
            crc = ((crc << 8) & 0xFFFF) ^ TABLE[((crc >>> 8) ^ (data[i] & 0xFF)) & 0xFF];
        }
        return crc;
    }

    public static int of(byte[] data) {
        return of(data, 0, data.length);
    }
}
