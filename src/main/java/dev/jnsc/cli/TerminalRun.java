package dev.jnsc.cli;

import dev.jnsc.env.Environment;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import org.jline.terminal.Terminal;

/**
 * Runs one command line whose -i questions are asked on a given JLine terminal instead of the
 * process's: the seam through which tests type answers into a terminal emulation. A class of its
 * own so that {@link CommandFactory} names no JLine type.
 */
public final class TerminalRun {
    private TerminalRun() {
    }

    public static int run(String[] args, Environment env, Clock clock, Terminal terminal, PrintWriter out,
            PrintWriter err) {
        Cli cli = new Cli(env, clock, out, err, InputStream.nullInputStream());
        cli.prompter = new TerminalPrompter(terminal);
        return CommandFactory.run(args, cli);
    }
}
