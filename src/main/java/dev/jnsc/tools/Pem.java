package dev.jnsc.tools;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM files as Go's crypto/tls reads them for NATS connections: every CERTIFICATE block of a
 * certificate or CA file (other blocks skipped), and the first private key block of a key file in
 * any of the forms openssl and Go write: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE
 * KEY}) and SEC 1 ({@code EC PRIVATE KEY}). Messages never quote key material.
 */
final class Pem {
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private Pem() {
    }

    /** One PEM block: its type (the word after BEGIN) and its decoded bytes. */
    record Block(String type, byte[] der, boolean hasHeaders) {
    }

    /** Every well-formed block of the text, in order. */
    static List<Block> blocks(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        List<Block> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", from);
            if (begin < 0) {
                return out;
            }
            int typeEnd = text.indexOf("-----", begin + 11);
            if (typeEnd < 0) {
                return out;
            }
            String type = text.substring(begin + 11, typeEnd);
            String endLine = "-----END " + type + "-----";
            int end = text.indexOf(endLine, typeEnd + 5);
            if (end < 0) {
                return out;
            }
            String body = text.substring(typeEnd + 5, end);
            boolean headers = body.contains(":");
            if (headers) {
                int blank = body.indexOf("\n\n");
                body = blank < 0 ? "" : body.substring(blank);
            }
            try {
                out.add(new Block(type, Base64.getMimeDecoder().decode(body.strip()), headers));
            } catch (IllegalArgumentException e) {
                // not base64: not a block, as for Go's pem.Decode
            }
            from = end + endLine.length();
        }
    }

    /** Every certificate of a PEM file; empty when it holds none. */
    static List<X509Certificate> certificates(byte[] file) throws CertificateException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (Block b : blocks(file)) {
            if (b.type().equals("CERTIFICATE") && !b.hasHeaders()) {
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der())));
            }
        }
        return out;
    }

    /**
     * The first private key of a PEM file.
     *
     * @throws GeneralSecurityException with a message saying what is wrong (no key, encrypted, unknown form)
     */
    static PrivateKey privateKey(byte[] file) throws GeneralSecurityException {
        for (Block b : blocks(file)) {
            if (!b.type().equals("PRIVATE KEY") && !b.type().endsWith(" PRIVATE KEY")) {
                continue;
            }
            if (b.type().equals("ENCRYPTED PRIVATE KEY") || b.hasHeaders()) {
                throw new GeneralSecurityException("the private key is encrypted (a key without a passphrase is needed)");
            }
            switch (b.type()) {
                case "PRIVATE KEY":
                    return pkcs8(b.der());
                case "RSA PRIVATE KEY":
                    return KeyFactory.getInstance("RSA").generatePrivate(
                            new PKCS8EncodedKeySpec(sequence(integerZero(), RSA_ALGORITHM, octetString(b.der()))));
                case "EC PRIVATE KEY":
                    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                            sequence(integerZero(), sequence(EC_PUBLIC_KEY_OID, curveOf(b.der())), octetString(b.der()))));
                default:
                    throw new GeneralSecurityException("unsupported private key type \"" + b.type() + "\"");
            }
        }
        throw new GeneralSecurityException("no PEM private key found in it");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm
            }
        }
        throw new GeneralSecurityException("the PKCS#8 private key is not an RSA, ECDSA or Ed25519 key");
    }

    /** The named-curve OID (whole TLV) in a SEC 1 ECPrivateKey's [0] parameters. */
    private static byte[] curveOf(byte[] sec1) throws GeneralSecurityException {
        Der seq = new Der(sec1);
        Der body = seq.enter(0x30);
        body.skip(0x02); // version
        body.skip(0x04); // private key
        while (body.more()) {
            int tag = body.peek();
            if (tag == 0xa0) {
                Der params = body.enter(0xa0);
                return params.whole(0x06);
            }
            body.skip(tag);
        }
        throw new GeneralSecurityException("the EC private key does not name its curve");
    }

    private static byte[] integerZero() {
        return new byte[] {0x02, 0x01, 0x00};
    }

    private static byte[] octetString(byte[] content) {
        return tlv(0x04, content);
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return tlv(0x30, b.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(tag);
        int n = content.length;
        if (n < 0x80) {
            b.write(n);
        } else if (n < 0x100) {
            b.write(0x81);
            b.write(n);
        } else if (n < 0x10000) {
            b.write(0x82);
            b.write(n >> 8);
            b.write(n);
        } else {
            b.write(0x83);
            b.write(n >> 16);
            b.write(n >> 8);
            b.write(n);
        }
        b.writeBytes(content);
        return b.toByteArray();
    }

    /** Just enough DER reading to find a SEC 1 key's curve. */
    private static final class Der {
        private final byte[] buf;
        private int pos;
        private final int end;

        Der(byte[] buf) {
            this(buf, 0, buf.length);
        }

        private Der(byte[] buf, int pos, int end) {
            this.buf = buf;
            this.pos = pos;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        int peek() throws GeneralSecurityException {
            if (pos >= end) {
                throw malformed();
            }
            return buf[pos] & 0xff;
        }

        /** The content of the next element, which must have this tag. */
        Der enter(int tag) throws GeneralSecurityException {
            int[] h = header(tag);
            Der inner = new Der(buf, h[0], h[0] + h[1]);
            pos = h[0] + h[1];
            return inner;
        }

        void skip(int tag) throws GeneralSecurityException {
            enter(tag);
        }

        /** The next element whole (tag, length and content). */
        byte[] whole(int tag) throws GeneralSecurityException {
            int start = pos;
            enter(tag);
            return java.util.Arrays.copyOfRange(buf, start, pos);
        }

        /** Content start and length of the next element. */
        private int[] header(int tag) throws GeneralSecurityException {
            if (peek() != tag || pos + 1 >= end) {
                throw malformed();
            }
            int p = pos + 1;
            int len = buf[p++] & 0xff;
            if (len >= 0x80) {
                int count = len & 0x7f;
                if (count == 0 || count > 3 || p + count > end) {
                    throw malformed();
                }
                len = 0;
                for (int i = 0; i < count; i++) {
                    len = (len << 8) | (buf[p++] & 0xff);
                }
            }
            if (p + len > end) {
                throw malformed();
            }
            return new int[] {p, len};
        }

        private static GeneralSecurityException malformed() {
            return new GeneralSecurityException("the EC private key is malformed");
        }
    }
}
