package dev.jnsc.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnsc.jwt.JsonDocs.Doc;
import dev.jnsc.jwt.JsonDocs.Numbers;
import dev.jnsc.testing.Fuzz;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Our JSON reader and writer agree with Jackson on 10,000 random documents each (see
 * {@link JsonDocs} for what they hold and how numbers are compared).
 *
 * <p>Where Go's encoding/json, which the project mimics, differs from Jackson, we follow Go and
 * write the difference down here rather than "fix" it toward Jackson:
 * <ul>
 *   <li>Repeated names: the last value wins, in Go (map) as in Jackson; both Jackson and our reader
 *       keep the name where it first appeared. No difference, so documents repeat names freely.</li>
 *   <li>Our writer escapes {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as {@code \u003c}
 *       etc., as Go does; Jackson reads them back to the same characters.</li>
 *   <li>A lone surrogate (a backslash-u escape of half a pair) reads as U+FFFD, as in Go, whose
 *       strings are UTF-8; Jackson keeps the surrogate. And a Java string holding one is written as
 *       Go writes invalid UTF-8, as the escape for U+FFFD. So Jackson's values are compared with
 *       lone surrogates replaced by U+FFFD, and nothing else is changed.</li>
 *   <li>Numbers out of the range of a double ({@code 1e400}) are refused, as Go refuses them;
 *       Jackson reads them as Infinity. Documents here stay within range; JsonFuzzTest covers the rest.</li>
 *   <li>Our writer writes a double with Java's {@code Double.toString} ("1.0E21" where Go writes
 *       "1e+21") and -0.0 as "0" (Go: "-0"): the same numbers, other bytes; only values are compared.</li>
 * </ul>
 */
class JsonJacksonAgreementTest {
    @Provide
    Arbitrary<Doc> documents() {
        return JsonDocs.docs(4);
    }

    /**
     * Jackson writes a document; we read exactly what Jackson reads from the same bytes. Then our
     * writer writes that value as UTF-8 (compact, or indented as --json prints) and Jackson reads
     * it back to the same value. One property for both ways, so the 10,000 documents are made once.
     */
    @Property(tries = 10_000)
    void agreesWithJacksonBothWays(@ForAll("documents") Doc doc, @ForAll boolean indented) throws Exception {
        byte[] json = doc.bytes();
        Object theirs = JsonDocs.plain(JsonDocs.JACKSON.readTree(json));
        Object ours = Fuzz.decode(() -> Json.parse(json), java.util.List.of());
        JsonDocs.assertSameJson(withLoneSurrogatesReplaced(theirs), ours, Numbers.EXACT);

        String written = indented ? Json.pretty(ours) : JsonWriter.compact().value(ours).toString();
        Object back = JsonDocs.plain(JsonDocs.JACKSON.readTree(written.getBytes(StandardCharsets.UTF_8)));
        JsonDocs.assertSameJson(withLoneSurrogatesReplaced(ours), back, Numbers.VALUE);
        if (!indented) {
            assertEquals(written, JsonWriter.compact().value(Json.parse(written)).toString(),
                    "writing what we read of our own output changes nothing");
        }
    }

    /** The value with each lone surrogate in a string (name or value) as U+FFFD, as Go reads and writes it. */
    static Object withLoneSurrogatesReplaced(Object v) {
        if (v instanceof String s) {
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    b.append(c).append(s.charAt(++i));
                } else {
                    b.append(Character.isSurrogate(c) ? '\ufffd' : c);
                }
            }
            return b.toString();
        }
        if (v instanceof java.util.Map<?, ?> m) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> {
                Object key = withLoneSurrogatesReplaced(k);
                // two names that only a replacement makes equal ("\uD800" and "\uFFFD", say): which
                // member wins depends on their order in the text, which Jackson's tree no longer has
                net.jqwik.api.Assume.that(key.equals(k) || !m.containsKey(key) && !out.containsKey(key));
                out.put(key, withLoneSurrogatesReplaced(x));
            });
            return out;
        }
        if (v instanceof java.util.List<?> l) {
            java.util.List<Object> out = new java.util.ArrayList<>();
            l.forEach(x -> out.add(withLoneSurrogatesReplaced(x)));
            return out;
        }
        return v;
    }
}
