package dev.jnsc.cli;

import dev.jnsc.env.Dirs;
import dev.jnsc.env.Environment;
import dev.jnsc.ops.BatchSession;
import dev.jnsc.ops.Report;
import dev.jnsc.ops.Workspace;
import java.io.InputStream;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * What every command of one run shares: the writers, the injected environment and clock, the
 * global options, and the workspace built from them on first use.
 */
final class Cli {
    final Environment env;
    final Clock clock;
    /** Standard output; while a command runs with --json, what it prints there is captured (see {@link JsonResult}). */
    PrintWriter out;
    final PrintWriter err;
    /** Standard input (read by nsc batch). */
    final InputStream in;
    final GlobalOptions globals = new GlobalOptions();
    /** Set when this run is one line of a batch: the batch's locks and open group of commits. */
    BatchSession batch;
    /** Set for a batch line whose output is captured (--json): no progress line then. */
    boolean noProgress;
    /** Set while a command runs with --json: its reports are collected there. */
    JsonResult json;
    private Workspace workspace;
    /** Asks for values with -i: set by the shell (its terminal) or a test; else made on first use. */
    Prompter prompter;

    Cli(Environment env, Clock clock, PrintWriter out, PrintWriter err) {
        this(env, clock, out, err, System.in);
    }

    Cli(Environment env, Clock clock, PrintWriter out, PrintWriter err, InputStream in) {
        this.env = env;
        this.clock = clock;
        this.out = out;
        this.err = err;
        this.in = in;
    }

    Workspace workspace() {
        if (workspace == null) {
            workspace = new Workspace(Dirs.resolve(globals.dirFlags(), env), clock, null);
            if (batch != null) {
                workspace.joinBatch(batch);
            }
        }
        return workspace;
    }

    /** The workspace, or null when the run has not used one. */
    Workspace workspaceIfUsed() {
        return workspace;
    }

    /**
     * The workspace of a command that writes: it holds the store lock from here until the run
     * ends, so that what the command reads cannot change before it commits.
     */
    Workspace writer() {
        Workspace ws = workspace();
        ws.lock(globals.lockTimeout(), this::warn);
        return ws;
    }

    /**
     * The prompter for -i/--interactive: the one given, else the process's terminal. Without a
     * terminal (standard input or output redirected, or a batch line) -i is a usage error.
     */
    Prompter prompter() {
        if (prompter != null) {
            return prompter;
        }
        if (batch != null) {
            throw new UsageException("-i/--interactive cannot be used in nsc batch: a batch line gives its values as"
                    + " flags");
        }
        if (in != System.in || !env.isTerminal()) {
            throw new UsageException("-i/--interactive needs a terminal: standard input and output must both be one"
                    + " (give the values as flags instead)");
        }
        prompter = TerminalPrompter.system();
        return prompter;
    }

    /**
     * Makes this run state ready for the next line of a batch (which runs its lines with one
     * Cli, see {@link CommandFactory.Models}): no global option given, no workspace yet.
     */
    void nextLine() {
        close();
        workspace = null;
        globals.clear();
    }

    /** Releases what the run holds (the store lock). */
    void close() {
        if (prompter != null) {
            prompter.close();
        }
        if (workspace != null) {
            workspace.close();
        }
    }

    /** A "[WARN] …" line on stderr, at once. */
    void warn(String message) {
        err.println(prefix(Report.Status.WARN) + message);
        err.flush();
    }

    /** The -K value, or null. */
    String signer() {
        return globals.privateKey;
    }

    /**
     * Prints the report's "[ OK ] …" lines as the Go nsc does: on stdout, or all on stderr when a
     * line is an error (exit code 1 then). With --json the lines go to stderr and the report is
     * kept for the object printed on stdout when the command ends.
     */
    int report(Report r) {
        if (json != null) {
            return reportBesideData(r);
        }
        return print(r, r.hasErrors() ? err : out);
    }

    /**
     * Prints the report on stderr: for a command whose result went to stdout as data (a token,
     * creds), so that its status lines do not mix with the data.
     */
    int reportBesideData(Report r) {
        record(r);
        return print(r, err);
    }

    /** Keeps what a report records for --json without printing it (a command that prints its own lines). */
    void record(Report r) {
        if (json != null) {
            json.add(r);
        }
    }

    private int print(Report r, PrintWriter w) {
        for (Report.Line l : r.lines()) {
            w.println(prefix(l.status()) + l.message());
        }
        if (workspace != null) {
            for (String note : workspace.signerNotes()) {
                w.println(prefix(Report.Status.OK) + note);
            }
        }
        w.flush();
        return r.hasErrors() ? 1 : 0;
    }

    static String prefix(Report.Status s) {
        switch (s) {
            case OK:
                return "[ OK ] ";
            case WARN:
                return "[WARN] ";
            default:
                return "[ERR ] ";
        }
    }
}
