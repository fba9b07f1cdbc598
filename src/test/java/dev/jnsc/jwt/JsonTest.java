package dev.jnsc.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @Test
    void parsesObjectsKeepingFieldOrder() {
        Map<String, Object> m = Json.parseObject(bytes(" {\"z\":1, \"a\" : [true,false,null] ,\"m\":{\"k\":\"v\"},\"e\":{},\"l\":[]}\n"));
        assertEquals(List.of("z", "a", "m", "e", "l"), new ArrayList<>(m.keySet()));
        assertEquals(1L, m.get("z"));
        List<Object> a = new ArrayList<>();
        a.add(true);
        a.add(false);
        a.add(null);
        assertEquals(a, m.get("a"));
        assertEquals(Map.of("k", "v"), m.get("m"));
        assertEquals(Map.of(), m.get("e"));
        assertEquals(List.of(), m.get("l"));
    }

    @Test
    void duplicateKeysKeepTheLastValueAsGoDoes() {
        assertEquals(Map.of("a", 2L), Json.parse("{\"a\":1,\"a\":2}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"plain\"|plain",
        "\"q\\\"b\\\\s\\/\"|q\"b\\s/",
        "\"\\u0041\\u00e9\\u00E9\"|Aéé",
        "\"\\u003c\\u003e\\u0026\"|<>&",
        "\"\\u2028\"|\u2028",
        "\"x\\ud83d\\ude00y\"|x😀y",
        "\"😀 raw\"|😀 raw"
    })
    void parsesStringEscapes(String json, String expected) {
        assertEquals(expected, Json.parse(json));
    }

    @Test
    void parsesControlEscapes() {
        assertEquals("\b\f\n\r\t", Json.parse("\"\\b\\f\\n\\r\\t\""));
        assertEquals("a\u0000b", Json.parse("\"a\\u0000b\""));
    }

    @Test
    void surrogatePairEscapeIsOneCodePoint() {
        String s = (String) Json.parse("\"\\uD83D\\uDE00\"");
        assertEquals(1, s.codePointCount(0, s.length()));
        assertEquals(0x1F600, s.codePointAt(0));
    }

    @Test
    void readsUtf8Bytes() {
        assertEquals("Grüße", Json.parse("\"Grüße\"".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parsesNumbers() {
        assertEquals(0L, Json.parse("0"));
        assertEquals(-1L, Json.parse("-1"));
        assertEquals(1644279467L, Json.parse("1644279467"));
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
        assertEquals(new BigInteger("9223372036854775808"), Json.parse("9223372036854775808"));
        assertEquals(new BigInteger("-9223372036854775809"), Json.parse("-9223372036854775809"));
        assertEquals(new BigInteger("123456789012345678901234567890"), Json.parse("123456789012345678901234567890"));
        assertEquals(1.5, Json.parse("1.5"));
        assertEquals(1000.0, Json.parse("1e3"));
        assertEquals(-0.025, Json.parse("-2.5E-2"));
        assertInstanceOf(Long.class, Json.parse("1000000000000000000"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|expected JSON, found nothing",
        "'   '|expected JSON, found nothing",
        "{\"a\":1} x|unexpected data after the JSON value",
        "\"abc|unterminated string",
        "\"a\\qb\"|bad escape",
        "\"\\u12\"|\\u escape",
        "\"\\u12G4\"|bad \\u escape",
        "{\"a\" 1}|expected ':'",
        "{\"a\":1,}|expected a field name",
        "{a:1}|expected a field name",
        "[1,]|unexpected character ']'",
        "[1 2]|expected ',' or ']'",
        "{\"a\":1 \"b\":2}|expected ',' or '}'",
        "tru|unexpected token",
        "nul|unexpected token",
        "-|expected a digit",
        "1.|expected a digit",
        "1e|expected a digit",
        "[|unexpected end",
        "{\"a\":|unexpected end",
        "@|unexpected character '@'"
    })
    void malformedJsonFailsWithAMessage(String json, String expected) {
        JwtException e = assertThrows(JwtException.class, () -> Json.parse(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void errorsTellTheOffset() {
        JwtException e = assertThrows(JwtException.class, () -> Json.parse("{\"a\":1,\"b\"}"));
        assertEquals("malformed JSON: expected ':' at offset 10", e.getMessage());
    }

    @Test
    void controlCharactersInsideStringsAreRefused() {
        JwtException e = assertThrows(JwtException.class, () -> Json.parse("\"a\nb\""));
        assertTrue(e.getMessage().contains("control character"), e.getMessage());
    }

    @Test
    void unicodeEscapesMustBeFourHexDigits() {
        // Integer.parseInt would accept a sign: "\\u+041" is not a valid escape
        assertThrows(JwtException.class, () -> Json.parse("\"\\u+041\""));
        assertThrows(JwtException.class, () -> Json.parse("\"\\u-001\""));
        assertThrows(JwtException.class, () -> Json.parse("\"\\u٠٠٤١\""), "Arabic-Indic digits are not hex digits");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(600) + "]".repeat(600);
        JwtException e = assertThrows(JwtException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nesting too deep"), e.getMessage());
        String ok = "[".repeat(500) + "]".repeat(500);
        assertInstanceOf(List.class, Json.parse(ok));
    }

    @Test
    void parseObjectRefusesOtherValues() {
        JwtException e = assertThrows(JwtException.class, () -> Json.parseObject(bytes("[1]")));
        assertEquals("expected a JSON object", e.getMessage());
    }

    @Test
    void typedAccessors() {
        Map<String, Object> m = Json.parseObject(bytes(
                "{\"s\":\"x\",\"n\":5,\"d\":7.0,\"f\":7.5,\"b\":true,\"l\":[\"a\",\"b\"],\"o\":{\"k\":1},\"mixed\":[\"a\",1]}"));
        assertEquals("x", Json.str(m, "s"));
        assertEquals("", Json.str(m, "missing"));
        assertEquals(5, Json.num(m, "n"));
        assertEquals(7, Json.num(m, "d"), "an integral double is an integer");
        assertEquals(0, Json.num(m, "missing"));
        assertTrue(Json.bool(m, "b"));
        assertFalse(Json.bool(m, "missing"));
        assertEquals(List.of("a", "b"), Json.strings(m, "l"));
        assertEquals(List.of(), Json.list(m, "missing"));
        assertEquals(Map.of("k", 1L), Json.map(m, "o"));
        assertNull(Json.map(m, "missing"));

        assertEquals("field \"n\" should be a string", assertThrows(JwtException.class, () -> Json.str(m, "n")).getMessage());
        assertEquals("field \"f\" should be an integer", assertThrows(JwtException.class, () -> Json.num(m, "f")).getMessage());
        assertEquals("field \"s\" should be an integer", assertThrows(JwtException.class, () -> Json.num(m, "s")).getMessage());
        assertEquals("field \"s\" should be true or false", assertThrows(JwtException.class, () -> Json.bool(m, "s")).getMessage());
        assertEquals("field \"s\" should be a list", assertThrows(JwtException.class, () -> Json.list(m, "s")).getMessage());
        assertEquals("field \"mixed\" should be a list of strings",
                assertThrows(JwtException.class, () -> Json.strings(m, "mixed")).getMessage());
        assertEquals("field \"s\" should be an object", assertThrows(JwtException.class, () -> Json.map(m, "s")).getMessage());
    }

    @Test
    void listAccessorReturnsACopy() {
        Map<String, Object> m = Json.parseObject(bytes("{\"l\":[\"a\"]}"));
        Json.list(m, "l").add("b");
        assertEquals(List.of("a"), m.get("l"));
    }

    @Test
    void prettyIsIndentedWithOneSpaceAndDoesNotEscapeHtml() {
        Object v = Json.parse("{\"a\":[1,\"x>y\"],\"b\":{},\"c\":[],\"d\":{\"e\":null}}");
        assertEquals("{\n \"a\": [\n  1,\n  \"x>y\"\n ],\n \"b\": {},\n \"c\": [],\n \"d\": {\n  \"e\": null\n }\n}",
                Json.pretty(v));
    }

    @Test
    void writerOutputParsesBackToTheSameValue() {
        String[] samples = {"", "plain", "<tag> & \"quotes\" \\ /", "\u0001\u001f\u007f", "\b\f\n\r\t",
            "\u2028\u2029", "ü€😀", "a\u0000b"};
        for (String s : samples) {
            String json = JsonWriter.compact().value(s).toString();
            assertEquals(s, Json.parse(json), json);
        }
    }

    /**
     * Found by JsonFuzzTest (shrunk to the single byte 0x01, and to a backslash before a NUL): the
     * offending character went into the message as itself, so a control character or a line
     * break split or garbled the one-line error. Unprintable characters are now named by code.
     */
    @Test
    void unprintableCharactersAreNamedByCodeInMessages() {
        assertEquals("malformed JSON: unexpected character U+0001 at offset 0",
                assertThrows(JwtException.class, () -> Json.parse("\u0001")).getMessage());
        assertEquals("malformed JSON: bad escape \\ followed by U+000A at offset 2",
                assertThrows(JwtException.class, () -> Json.parse("\"\\\n\"")).getMessage());
        assertEquals("malformed JSON: unexpected character U+2028 at offset 1",
                assertThrows(JwtException.class, () -> Json.parse("[\u2028]")).getMessage());
        assertEquals("malformed JSON: unexpected character 'x' at offset 0",
                assertThrows(JwtException.class, () -> Json.parse("x")).getMessage());
    }

    /**
     * Found by JsonFuzzTest (a digit repeated to a megabyte): every integer literal beyond a long
     * went through BigInteger, which takes about 26 seconds for a million digits, and 1e400 was
     * read as Infinity, which the writer then wrote as the non-JSON word "Infinity". Go refuses
     * numbers beyond a float64; so do we, before any BigInteger is made.
     */
    @Test
    void numbersBeyondADoubleAreRefusedQuickly() {
        for (String n : new String[] {"1e400", "-1e400", "1" + "0".repeat(309), "7".repeat(1 << 20)}) {
            JwtException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                    () -> assertThrows(JwtException.class, () -> Json.parse("[" + n + "]")));
            assertEquals("malformed JSON: number out of range (beyond a 64-bit float) at offset 1", e.getMessage());
        }
        assertEquals(new BigInteger("1" + "0".repeat(300)), Json.parse("1" + "0".repeat(300)));
        assertEquals(0.0, Json.parse("1e-400"), "underflow is zero, as in Go");
    }

    /**
     * Found by JsonFuzzTest: Json.num took any integral double, and a long saturated, so 1e300 read
     * as Long.MAX_VALUE; and 9007199254740993.0 read as 9007199254740992, since from 2^53 on a
     * double no longer holds every integer. Integral doubles are still taken below 2^53.
     */
    @Test
    void numRefusesDoublesItCannotTakeExactly() {
        Map<String, Object> m = Json.parseObject(bytes("{\"big\":1e300,\"two63\":9223372036854775807.0,"
                + "\"rounded\":9007199254740993.0,\"two53\":9007199254740992.0,\"ok\":9007199254740991.0,"
                + "\"neg\":-9007199254740991.0,\"e\":1e3}"));
        for (String k : new String[] {"big", "two63", "rounded", "two53"}) {
            assertEquals("field \"" + k + "\" should be an integer",
                    assertThrows(JwtException.class, () -> Json.num(m, k)).getMessage());
        }
        assertEquals(9007199254740991L, Json.num(m, "ok"));
        assertEquals(-9007199254740991L, Json.num(m, "neg"));
        assertEquals(1000, Json.num(m, "e"));
    }

    /**
     * Found by JwtFuzzTest: a name holding the escape of half a surrogate pair was read as a lone
     * surrogate, written back as the escape for U+FFFD, and read the second time as U+FFFD, so
     * claims changed bytes on a second round, and differed from Go's, which reads such an escape
     * as U+FFFD at once. We read it so too now.
     */
    @Test
    void escapedLoneSurrogatesReadAsTheReplacementCharacterAsInGo() {
        assertEquals("\ufffd", Json.parse("\"\\ud800\""));
        assertEquals("\ufffdA", Json.parse("\"\\ud800\\u0041\""));
        assertEquals("x\ufffd\ufffdy", Json.parse("\"x\\udc00\\ud800y\""));
        assertEquals("\ufffd\ud83d\ude00", Json.parse("\"\\ud83d\\ud83d\\ude00\""));
        assertEquals(Map.of("\ufffd", 1L), Json.parse("{\"\\udfff\":1}"));
        String once = JsonWriter.compact().value(Json.parse("[\"\\ud800a\"]")).toString();
        assertEquals("[\"\ufffda\"]", once);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
