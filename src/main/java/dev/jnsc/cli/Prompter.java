package dev.jnsc.cli;

import java.util.List;

/**
 * Asks the person at the terminal for values (-i/--interactive). Every question shows its default
 * and Enter accepts it; an answer a {@link Check} refuses is asked again with the reason. Ctrl-C
 * or the end of input throws {@link Interrupted}: prompts come before any change, so nothing is
 * written then. The product's implementation is {@link TerminalPrompter}; tests drive the same one
 * on a JLine terminal emulation.
 */
interface Prompter {
    /** Checks an answer; throws with a message saying what is wrong when it is not acceptable. */
    @FunctionalInterface
    interface Check {
        void test(String value);

        Check ANY = v -> { };
    }

    /** Ctrl-C or end of input while a question was asked. */
    final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("interrupted: nothing was changed");
        }
    }

    /**
     * A line of text; Enter alone gives {@code defaultValue} (null or empty: no default, and then an
     * empty answer is checked like any other).
     */
    String prompt(String label, String defaultValue, Check check);

    default String prompt(String label, String defaultValue) {
        return prompt(label, defaultValue, Check.ANY);
    }

    /** Yes or no; Enter gives {@code defaultYes}. */
    boolean confirm(String label, boolean defaultYes);

    /** One of {@code options} by its number (from 1) or its text; Enter gives {@code defaultIndex}. Returns the index. */
    int select(String label, List<String> options, int defaultIndex);

    /** A secret (a seed) read without echo; never shown, never kept in a history. */
    char[] secret(String label, Check check);

    /**
     * A list of values as Go's list editor: each of {@code values} asked again (Enter keeps it),
     * then new values until an empty answer.
     */
    List<String> list(String label, List<String> values, Check check);

    /** Gives back what was opened for the questions (the process's terminal); nothing by default. */
    default void close() {
    }
}
