package dev.jnsc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

/** Assertions shared by the command tests. */
public final class Checks {
    private Checks() {
    }

    /**
     * Runs a command that must fail with {@code code}, print exactly one error line containing
     * {@code message} on stderr, nothing on stdout, and leave every file as it was.
     */
    public static Nsc.Result failsUnchanged(Nsc nsc, int code, String message, String... args) {
        Map<String, String> before = nsc.snapshot();
        Nsc.Result r = nsc.run(args);
        assertEquals(code, r.code(), () -> "exit code of nsc " + String.join(" ", args) + "\n" + r);
        assertTrue(r.err().contains(message), () -> "stderr should contain \"" + message + "\"\n" + r);
        assertEquals(1, r.err().strip().lines().count(), () -> "exactly one error line expected\n" + r);
        assertTrue(r.err().startsWith("Error: "), () -> "error line starts with 'Error: '\n" + r);
        assertFalse(r.err().contains("\tat "), () -> "no stack trace without --verbose\n" + r);
        assertEquals("", r.out(), () -> "nothing on stdout\n" + r);
        assertEquals(before, nsc.snapshot(), "no file may change when a command fails");
        return r;
    }

    /** True when a box table in {@code out} has a row "label | value..." (any padding). */
    public static boolean hasRow(String out, String label, String valueStart) {
        for (String line : out.split("\n")) {
            String[] cells = line.split("│");
            if (cells.length >= 3 && cells[1].trim().equals(label) && cells[2].trim().startsWith(valueStart)) {
                return true;
            }
        }
        return false;
    }

    public static void assertRow(String out, String label, String valueStart) {
        assertTrue(hasRow(out, label, valueStart), () -> "no row \"" + label + " | " + valueStart + "\" in\n" + out);
    }

    public static Nsc.Result fails(Nsc nsc, String message, String... args) {
        return failsUnchanged(nsc, 1, message, args);
    }

    public static Nsc.Result usage(Nsc nsc, String message, String... args) {
        return failsUnchanged(nsc, 2, message, args);
    }
}
