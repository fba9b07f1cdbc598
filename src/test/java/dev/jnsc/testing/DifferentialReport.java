package dev.jnsc.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts what the differential tests compared: which of the Go nsc's commands and flags (read from
 * its own {@code --help}) were run through both binaries, and in how many steps both did the same
 * (see {@link Differential#log()}). {@code scripts/test.sh} prints it after the test run; it needs
 * only the test classes, no library:
 * {@code java -cp target/test-classes dev.jnsc.testing.DifferentialReport <log> <go nsc>}.
 */
public final class DifferentialReport {
    private static final Pattern FLAG = Pattern.compile("^\\s+(?:-(\\w), )?--([\\w-]+)(?:[ =](\\S+))?");
    private static final Pattern COMMAND = Pattern.compile("^\\s{2}([\\w-]+)\\s+\\S");

    /** One command of the Go nsc: its subcommands, or its flags (long name → takes a value). */
    static final class Node {
        final String path;
        final Map<String, Node> children = new TreeMap<>();
        /** Other names of the subcommands (revocations add-activation). */
        final Map<String, Node> aliases = new TreeMap<>();
        final List<String> names = new ArrayList<>();
        final Map<String, Boolean> flags = new TreeMap<>();
        final Map<String, String> shorts = new TreeMap<>();

        Node(String path) {
            this.path = path;
        }
    }

    private final Path go;

    DifferentialReport(Path go) {
        this.go = go;
    }

    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        if (args.length < 2 || args[1].isBlank() || !Files.isExecutable(Path.of(args[1]))) {
            System.out.println("Differential coverage: not measured (JNSC_REF_NSC does not name the Go nsc reference build)");
            return;
        }
        if (!Files.exists(log)) {
            System.out.println("Differential coverage: no differential test ran (" + log + " is missing)");
            return;
        }
        DifferentialReport r = new DifferentialReport(Path.of(args[1]));
        Node root = r.node("");
        System.out.print(r.report(root, Files.readAllLines(log, StandardCharsets.UTF_8)));
    }

    /** Reads a command of the Go nsc and, for a group, all commands under it. */
    Node node(String path) throws IOException, InterruptedException {
        Node n = new Node(path);
        List<String> lines = help(path);
        String section = "";
        for (String line : lines) {
            if (!line.startsWith(" ") && line.endsWith(":")) {
                section = line;
                continue;
            }
            if (section.equals("Available Commands:")) {
                Matcher m = COMMAND.matcher(line);
                if (m.find() && !m.group(1).equals("help")) {
                    String child = path.isEmpty() ? m.group(1) : path + " " + m.group(1);
                    Node c = node(child);
                    n.children.put(m.group(1), c);
                    c.names.forEach(a -> n.aliases.put(a, c));
                }
            } else if (section.equals("Aliases:")) {
                for (String a : line.trim().split(",\\s*")) {
                    n.names.add(a);
                }
            } else if (section.equals("Flags:")) {
                Matcher m = FLAG.matcher(line);
                if (m.find() && !m.group(2).equals("help")) {
                    n.flags.put(m.group(2), m.group(3) != null && !m.group(3).isEmpty());
                    if (m.group(1) != null) {
                        n.shorts.put(m.group(1), m.group(2));
                    }
                }
            }
        }
        return n;
    }

    private List<String> help(String path) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(go.toString()));
        if (!path.isEmpty()) {
            cmd.addAll(List.of(path.split(" ")));
        }
        cmd.add("--help");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text;
        try (InputStream in = p.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        p.waitFor();
        return text.lines().toList();
    }

    /** What each leaf command was seen doing: steps, steps the same in both, flags used. */
    static final class Seen {
        int steps;
        int same;
        final TreeSet<String> flags = new TreeSet<>();
    }

    String report(Node root, List<String> log) {
        Map<String, Node> leaves = new TreeMap<>();
        collect(root, leaves);
        Map<String, Seen> seen = new LinkedHashMap<>();
        int steps = 0;
        int same = 0;
        int outside = 0;
        for (String line : log) {
            String[] f = line.split("\t", -1);
            if (f.length < 3) {
                continue;
            }
            steps++;
            boolean isSame = f[1].equals("same");
            same += isSame ? 1 : 0;
            String[] args = f[2].split("\u001f");
            Node at = root;
            for (String a : args) {
                if (a.startsWith("-")) {
                    continue;
                }
                Node next = at.children.containsKey(a) ? at.children.get(a) : at.aliases.get(a);
                if (next == null) {
                    break;
                }
                at = next;
            }
            if (!at.children.isEmpty() || at == root) {
                outside++; // a group, or a command the Go nsc does not have
                continue;
            }
            Seen s = seen.computeIfAbsent(at.path, k -> new Seen());
            s.steps++;
            s.same += isSame ? 1 : 0;
            for (String a : args) {
                String flag = flagOf(at, a);
                if (flag != null) {
                    s.flags.add(flag);
                }
            }
        }
        int flags = 0;
        int used = 0;
        int identical = 0;
        StringBuilder missing = new StringBuilder();
        StringBuilder unusedFlags = new StringBuilder();
        StringBuilder table = new StringBuilder();
        for (Map.Entry<String, Node> e : leaves.entrySet()) {
            Node n = e.getValue();
            Seen s = seen.get(e.getKey());
            flags += n.flags.size();
            if (s == null) {
                missing.append("\n  ").append(e.getKey());
                unusedFlags.append("\n  ").append(e.getKey()).append(": (not compared)");
                continue;
            }
            identical += s.same == s.steps ? 1 : 0;
            TreeSet<String> notUsed = new TreeSet<>(n.flags.keySet());
            notUsed.removeAll(s.flags);
            used += n.flags.size() - notUsed.size();
            table.append(String.format("%n  %-32s %3d of %3d steps the same, %2d of %2d flags", e.getKey(), s.same, s.steps,
                    n.flags.size() - notUsed.size(), n.flags.size()));
            if (!notUsed.isEmpty()) {
                unusedFlags.append("\n  ").append(e.getKey()).append(": --").append(String.join(" --", notUsed));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("Differential coverage (against %s): %d of %d commands compared, %d of them the same in"
                + " every step; %d steps, %d the same; %d of %d flags used%n", go.getFileName(), seen.size(),
                leaves.size(), identical, steps, same, used, flags));
        out.append("Per command:").append(table).append('\n');
        if (missing.length() > 0) {
            out.append("Commands not compared:").append(missing).append('\n');
        }
        if (unusedFlags.length() > 0) {
            out.append("Flags not used:").append(unusedFlags).append('\n');
        }
        if (outside > 0) {
            out.append(outside).append(" steps ran a command the Go nsc does not have\n");
        }
        return out.toString();
    }

    private static void collect(Node n, Map<String, Node> leaves) {
        if (n.children.isEmpty()) {
            if (!n.path.isEmpty()) {
                leaves.put(n.path, n);
            }
            return;
        }
        for (Node c : n.children.values()) {
            collect(c, leaves);
        }
    }

    /** The long name of a flag argument of a command, or null when it is not one of its flags. */
    static String flagOf(Node n, String arg) {
        if (arg.startsWith("--")) {
            String name = arg.substring(2).split("=", 2)[0];
            return n.flags.containsKey(name) ? name : null;
        }
        if (arg.startsWith("-") && arg.length() >= 2) {
            return n.shorts.get(arg.substring(1, 2));
        }
        return null;
    }
}
