package dev.jnsc.nkeys;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * An nkey: a public key of some {@link KeyKind}, optionally with its seed.
 *
 * <p>Seeds are kept as raw bytes and handed out only as {@code char[]} that callers clear; they
 * never appear in {@link #toString()} or in exception messages.
 */
public final class NKey {
    private static final int SEED_PREFIX = 18 << 3;
    private static final int PUBLIC_LENGTH = 35;
    private static final int SEED_LENGTH = 36;

    private final KeyKind kind;
    private final byte[] publicRaw;
    private final byte[] seedRaw;
    private boolean cleared;
    private final String publicKey;

    private NKey(KeyKind kind, byte[] publicRaw, byte[] seedRaw) {
        this.kind = kind;
        this.publicRaw = publicRaw;
        this.seedRaw = seedRaw;
        this.publicKey = encodePublic(kind, publicRaw);
    }

    /** A new random key of the given kind. */
    public static NKey generate(KeyKind kind, SecureRandom random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return fromRawSeed(kind, seed);
    }

    public static NKey generate(KeyKind kind) {
        return generate(kind, new SecureRandom());
    }

    /** A key from its raw 32-byte Ed25519 seed; the array is copied. */
    public static NKey fromRawSeed(KeyKind kind, byte[] seed) {
        if (seed.length != 32) {
            throw new NKeyException("a raw seed has 32 bytes, got " + seed.length);
        }
        byte[] copy = seed.clone();
        return new NKey(kind, kind == KeyKind.CURVE ? X25519.publicKey(copy) : Ed25519.publicKeyFromSeed(copy), copy);
    }

    /** Decodes an encoded seed ("SO…", "SA…", "SU…", ...), checking its CRC; the array is not kept. */
    public static NKey fromSeed(char[] encoded) {
        byte[] raw = encoded.length == 58 ? Base32.decode(java.nio.CharBuffer.wrap(encoded)) : null;
        try {
            if (raw == null || raw.length != SEED_LENGTH) {
                throw new NKeyException("invalid seed: expected 58 base32 characters");
            }
            checkCrc(raw, "seed");
            if ((raw[0] & 0xF8) != SEED_PREFIX) {
                throw new NKeyException("invalid seed: it does not start with the seed prefix 'S'");
            }
            int prefix = ((raw[0] & 7) << 5) | ((raw[1] & 0xF8) >> 3);
            KeyKind kind = KeyKind.fromPrefix(prefix);
            if (kind == null) {
                throw new NKeyException("invalid seed: unknown key type");
            }
            return fromRawSeed(kind, Arrays.copyOfRange(raw, 2, 34));
        } finally {
            Ed25519.wipe(raw);
        }
    }

    public static NKey fromSeed(String encoded) {
        return fromSeed(encoded.toCharArray());
    }

    /**
     * Decodes a public key ("O…", "A…", "U…", ...), checking its CRC. The messages never show the
     * text when it is not a valid key: it may be a seed, or part of one, given by mistake.
     */
    public static NKey fromPublicKey(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            throw new NKeyException("invalid public key: empty");
        }
        if (encoded.length() != 56) {
            boolean seed = encoded.length() == 58 && encoded.charAt(0) == 'S';
            throw new NKeyException("invalid public key: expected 56 base32 characters, found " + encoded.length()
                    + (seed ? ", the length of a seed: give the public key instead" : ""));
        }
        byte[] raw = Base32.decode(encoded);
        if (raw == null || raw.length != PUBLIC_LENGTH) {
            throw new NKeyException("invalid public key: expected only base32 characters (A-Z, 2-7)");
        }
        checkCrc(raw, "public key");
        KeyKind kind = KeyKind.fromPrefix(raw[0] & 0xFF);
        if (kind == null) {
            throw new NKeyException("invalid public key: unknown key type");
        }
        return new NKey(kind, Arrays.copyOfRange(raw, 1, 33), null);
    }

    /** Decodes a public key and checks that it is of the expected kind. */
    public static NKey fromPublicKey(String encoded, KeyKind expected) {
        NKey key = fromPublicKey(encoded);
        if (key.kind != expected) {
            throw new NKeyException("\"" + encoded + "\" is not a valid " + expected.label() + " public key");
        }
        return key;
    }

    public static boolean isValidPublicKey(String encoded, KeyKind kind) {
        try {
            return fromPublicKey(encoded).kind == kind;
        } catch (NKeyException e) {
            return false;
        }
    }

    public static boolean isValidPublicKey(String encoded) {
        try {
            fromPublicKey(encoded);
            return true;
        } catch (NKeyException e) {
            return false;
        }
    }

    private static void checkCrc(byte[] raw, String what) {
        int n = raw.length - 2;
        int expected = (raw[n] & 0xFF) | ((raw[n + 1] & 0xFF) << 8);
        if (Crc16.of(raw, 0, n) != expected) {
            throw new NKeyException("invalid " + what + ": checksum mismatch");
        }
    }

    private static String encodePublic(KeyKind kind, byte[] publicRaw) {
        byte[] raw = new byte[PUBLIC_LENGTH];
        raw[0] = (byte) kind.prefix();
        System.arraycopy(publicRaw, 0, raw, 1, 32);
        appendCrc(raw);
        return Base32.encodeToString(raw);
    }

    private static void appendCrc(byte[] raw) {
        int n = raw.length - 2;
        int crc = Crc16.of(raw, 0, n);
        raw[n] = (byte) crc;
        raw[n + 1] = (byte) (crc >>> 8);
    }

    public KeyKind kind() {
        return kind;
    }

    public String publicKey() {
        return publicKey;
    }

    /** The raw 32-byte Ed25519 (X25519 for a curve key) public key. */
    public byte[] rawPublicKey() {
        return publicRaw.clone();
    }

    public boolean hasSeed() {
        return seedRaw != null && !cleared;
    }

    /** The encoded seed; the caller owns the array and should clear it after use. */
    public char[] seed() {
        requireSeed();
        byte[] raw = new byte[SEED_LENGTH];
        int prefix = kind.prefix();
        raw[0] = (byte) (SEED_PREFIX | (prefix >> 5));
        raw[1] = (byte) ((prefix & 31) << 3);
        System.arraycopy(seedRaw, 0, raw, 2, 32);
        appendCrc(raw);
        try {
            return Base32.encode(raw);
        } finally {
            Ed25519.wipe(raw);
        }
    }

    /** This key without its seed. */
    public NKey publicOnly() {
        return seedRaw == null ? this : new NKey(kind, publicRaw, null);
    }

    /** An independent copy of this key (clearing one leaves the other as it was). */
    public NKey copy() {
        if (cleared) {
            throw new NKeyException("no seed is available for " + publicKey + " (it was cleared)");
        }
        return new NKey(kind, publicRaw.clone(), seedRaw == null ? null : seedRaw.clone());
    }

    public byte[] sign(byte[] data) {
        requireSeed();
        if (kind == KeyKind.CURVE) {
            throw new NKeyException("curve key " + publicKey + " cannot sign: it is an encryption key");
        }
        return Ed25519.sign(seedRaw, publicRaw, data);
    }

    /** True when {@code signature} is a canonical Ed25519 signature of {@code data} by this key. */
    public boolean verify(byte[] data, byte[] signature) {
        return kind != KeyKind.CURVE && Ed25519.verify(publicRaw, data, signature);
    }

    /** Overwrites the seed held by this key. */
    public void clear() {
        Ed25519.wipe(seedRaw);
        cleared = true;
    }

    private void requireSeed() {
        if (seedRaw == null || cleared) {
            throw new NKeyException("no seed is available for " + publicKey + (cleared ? " (it was cleared)" : ""));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NKey && ((NKey) o).publicKey.equals(publicKey);
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return publicKey;
    }
}
