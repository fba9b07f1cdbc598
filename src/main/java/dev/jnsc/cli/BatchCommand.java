package dev.jnsc.cli;

import dev.jnsc.jwt.JsonWriter;
import dev.jnsc.ops.BatchSession;
import dev.jnsc.ops.OpsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * batch: runs many nsc command lines in one process (jnsc only; no other nsc has it). Each line
 * prints what it would print alone. The batch holds the store lock from its first command that
 * writes to its end, and commits in groups (see {@link BatchSession}): far fewer syncs than one
 * command per process, and a crash loses at most the last group's commands, never part of one.
 */
final class BatchCommand extends Leaf {
    /** A group commits after this many commands that wrote... */
    static final int GROUP_COMMANDS = 1000;
    /** ...or when it has been open this long. */
    static final long GROUP_NANOS = 1_000_000_000L;

    /** The global options a line inherits from the batch, each with the options that override it. */
    private static final String[][] INHERITED = {
        {"--config-dir", "--config-dir", "-H", "--all-dirs"},
        {"--data-dir", "--data-dir", "-H", "--all-dirs"},
        {"--keystore-dir", "--keystore-dir", "-H", "--all-dirs"},
        {"--private-key", "-K", "--private-key"},
        {"--lock-timeout", "--lock-timeout"},
    };

    BatchCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("batch", "Run many nsc command lines in one process, one per line (from --file or standard input); "
                + "stops at the first that fails");
        s.value("file", "the command lines: a file, or - for standard input (the default)", "-f", "--file");
        s.flag("run every line even when some fail; exit 1 if any failed", "--keep-going");
        s.flag("print one JSON object per line: its number, command line, exit code, stdout and stderr", "--json");
    }

    /** One command line of the batch file. */
    record Line(int number, String text, List<String> args) {
    }

    @Override
    int run(Args a) {
        if (cli.batch != null) {
            throw new UsageException("a batch cannot run another batch");
        }
        String file = a.str("--file");
        String text = read(file == null ? "-" : file);
        List<Line> lines = parse(text);
        List<String> inherited = inherited(a);
        boolean keepGoing = a.flag("--keep-going");
        boolean json = a.flag("--json");

        List<Integer> failed = new ArrayList<>();
        int done = 0;
        // on a terminal, "running batch lines 5/100" below the lines' own output, which wipes it first
        try (Progress progress = Progress.of(cli); BatchSession session = new BatchSession()) {
            PrintWriter out = progress.guard(cli.out);
            PrintWriter err = progress.guard(cli.err);
            // every line runs with one Cli whose writers lead where that line's output goes, so
            // that the command lines built for it run again (see CommandFactory.Models)
            Relay lineOut = new Relay();
            Relay lineErr = new Relay();
            Cli lineCli = new Cli(cli.env, cli.clock, new PrintWriter(lineOut), new PrintWriter(lineErr),
                    new ByteArrayInputStream(new byte[0]));
            lineCli.batch = session;
            // a line's own progress line would land in its captured stderr
            lineCli.noProgress = json;
            CommandFactory.Models models = new CommandFactory.Models();
            long groupStart = 0;
            for (Line line : lines) {
                lineCli.nextLine();
                int code = runLine(line, inherited, lineCli, models, lineOut, lineErr, json, out, err);
                done++;
                progress.at("running batch lines", done, lines.size());
                int pending = session.pending();
                if (pending > 0 && groupStart == 0) {
                    groupStart = System.nanoTime();
                }
                if (code != 0) {
                    failed.add(line.number());
                    if (!keepGoing) {
                        // the lines before it stay: make them durable before saying so
                        session.commitGroup();
                        err.println("Error: batch stopped at line " + line.number() + ", which failed with exit code "
                                + code + ": the lines before it are done, " + (done == lines.size()
                                        ? "it was the last" : "the " + plural(lines.size() - done, "line")
                                                + " after it did not run"));
                        err.flush();
                        return code;
                    }
                }
                if (pending >= GROUP_COMMANDS || pending > 0 && System.nanoTime() - groupStart >= GROUP_NANOS) {
                    session.commitGroup();
                    groupStart = 0;
                }
            }
        }
        if (!failed.isEmpty()) {
            cli.err.println("Error: " + failed.size() + " of " + plural(lines.size(), "line") + " failed (line"
                    + (failed.size() == 1 ? " " : "s ") + join(failed) + ")");
            cli.err.flush();
            return 1;
        }
        return 0;
    }

    /**
     * Runs one line as its own command, with its own options, in the batch's session; {@code batchOut}
     * and {@code batchErr} are the batch's stdout and stderr (which wipe its progress line).
     */
    private int runLine(Line line, List<String> inherited, Cli lineCli, CommandFactory.Models models, Relay lineOut,
            Relay lineErr, boolean json, PrintWriter batchOut, PrintWriter batchErr) {
        List<String> args = lineArgs(inherited, line.args());
        StringWriter capturedOut = json ? new StringWriter() : null;
        StringWriter capturedErr = json ? new StringWriter() : null;
        lineOut.to(json ? capturedOut : batchOut);
        lineErr.to(json ? capturedErr : batchErr);
        int code = CommandFactory.run(args.toArray(new String[0]), lineCli, models);
        if (json) {
            lineCli.out.flush();
            lineCli.err.flush();
            // every field always present (field() would leave out a zero or an empty string)
            batchOut.println(JsonWriter.compact().beginObject().name("line").value(line.number()).name("command")
                    .value(line.text()).name("exit").value(code).name("stdout").value(capturedOut.toString())
                    .name("stderr").value(capturedErr.toString()).endObject().toString());
        }
        cli.out.flush();
        cli.err.flush();
        return code;
    }

    /**
     * The arguments of one line: the inherited global options the line does not give itself
     * (see {@link #inherited}), then the line's words (nsc shell runs its lines so too).
     */
    static List<String> lineArgs(List<String> inherited, List<String> words) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < inherited.size(); i += 2) {
            if (!gives(words, overriding(inherited.get(i)))) {
                args.add(inherited.get(i));
                if (inherited.get(i + 1) != null) {
                    args.add(inherited.get(i + 1));
                }
            }
        }
        args.addAll(words);
        return args;
    }

    private static String[] overriding(String option) {
        for (String[] entry : INHERITED) {
            if (entry[0].equals(option)) {
                return java.util.Arrays.copyOfRange(entry, 1, entry.length);
            }
        }
        return new String[] {option};
    }

    /** True when the line gives one of the options itself (before a "--"). */
    static boolean gives(List<String> args, String... options) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            for (String o : options) {
                if (arg.equals(o) || arg.startsWith(o + "=") || !o.startsWith("--") && arg.startsWith(o)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The batch's own global options, as name and value pairs (value null for a flag), for every line. */
    static List<String> inherited(Args a) {
        List<String> out = new ArrayList<>();
        for (String[] entry : INHERITED) {
            // the batch's -H sets each of the three folders (and wins over them, as everywhere), so
            // a line that gives one folder of its own keeps the batch's other two
            boolean folder = entry[0].endsWith("-dir");
            if (folder && a.has("--all-dirs")) {
                out.add(entry[0]);
                out.add(a.str("--all-dirs"));
            } else if (a.has(entry[0])) {
                out.add(entry[0]);
                out.add(a.str(entry[0]));
            }
        }
        if (a.flag("--verbose")) {
            out.add("--verbose");
            out.add(null);
        }
        return out;
    }

    private String read(String file) {
        try {
            if (file.equals("-")) {
                return new String(cli.in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path p = cli.env.path(file);
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new OpsException("the batch file " + file + " does not exist");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new OpsException("the batch file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new OpsException("cannot read the batch " + (file.equals("-") ? "from standard input" : "file " + file)
                    + ": " + e.getMessage());
        }
    }

    /**
     * The command lines of a batch: blank lines and comments skipped, each checked before any
     * runs (quoting, and no batch inside a batch).
     */
    static List<Line> parse(String text) {
        List<Line> out = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String t = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
            List<String> words;
            try {
                words = words(t);
            } catch (IllegalArgumentException e) {
                throw new UsageException("batch line " + (i + 1) + ": " + e.getMessage() + "; nothing was run");
            }
            if (!words.isEmpty() && words.get(0).equals("nsc")) {
                words = words.subList(1, words.size());
            }
            if (words.isEmpty()) {
                continue;
            }
            if ("batch".equals(commandWord(words))) {
                throw new UsageException("batch line " + (i + 1) + ": a batch cannot run another batch; nothing was run");
            }
            out.add(new Line(i + 1, t.strip(), List.copyOf(words)));
        }
        return out;
    }

    /** The first word of a command line that is not an option or an option's value. */
    static String commandWord(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--")) {
                return null;
            }
            if (w.startsWith("-")) {
                if (CommandFactory.VALUE_OPTIONS.contains(w)) {
                    i++;
                }
                continue;
            }
            return w;
        }
        return null;
    }

    /**
     * Splits a line into words as a POSIX shell does, without expansions: 'single quotes' keep
     * everything, "double quotes" keep everything but \", \\, \$ and \` (backslash escapes), a
     * backslash outside quotes keeps the next character, and an unquoted # that starts a word
     * starts a comment.
     *
     * @throws IllegalArgumentException for a quote that is not closed or a backslash at the end
     */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("the single quote at column " + (i + 1) + " is not closed");
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end;
            } else if (c == '"') {
                int start = i;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("the double quote at column " + (start + 1) + " is not closed");
                    }
                    char d = line.charAt(i);
                    if (d == '"') {
                        break;
                    }
                    if (d == '\\' && i + 1 < n && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                        word.append(line.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    word.append(d);
                    i++;
                }
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw new IllegalArgumentException("it ends with a backslash (a command is one line)");
                }
                word.append(line.charAt(++i));
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String join(List<Integer> numbers) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(numbers.get(i));
        }
        return sb.toString();
    }
}
