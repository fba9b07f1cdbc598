package dev.jnsc.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON the Go library signs: encoding/json's escaping, compact, fields in written order. */
class JsonWriterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "svc.>|\"svc.\\u003e\"",
        "<script>|\"\\u003cscript\\u003e\"",
        "a&b|\"a\\u0026b\"",
        "q\"b|\"q\\\"b\"",
        "back\\slash|\"back\\\\slash\"",
        "/|\"/\"",
        "ü€😀|\"ü€😀\""
    })
    void compactEscapesAsGo(String in, String expected) {
        assertEquals(expected, JsonWriter.compact().value(in).toString());
    }

    @Test
    void lineAndParagraphSeparatorsAreEscaped() {
        assertEquals("\"a\\u2028b\\u2029c\"", JsonWriter.compact().value("a\u2028b\u2029c").toString());
        assertEquals("\"a\\u2028b\\u2029c\"", JsonWriter.indented(" ").value("a\u2028b\u2029c").toString());
    }

    @Test
    void controlCharactersAreEscapedAsGoDoes() {
        assertEquals("\"\\n\\r\\t\"", JsonWriter.compact().value("\n\r\t").toString());
        assertEquals("\"\\u0000\\u0001\\u001f\"", JsonWriter.compact().value("\u0000\u0001\u001f").toString());
        // Go 1.22 and later write \b and \f in their short form (nsc is built with a current Go)
        assertEquals("\"\\b\\f\"", JsonWriter.compact().value("\b\f").toString());
        assertEquals("\"\u007f\"", JsonWriter.compact().value("\u007f").toString(), "DEL is not escaped");
    }

    @Test
    void keysAreEscapedToo() {
        assertEquals("{\"a\\u003eb\":1}", JsonWriter.compact().beginObject().name("a>b").value(1L).endObject().toString());
    }

    @Test
    void indentedWriterDoesNotEscapeHtml() {
        assertEquals("\"svc.> & <x>\"", JsonWriter.indented(" ").value("svc.> & <x>").toString());
    }

    @Test
    void compactNesting() {
        String json = JsonWriter.compact().beginObject()
                .name("a").beginArray().value("x").value(2L).value(true).endArray()
                .name("b").beginObject().endObject()
                .name("c").beginArray().endArray()
                .name("d").beginObject().name("e").value(-1L).endObject()
                .endObject().toString();
        assertEquals("{\"a\":[\"x\",2,true],\"b\":{},\"c\":[],\"d\":{\"e\":-1}}", json);
    }

    @Test
    void indentedNesting() {
        String json = JsonWriter.indented("  ").beginObject()
                .name("a").beginArray().value("x").beginObject().name("k").value(false).endObject().endArray()
                .name("b").beginObject().endObject()
                .endObject().toString();
        assertEquals("{\n  \"a\": [\n    \"x\",\n    {\n      \"k\": false\n    }\n  ],\n  \"b\": {}\n}", json);
    }

    @Test
    void omitEmptyHelpers() {
        String json = JsonWriter.compact().beginObject()
                .field("s0", "").field("s1", (String) null).field("s", "v")
                .field("n0", 0L).field("n", -1L)
                .field("b0", false).field("b", true)
                .field("l0", List.of()).field("l1", (List<String>) null).field("l", List.of("x", "y"))
                .fieldRaw("r0", null).fieldRaw("r1", Map.of()).fieldRaw("r2", List.of()).fieldRaw("r", Map.of("k", 1L))
                .endObject().toString();
        assertEquals("{\"s\":\"v\",\"n\":-1,\"b\":true,\"l\":[\"x\",\"y\"],\"r\":{\"k\":1}}", json);
    }

    @Test
    void genericValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", null);
        m.put("i", 3);
        m.put("big", new BigInteger("123456789012345678901234567890"));
        m.put("d", 2.0);
        m.put("f", 2.5);
        List<Object> l = new ArrayList<>();
        l.add(Map.of("k", List.of()));
        l.add(null);
        m.put("l", l);
        assertEquals("{\"z\":null,\"i\":3,\"big\":123456789012345678901234567890,\"d\":2,\"f\":2.5,\"l\":[{\"k\":[]},null]}",
                JsonWriter.compact().value(m).toString());
    }

    @Test
    void unknownTypesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.compact().value((Object) new Object()));
    }

    /**
     * Found by JsonJacksonAgreementTest (shrunk to the string "\uD800"): a lone surrogate was
     * written as itself, and the UTF-8 bytes that get signed then held '?' in its place. Go
     * writes invalid UTF-8 as the escape \ufffd; so do we. Pairs stay as they are.
     */
    @Test
    void loneSurrogatesAreWrittenAsTheReplacementCharacterEscape() {
        assertEquals("\"a\\ufffdb\\ufffd\"", JsonWriter.compact().value("a\ud800b\udfff").toString());
        assertEquals("\"\\ufffd\\ufffd\"", JsonWriter.indented(" ").value("\udc00\ud800").toString());
        assertEquals("\"\ud83d\ude00\"", JsonWriter.compact().value("\ud83d\ude00").toString());
        String name = JsonWriter.compact().beginObject().name("\ud83d").value(1L).endObject().toString();
        assertEquals("{\"\\ufffd\":1}", name);
        assertEquals("\ufffd", Json.parse(JsonWriter.compact().value("\ud800").toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
