package dev.jnsc.tools;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payload encryption of the Go nsc's {@code tool req -E} and {@code tool sub -E} (cmd/tool.go),
 * so that both tools read each other's messages: AES-256-GCM keyed with the SHA-256 of the
 * account's encoded seed, the nonce being the seed's first 12 characters (fixed, as in the Go nsc:
 * the same text always encrypts the same way), sent as unpadded standard base64 of nonce and
 * sealed text. A {@code key value} payload encrypts each half on its own. Decrypting what is not
 * such a text gives the text back unchanged. Holds a key derived from the seed; close it to clear.
 */
public final class PayloadCipher implements AutoCloseable {
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private final byte[] key;
    private final byte[] nonce;

    /** @param seed the account's encoded seed ("SA..."); not kept (the caller clears it) */
    public PayloadCipher(char[] seed) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(seed));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            key = MessageDigest.getInstance("SHA-256").digest(bytes);
            nonce = Arrays.copyOf(bytes, NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** A payload as the Go nsc's EncryptKV sends it: a "key value" pair encrypts each half. */
    public byte[] encryptKeyValue(byte[] data) {
        int space = indexOf(data, (byte) ' ');
        if (space < 0) {
            return encrypt(data);
        }
        byte[] k = encrypt(Arrays.copyOfRange(data, 0, space));
        byte[] v = encrypt(Arrays.copyOfRange(data, space + 1, data.length));
        byte[] out = Arrays.copyOf(k, k.length + 1 + v.length);
        out[k.length] = ' ';
        System.arraycopy(v, 0, out, k.length + 1, v.length);
        return out;
    }

    private byte[] encrypt(byte[] data) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = c.doFinal(data);
            byte[] raw = Arrays.copyOf(nonce, NONCE + sealed.length);
            System.arraycopy(sealed, 0, raw, NONCE, sealed.length);
            return Base64.getEncoder().withoutPadding().encode(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    /**
     * The Go nsc's Decrypt: space-separated parts each decrypted (a part that is not base64 stays
     * as it is); null when a part is base64 but does not open with this key.
     */
    public byte[] decrypt(byte[] data) {
        if (indexOf(data, (byte) ' ') < 0) {
            return decryptOne(data);
        }
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == ' ') {
                byte[] d = decryptOne(Arrays.copyOfRange(data, from, i));
                if (d == null) {
                    return null;
                }
                parts.add(d);
                from = i + 1;
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.write(' ');
            }
            out.writeBytes(parts.get(i));
        }
        return out.toByteArray();
    }

    /** A received message as the Go nsc shows it decrypted: the subject's last token and the payload. */
    public String decryptSubject(String subject) {
        int dot = subject.lastIndexOf('.');
        byte[] last = decrypt(subject.substring(dot + 1).getBytes(StandardCharsets.UTF_8));
        return last == null ? subject : subject.substring(0, dot + 1) + new String(last, StandardCharsets.UTF_8);
    }

    /** The payload decrypted, or as it came when it does not decrypt. */
    public byte[] decryptPayload(byte[] data) {
        byte[] d = decrypt(data == null ? new byte[0] : data);
        return d == null ? data : d;
    }

    private byte[] decryptOne(byte[] data) {
        byte[] raw;
        try {
            raw = unpaddedBase64(data);
        } catch (IllegalArgumentException e) {
            return data; // not base64: possibly not encrypted, so it is shown as it came
        }
        if (raw.length < NONCE + TAG_BITS / 8) {
            return null; // too short for a nonce and a tag: Go's GCM refuses it as unauthentic
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOf(raw, NONCE)));
            return c.doFinal(raw, NONCE, raw.length - NONCE);
        } catch (GeneralSecurityException | java.security.ProviderException e) {
            return null;
        }
    }

    /** Go's base64.StdEncoding.WithPadding(NoPadding): padding characters are corrupt input, CR and LF are skipped. */
    private static byte[] unpaddedBase64(byte[] data) {
        byte[] clean = new byte[data.length];
        int n = 0;
        for (byte b : data) {
            if (b == '\r' || b == '\n') {
                continue;
            }
            if (b == '=') {
                throw new IllegalArgumentException("padding");
            }
            clean[n++] = b;
        }
        return Base64.getDecoder().decode(Arrays.copyOf(clean, n));
    }

    private static int indexOf(byte[] data, byte b) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(nonce, (byte) 0);
    }
}
