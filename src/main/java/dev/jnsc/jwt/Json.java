package dev.jnsc.jwt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON (RFC 8259) into plain values: LinkedHashMap, ArrayList, String, Long (BigInteger
 * when larger), Double, Boolean, null; and reads typed fields back out of them.
 *
 * <p>A small reader of its own rather than Jackson: every command parses a JWT and nsc.json, and
 * Jackson's factory and parser classes cost several milliseconds of a cold start.
 */
public final class Json {
    private final String text;
    private int pos;
    private int depth;

    private Json(String text) {
        this.text = text;
    }

    public static Object parse(byte[] json) {
        return parse(new String(json, java.nio.charset.StandardCharsets.UTF_8));
    }

    public static Object parse(String json) {
        Json p = new Json(json);
        p.skipSpace();
        if (p.pos >= json.length()) {
            throw new JwtException("expected JSON, found nothing");
        }
        Object v = p.value();
        p.skipSpace();
        if (p.pos < json.length()) {
            throw p.error("unexpected data after the JSON value");
        }
        return v;
    }

    /** Parses a JSON object, failing if the text holds anything else. */
    public static Map<String, Object> parseObject(byte[] json) {
        Object v = parse(json);
        if (!(v instanceof Map)) {
            throw new JwtException("expected a JSON object");
        }
        return asMap(v);
    }

    private JwtException error(String what) {
        return new JwtException("malformed JSON: " + what + " at offset " + pos);
    }

    /** A character for a message: itself in quotes when printable, else its code, e.g. U+0000. */
    private static String show(char c) {
        if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    /**
     * Text read from a token or file, for a message: quoted, on one line (controls and separators
     * escaped), at most 40 characters, and with every run of 12 or more base32 letters, which could
     * be key material (a seed put where it does not belong), shown as "…".
     */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        int i = 0;
        while (i < s.length() && b.length() <= 40) {
            int run = i;
            while (run < s.length() && (s.charAt(run) >= 'A' && s.charAt(run) <= 'Z' || s.charAt(run) >= '2' && s.charAt(run) <= '7')) {
                run++;
            }
            if (run - i >= 12) {
                b.append('\u2026');
                i = run;
                continue;
            }
            char c = s.charAt(i++);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append(i < s.length() ? "\u2026\"" : "\"").toString();
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character " + show(c));
        }
    }

    private Object literal(String word, Object v) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected token");
        }
        pos += word.length();
        return v;
    }

    private Map<String, Object> object() {
        if (++depth > 512) {
            throw error("nesting too deep");
        }
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            depth--;
            return m;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a field name");
            }
            String key = string();
            skipSpace();
            if (peek() != ':') {
                throw error("expected ':'");
            }
            pos++;
            skipSpace();
            m.put(key, value());
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') {
                depth--;
                return m;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array() {
        if (++depth > 512) {
            throw error("nesting too deep");
        }
        pos++;
        List<Object> l = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            depth--;
            return l;
        }
        while (true) {
            skipSpace();
            l.add(value());
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return l;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private String string() {
        pos++;
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
                pos++;
                return withoutLoneSurrogates(s);
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(text, start, pos);
            pos++;
            char e = peek();
            pos++;
            switch (e) {
                case '"':
                case '\\':
                case '/':
                    sb.append(e);
                    break;
                case 'b':
                    sb.append('\b');
                    break;
                case 'f':
                    sb.append('\f');
                    break;
                case 'n':
                    sb.append('\n');
                    break;
                case 'r':
                    sb.append('\r');
                    break;
                case 't':
                    sb.append('\t');
                    break;
                case 'u':
                    if (pos + 4 > text.length()) {
                        throw error("short \\u escape");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        // ASCII hex digits only: Integer.parseInt would also take a sign or non-ASCII digits
                        char h = text.charAt(pos + i);
                        int d = h < 128 ? Character.digit(h, 16) : -1;
                        if (d < 0) {
                            throw error("bad \\u escape");
                        }
                        code = (code << 4) | d;
                    }
                    sb.append((char) code);
                    pos += 4;
                    break;
                default:
                    pos--;
                    throw error("bad escape \\ followed by " + show(e));
            }
            start = pos;
        }
    }

    /**
     * As Go's decoder: a surrogate that is not half of a pair (from a \\u escape; in UTF-8 input
     * there are none) reads as U+FFFD, so that every string read has a UTF-8 form.
     */
    private static String withoutLoneSurrogates(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (out == null) {
                out = s.toCharArray();
            }
            out[i] = '\ufffd';
        }
        return out == null ? s : new String(out);
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        boolean integral = true;
        if (pos + 1 < text.length() && text.charAt(pos) == '0' && Character.isDigit(text.charAt(pos + 1))) {
            throw error("leading zeros are not allowed");
        }
        digits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            integral = false;
            pos++;
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            integral = false;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            digits();
        }
        String n = text.substring(start, pos);
        if (integral && n.length() < 19) {
            return Long.parseLong(n);
        }
        double d = Double.parseDouble(n);
        if (Double.isInfinite(d)) {
            // Go refuses it too; and a megabyte of digits would keep BigInteger busy for seconds
            pos = start;
            throw error("number out of range (beyond a 64-bit float)");
        }
        if (integral) {
            java.math.BigInteger b = new java.math.BigInteger(n);
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        return d;
    }

    private void digits() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a digit");
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object v) {
        return (Map<String, Object>) v;
    }

    /** The object under {@code key}, or null; fails if it is something else. */
    public static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map)) {
            throw new JwtException("field " + quote(key) + " should be an object");
        }
        return asMap(v);
    }

    public static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return "";
        }
        if (!(v instanceof String)) {
            throw new JwtException("field " + quote(key) + " should be a string");
        }
        return (String) v;
    }

    public static long num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return 0;
        }
        if (v instanceof Long) {
            return (Long) v;
        }
        // an integral double ("7.0", "1e3") is taken below 2^53, where doubles hold every integer
        // exactly: from 2^53 on, the digits written may have been rounded away (2^53 + 1 reads as
        // 2^53), and past 2^63 a long would saturate
        if (v instanceof Double && ((Double) v) == Math.rint((Double) v) && Math.abs((Double) v) < 0x1p53) {
            return ((Double) v).longValue();
        }
        throw new JwtException("field " + quote(key) + " should be an integer");
    }

    public static boolean bool(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean)) {
            throw new JwtException("field " + quote(key) + " should be true or false");
        }
        return (Boolean) v;
    }

    public static List<Object> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return new ArrayList<>();
        }
        if (!(v instanceof List)) {
            throw new JwtException("field " + quote(key) + " should be a list");
        }
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) v;
        return new ArrayList<>(l);
    }

    public static List<String> strings(Map<String, Object> m, String key) {
        List<String> out = new ArrayList<>();
        for (Object o : list(m, key)) {
            if (!(o instanceof String)) {
                throw new JwtException("field " + quote(key) + " should be a list of strings");
            }
            out.add((String) o);
        }
        return out;
    }

    /** An integer field that Go declares unsigned: 0 when absent, {@code max} at most. */
    static long unsigned(Map<String, Object> m, String key, long max, String what) {
        long v = num(m, key);
        if (v < 0 || v > max) {
            throw new JwtException(what + ": expected \"" + key + "\" between 0 and " + max + ", found " + v);
        }
        return v;
    }

    /** Copies the entries of {@code from} whose keys are not {@code known}, in their order. */
    static void copyUnknown(Map<String, Object> from, java.util.Set<String> known, Map<String, Object> into) {
        for (Map.Entry<String, Object> e : from.entrySet()) {
            if (!known.contains(e.getKey())) {
                into.put(e.getKey(), e.getValue());
            }
        }
    }

    /** The list element at {@code index} as an object, or an error naming the list. */
    static Map<String, Object> element(List<Object> list, int index, String listName) {
        Object o = list.get(index);
        if (!(o instanceof Map)) {
            throw new JwtException("expected " + listName + "[" + index + "] to be an object, found " + kind(o));
        }
        return asMap(o);
    }

    private static String kind(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof List) {
            return "a list";
        }
        if (o instanceof String) {
            return "a string";
        }
        return o instanceof Boolean ? "a boolean" : "a number";
    }

    /** Pretty form of a parsed value: one-space indent, no HTML escaping, as nsc prints --json. */
    public static String pretty(Object v) {
        return JsonWriter.indented(" ").value(v).toString();
    }
}
