package dev.jnsc.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * A writer that writes to where it is led (nsc batch: the stream of the line that runs, which
 * is the batch's own or, with --json, the line's captured output).
 */
final class Relay extends Writer {
    private Writer target;

    void to(Writer w) {
        target = w;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        target.write(buf, off, len);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        target.write(str, off, len);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    @Override
    public void close() throws IOException {
        flush(); // the batch's own streams stay open
    }
}
