package dev.jnsc.cli;

import dev.jnsc.ops.ProgressListener;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr for long work ("pushing accounts 120/201"), redrawn in place with a
 * carriage return at most ten times a second, and wiped when the work ends, so that what the command prints after it is exactly what it prints without it. When
 * stderr is not a terminal (see {@link dev.jnsc.env.Environment#stderrIsTerminal()}) it prints
 * nothing at all. Not thread-safe: one worker thread reports.
 */
final class Progress implements ProgressListener, AutoCloseable {
    /** At most ten redraws a second. */
    static final long MIN_REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier nanos;
    /** Characters on screen now (0: nothing shown). */
    private int shown;
    private boolean drawnOnce;
    private long lastDraw;

    Progress(PrintWriter err, boolean enabled, LongSupplier nanos) {
        this.err = err;
        this.enabled = enabled;
        this.nanos = nanos;
    }

    /** The progress line of {@code cli}'s run: live only when its stderr is a terminal. */
    static Progress of(Cli cli) {
        return new Progress(cli.err, !cli.noProgress && cli.env.stderrIsTerminal(), System::nanoTime);
    }

    boolean enabled() {
        return enabled;
    }

    @Override
    public void at(String what, int done, int total) {
        if (!enabled) {
            return;
        }
        long now = nanos.getAsLong();
        if (drawnOnce && now - lastDraw < MIN_REDRAW_NANOS) {
            return;
        }
        drawnOnce = true;
        lastDraw = now;
        String line = what + " " + done + (total > 0 ? "/" + total : "");
        StringBuilder sb = new StringBuilder(line.length() * 2 + 2).append('\r').append(line);
        // a shorter line leaves none of the longer one behind
        for (int i = line.length(); i < shown; i++) {
            sb.append(' ');
        }
        if (shown > line.length()) {
            sb.append('\r').append(line);
        }
        err.print(sb);
        err.flush();
        shown = line.length();
    }

    /** Wipes the line, if one is shown, so that other output starts at the beginning of an empty line. */
    void clear() {
        if (shown == 0) {
            return;
        }
        StringBuilder sb = new StringBuilder(shown + 2).append('\r');
        for (int i = 0; i < shown; i++) {
            sb.append(' ');
        }
        err.print(sb.append('\r'));
        err.flush();
        shown = 0;
    }

    /**
     * {@code w}, but each write first wipes the progress line: for output printed while the
     * line may be shown (the commands of a batch). {@code w} itself when there is no progress line.
     */
    PrintWriter guard(PrintWriter w) {
        if (!enabled) {
            return w;
        }
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
                if (len > 0) {
                    clear();
                }
                w.write(cbuf, off, len);
            }

            @Override
            public void write(String s, int off, int len) {
                if (len > 0) {
                    clear();
                }
                w.write(s, off, len);
            }

            @Override
            public void flush() {
                w.flush();
            }

            @Override
            public void close() {
                w.flush();
            }
        }, false);
    }

    @Override
    public void close() {
        clear();
    }
}
