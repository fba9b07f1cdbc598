package dev.jnsc.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.env.Environment;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PEM forms Go's crypto/tls reads for $NATS_CERT, $NATS_KEY and $NATS_CA, and how the variables are read. */
class PemTest {
    @TempDir
    Path dir;

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The content of the last OCTET STRING of a PKCS#8 structure: the PKCS#1 or SEC 1 key inside. */
    private static byte[] inner(byte[] pkcs8) {
        // SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING key }: walk the outer sequence
        int p = 1;
        p += (pkcs8[p] & 0x80) != 0 ? 1 + (pkcs8[p] & 0x7f) : 1;
        for (int field = 0; field < 2; field++) {
            int len = pkcs8[p + 1] & 0xff;
            int hdr = 2;
            if (len >= 0x80) {
                int n = len & 0x7f;
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (pkcs8[p + 2 + i] & 0xff);
                }
                hdr += n;
            }
            p += hdr + len;
        }
        int len = pkcs8[p + 1] & 0xff;
        int hdr = 2;
        if (len >= 0x80) {
            int n = len & 0x7f;
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (pkcs8[p + 2 + i] & 0xff);
            }
            hdr += n;
        }
        return Arrays.copyOfRange(pkcs8, p + hdr, p + hdr + len);
    }

    @Test
    void rsaKeysInPkcs8AndPkcs1() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        byte[] pkcs8 = kp.getPrivate().getEncoded();
        for (String file : new String[] {pem("PRIVATE KEY", pkcs8), pem("RSA PRIVATE KEY", inner(pkcs8))}) {
            PrivateKey k = Pem.privateKey(bytes("junk before\n" + file + "junk after\n"));
            assertEquals("RSA", k.getAlgorithm());
            assertEquals(((RSAPrivateCrtKey) kp.getPrivate()).getPrivateExponent(), ((RSAPrivateCrtKey) k).getPrivateExponent());
        }
    }

    @Test
    void ecKeysInPkcs8AndSec1WithTheCurveNamed() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair kp = g.generateKeyPair();
        BigInteger s = ((ECPrivateKey) kp.getPrivate()).getS();
        // SEC 1 as openssl writes it: version 1, the private key, [0] the curve (secp384r1)
        byte[] d = s.toByteArray();
        d = d.length > 48 ? Arrays.copyOfRange(d, d.length - 48, d.length) : d;
        byte[] oid = {0x06, 0x05, 0x2b, (byte) 0x81, 0x04, 0x00, 0x22};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x01, 0x04, (byte) d.length});
        body.writeBytes(d);
        body.writeBytes(new byte[] {(byte) 0xa0, (byte) oid.length});
        body.writeBytes(oid);
        byte[] b = body.toByteArray();
        ByteArrayOutputStream sec1 = new ByteArrayOutputStream();
        sec1.writeBytes(new byte[] {0x30, (byte) b.length});
        sec1.writeBytes(b);
        // openssl ecparam -genkey puts an EC PARAMETERS block first: skipped
        String openssl = pem("EC PARAMETERS", oid) + pem("EC PRIVATE KEY", sec1.toByteArray());
        for (String file : new String[] {pem("PRIVATE KEY", kp.getPrivate().getEncoded()), openssl}) {
            PrivateKey k = Pem.privateKey(bytes(file));
            assertEquals("EC", k.getAlgorithm());
            assertEquals(s, ((ECPrivateKey) k).getS());
            assertEquals(((ECPrivateKey) kp.getPrivate()).getParams().getCurve(), ((ECPrivateKey) k).getParams().getCurve());
        }
    }

    @Test
    void ed25519KeysInPkcs8() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertArrayEquals(kp.getPrivate().getEncoded(),
                Pem.privateKey(bytes(pem("PRIVATE KEY", kp.getPrivate().getEncoded()))).getEncoded());
    }

    @Test
    void keysThatCannotBeUsedAreRefusedWithoutQuotingThem() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("EC").generateKeyPair();
        String encoded = Base64.getEncoder().encodeToString(kp.getPrivate().getEncoded()).substring(0, 20);
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class,
                () -> Pem.privateKey(bytes(pem("ENCRYPTED PRIVATE KEY", kp.getPrivate().getEncoded()))));
        assertEquals("the private key is encrypted (a key without a passphrase is needed)", e.getMessage());
        String legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n"
                + encoded + "\n-----END RSA PRIVATE KEY-----\n";
        assertEquals("the private key is encrypted (a key without a passphrase is needed)",
                assertThrows(GeneralSecurityException.class, () -> Pem.privateKey(bytes(legacy))).getMessage());
        assertEquals("no PEM private key found in it",
                assertThrows(GeneralSecurityException.class, () -> Pem.privateKey(bytes("not a key"))).getMessage());
        GeneralSecurityException broken = assertThrows(GeneralSecurityException.class,
                () -> Pem.privateKey(bytes(pem("PRIVATE KEY", Arrays.copyOf(kp.getPrivate().getEncoded(), 20)))));
        assertTrue(!broken.getMessage().contains(encoded), broken.getMessage());
    }

    @Test
    void certificateFilesKeepOnlyCertificates() throws Exception {
        assertEquals(0, Pem.certificates(bytes("no pem here")).size());
        KeyPair kp = KeyPairGenerator.getInstance("EC").generateKeyPair();
        assertEquals(0, Pem.certificates(bytes(pem("PRIVATE KEY", kp.getPrivate().getEncoded()))).size());
    }

    @Test
    void theVariablesAsTheGoNscReadsThem() {
        Path cwd = dir;
        Environment none = new Environment(Map.of(), cwd, cwd);
        assertTrue(!Tls.fromEnv(none).required());
        assertTrue(Tls.fromEnv(new Environment(Map.of("NATS_CA", ""), cwd, cwd)).required(), "set but empty counts");
        Tls certOnly = Tls.fromEnv(new Environment(Map.of("NATS_CERT", "c.pem"), cwd, cwd));
        assertTrue(certOnly.required() && certOnly.hasClientCertificate());
        assertEquals("no client certificate file: $NATS_CERT is empty ($NATS_CERT and $NATS_KEY go together)",
                assertThrows(Tls.TlsException.class,
                        () -> Tls.fromEnv(new Environment(Map.of("NATS_CERT", "", "NATS_KEY", "k.pem"), cwd, cwd)).context())
                        .getMessage());
        assertEquals("the root CA file \"ca.pem\" ($NATS_CA) does not exist", assertThrows(Tls.TlsException.class,
                () -> Tls.fromEnv(new Environment(Map.of("NATS_CA", "  ca.pem\n"), cwd, cwd)).context()).getMessage());
    }

    @Test
    void aFolderOrAnUnreadableFileIsNamed() throws Exception {
        Files.createDirectories(dir.resolve("ca"));
        assertEquals("the root CA file \"ca\" ($NATS_CA) cannot be read: it is a folder", assertThrows(Tls.TlsException.class,
                () -> Tls.fromEnv(new Environment(Map.of("NATS_CA", "ca"), dir, dir)).context()).getMessage());
    }
}
