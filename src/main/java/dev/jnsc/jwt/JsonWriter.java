package dev.jnsc.jwt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON the way Go's encoding/json does: compact, fields in the order they are written,
 * {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped as {@code \\u00XX}, a lone surrogate
 * (which has no UTF-8 form) as {@code \\ufffd}. Optional
 * indentation gives the form nsc prints for {@code --json} (which does not escape HTML).
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder(256);
    private final Deque<boolean[]> first = new ArrayDeque<>();
    private final String indent;
    private final boolean escapeHtml;
    private boolean afterKey;

    private JsonWriter(String indent, boolean escapeHtml) {
        this.indent = indent;
        this.escapeHtml = escapeHtml;
    }

    /** Compact, HTML-escaping writer: the bytes the Go library signs. */
    public static JsonWriter compact() {
        return new JsonWriter(null, true);
    }

    /** Indented, HTML-escaping writer: Go's json.MarshalIndent of a report (expirations --json). */
    public static JsonWriter indentedEscapingHtml(String indent) {
        return new JsonWriter(indent, true);
    }

    /** Indented writer without HTML escaping, as nsc prints decoded JWTs. */
    public static JsonWriter indented(String indent) {
        return new JsonWriter(indent, false);
    }

    /** Indented and HTML-escaping, as Go's json.MarshalIndent writes. */
    public static JsonWriter indentedGo(String indent) {
        return new JsonWriter(indent, true);
    }

    public JsonWriter beginObject() {
        prefix();
        out.append('{');
        first.push(new boolean[] {true});
        return this;
    }

    public JsonWriter endObject() {
        return close('}');
    }

    public JsonWriter beginArray() {
        prefix();
        out.append('[');
        first.push(new boolean[] {true});
        return this;
    }

    public JsonWriter endArray() {
        return close(']');
    }

    private JsonWriter close(char c) {
        boolean empty = first.pop()[0];
        if (!empty && indent != null) {
            newline();
        }
        out.append(c);
        return this;
    }

    public JsonWriter name(String key) {
        prefix();
        string(key);
        out.append(':');
        if (indent != null) {
            out.append(' ');
        }
        afterKey = true;
        return this;
    }

    public JsonWriter value(String s) {
        prefix();
        string(s);
        return this;
    }

    public JsonWriter value(long n) {
        prefix();
        out.append(n);
        return this;
    }

    public JsonWriter value(boolean b) {
        prefix();
        out.append(b);
        return this;
    }

    /** Writes a generic value: Map, List, String, Number, Boolean or null. */
    public JsonWriter value(Object v) {
        if (v == null) {
            prefix();
            out.append("null");
        } else if (v instanceof String) {
            value((String) v);
        } else if (v instanceof Boolean) {
            value(((Boolean) v).booleanValue());
        } else if (v instanceof Long || v instanceof Integer || v instanceof java.math.BigInteger) {
            prefix();
            out.append(v);
        } else if (v instanceof Number) {
            prefix();
            double d = ((Number) v).doubleValue();
            out.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
        } else if (v instanceof Map) {
            beginObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                name(String.valueOf(e.getKey()));
                value(e.getValue());
            }
            endObject();
        } else if (v instanceof List) {
            beginArray();
            for (Object o : (List<?>) v) {
                value(o);
            }
            endArray();
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
        return this;
    }

    // --- omitempty helpers, as the Go structs declare them ---

    public JsonWriter field(String key, String v) {
        if (v != null && !v.isEmpty()) {
            name(key).value(v);
        }
        return this;
    }

    public JsonWriter field(String key, long v) {
        if (v != 0) {
            name(key).value(v);
        }
        return this;
    }

    public JsonWriter field(String key, boolean v) {
        if (v) {
            name(key).value(true);
        }
        return this;
    }

    public JsonWriter field(String key, List<String> v) {
        if (v != null && !v.isEmpty()) {
            name(key).beginArray();
            for (String s : v) {
                value(s);
            }
            endArray();
        }
        return this;
    }

    /** A generic value, omitted when null or an empty map or list. */
    public JsonWriter fieldRaw(String key, Object v) {
        if (v == null || (v instanceof Map && ((Map<?, ?>) v).isEmpty())
                || (v instanceof List && ((List<?>) v).isEmpty())) {
            return this;
        }
        return name(key).value(v);
    }

    private void prefix() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        boolean[] f = first.peek();
        if (f == null) {
            return;
        }
        if (!f[0]) {
            out.append(',');
        }
        f[0] = false;
        if (indent != null) {
            newline();
        }
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < first.size(); i++) {
            out.append(indent);
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                case '<':
                case '>':
                case '&':
                    if (escapeHtml) {
                        unicode(c);
                    } else {
                        out.append(c);
                    }
                    break;
                case '\u2028':
                case '\u2029':
                    unicode(c);
                    break;
                default:
                    if (c < 0x20) {
                        unicode(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // a lone surrogate has no UTF-8 form; Go writes invalid UTF-8 as this escape
                        out.append("\\ufffd");
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    private void unicode(char c) {
        String hex = Integer.toHexString(c);
        out.append("\\u");
        for (int i = hex.length(); i < 4; i++) {
            out.append('0');
        }
        out.append(hex);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
