package dev.jnsc.cli;

import dev.jnsc.jwt.JwtException;
import dev.jnsc.nkeys.NKeyException;
import dev.jnsc.ops.OpsException;
import dev.jnsc.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.MaskingCallback;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The {@link Prompter} on a JLine terminal: questions as the Go nsc words them ("? label"), the
 * default in brackets, a refused answer followed by "X Sorry, your reply was invalid: …" and asked
 * again. Built only when -i is given, so JLine's classes load only then. Nothing typed is kept in a
 * history, and an answer that looks like a seed is not echoed in any question.
 */
final class TerminalPrompter implements Prompter {
    /** The start of an nkey seed: "S" and a key kind letter. */
    private static final Pattern SEED_START = Pattern.compile("^\\s*S[OACUNXP]");

    private final Terminal terminal;
    private final LineReader reader;
    /** True for the process's terminal, opened here: closed at the end of the run. */
    private final boolean owned;

    TerminalPrompter(Terminal terminal) {
        this(terminal, false);
    }

    private TerminalPrompter(Terminal terminal, boolean owned) {
        this.terminal = terminal;
        this.owned = owned;
        this.reader = LineReaderBuilder.builder().terminal(terminal).appName("nsc").history(new NoHistory())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
    }

    /** The process's terminal (JLine's exec provider, as the shell uses: stty, no native code). */
    static TerminalPrompter system() {
        try {
            Terminal t = TerminalBuilder.builder().system(true)
                    .provider(org.jline.terminal.impl.exec.ExecTerminalProvider.class.getSimpleName().isEmpty()
                            ? null : "exec")
                    .dumb(true).name("nsc").build();
            if (t.getWidth() <= 0) {
                t.setSize(new org.jline.terminal.Size(80, Math.max(t.getHeight(), 24)));
            }
            return new TerminalPrompter(t, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal for -i/--interactive: " + e.getMessage(), e);
        }
    }

    @Override
    public String prompt(String label, String defaultValue, Check check) {
        boolean hasDefault = defaultValue != null && !defaultValue.isEmpty();
        String shown = hasDefault ? " [" + (SEED_START.matcher(defaultValue).find() ? "the seed given" : defaultValue)
                + "]" : "";
        while (true) {
            String answer = read("? " + label + shown + ": ", new SeedHiding()).trim();
            if (answer.isEmpty() && hasDefault) {
                answer = defaultValue;
            }
            if (accepted(answer, check)) {
                return answer;
            }
        }
    }

    @Override
    public boolean confirm(String label, boolean defaultYes) {
        while (true) {
            String answer = read("? " + label + (defaultYes ? " (Y/n): " : " (y/N): "), null).trim().toLowerCase();
            if (answer.isEmpty()) {
                return defaultYes;
            }
            if (answer.equals("y") || answer.equals("yes")) {
                return true;
            }
            if (answer.equals("n") || answer.equals("no")) {
                return false;
            }
            invalid("\"" + answer + "\": answer y(es) or n(o)");
        }
    }

    @Override
    public int select(String label, List<String> options, int defaultIndex) {
        say("? " + label + ":");
        for (int i = 0; i < options.size(); i++) {
            say((i == defaultIndex ? "  > " : "    ") + (i + 1) + ") " + options.get(i));
        }
        while (true) {
            String answer = read("? choose 1-" + options.size() + " [" + (defaultIndex + 1) + "]: ", null).trim();
            if (answer.isEmpty()) {
                return defaultIndex;
            }
            int byText = options.indexOf(answer);
            if (byText >= 0) {
                return byText;
            }
            try {
                int n = Integer.parseInt(answer);
                if (n >= 1 && n <= options.size()) {
                    return n - 1;
                }
            } catch (NumberFormatException e) {
                // not a number: said below
            }
            invalid("\"" + answer + "\": type a number from 1 to " + options.size() + " or one of the choices");
        }
    }

    @Override
    public char[] secret(String label, Check check) {
        while (true) {
            String answer = read("? " + label + " (not shown): ", new Hidden());
            char[] chars = answer.trim().toCharArray();
            if (accepted(new String(chars), check)) {
                return chars;
            }
            Arrays.fill(chars, '\0');
        }
    }

    @Override
    public List<String> list(String label, List<String> values, Check check) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add(prompt("edit " + label, v, check));
        }
        while (true) {
            String answer = read("? add " + label + " (Enter alone when done): ", new SeedHiding()).trim();
            if (answer.isEmpty()) {
                return out;
            }
            if (accepted(answer, check)) {
                out.add(answer);
            }
        }
    }

    @Override
    public void close() {
        if (owned) {
            try {
                terminal.close();
            } catch (IOException e) {
                // the run is over; the terminal's settings were restored after each question
            }
        }
    }

    private boolean accepted(String answer, Check check) {
        try {
            check.test(answer);
            return true;
        } catch (OpsException | UsageException | StoreException | JwtException | NKeyException
                | IllegalArgumentException e) {
            invalid(ErrorHandler.oneLine(e.getMessage()));
            return false;
        }
    }

    private void invalid(String message) {
        say("X Sorry, your reply was invalid: " + message);
    }

    private void say(String line) {
        terminal.writer().println(line);
        terminal.flush();
    }

    private String read(String prompt, MaskingCallback mask) {
        try {
            return mask == null ? reader.readLine(prompt) : reader.readLine(prompt, null, mask, null);
        } catch (UserInterruptException | EndOfFileException e) {
            say("");
            throw new Interrupted();
        }
    }

    /** Shows what is typed, unless it looks like a seed: then nothing. */
    private static final class SeedHiding implements MaskingCallback {
        @Override
        public String display(String line) {
            return SEED_START.matcher(line).find() ? "" : line;
        }

        @Override
        public String history(String line) {
            return null;
        }
    }

    /** Shows nothing of what is typed. */
    private static final class Hidden implements MaskingCallback {
        @Override
        public String display(String line) {
            return "";
        }

        @Override
        public String history(String line) {
            return null;
        }
    }

    /** A history that keeps nothing: answers may hold keys. */
    private static final class NoHistory extends DefaultHistory {
        @Override
        public void add(java.time.Instant time, String line) {
            // nothing is kept
        }
    }

    static boolean looksLikeSeed(String s) {
        return s != null && SEED_START.matcher(s).find();
    }
}
