package dev.jnsc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

/** What a command's progress line leaves on stderr, and the output without it. */
public final class ProgressOutput {
    /** One drawing: a carriage return, the work and its count, maybe spaces over a longer line before. */
    private static final Pattern DRAW = Pattern.compile("\r[a-z ]+ \\d+(?:/\\d+)? *");
    /** The wiping at the end: carriage return, spaces, carriage return. */
    private static final Pattern CLEAR = Pattern.compile("\r +\r");

    private ProgressOutput() {
    }

    /** Runs {@code run} as if stderr were a terminal ({@code JNSC_PROGRESS=1}), then sets it back. */
    public static Nsc.Result onTerminal(Nsc nsc, java.util.function.Supplier<Nsc.Result> run) {
        nsc.env("JNSC_PROGRESS", "1");
        try {
            return run.get();
        } finally {
            nsc.env("JNSC_PROGRESS", null);
        }
    }

    /** Runs the command line {@code args} as if stderr were a terminal. */
    public static Nsc.Result onTerminal(Nsc nsc, String... args) {
        return onTerminal(nsc, () -> nsc.run(args));
    }

    /** {@code err} without any progress drawing and wiping. */
    public static String strip(String err) {
        return CLEAR.matcher(DRAW.matcher(err).replaceAll("")).replaceAll("");
    }

    /**
     * Checks that {@code on} drew {@code what} at least once, wiped it, and otherwise equals
     * {@code off} (the same command without a terminal) byte for byte; and that {@code off} has no
     * carriage return at all.
     */
    public static void assertDrawnAndWiped(String what, Nsc.Result on, Nsc.Result off) {
        assertFalse(off.err().contains("\r") || off.out().contains("\r"), off.toString());
        assertFalse(on.out().contains("\r"), "the progress line is on stderr only\n" + on);
        assertTrue(on.err().contains("\r" + what + " "), "no \"" + what + "\" progress line\n" + on);
        assertTrue(CLEAR.matcher(on.err()).find(), "the progress line was not wiped\n" + on);
        // after the last drawing comes a wiping
        int lastDraw = on.err().lastIndexOf("\r" + what + " ");
        assertTrue(CLEAR.matcher(on.err()).region(lastDraw, on.err().length()).find(), "not wiped at the end\n" + on);
        assertEquals(off.code(), on.code(), on.toString());
        assertEquals(off.out(), on.out());
        assertEquals(off.err(), strip(on.err()));
    }
}
