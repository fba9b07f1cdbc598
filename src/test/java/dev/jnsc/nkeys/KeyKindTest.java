package dev.jnsc.nkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Prefix bytes and letters of reference section 2.1. */
class KeyKindTest {

    @ParameterizedTest
    @CsvSource({
        "OPERATOR, O, 112, operator",
        "ACCOUNT, A, 0, account",
        "USER, U, 160, user",
        "SERVER, N, 104, server",
        "CLUSTER, C, 16, cluster"
    })
    void prefixLetterAndLabel(KeyKind kind, char letter, int prefix, String label) {
        assertEquals(letter, kind.letter());
        assertEquals(prefix, kind.prefix());
        assertEquals(label, kind.label());
        assertSame(kind, KeyKind.fromLetter(letter));
        assertSame(kind, KeyKind.fromPrefix(prefix));
    }

    @Test
    void unknownLettersAndPrefixes() {
        assertNull(KeyKind.fromLetter('S'), "S is the seed marker, not a kind");
        assertNull(KeyKind.fromLetter('P'));
        assertNull(KeyKind.fromLetter('o'));
        assertNull(KeyKind.fromPrefix(18 << 3), "seed prefix");
        assertNull(KeyKind.fromPrefix(15 << 3), "private key prefix");
        assertNull(KeyKind.fromPrefix(25 << 3), "unknown prefix");
    }

    @Test
    void encodedKeysStartWithTheKindLetter() {
        for (KeyKind kind : KeyKind.values()) {
            NKey k = NKey.generate(kind);
            assertEquals(kind.letter(), k.publicKey().charAt(0), kind + " public key");
            char[] seed = k.seed();
            assertEquals('S', seed[0]);
            assertEquals(kind.letter(), seed[1], kind + " seed");
            assertTrue(k.publicKey().length() == 56 && seed.length == 58, kind + " lengths");
        }
    }
}
