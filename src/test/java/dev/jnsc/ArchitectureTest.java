package dev.jnsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of design.md: which package may use which library or package, and where the
 * process-wide escape hatches (exit, environment, console) may appear. Reads every main source
 * file; comments and string literals are ignored, fully qualified uses count like imports.
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of("src", "main", "java", "dev", "jnsc");

    /** A rule: code matching {@code pattern} is only allowed in files the predicate accepts. */
    private record Rule(String description, Pattern pattern, Predicate<String> allowedIn) {
    }

    private static final Set<String> CORE = Set.of("nkeys", "jwt", "store", "keystore", "env", "fs");

    private static final List<Rule> RULES = List.of(
            new Rule("only cli may use picocli or JLine",
                    Pattern.compile("\\bpicocli\\s*\\.|\\borg\\s*\\.\\s*jline\\b"), f -> pkg(f).equals("cli")),
            new Rule("only nkeys may use the Ed25519 library (net.i2p.crypto)",
                    Pattern.compile("\\bnet\\s*\\.\\s*i2p\\s*\\.\\s*crypto\\b"), f -> pkg(f).equals("nkeys")),
            new Rule("only tools and resolver may use jnats (io.nats.client)",
                    Pattern.compile("\\bio\\s*\\.\\s*nats\\s*\\.\\s*client\\b"),
                    f -> pkg(f).equals("tools") || pkg(f).equals("resolver")),
            new Rule("only jwt and store may use Jackson",
                    Pattern.compile("\\bcom\\s*\\.\\s*fasterxml\\b"), f -> pkg(f).equals("jwt") || pkg(f).equals("store")),
            new Rule("nothing but cli itself and Main may use dev.jnsc.cli",
                    Pattern.compile("\\bdev\\s*\\.\\s*jnsc\\s*\\.\\s*cli\\b"),
                    f -> pkg(f).equals("cli") || f.equals("Main.java")),
            new Rule("core packages (nkeys, jwt, store, keystore, env, fs) may not use dev.jnsc.ops or dev.jnsc.cli",
                    Pattern.compile("\\bdev\\s*\\.\\s*jnsc\\s*\\.\\s*(ops|cli)\\b"), f -> !CORE.contains(pkg(f))),
            new Rule("only Main may exit the process",
                    Pattern.compile("\\bSystem\\s*\\.\\s*exit\\b|\\bRuntime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*(exit|halt)\\b"),
                    f -> f.equals("Main.java")),
            new Rule("only env/Environment.java may read environment variables",
                    Pattern.compile("\\bSystem\\s*\\.\\s*getenv\\b"), f -> f.equals("env/Environment.java")),
            new Rule("only Main may use System.out or System.err",
                    Pattern.compile("\\bSystem\\s*\\.\\s*(out|err)\\b"), f -> f.equals("Main.java")));

    @Test
    void mainSourcesFollowTheLayering() throws IOException {
        assertTrue(Files.isDirectory(ROOT), "run from the project directory: " + ROOT.toAbsolutePath());
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                sources.put(ROOT.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertTrue(sources.size() > 20, "found only " + sources.size() + " sources under " + ROOT);
        List<String> violations = violations(sources);
        if (!violations.isEmpty()) {
            fail(violations.size() + " layering violation(s):\n" + String.join("\n", violations));
        }
    }

    /** The checker itself: a rule broken in a synthetic source is reported with file and line. */
    @Test
    void violationsNameTheFileAndLine() {
        Map<String, String> sources = new TreeMap<>();
        sources.put("jwt/Bad.java", "package dev.jnsc.jwt;\n\nimport picocli.CommandLine;\nimport dev.jnsc.ops.AccountOps;\n"
                + "class Bad {\n  void f() { System.out.println(\"x\"); System.exit(1); }\n"
                + "  String g() { return System.getenv(\"HOME\"); }\n  Object h = new net.i2p.crypto.eddsa.EdDSAEngine();\n}\n");
        sources.put("store/Ok.java", "package dev.jnsc.store;\n// picocli.CommandLine and System.exit in a comment\n"
                + "/* System.out.println(io.nats.client.Nats) */\nclass Ok { String s = \"System.getenv picocli.X dev.jnsc.cli\"; "
                + "char c = '\"'; String t = \"\\\" System.exit(\"; }\n");
        sources.put("ops/UsesCli.java", "package dev.jnsc.ops;\nimport dev.jnsc.cli.Cli;\nclass UsesCli {}\n");
        sources.put("cli/Fine.java", "package dev.jnsc.cli;\nimport picocli.CommandLine;\nimport org.jline.reader.LineReader;\n"
                + "import dev.jnsc.ops.AccountOps;\nclass Fine {}\n");
        sources.put("Main.java", "package dev.jnsc;\nimport dev.jnsc.cli.CommandFactory;\n"
                + "class Main { void m() { System.out.flush(); System.exit(0); } }\n");
        sources.put("env/Environment.java", "package dev.jnsc.env;\nclass Environment { Object v = System.getenv(); }\n");
        sources.put("tools/Pub.java", "package dev.jnsc.tools;\nimport io.nats.client.Connection;\nclass Pub {}\n");
        sources.put("keystore/Text.java", "package dev.jnsc.keystore;\nclass Text { String s = \"\"\"\n"
                + "    System.exit(1) in a text block\n    \"\"\"; }\n");

        List<String> v = violations(sources);
        assertEquals(List.of(
                "jwt/Bad.java:3: only cli may use picocli or JLine: import picocli.CommandLine;",
                "jwt/Bad.java:4: core packages (nkeys, jwt, store, keystore, env, fs) may not use dev.jnsc.ops or dev.jnsc.cli: "
                        + "import dev.jnsc.ops.AccountOps;",
                "jwt/Bad.java:6: only Main may exit the process: void f() { System.out.println(\"x\"); System.exit(1); }",
                "jwt/Bad.java:6: only Main may use System.out or System.err: void f() { System.out.println(\"x\"); System.exit(1); }",
                "jwt/Bad.java:7: only env/Environment.java may read environment variables: "
                        + "String g() { return System.getenv(\"HOME\"); }",
                "jwt/Bad.java:8: only nkeys may use the Ed25519 library (net.i2p.crypto): "
                        + "Object h = new net.i2p.crypto.eddsa.EdDSAEngine();",
                "ops/UsesCli.java:2: nothing but cli itself and Main may use dev.jnsc.cli: import dev.jnsc.cli.Cli;"), v);
        assertFalse(v.stream().anyMatch(s -> s.startsWith("store/") || s.startsWith("keystore/")),
                "comments, strings and text blocks do not count");
    }

    static List<String> violations(Map<String, String> sources) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String file = e.getKey();
            String original = e.getValue();
            String code = stripCommentsAndLiterals(original);
            String[] originalLines = original.split("\n", -1);
            String[] codeLines = code.split("\n", -1);
            for (int i = 0; i < codeLines.length; i++) {
                for (Rule r : RULES) {
                    if (r.allowedIn().test(file)) {
                        continue;
                    }
                    Matcher m = r.pattern().matcher(codeLines[i]);
                    if (m.find()) {
                        out.add(file + ":" + (i + 1) + ": " + r.description() + ": " + originalLines[i].trim());
                    }
                }
            }
        }
        return out;
    }

    /** The package directory of a file relative to dev/jnsc, "" for the root package. */
    private static String pkg(String file) {
        int slash = file.indexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    /** Blanks comments, string, text block and char literals, keeping every newline in place. */
    static String stripCommentsAndLiterals(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(s, i, end, out);
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                while (end > 0 && s.charAt(end - 1) == '\\') {
                    end = s.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end + 3;
                blank(s, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(n, j + 1);
                blank(s, i, end, out);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String s, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(s.charAt(k) == '\n' ? '\n' : ' ');
        }
    }
}
