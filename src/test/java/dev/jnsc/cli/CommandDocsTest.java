package dev.jnsc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The man pages and docs/reference written from the command tree, and the committed reference kept in step. */
class CommandDocsTest {
    private static final Path REFERENCE = Path.of("docs/reference");
    private static final String REGENERATE = "regenerate it with: mvn -o -q compile antrun:run@reference";

    @Test
    void theCommittedReferenceIsWhatTheCommandTreeGeneratesNow() throws IOException {
        Map<String, String> now = new CommandDocs().reference();
        assertTrue(Files.isDirectory(REFERENCE), "docs/reference is missing: " + REGENERATE);
        TreeSet<String> committed = new TreeSet<>();
        try (Stream<Path> s = Files.list(REFERENCE)) {
            s.forEach(p -> committed.add(p.getFileName().toString()));
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (!committed.remove(e.getKey())) {
                problems.add("missing: docs/reference/" + e.getKey());
            } else if (!Files.readString(REFERENCE.resolve(e.getKey()), StandardCharsets.UTF_8).equals(e.getValue())) {
                problems.add("out of date: docs/reference/" + e.getKey());
            }
        }
        for (String extra : committed) {
            problems.add("no longer generated: docs/reference/" + extra);
        }
        assertTrue(problems.isEmpty(), "docs/reference differs from the command tree (" + REGENERATE + "):\n"
                + String.join("\n", problems));
    }

    @Test
    void everyVisibleCommandHasAPageAndTheIndexLinksIt() {
        Map<String, String> ref = new CommandDocs().reference();
        Map<String, String> man = new CommandDocs().manPages();
        for (String page : List.of("nsc", "nsc-add", "nsc-add-user", "nsc-completion-bash", "nsc-generate-diagram-object",
                "nsc-revocations-add_activation", "nsc-tool-pub", "nsc-account-server")) {
            assertTrue(ref.containsKey(page + ".md"), page);
            assertTrue(man.containsKey(page + ".1"), page);
            assertTrue(ref.get("README.md").contains("](" + page + ".md)"), page);
        }
        assertFalse(ref.containsKey("nsc-pub.md"), "the hidden top-level pub is documented as tool pub");
        assertEquals(ref.size() - 1, man.size());
    }

    @Test
    void aLeafPage() {
        String md = new CommandDocs().reference().get("nsc-add-user.md");
        assertTrue(md.startsWith("# nsc add user\n\nAdd a user to an account"), md);
        assertTrue(md.contains("```\nnsc add user [options] [<name>]\n```"), md);
        assertTrue(md.contains("| `-a`, `--account <name>` | account name |"), md);
        assertTrue(md.contains("| `--allow-pub-response[=<max>]` |"), md);
        assertTrue(md.contains("## Global options"), md);
        assertTrue(md.contains("| `-K`, `--private-key <key>` |"), md);
        assertTrue(md.contains("## Examples\n\n```sh\n# a user of the current account"), md);
        assertTrue(md.contains("## See also\n\n[nsc add](nsc-add.md)"), md);

        String roff = new CommandDocs().manPages().get("nsc-add-user.1");
        assertTrue(roff.startsWith(".TH \"NSC-ADD-USER\" 1 \"\" \"jnsc "), roff);
        for (String section : List.of(".SH NAME\nnsc\\-add\\-user \\- Add a user", ".SH SYNOPSIS\n\\fBnsc add user\\fR [\\fIoptions\\fR] [\\fI<name>\\fR]\n",
                ".SH DESCRIPTION\n", ".SH OPTIONS\n", ".TP\n\\fB\\-a\\fR, \\fB\\-\\-account\\fR \\fI<name>\\fR\naccount name\n",
                ".SH GLOBAL OPTIONS\n", ".SH EXAMPLES\n", ".SH SEE ALSO\n\\fBnsc\\-add\\fR(1)")) {
            assertTrue(roff.contains(section), section + " in\n" + roff);
        }
    }

    @Test
    void aGroupPageAndTheRootPage() {
        Map<String, String> ref = new CommandDocs().reference();
        String add = ref.get("nsc-add.md");
        assertTrue(add.contains("Also: `nsc create`"), add);
        assertTrue(add.contains("| [`nsc add user`](nsc-add-user.md) | Add a user"), add);
        String root = new CommandDocs().manPages().get("nsc.1");
        assertTrue(root.contains(".SH COMMANDS\n") && root.contains(".SH OPTIONS\n"), root);
        assertFalse(root.contains(".SH GLOBAL OPTIONS"), "the root's own options are the global ones");
        assertTrue(root.contains("\\fBnsc\\-generate\\-diagram\\-object\\fR(1)"), "man nsc leads to every page");
    }

    @Test
    void roffEscapes() {
        assertEquals("\\&.starts with a dot \\e \\- \\[u2026]", CommandDocs.roff(".starts with a dot \\ - \u2026"));
        assertEquals("\\&'quoted", CommandDocs.roff("'quoted"));
    }

    @Test
    void thePagesRenderWithoutWarnings(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "groff is not installed");
        CommandDocs.main(new String[] {"--man", dir.toString()});
        List<String> args = new ArrayList<>(List.of("groff", "-man", "-ww", "-z"));
        try (Stream<Path> s = Files.list(dir)) {
            s.sorted().forEach(p -> args.add(p.toString()));
        }
        assertEquals(new CommandDocs().manPages().size(), args.size() - 4, "pages written");
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("", out, "groff warnings");
    }
}
