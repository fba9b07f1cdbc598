package dev.jnsc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
    @Test
    void theLongestNamesWhoseFilesFit() {
        assertEquals(246, Names.MAX_OPERATOR_OR_ACCOUNT_BYTES);
        assertEquals(244, Names.MAX_USER_BYTES);
        // ".<name>.jwt.tmp" and ".<name>.creds.tmp" are then exactly 255 bytes
        assertEquals(255, ("." + "a".repeat(246) + ".jwt.tmp").length());
        assertEquals(255, ("." + "a".repeat(244) + ".creds.tmp").length());
        assertEquals("o".repeat(246), Names.check("operator", "o".repeat(246)));
        assertEquals("a".repeat(246), Names.check("account", "a".repeat(246)));
        assertEquals("u".repeat(244), Names.check("user", "u".repeat(244)));
        assertEquals("é".repeat(123), Names.check("account", "é".repeat(123)));
        assertEquals("😀".repeat(61), Names.check("user", "😀".repeat(61)));
    }

    @Test
    void oneByteMoreIsRefused() {
        StoreException e = assertThrows(StoreException.class, () -> Names.check("account", "a".repeat(247)));
        assertEquals("account name \"" + "a".repeat(32) + "…\" is 247 bytes long (UTF-8); the limit is 246 bytes: the file"
                + " \".<name>.jwt.tmp\" written for it may be at most 255 bytes", e.getMessage());
        e = assertThrows(StoreException.class, () -> Names.check("user", "u".repeat(243) + "é"));
        assertTrue(e.getMessage().endsWith("is 245 bytes long (UTF-8); the limit is 244 bytes: the file"
                + " \".<name>.creds.tmp\" written for it may be at most 255 bytes"), e.getMessage());
        assertThrows(StoreException.class, () -> Names.check("operator", "😀".repeat(62)));
    }

    @Test
    void onlyPlainSpacesAreTrimmed() {
        assertEquals("a b", Names.check("user", "  a b  "));
        assertThrows(StoreException.class, () -> Names.check("user", "\ta"));
        assertThrows(StoreException.class, () -> Names.check("user", "a\n"));
        assertThrows(StoreException.class, () -> Names.check("user", "a\u00a0"));
        assertEquals("user name is required and cannot be empty",
                assertThrows(StoreException.class, () -> Names.check("user", "   ")).getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x85, 0x9F, 0xA0, 0xAD, 0x034F, 0x061C, 0x115F, 0x1680,
        0x180E, 0x2000, 0x200A, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202E, 0x202F, 0x205F,
        0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2069, 0x3000, 0x3164, 0xFE00, 0xFE0F, 0xFEFF, 0xFFA0, 0xFFF9, 0xD800,
        0xDC00, 0x1D173, 0xE0001, 0xE0100, 0xE01EF})
    void refusesInvisibleCharacters(int cp) {
        assertTrue(Names.isInvisible(cp), Integer.toHexString(cp));
        String name = "a" + new String(Character.toChars(cp)) + "b";
        StoreException e = assertThrows(StoreException.class, () -> Names.check("account", name));
        assertTrue(e.getMessage().contains(String.format("contains U+%04X", cp)), e.getMessage());
        assertFalse(e.getMessage().contains(new String(Character.toChars(cp))), "the character itself is escaped");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "Ünïcödé", "日本語", "emoji 😀", "x-y_z.1", "a\"b", "é", "עברית", "ﷺ"})
    void acceptsVisibleNames(String name) {
        assertEquals(name, Names.check("user", name));
    }

    @Test
    void theMessageNamesTheRefusedCharacter() {
        StoreException e = assertThrows(StoreException.class, () -> Names.check("user", "a\u200bb"));
        assertEquals("user name \"a\\u200bb\" contains U+200B (ZERO WIDTH SPACE): names become file names and may not"
                + " contain control, invisible or line-breaking characters (plain spaces are allowed)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/O", "O/", "\\O", "O\\", "\0O", "O\0", "..", ".", ""})
    void aNameWithASeparatorAnywhereIsNoPathElement(String name) {
        assertFalse(Names.isPathElement(name), name);
    }

    @Test
    void plainNamesArePathElements() {
        assertTrue(Names.isPathElement("O"));
        assertTrue(Names.isPathElement("..."));
        assertTrue(Names.isPathElement(".a"));
        assertFalse(Names.isPathElement(null));
    }

    @Test
    void messagesQuoteTheNameOnOneVisibleLine() {
        assertEquals("\"a\\tb\\n\\u200bc\\\"\\U000e0001\"", Names.quote("a\tb\n\u200bc\"\uDB40\uDC01"));
    }
}
