package dev.jnsc.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Shared pieces of the fuzz properties: a mutation engine that jqwik can shrink, and the oracle
 * every decoder must satisfy on any input (only its own exceptions, with a clear one-line message
 * that carries no seed, within a time bound).
 *
 * <p>A mutation is data ({@link Mutation}): its positions and sizes are plain ints taken modulo the
 * current length, so jqwik shrinks a failing case to fewer, smaller edits near the start, and the
 * same list always produces the same input.
 */
public final class Fuzz {
    /** Generous for one decode of at most about a megabyte, yet far below anything a user would call a hang. */
    public static final Duration BOUND = Duration.ofSeconds(5);
    /** A message longer than this is not "clear"; a path in it is allowed on top. */
    public static final int MAX_MESSAGE = 300;
    /** Any run this long taken from a seed counts as leaking it. */
    public static final int SEED_WINDOW = 12;
    /** What the "huge" mutations grow an input to, at most. */
    public static final int HUGE = 1 << 20;

    private Fuzz() {
    }

    /** The kinds of edit. */
    public enum Op {
        FLIP_BIT, INSERT, INSERT_UNICODE, DELETE, TRUNCATE, DUPLICATE, SWAP, REPEAT, NEST, TOKEN
    }

    /** One edit: {@code a} and {@code b} pick positions or lengths, {@code n} a value or count. */
    public record Mutation(Op op, int a, int b, int n) {
    }

    /** Lists of 1 to {@code max} edits; REPEAT and NEST, the costly ones, are the rarest. */
    public static Arbitrary<List<Mutation>> mutations(int max) {
        Arbitrary<Op> ops = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just(Op.FLIP_BIT)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Op.INSERT)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Op.INSERT_UNICODE)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Op.DELETE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Op.TRUNCATE)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Op.DUPLICATE)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Op.SWAP)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Op.REPEAT)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Op.NEST)),
                net.jqwik.api.Tuple.of(5, Arbitraries.just(Op.TOKEN)));
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, 1 << 20);
        Arbitrary<Integer> value = Arbitraries.integers().between(0, 1 << 21);
        return Combinators.combine(ops, pos, pos, value).as(Mutation::new).list().ofMinSize(1).ofMaxSize(max);
    }

    /** Units of a mutated text: chars of a Java string, or bytes (held as chars 0-255). */
    public enum Units {
        CHARS, BYTES
    }

    /** Characters that matter to one decoder or another. */
    private static final char[] INTERESTING = ("\"\\{}[]:,.-+eE019 \n\r\t\0unlft/=*SAOUNCX_ab<>&#"
            + "\u007f").toCharArray();
    private static final int[] INTERESTING_BYTES = {0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF8, 0xFE, 0xFF};
    private static final int[] INTERESTING_CODE_POINTS = {0, 0x1F, 0x7F, 0x80, 0x85, 0xA0, 0x2028, 0x2029, 0x200B, 0xFEFF,
        0xFFFD, 0xFFFF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x10000, 0x1F600, 0x10FFFF, 0x0660, 0xFF10, 0x0130, 0x212A};

    /** Applies the edits in order; {@code tokens} are what TOKEN splices in (use bytes-as-chars for BYTES). */
    public static String apply(String start, List<Mutation> edits, Units units, List<String> tokens) {
        StringBuilder s = new StringBuilder(start);
        for (Mutation m : edits) {
            apply(s, m, units, tokens);
        }
        return s.toString();
    }

    /** The same, on bytes. */
    public static byte[] apply(byte[] start, List<Mutation> edits, List<String> tokens) {
        return apply(new String(start, StandardCharsets.ISO_8859_1), edits, Units.BYTES, tokens)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void apply(StringBuilder s, Mutation m, Units units, List<String> tokens) {
        int len = s.length();
        int a = len == 0 ? 0 : m.a() % len;
        int n = m.n();
        switch (m.op()) {
            case FLIP_BIT:
                if (len == 0) {
                    s.append((char) (n & 0xFF));
                } else {
                    s.setCharAt(a, (char) (s.charAt(a) ^ (1 << (n % (units == Units.BYTES ? 8 : 16)))));
                }
                break;
            case INSERT:
                s.insert(m.a() % (len + 1), interestingUnit(n, units));
                break;
            case INSERT_UNICODE:
                s.insert(m.a() % (len + 1), codePoint(n, units));
                break;
            case DELETE:
                if (len > 0) {
                    s.delete(a, a + 1 + m.b() % Math.min(len - a, 16));
                }
                break;
            case TRUNCATE:
                s.setLength(m.a() % (len + 1));
                break;
            case DUPLICATE:
                if (len > 0) {
                    String segment = s.substring(a, a + 1 + m.b() % (len - a));
                    s.insert(n % (len + 1), segment);
                }
                break;
            case SWAP:
                if (len > 1) {
                    int b = m.b() % len;
                    char c = s.charAt(a);
                    s.setCharAt(a, s.charAt(b));
                    s.setCharAt(b, c);
                }
                break;
            case REPEAT:
                if (len > 0) {
                    String segment = s.substring(a, a + 1 + m.b() % Math.min(len - a, 64));
                    int times = Math.min(n, HUGE / segment.length());
                    s.insert(a, segment.repeat(times));
                }
                break;
            case NEST:
                nest(s, n);
                break;
            case TOKEN:
                if (!tokens.isEmpty()) {
                    int end = Math.min(len, a + m.b() % 17);
                    s.replace(a, end, tokens.get(n % tokens.size()));
                }
                break;
            default:
                throw new AssertionError(m.op());
        }
    }

    private static String interestingUnit(int n, Units units) {
        if (n % 3 != 0) {
            return String.valueOf(INTERESTING[n % INTERESTING.length]);
        }
        if (units == Units.BYTES) {
            return String.valueOf((char) (n % 2 == 0 ? INTERESTING_BYTES[(n / 3) % INTERESTING_BYTES.length] : (n / 3) & 0xFF));
        }
        return String.valueOf((char) ((n / 3) & 0xFFFF));
    }

    /** A code point, lone surrogates included; as UTF-8 bytes (surrogates then are invalid UTF-8) for BYTES. */
    private static String codePoint(int n, Units units) {
        int cp = n % 2 == 0 ? INTERESTING_CODE_POINTS[(n / 2) % INTERESTING_CODE_POINTS.length] : (n / 2) % 0x110000;
        if (units == Units.CHARS) {
            return new StringBuilder().appendCodePoint(cp).toString();
        }
        return new String(utf8(cp), StandardCharsets.ISO_8859_1);
    }

    /** UTF-8 by hand, so that a surrogate code point gives its (invalid) three-byte form. */
    static byte[] utf8(int cp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4);
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xC0 | cp >> 6);
            out.write(0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            out.write(0xE0 | cp >> 12);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        } else {
            out.write(0xF0 | cp >> 18);
            out.write(0x80 | cp >> 12 & 0x3F);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        }
        return out.toByteArray();
    }

    /** Wraps the text in up to 4,999 levels of arrays or objects, or opens that many without closing. */
    private static void nest(StringBuilder s, int n) {
        int depth = n % 5000;
        switch ((n / 5000) % 3) {
            case 0:
                s.insert(0, "[".repeat(depth)).append("]".repeat(depth));
                break;
            case 1:
                s.insert(0, "{\"a\":".repeat(depth)).append("}".repeat(depth));
                break;
            default:
                s.insert(0, "[".repeat(depth));
        }
    }

    /**
     * Runs one try of a property: fails if it takes longer than {@link #BOUND} (a hang), and
     * passes on whatever it throws, a StackOverflowError or OutOfMemoryError included.
     */
    public static void bounded(org.junit.jupiter.api.function.Executable tryBody) {
        assertTimeoutPreemptively(BOUND, tryBody, "one try took longer than " + BOUND);
    }

    /**
     * Runs one decode under the oracle: it returns normally (its value is returned), or throws one
     * of {@code allowed} with a good message (then null is returned). Anything else fails the
     * property. Run it inside {@link #bounded} to catch hangs.
     */
    @SafeVarargs
    public static <T> T decode(Callable<T> call, Collection<String> secrets, Class<? extends RuntimeException>... allowed) {
        return decode(call, secrets, "", allowed);
    }

    /** As above; {@code path} may appear in messages on top of the length limit. */
    @SafeVarargs
    public static <T> T decode(Callable<T> call, Collection<String> secrets, String path,
            Class<? extends RuntimeException>... allowed) {
        Throwable t;
        try {
            return call.call();
        } catch (Throwable thrown) {
            t = thrown;
        }
        for (Class<? extends RuntimeException> c : allowed) {
            if (c == t.getClass()) {
                checkMessage(t.getMessage(), secrets, path);
                return null;
            }
        }
        throw new AssertionError("unexpected " + t.getClass().getName() + " (only " + names(allowed) + " may come out)", t);
    }

    private static String names(Class<?>[] classes) {
        StringBuilder b = new StringBuilder();
        for (Class<?> c : classes) {
            b.append(b.length() == 0 ? "" : ", ").append(c.getSimpleName());
        }
        return b.toString();
    }

    /** A message is non-empty, one printable line, short, and holds no run of {@link #SEED_WINDOW} characters of a secret. */
    public static void checkMessage(String message, Collection<String> secrets, String path) {
        if (message == null || message.isBlank()) {
            fail("empty exception message");
        }
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < message.length()
                    && Character.isLowSurrogate(message.charAt(i + 1));
            if (pairedSurrogate) {
                i++;
                continue;
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
                fail("message has the unprintable character U+" + String.format("%04X", (int) c) + " at " + i + ": "
                        + escapeForReport(message));
            }
        }
        int limit = MAX_MESSAGE + (message.contains(path) ? path.length() : 0);
        if (message.length() > limit) {
            fail("message of " + message.length() + " characters, at most " + limit + " expected: "
                    + escapeForReport(message));
        }
        for (String secret : secrets) {
            for (int i = 0; i + SEED_WINDOW <= secret.length(); i++) {
                if (message.contains(secret.substring(i, i + SEED_WINDOW))) {
                    fail("message contains seed material: " + escapeForReport(message));
                }
            }
        }
    }

    /** For failure reports: the text with anything unprintable as \\uXXXX, cut to 2,000 characters. */
    public static String escapeForReport(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && i < 2000; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return s.length() > 2000 ? b.append("...(").append(s.length()).append(" chars)").toString() : b.toString();
    }
}
