package dev.jnsc.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnsc.testing.Fuzz;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random JSON documents for the JSON properties, written by Jackson, and the comparison of parsed
 * values. A document is a tree of {@link Node}s: objects are lists of fields, so a name can repeat,
 * and numbers are kept as the text to write, so any valid number form can be tried.
 */
final class JsonDocs {
    /** Jackson as the oracle: strict RFC 8259 (its defaults) and nothing may follow the value. */
    static final ObjectMapper JACKSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonDocs() {
    }

    sealed interface Node permits Str, Num, Bool, Null, Arr, Obj {
    }

    record Str(String value) implements Node {
    }

    record Num(String text) implements Node {
    }

    record Bool(boolean value) implements Node {
    }

    record Null() implements Node {
    }

    record Arr(List<Node> items) implements Node {
    }

    record Field(String name, Node value) {
    }

    record Obj(List<Field> fields) implements Node {
    }

    /** A document and how Jackson writes it: escaping every non-ASCII character or not, indented or not. */
    record Doc(Node root, boolean escapeNonAscii, boolean pretty) {
        byte[] bytes() {
            return write(root, escapeNonAscii, pretty);
        }

        @Override
        public String toString() {
            return Fuzz.escapeForReport(new String(bytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    static Arbitrary<Doc> docs(int depth) {
        return Combinators.combine(node(depth), Arbitraries.of(false, true), Arbitraries.of(false, true)).as(Doc::new);
    }

    static Arbitrary<Node> node(int depth) {
        Arbitrary<Node> scalar = Arbitraries.frequencyOf(
                Tuple.of(4, strings().map(s -> (Node) new Str(s))),
                Tuple.of(4, numberTexts().map(t -> (Node) new Num(t))),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (Node) new Bool(b))),
                Tuple.of(1, Arbitraries.just((Node) new Null())));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<Node> inner = node(depth - 1);
        Arbitrary<Node> array = inner.list().ofMaxSize(5).map(l -> (Node) new Arr(l));
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("a", "b", "name", "nats", "sub"), strings());
        Arbitrary<Node> object = Combinators.combine(names, inner).as(Field::new).list().ofMaxSize(5)
                .map(l -> (Node) new Obj(l));
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(1, array), Tuple.of(1, object));
    }

    /**
     * Strings of 0 to 12 code points: mostly ASCII, and control characters, the characters Go
     * escapes (&lt; &gt; &amp; U+2028 U+2029), quotes and backslashes, other BMP characters,
     * supplementary ones (surrogate pairs) and lone surrogates.
     */
    static Arbitrary<String> strings() {
        Arbitrary<Integer> cp = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(2, Arbitraries.integers().between(0, 0x1F)),
                Tuple.of(2, Arbitraries.of(0x22, 0x5C, 0x2F, 0x3C, 0x3E, 0x26, 0x2028, 0x2029, 0x7F, 0xFEFF, 0xFFFD)),
                Tuple.of(3, Arbitraries.integers().between(0x80, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)),
                Tuple.of(1, Arbitraries.integers().between(0xD800, 0xDFFF)));
        return cp.list().ofMaxSize(12).map(l -> {
            StringBuilder b = new StringBuilder();
            for (int c : l) {
                b.appendCodePoint(c);
            }
            return b.toString();
        });
    }

    /** Number texts in every form JSON allows, all within the range of a double. */
    static Arbitrary<String> numberTexts() {
        Arbitrary<String> longs = Arbitraries.longs().map(String::valueOf);
        // digit strings rather than Arbitraries.bigIntegers(), whose shrinking is slow enough to stall a run
        Arbitrary<String> big = Combinators.combine(Arbitraries.of("", "-"), Arbitraries.integers().between(1, 9),
                Arbitraries.strings().numeric().ofMinLength(17).ofMaxLength(40)).as((sign, first, rest) -> sign + first + rest);
        Arbitrary<String> edges = Arbitraries.of("0", "-0", "-0.0", "0.0", "0e0", "0E+00", "-0e-0", "1E308",
                "4.9e-324", "1e-400", "2.2250738585072014E-308", "1.7976931348623157e308", "9007199254740993",
                "9007199254740992", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
                "-9223372036854775809", "18446744073709551615", "18446744073709551616", "123456789012345678901234567890",
                "0.1", "1.5", "100000000000000000000000", "1e21", "1e15", "999999999999999.9");
        Arbitrary<String> doubles = Arbitraries.longs().map(Double::longBitsToDouble)
                .filter(Double::isFinite).map(String::valueOf);
        Arbitrary<String> decimals = Combinators.combine(
                Arbitraries.of("", "-"),
                Arbitraries.oneOf(Arbitraries.just("0"), Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20)
                        .filter(s -> s.charAt(0) != '0')),
                Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25)
                        .map(s -> "." + s)),
                Arbitraries.oneOf(Arbitraries.just(""), Combinators.combine(Arbitraries.of("e", "E"),
                        Arbitraries.of("", "+", "-"), Arbitraries.integers().between(0, 340)).as((e, s, x) -> e + s + x)))
                .as((sign, whole, frac, exp) -> sign + whole + frac + exp);
        return Arbitraries.oneOf(longs, big, edges, doubles, decimals).filter(t -> Double.isFinite(Double.parseDouble(t)));
    }

    static byte[] write(Node root, boolean escapeNonAscii, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (escapeNonAscii) {
                g.enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
            }
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            write(g, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, Node n) throws IOException {
        if (n instanceof Str s) {
            g.writeString(s.value());
        } else if (n instanceof Num num) {
            g.writeNumber(num.text());
        } else if (n instanceof Bool b) {
            g.writeBoolean(b.value());
        } else if (n instanceof Null) {
            g.writeNull();
        } else if (n instanceof Arr a) {
            g.writeStartArray();
            for (Node item : a.items()) {
                write(g, item);
            }
            g.writeEndArray();
        } else {
            g.writeStartObject();
            for (Field f : ((Obj) n).fields()) {
                g.writeFieldName(f.name());
                write(g, f.value());
            }
            g.writeEndObject();
        }
    }

    /**
     * Jackson's tree as the plain values our reader returns: LinkedHashMap (Jackson keeps the
     * first position of a repeated name and its last value, as our reader does), ArrayList,
     * String, Long or BigInteger for integers, Double for the rest, Boolean, null.
     */
    static Object plain(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), plain(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            for (JsonNode item : n) {
                l.add(plain(item));
            }
            return l;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isBigInteger()) {
            return n.bigIntegerValue();
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        if (n.isDouble() || n.isFloat()) {
            return n.doubleValue();
        }
        if (n.isBigDecimal()) {
            return n.decimalValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNull()) {
            return null;
        }
        throw new AssertionError("unexpected Jackson node " + n.getNodeType());
    }

    /**
     * How numbers are compared.
     * <ul>
     *   <li>{@code EXACT} (reading the same text): both readers must make the same kind of number,
     *       an integer (Long/BigInteger, whichever width) for a literal without fraction or
     *       exponent and a Double otherwise, and the same value; doubles bit for bit, so -0.0 is
     *       not 0.0. Both round a decimal text to the nearest double, so they must agree to the bit.</li>
     *   <li>{@code VALUE} (after our writer): JSON has one number type, and our writer, like Go's,
     *       writes an integral double as an integer ("5" for 5.0) and -0.0 as "0"; so two numbers
     *       are equal when their exact decimal values are (a double taken at its exact binary
     *       value, never rounded, so a 17th digit still counts).</li>
     * </ul>
     */
    enum Numbers {
        EXACT, VALUE
    }

    static void assertSameJson(Object expected, Object actual, Numbers numbers) {
        same(expected, actual, numbers, "$");
    }

    private static void same(Object e, Object a, Numbers numbers, String path) {
        if (e instanceof Map<?, ?> em) {
            if (!(a instanceof Map<?, ?> am)) {
                fail(path + ": expected an object, got " + describe(a));
                return;
            }
            assertEquals(new ArrayList<>(em.keySet()), new ArrayList<>(am.keySet()), path + ": names in order");
            for (Object k : em.keySet()) {
                same(em.get(k), am.get(k), numbers, path + "." + k);
            }
        } else if (e instanceof List<?> el) {
            if (!(a instanceof List<?> al)) {
                fail(path + ": expected an array, got " + describe(a));
                return;
            }
            assertEquals(el.size(), al.size(), path + ": array length");
            for (int i = 0; i < el.size(); i++) {
                same(el.get(i), al.get(i), numbers, path + "[" + i + "]");
            }
        } else if (e instanceof Number en) {
            if (!(a instanceof Number an)) {
                fail(path + ": expected the number " + e + ", got " + describe(a));
                return;
            }
            if (numbers == Numbers.EXACT) {
                boolean ei = en instanceof Long || en instanceof BigInteger;
                boolean ai = an instanceof Long || an instanceof BigInteger;
                assertEquals(ei, ai, path + ": integer or not, " + e + " (" + e.getClass().getSimpleName() + ") vs " + a
                        + " (" + a.getClass().getSimpleName() + ")");
                if (ei) {
                    assertEquals(new BigInteger(e.toString()), new BigInteger(a.toString()), path);
                } else {
                    assertEquals(Double.doubleToLongBits(en.doubleValue()), Double.doubleToLongBits(an.doubleValue()),
                            path + ": " + e + " vs " + a);
                }
            } else if (exact(en).compareTo(exact(an)) != 0) {
                fail(path + ": number " + e + " came back as " + a);
            }
        } else if (e instanceof String es) {
            if (!es.equals(a)) {
                fail(path + ": expected \"" + Fuzz.escapeForReport(es) + "\", got "
                        + (a instanceof String as ? "\"" + Fuzz.escapeForReport(as) + "\"" : describe(a)));
            }
        } else {
            assertEquals(e, a, path);
        }
    }

    static BigDecimal exact(Number n) {
        if (n instanceof Long || n instanceof Integer) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (n instanceof BigDecimal d) {
            return d;
        }
        return new BigDecimal(n.doubleValue());
    }

    private static String describe(Object a) {
        return a == null ? "null" : a.getClass().getSimpleName() + " " + Fuzz.escapeForReport(String.valueOf(a));
    }
}
