package dev.jnsc.cli;

import dev.jnsc.env.Dirs;
import dev.jnsc.ops.Workspace;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

/**
 * shell: reads nsc command lines with JLine (history, Tab completion, the current operator and
 * account in the prompt) and runs each in this process as nsc batch runs its lines (jnsc only).
 * Unlike a batch, each line is its own command: it takes the store lock and commits alone, so
 * other nsc processes can work while the shell waits, and a failing line does not end the shell.
 *
 * <p>On a terminal it prompts and keeps a history in {@code <config-dir>/shell_history}; when
 * standard input is not a terminal it reads the lines quietly (no prompt, no history), so that a
 * script can be piped into it. JLine's classes load only when this command runs.
 */
final class ShellCommand extends Leaf {
    /** The history file in the config folder. */
    static final String HISTORY = "shell_history";
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    /** An nkey seed: a line holding one is not written to the history. */
    private static final Pattern SEED = Pattern.compile("S[OAUNCXP][A-Z2-7]{56}");

    ShellCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("shell", "Run nsc commands one after another in one process, with history and completion; "
                + "exit, quit or Ctrl-D ends it");
    }

    @Override
    int run(Args a) throws IOException {
        if (cli.batch != null) {
            throw new UsageException("a batch cannot run the shell");
        }
        List<String> inherited = BatchCommand.inherited(a);
        boolean system = cli.in == System.in;
        Terminal terminal = system
                // JLine's exec provider (stty; no native code): without a terminal, a dumb one on stdin
                // (named in code so that the shaded executable keeps it: JLine loads providers by name)
                ? TerminalBuilder.builder().system(true)
                        .provider(org.jline.terminal.impl.exec.ExecTerminalProvider.class.getSimpleName().isEmpty()
                                ? null : "exec")
                        .dumb(true).name("nsc").build()
                : new DumbTerminal("nsc", Terminal.TYPE_DUMB, cli.in, new WriterStream(cli.out),
                        StandardCharsets.UTF_8);
        try {
            if (terminal.getWidth() <= 0) {
                // a pseudo terminal nobody sized (script, some CI runners): JLine would cut the prompt to nothing
                terminal.setSize(new org.jline.terminal.Size(80, Math.max(terminal.getHeight(), 24)));
            }
            // a terminal that is a terminal prompts; lines piped in (a dumb terminal) are read quietly
            return new Session(cli, inherited, terminal, !(terminal instanceof DumbTerminal)).run();
        } finally {
            terminal.close();
        }
    }


    /** One shell on one terminal. */
    static final class Session {
        private final Cli cli;
        private final List<String> inherited;
        private final Terminal terminal;
        private final boolean interactive;
        private final Dirs dirs;

        /**
         * @param inherited the shell's global options, as {@link BatchCommand#inherited} gives them
         * @param interactive prompt and keep the history (a person at a terminal)
         */
        Session(Cli cli, List<String> inherited, Terminal terminal, boolean interactive) {
            this.cli = cli;
            this.inherited = inherited;
            this.terminal = terminal;
            this.interactive = interactive;
            this.dirs = Dirs.resolve(cli.globals.dirFlags(), cli.env);
        }

        int run() {
            DefaultParser parser = new DefaultParser();
            parser.setEofOnUnclosedQuote(false); // a command is one line; batch's parser says what is wrong
            LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("nsc").parser(parser)
                    .completer(completer()).option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
            Path history = interactive ? historyFile() : null;
            if (history != null) {
                b.history(new SeedlessHistory()).variable(LineReader.HISTORY_FILE, history);
            }
            LineReader reader = b.build();
            while (true) {
                String line;
                try {
                    line = reader.readLine(interactive ? prompt() : "");
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C: drop the line being typed
                } catch (EndOfFileException e) {
                    // piped input may end without a newline: its last line still runs
                    String partial = e.getPartialLine();
                    if (partial != null && !partial.isBlank()) {
                        runLine(partial);
                    }
                    return 0;
                } finally {
                    keepPrivate(history);
                }
                if (!runLine(line)) {
                    return 0;
                }
            }
        }

        /** Runs one line; false when it ends the shell. */
        boolean runLine(String line) {
            List<String> words;
            try {
                words = new ArrayList<>(BatchCommand.words(line));
            } catch (IllegalArgumentException e) {
                error(e.getMessage());
                return true;
            }
            if (!words.isEmpty() && words.get(0).equals("nsc")) {
                words.remove(0);
            }
            if (words.isEmpty()) {
                return true;
            }
            String first = words.get(0);
            if (first.equals("exit") || first.equals("quit")) {
                if (words.size() == 1) {
                    return false;
                }
                error(first + " takes no arguments");
                return true;
            }
            if ("shell".equals(BatchCommand.commandWord(words))) {
                error("the shell is already running");
                return true;
            }
            // each line is its own command with its own run state, as a line of nsc batch, but
            // outside any batch session: it locks and commits alone
            Cli lineCli = new Cli(cli.env, cli.clock, cli.out, cli.err, NO_STDIN);
            if (interactive) {
                lineCli.prompter = new TerminalPrompter(terminal); // -i asks on the shell's terminal
            }
            CommandFactory.run(BatchCommand.lineArgs(inherited, words).toArray(new String[0]), lineCli);
            return true;
        }

        private void error(String message) {
            cli.err.println("Error: " + message);
            cli.err.flush();
        }

        /** "nsc operator/account> ", with what is current now (a select or an add may change it). */
        String prompt() {
            Workspace ws = new Workspace(dirs, cli.clock, null);
            String operator;
            try {
                operator = ws.operatorName(null);
            } catch (RuntimeException e) {
                return "nsc> "; // no operator yet, or several and none selected
            }
            try {
                return "nsc " + operator + "/" + ws.accountName(ws.stores().operator(operator), null) + "> ";
            } catch (RuntimeException e) {
                return "nsc " + operator + "> ";
            }
        }

        /** The candidates of nsc completion (the __complete callback), for the word at the cursor. */
        Completer completer() {
            Completer files = new Completers.FilesCompleter(() -> cli.env.cwd());
            Completer dirsOnly = new Completers.DirectoriesCompleter(() -> cli.env.cwd());
            return (reader, line, candidates) -> {
                List<String> words = new ArrayList<>(line.words().subList(0, Math.max(0, line.wordIndex())));
                String current = line.wordIndex() < 0 ? "" : line.word().substring(0, line.wordCursor());
                if (!words.isEmpty() && words.get(0).equals("nsc")) {
                    words.remove(0);
                }
                words.add(current);
                Completion.Answer answer = answer(words);
                if (answer.candidates().isEmpty() && (answer.directive() & Completion.DIRS) != 0) {
                    dirsOnly.complete(reader, line, candidates);
                    return;
                }
                if (answer.candidates().isEmpty() && (answer.directive() & Completion.NO_FILES) == 0) {
                    files.complete(reader, line, candidates);
                    return;
                }
                boolean complete = (answer.directive() & Completion.NO_SPACE) == 0;
                for (Completion.Candidate c : answer.candidates()) {
                    candidates.add(new Candidate(c.value(), c.value(), null,
                            c.description().isEmpty() ? null : c.description(), null, null, complete));
                }
            };
        }

        /** The answer of nsc completion for these words (the last being completed), with the shell's options. */
        Completion.Answer answer(List<String> words) {
            PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
            Cli c = new Cli(cli.env, cli.clock, nowhere, nowhere, NO_STDIN);
            try {
                return Completion.complete(c, BatchCommand.lineArgs(inherited, words));
            } catch (RuntimeException e) {
                return new Completion.Answer(List.of(), Completion.NO_FILES); // a broken store: nothing to offer
            } finally {
                c.close();
            }
        }

        /** The history file, made 0600 in a 0700 config folder before JLine reads or appends to it. */
        private Path historyFile() {
            Path file = dirs.configDir().resolve(HISTORY);
            try {
                if (!Files.isDirectory(dirs.configDir())) {
                    Files.createDirectories(dirs.configDir(), PosixFilePermissions.asFileAttribute(DIR_MODE));
                }
                if (!Files.exists(file)) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_MODE));
                }
                keepPrivate(file);
                return file;
            } catch (IOException | UncheckedIOException e) {
                cli.warn("no history: cannot write " + cli.env.display(file) + ": " + e.getMessage());
                return null;
            }
        }

        /** JLine rewrites the file when it trims it (with the default mode): make it 0600 again. */
        private static void keepPrivate(Path file) {
            if (file == null) {
                return;
            }
            try {
                if (Files.exists(file) && !Files.getPosixFilePermissions(file).equals(FILE_MODE)) {
                    Files.setPosixFilePermissions(file, FILE_MODE);
                }
            } catch (IOException | UnsupportedOperationException e) {
                // not a POSIX file system: nothing to keep
            }
        }
    }

    /** The history, but not of lines holding a seed (nothing writes seeds where they were not asked for). */
    private static final class SeedlessHistory extends DefaultHistory {
        @Override
        public void add(Instant time, String line) {
            if (!SEED.matcher(line).find()) {
                super.add(time, line);
            }
        }
    }

    /** A line's standard input: the shell's own, so nothing may read it (nsc batch needs a --file here). */
    private static final InputStream NO_STDIN = new InputStream() {
        @Override
        public int read() throws IOException {
            throw new IOException("nsc shell reads standard input itself; give the batch its lines with --file");
        }
    };

    /** The output of a terminal on a writer, that leaves the writer open when the terminal closes. */
    private static final class WriterStream extends FilterOutputStream {
        WriterStream(Writer w) {
            super(new org.jline.utils.WriterOutputStream(w, StandardCharsets.UTF_8));
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
