package dev.jnsc.cli;

import dev.jnsc.env.Environment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Man pages (man(7) roff: {@code nsc.1}, {@code nsc-add-user.1}, ...) and the Markdown reference
 * ({@code docs/reference/nsc-add-user.md}, ... and {@code README.md} as the index), written from
 * the same command models {@code --help} prints: the GROUPS tree of {@link CommandFactory}.
 * Maven runs it at package (target/man); {@code mvn -o -q compile antrun:run@reference} rewrites
 * docs/reference, which CommandDocsTest keeps in step with the commands.
 *
 * <p>Usage: {@code CommandDocs --man <dir>} and/or {@code --reference <dir>}.
 */
public final class CommandDocs {
    /** One command of the tree: its words after "nsc", aliases, model, and subcommands if a group. */
    record Command(String path, List<String> aliases, CommandSpec spec, List<String> children) {
        String title() {
            return path.isEmpty() ? "nsc" : "nsc " + path;
        }

        String page() {
            return title().replace(' ', '-');
        }
    }

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final List<OptionSpec> globals;

    CommandDocs() {
        Environment env = new Environment(Map.of(), Path.of("/nonexistent"), Path.of("/nonexistent"));
        StringWriter sink = new StringWriter();
        Cli cli = new Cli(env, Clock.systemUTC(), new PrintWriter(sink), new PrintWriter(sink));
        CommandSpec root = new Root(cli).spec();
        globals = visible(root.options());
        walk("", List.of(), root, cli);
    }

    private void walk(String path, List<String> aliases, CommandSpec spec, Cli cli) {
        String[] kids = CommandFactory.children(path);
        List<String> children = new ArrayList<>();
        Command c = new Command(path, aliases, spec, children);
        commands.put(path, c);
        if (kids == null) {
            return;
        }
        for (String k : kids) {
            String[] entry = k.split("\\|");
            String childPath = path.isEmpty() ? entry[0] : path + " " + entry[0];
            CommandSpec child = CommandFactory.command(childPath, cli);
            if (child.usageMessage().hidden()) {
                continue; // the top-level pub, sub, ...: documented under tool
            }
            children.add(childPath);
            walk(childPath, List.of(entry).subList(1, entry.length), child, cli);
        }
    }

    public static void main(String[] args) throws IOException {
        CommandDocs docs = new CommandDocs();
        for (int i = 0; i + 1 < args.length; i += 2) {
            Path dir = Path.of(args[i + 1]);
            switch (args[i]) {
                case "--man":
                    docs.write(dir, docs.manPages());
                    break;
                case "--reference":
                    docs.write(dir, docs.reference());
                    break;
                default:
                    throw new IllegalArgumentException("usage: CommandDocs [--man <dir>] [--reference <dir>]");
            }
        }
        if (args.length == 0 || args.length % 2 != 0) {
            throw new IllegalArgumentException("usage: CommandDocs [--man <dir>] [--reference <dir>]");
        }
    }

    /** Writes the files into {@code dir} and removes the files of its kind that are no longer generated. */
    private void write(Path dir, Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                String n = p.getFileName().toString();
                if ((n.endsWith(".1") || n.endsWith(".md")) && !files.containsKey(n)) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- man(7)

    /** File name → roff text, one page per command. */
    Map<String, String> manPages() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Command c : commands.values()) {
            out.put(c.page() + ".1", man(c));
        }
        return out;
    }

    private String man(Command c) {
        StringBuilder b = new StringBuilder();
        b.append(".TH \"").append(c.page().toUpperCase(java.util.Locale.ROOT)).append("\" 1 \"\" \"jnsc ")
                .append(roff(VersionProvider.version())).append("\" \"nsc manual\"\n");
        b.append(".SH NAME\n").append(roff(c.page())).append(" \\- ").append(roff(summary(c.spec()))).append('\n');
        b.append(".SH SYNOPSIS\n").append("\\fB").append(roff(c.title())).append("\\fR");
        for (String part : synopsis(c)) {
            // [optional] parts: brackets roman, the placeholder italic
            boolean optional = part.startsWith("[");
            String inner = optional ? part.substring(1, part.length() - 1) : part;
            b.append(' ').append(optional ? "[" : "").append("\\fI").append(roff(inner)).append("\\fR").append(optional ? "]" : "");
        }
        b.append('\n');
        if (!c.aliases().isEmpty()) {
            b.append(".PP\nAlso: ").append(roff(String.join(", ", aliasTitles(c)))).append('\n');
        }
        b.append(".SH DESCRIPTION\n");
        paragraphs(b, c.spec().usageMessage().description());
        if (!c.children().isEmpty()) {
            b.append(".SH COMMANDS\n");
            for (String k : c.children()) {
                Command kid = commands.get(k);
                b.append(".TP\n.B ").append(roff(kid.title())).append('\n').append(roff(summary(kid.spec()))).append('\n');
            }
        }
        List<OptionSpec> own = c.path().isEmpty() ? globals : visible(c.spec().options());
        if (!own.isEmpty()) {
            b.append(".SH OPTIONS\n");
            manOptions(b, own);
        }
        if (!c.path().isEmpty()) {
            b.append(".SH GLOBAL OPTIONS\nThese work before or after any command.\n");
            manOptions(b, globals);
        }
        String[] examples = examples(c.spec());
        if (examples.length > 0) {
            b.append(".SH EXAMPLES\n.nf\n.RS 4\n");
            for (String e : examples) {
                b.append(roff(e)).append('\n');
            }
            b.append(".RE\n.fi\n");
        }
        b.append(".SH SEE ALSO\n").append(String.join(",\n", seeAlso(c, k -> "\\fB" + roff(k.page()) + "\\fR(1)"))).append('\n');
        return b.toString();
    }

    private static void paragraphs(StringBuilder b, String[] lines) {
        boolean pre = false;
        for (String l : lines) {
            if (l.isEmpty()) {
                b.append(pre ? ".fi\n.RE\n" : "").append(".PP\n");
                pre = false;
            } else if (l.startsWith("    ")) {
                if (!pre) {
                    b.append(".RS 4\n.nf\n");
                    pre = true;
                }
                b.append(roff(l.substring(4))).append('\n');
            } else {
                b.append(pre ? ".fi\n.RE\n" : "").append(roff(l)).append('\n');
                pre = false;
            }
        }
        if (pre) {
            b.append(".fi\n.RE\n");
        }
    }

    private static void manOptions(StringBuilder b, List<OptionSpec> options) {
        for (OptionSpec o : options) {
            StringBuilder names = new StringBuilder();
            for (String n : names(o)) {
                names.append(names.length() == 0 ? "" : ", ").append("\\fB").append(roff(n)).append("\\fR");
            }
            String value = value(o);
            if (!value.isEmpty()) {
                names.append(o.arity().min() == 0 ? "[=\\fI" + roff(value) + "\\fR]" : " \\fI" + roff(value) + "\\fR");
            }
            b.append(".TP\n").append(names).append('\n').append(roff(String.join(" ", o.description()))).append('\n');
        }
    }

    /** Text for a roff line: backslashes and dashes escaped, a leading dot or quote made literal. */
    static String roff(String s) {
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\') {
                t.append("\\e");
            } else if (ch == '-') {
                t.append("\\-");
            } else if (ch > 126) {
                t.append(String.format("\\[u%04X]", (int) ch)); // troff reads ASCII; man's preconv is not always there
            } else {
                t.append(ch);
            }
        }
        return t.length() > 0 && (t.charAt(0) == '.' || t.charAt(0) == '\'') ? "\\&" + t : t.toString();
    }

    // ---------------------------------------------------------------- Markdown

    /** File name → Markdown, one file per command plus README.md, the index. */
    Map<String, String> reference() {
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder("# nsc command reference\n\n");
        index.append("Generated from jnsc's command tree (the models `--help` prints) by `dev.jnsc.cli.CommandDocs`;\n")
                .append("do not edit: regenerate with `mvn -o -q compile antrun:run@reference`. The same pages are\n")
                .append("built as man pages into `target/man` by `mvn package` (`man -l target/man/nsc-add-user.1`).\n\n")
                .append("| command | what it does |\n|---|---|\n");
        for (Command c : commands.values()) {
            out.put(c.page() + ".md", markdown(c));
            index.append("| [`").append(c.title()).append("`](").append(c.page()).append(".md) | ")
                    .append(cell(summary(c.spec()))).append(" |\n");
        }
        out.put("README.md", index.toString());
        return out;
    }

    private String markdown(Command c) {
        StringBuilder b = new StringBuilder("# ").append(c.title()).append("\n\n");
        b.append(summary(c.spec())).append("\n\n## Synopsis\n\n```\n").append(c.title());
        for (String part : synopsis(c)) {
            b.append(' ').append(part);
        }
        b.append("\n```\n\n");
        if (!c.aliases().isEmpty()) {
            b.append("Also: ").append(String.join(", ", aliasTitles(c).stream().map(a -> "`" + a + "`").toList()))
                    .append("\n\n");
        }
        String[] description = c.spec().usageMessage().description();
        if (description.length > 2) {
            // the lines after the summary and its blank line; indented lines are commands to type
            b.append("## Description\n\n");
            boolean pre = false;
            for (int i = 2; i < description.length; i++) {
                String l = description[i];
                if (l.startsWith("    ")) {
                    b.append(pre ? "" : "```sh\n").append(l.substring(4)).append('\n');
                    pre = true;
                } else if (l.isEmpty()) {
                    boolean codeGoesOn = pre && i + 1 < description.length && description[i + 1].startsWith("    ");
                    if (!pre || !codeGoesOn) {
                        b.append(pre ? "```\n" : "").append('\n');
                        pre = false;
                    }
                } else {
                    b.append(pre ? "```\n\n" : "").append(l).append('\n');
                    pre = false;
                }
            }
            b.append(pre ? "```\n\n" : b.toString().endsWith("\n\n") ? "" : "\n");
        }
        if (!c.children().isEmpty()) {
            b.append("## Commands\n\n| command | what it does |\n|---|---|\n");
            for (String k : c.children()) {
                Command kid = commands.get(k);
                b.append("| [`").append(kid.title()).append("`](").append(kid.page()).append(".md) | ")
                        .append(cell(summary(kid.spec()))).append(" |\n");
            }
            b.append('\n');
        }
        List<OptionSpec> own = c.path().isEmpty() ? globals : visible(c.spec().options());
        if (!own.isEmpty()) {
            b.append("## Options\n\n");
            markdownOptions(b, own);
        }
        if (!c.path().isEmpty()) {
            b.append("## Global options\n\nThese work before or after any command.\n\n");
            markdownOptions(b, globals);
        }
        String[] examples = examples(c.spec());
        if (examples.length > 0) {
            b.append("## Examples\n\n```sh\n").append(String.join("\n", examples)).append("\n```\n\n");
        }
        b.append("## See also\n\n").append(String.join(", ", seeAlso(c, k -> "[" + k.title() + "](" + k.page() + ".md)")))
                .append('\n');
        return b.toString();
    }

    private static void markdownOptions(StringBuilder b, List<OptionSpec> options) {
        b.append("| option | meaning |\n|---|---|\n");
        for (OptionSpec o : options) {
            StringBuilder names = new StringBuilder();
            String value = value(o);
            for (String n : names(o)) {
                names.append(names.length() == 0 ? "" : ", ").append('`').append(n);
                if (!value.isEmpty() && n.startsWith("--")) {
                    names.append(o.arity().min() == 0 ? "[=" + value + "]" : " " + value);
                }
                names.append('`');
            }
            b.append("| ").append(names).append(" | ").append(cell(String.join(" ", o.description()))).append(" |\n");
        }
        b.append('\n');
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---------------------------------------------------------------- shared

    /** The options a page lists: not hidden, by name. (Command models carry no global options: see CommandFactory.) */
    private static List<OptionSpec> visible(List<OptionSpec> options) {
        List<OptionSpec> out = new ArrayList<>();
        for (OptionSpec o : options) {
            if (!o.hidden()) {
                out.add(o);
            }
        }
        out.sort(java.util.Comparator.comparing(o -> o.longestName().replaceFirst("^-+", "")));
        return out;
    }

    /** Long names first, as the Go nsc's help lists them ("-a, --account" reads as picocli's). */
    private static List<String> names(OptionSpec o) {
        List<String> n = new ArrayList<>(List.of(o.names()));
        n.sort(java.util.Comparator.comparing(String::length));
        return n;
    }

    private static String value(OptionSpec o) {
        if (o.arity().max() == 0 || o.type() == boolean.class || o.type() == Boolean.class) {
            return "";
        }
        String label = o.paramLabel();
        return o.isMultiValue() ? label + "[," + label + "...]" : label;
    }

    private static String summary(CommandSpec spec) {
        String[] d = spec.usageMessage().description();
        return d.length == 0 ? "" : d[0];
    }

    private static String[] examples(CommandSpec spec) {
        String heading = spec.usageMessage().footerHeading();
        return heading != null && heading.contains("Examples") ? spec.usageMessage().footer() : new String[0];
    }

    private List<String> synopsis(Command c) {
        List<String> parts = new ArrayList<>();
        if (!c.children().isEmpty()) {
            parts.add("<command>");
        }
        parts.add("[options]");
        for (PositionalParamSpec p : c.spec().positionalParameters()) {
            String label = p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
            parts.add(p.arity().min() == 0 ? "[" + label + "]" : label);
        }
        return parts;
    }

    private static List<String> aliasTitles(Command c) {
        String parent = c.path().contains(" ") ? "nsc " + c.path().substring(0, c.path().lastIndexOf(' ')) + " " : "nsc ";
        List<String> out = new ArrayList<>();
        for (String a : c.aliases()) {
            out.add(parent + a);
        }
        return out;
    }

    private List<String> seeAlso(Command c, java.util.function.Function<Command, String> link) {
        List<Command> pages = new ArrayList<>();
        if (!c.path().isEmpty()) {
            pages.add(commands.get(c.path().contains(" ") ? c.path().substring(0, c.path().lastIndexOf(' ')) : ""));
        }
        for (String k : c.children()) {
            pages.add(commands.get(k));
        }
        if (c.path().isEmpty()) {
            // the root page names every command, so that "man nsc" leads to all of them
            for (Command other : commands.values()) {
                if (!other.path().isEmpty() && !c.children().contains(other.path())) {
                    pages.add(other);
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (Command p : pages) {
            out.add(link.apply(p));
        }
        return out;
    }
}
