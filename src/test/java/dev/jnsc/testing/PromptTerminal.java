package dev.jnsc.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jline.terminal.Size;
import org.jline.terminal.impl.LineDisciplineTerminal;

/**
 * A terminal emulation for -i tests: JLine's line-discipline terminal (the one its own tests use),
 * with the tty settings of a real one (echo, Ctrl-C as an interrupt signal, Enter as CR), on which a
 * command runs in the background. The test waits for a question on the screen, then types keys, as
 * a person (or expect) would; typing before the question shows would be read by the terminal as
 * typeahead, and a Ctrl-C typed ahead would be lost as on a real terminal.
 *
 * <pre>
 * PromptTerminal t = new PromptTerminal();
 * Nsc.Running r = t.start(nsc, "add", "account", "-i");
 * t.answer("account name", "A\r").answer("generate an account nkey", "\r");
 * </pre>
 */
public final class PromptTerminal implements AutoCloseable {
    public static final String ENTER = "\r";
    public static final String CTRL_C = "\u0003";
    public static final String CTRL_D = "\u0004";
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long a test waits for a command on this terminal to end. */
    public static final Duration RESULT_WAIT = Duration.ofSeconds(30);
    private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[()][0-9A-Za-z]|\u001B[=>78]|\u0007|\r");

    private final Screen screen = new Screen();
    private final LineDisciplineTerminal terminal;
    /** Where in the plain screen text the next {@link #expect} looks from. */
    private int mark;

    public PromptTerminal() {
        try {
            terminal = new LineDisciplineTerminal("test", "xterm", screen, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        terminal.setSize(new Size(160, 40));
    }

    /** Starts {@code nsc args} with this terminal as the one -i asks on. */
    public Nsc.Running start(Nsc nsc, String... args) {
        return nsc.startOnTerminal(terminal, args);
    }

    /** Waits for the command to end (at most {@link #RESULT_WAIT}); fails, with the screen, unless it exited 0. */
    public Nsc.Result done(Nsc.Running r) {
        Nsc.Result res = r.result(RESULT_WAIT);
        if (res.code() != 0) {
            throw new AssertionError("exit " + res.code() + ": " + res + "\n--- screen\n" + screen());
        }
        return res;
    }

    /** The terminal itself, to put a prompter straight on it. */
    public org.jline.terminal.Terminal terminal() {
        return terminal;
    }

    /** Waits until {@code text} shows on the screen after what was expected before; fails after 20s. */
    public PromptTerminal expect(String text) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (screen) {
            while (true) {
                String plain = plain();
                int at = plain.indexOf(text, mark);
                if (at >= 0) {
                    mark = at + text.length();
                    return this;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("\"" + text + "\" did not show within " + WAIT + "; the screen after the"
                            + " last expected text:\n" + plain.substring(Math.min(mark, plain.length())));
                }
                try {
                    screen.wait(Math.max(1, Math.min(left / 1_000_000, 100)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Types keys (text, {@link #ENTER}, {@link #CTRL_C} ...) into the terminal. */
    public PromptTerminal type(String keys) {
        try {
            terminal.processInputBytes(keys.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** {@link #expect} the question, then {@link #type} the keys. */
    public PromptTerminal answer(String question, String keys) {
        return expect(question).type(keys);
    }

    /** Everything the terminal showed, without escape sequences and carriage returns. */
    public String screen() {
        synchronized (screen) {
            return plain();
        }
    }

    /** The raw bytes the terminal was sent, escape sequences included. */
    public String raw() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    private String plain() {
        return ESCAPES.matcher(screen.toString(StandardCharsets.UTF_8)).replaceAll("");
    }

    @Override
    public void close() {
        try {
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The terminal's output, waking {@link #expect} on each write. */
    private static final class Screen extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized String toString(java.nio.charset.Charset cs) {
            return bytes.toString(cs);
        }
    }
}
