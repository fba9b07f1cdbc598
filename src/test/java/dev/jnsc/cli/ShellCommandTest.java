package dev.jnsc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.env.Dirs;
import dev.jnsc.env.Environment;
import dev.jnsc.testing.Nsc;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nsc shell, driven in-process through a JLine dumb terminal on piped streams: lines run as
 * commands that see each other's writes, the prompt follows select, errors do not end it, exit and
 * end of input end it with 0, the history is private, and Tab offers what nsc completion offers.
 */
class ShellCommandTest {
    @TempDir
    Path home;
    Nsc nsc;

    /** What one shell session printed: its commands' stdout and stderr, and the terminal (prompts). */
    record Run(int code, String out, String err, String terminal) {
    }

    @BeforeEach
    void store() {
        nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
    }

    private Environment env() {
        return new Environment(Nsc.homeEnv(home), home, home);
    }

    private Cli cli(StringWriter out, StringWriter err) {
        return new Cli(env(), Clock.fixed(Nsc.START, ZoneOffset.UTC), new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]));
    }

    /** Runs a prompting shell on a dumb terminal that reads {@code input}. */
    private Run interactive(String input) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal t = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            int code = new ShellCommand.Session(cli(out, err), List.of(), t, true).run();
            t.flush();
            return new Run(code, out.toString(), err.toString(), screen.toString(StandardCharsets.UTF_8));
        }
    }

    private Path historyFile() {
        return Dirs.resolve(new GlobalOptions().dirFlags(), env()).configDir().resolve(ShellCommand.HISTORY);
    }

    @Test
    void runsCommandsThatSeeEachOthersWrites() throws IOException {
        Run r = interactive("add account B\ndescribe account B --field name\nnsc add user -a B 'u 1'\nexit\n");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("[ OK ] added account \"B\""), r.out());
        assertTrue(r.out().contains("\"B\""), r.out());
        assertTrue(Files.exists(nsc.userJwt("O", "B", "u 1")));
        assertTrue(Files.exists(nsc.accountJwt("O", "B")));
    }

    /** A line with -i asks on the shell's terminal: the next lines typed are its answers. */
    @Test
    void interactiveLinesAskOnTheShellsTerminal() throws IOException {
        Run r = interactive("add account -i\nB\n\n\n1y\nexit\n");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("[ OK ] added account \"B\""), r.toString());
        assertTrue(r.terminal().contains("? account name: ") && r.terminal().contains("? valid until (0 is always): "),
                r.terminal());
        assertTrue(Files.exists(nsc.accountJwt("O", "B")));
    }

    @Test
    void thePromptShowsTheCurrentOperatorAndAccountAfterEachCommand() throws IOException {
        Run r = interactive("add account B\nselect account A\nadd operator P\nexit\n");
        assertEquals(0, r.code(), r.toString());
        // add account B makes B current, select A makes A current, add operator P makes P current (no accounts)
        assertEquals(List.of("nsc O/A> ", "nsc O/B> ", "nsc O/A> ", "nsc P> "), prompts(r.terminal()), r.terminal());
    }

    private static List<String> prompts(String screen) {
        List<String> out = new ArrayList<>();
        for (String p : screen.split("(?<=> )")) {
            String s = p.strip();
            if (!s.isEmpty()) {
                out.add(s + " ");
            }
        }
        return out;
    }

    @Test
    void aFailingLineDoesNotEndTheShell() throws IOException {
        Run r = interactive("describe account NOPE\nadd user 'unclosed\nshell\nexit now\nadd user u\n");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("Error: "), r.err());
        assertTrue(r.err().contains("Error: the single quote at column 10 is not closed"), r.err());
        assertTrue(r.err().contains("Error: the shell is already running"), r.err());
        assertTrue(r.err().contains("Error: exit takes no arguments"), r.err());
        assertTrue(Files.exists(nsc.userJwt("O", "A", "u")), "the line after the errors ran: " + r);
    }

    @Test
    void exitQuitAndEndOfInputEndItWithZero() throws IOException {
        Run exit = interactive("exit\nadd user never\n");
        Run quit = interactive("quit\nadd user never\n");
        Run eof = interactive("add user last");
        assertEquals(0, exit.code());
        assertEquals(0, quit.code());
        assertEquals(0, eof.code());
        assertFalse(Files.exists(nsc.userJwt("O", "A", "never")));
        assertTrue(Files.exists(nsc.userJwt("O", "A", "last")), "the last line without a newline ran");
    }

    @Test
    void theHistoryIsAPrivateFileInTheConfigFolderWithoutSeeds() throws IOException {
        String seed = "SA" + "A".repeat(56);
        interactive("list accounts\ndescribe operator # a comment\nedit user -K " + seed + "\nexit\n");
        Path h = historyFile();
        assertEquals("rw-------", Nsc.mode(h));
        String text = Files.readString(h);
        assertTrue(text.contains("list accounts"), text);
        assertTrue(text.contains("describe operator # a comment"), text);
        assertFalse(text.contains(seed), "a line with a seed is not kept");
        // a second session reads it and appends
        interactive("list users\n");
        assertTrue(Files.readString(h).contains("list accounts"));
        assertTrue(Files.readString(h).contains("list users"));
        assertEquals("rw-------", Nsc.mode(h));
    }

    @Test
    void linesPipedIntoTheCommandRunWithoutPromptsOrHistoryAndInheritTheGlobalOptions() throws IOException {
        Path other = home.resolve("other");
        Nsc.Result r = nsc.runWithInput("add operator X\nadd account Y\ndescribe account --field name\n"
                + "describe account NOPE\nlist accounts --data-dir " + nsc.stores() + "\n", "-H", other.toString(), "shell");
        assertEquals(0, r.code(), r.toString());
        assertFalse(r.out().contains("nsc "), "no prompt: " + r.out());
        assertTrue(r.out().contains("\"Y\""), r.out());
        assertTrue(Files.isDirectory(other), "the shell's -H applies to its lines");
        assertFalse(Files.exists(nsc.operatorJwt("X")), "nothing of X in the home store");
        assertTrue(r.err().contains("Error: "), "the failing line said so: " + r.err());
        // the line's own --data-dir wins over the shell's -H: the home store's account A
        assertTrue(r.err().contains("│ A "), r.toString());
        assertFalse(Files.exists(historyFile()), "no history for piped lines");
    }

    @Test
    void aBatchInTheShellNeedsAFileAndAShellInABatchIsRefused() throws IOException {
        Path lines = home.resolve("lines.txt");
        Files.writeString(lines, "add user from-batch\n");
        Run r = interactive("batch\nbatch -f " + lines + "\n");
        assertTrue(r.err().contains("Error: cannot read the batch from standard input: nsc shell reads standard input itself; "
                + "give the batch its lines with --file"), r.err());
        assertTrue(Files.exists(nsc.userJwt("O", "A", "from-batch")));

        Map<String, String> before = nsc.snapshot();
        Nsc.Result b = nsc.runWithInput("shell\n", "batch");
        assertEquals(2, b.code(), b.toString());
        assertTrue(b.err().contains("Error: a batch cannot run the shell"), b.err());
        assertEquals(before, nsc.snapshot());
    }

    private List<String> complete(String line) throws IOException {
        StringWriter out = new StringWriter();
        try (Terminal t = new DumbTerminal("test", Terminal.TYPE_DUMB, new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
            ShellCommand.Session s = new ShellCommand.Session(cli(out, out), List.of(), t, true);
            LineReader reader = LineReaderBuilder.builder().terminal(t).build();
            List<Candidate> candidates = new ArrayList<>();
            s.completer().complete(reader, new DefaultParser().parse(line, line.length(), ParseContext.COMPLETE), candidates);
            List<String> values = new ArrayList<>();
            for (Candidate c : candidates) {
                values.add(c.value());
            }
            values.sort(null);
            return values;
        }
    }

    @Test
    void tabOffersWhatNscCompletionOffers() throws IOException {
        nsc.ok("add", "account", "B");
        nsc.ok("add", "account", "Bx");
        assertEquals(List.of("account-server", "add"), complete("a"));
        assertEquals(List.of("shell"), complete("sh"));
        assertEquals(List.of("account", "export", "import", "mapping", "operator", "user"), complete("add "));
        assertEquals(List.of("accounts"), complete("nsc list acc"));
        assertEquals(List.of("A", "B", "Bx"), complete("describe account -a "));
        assertEquals(List.of("B", "Bx"), complete("add user -a B"));
        assertEquals(List.of("--name"), complete("describe account --na"));
        assertEquals(List.of("--account"), complete("add user --acc"));
        nsc.ok("add", "user", "-a", "B", "u1");
        nsc.ok("add", "user", "-a", "A", "other");
        assertEquals(List.of("u1"), complete("describe user -a B --name "));
        assertEquals(List.of("u1"), complete("describe user --account=B -n u"));
        assertEquals(List.of(), complete("describe user -a NOPE --name "), "no users of an unknown account");
    }
}
