package dev.jnsc.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The Go nsc's payload encryption (cmd/tool.go). The expected texts were made independently with
 * Python's cryptography package (AES-GCM, key SHA-256 of the seed, nonce its first 12 bytes).
 */
class PayloadCipherTest {
    private static final String SEED = "SAAGNJOZTRPYYXG2NJX3ZNGXYUSDYX2BWO447W3SHG6XQ7U66RWHQ3JUXM";

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void encryptsAsTheGoNsc() {
        try (PayloadCipher c = new PayloadCipher(SEED.toCharArray())) {
            assertEquals("U0FBR05KT1pUUlBZ2SM8ZHEZXLNS1oILQjnyCd0hw4Go", s(c.encryptKeyValue(b("hello"))));
            assertEquals("U0FBR05KT1pUUlBZ2iMphqtdH7UA1cUQCoTrRYl7/A U0FBR05KT1pUUlBZxyc8fXtDi7gKZa9hDHNac78xGQA0",
                    s(c.encryptKeyValue(b("key value"))));
        }
    }

    @Test
    void decryptsWhatItEncryptsAndLeavesOtherTextsAlone() {
        try (PayloadCipher c = new PayloadCipher(SEED.toCharArray())) {
            assertEquals("key value", s(c.decryptPayload(c.encryptKeyValue(b("key value")))));
            assertEquals("", s(c.decryptPayload(c.encryptKeyValue(b("")))));
            // not base64 (a space-separated part, padding, punctuation): shown as it came
            assertEquals("not encrypted!", s(c.decryptPayload(b("not encrypted!"))));
            assertEquals("YQ==", s(c.decryptPayload(b("YQ=="))));
            // base64 that does not open with this key: the whole payload as it came
            assertNull(c.decrypt(b("abcd")));
            assertEquals("abcd", s(c.decryptPayload(b("abcd"))));
            try (PayloadCipher other = new PayloadCipher("SAOTHER".toCharArray())) {
                byte[] foreign = other.encryptKeyValue(b("secret"));
                assertArrayEquals(foreign, c.decryptPayload(foreign));
            }
            // the subject's last token
            assertEquals("enc.k", c.decryptSubject("enc." + s(c.encryptKeyValue(b("k")))));
            assertEquals("_INBOX.abc.HyxjHwY0", c.decryptSubject("_INBOX.abc.HyxjHwY0"));
            assertEquals("plain", c.decryptSubject("plain"));
            // base64 of a nonce and less than a tag (a random inbox token) is not a text of this key
            assertEquals("_INBOX.abc.AAAAAAAAAAAAAAAAAAAAAA", c.decryptSubject("_INBOX.abc.AAAAAAAAAAAAAAAAAAAAAA"));
        }
    }
}
