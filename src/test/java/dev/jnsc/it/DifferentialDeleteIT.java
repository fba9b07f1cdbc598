package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnsc.testing.Differential;
import dev.jnsc.testing.Executable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * delete account through target/nsc and the Go nsc 2.11.1 (JNSC_REF_NSC): the files left, the
 * exit codes, and the output lines (keys labelled), which must be the Go nsc's plus the line
 * jnsc adds about the servers.
 */
class DifferentialDeleteIT {
    private static final Pattern KEY = Pattern.compile("\\b[OACUNX][A-Z2-7]{55}\\b");

    @TempDir
    Path dir;
    Differential d;

    @BeforeEach
    void reference() throws Exception {
        d = Differential.orSkip(dir);
        d.run("add", "operator", "O");
        d.run("add", "account", "A");
        d.run("add", "user", "-a", "A", "u1");
        d.run("add", "user", "-a", "A", "u2");
        d.run("add", "account", "B");
    }

    /** The report lines of a step, keys replaced by labels in the order they appear. */
    private static List<String> lines(Executable.Result r) {
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher m = KEY.matcher(r.out() + r.err());
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String label = labels.computeIfAbsent(m.group(), k -> "<" + k.charAt(0) + (labels.size() + 1) + ">");
            m.appendReplacement(b, Matcher.quoteReplacement(label));
        }
        m.appendTail(b);
        List<String> out = new ArrayList<>();
        for (String l : b.toString().split("\n")) {
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }

    /** jnsc prints the Go nsc's lines, then its line about the servers. */
    private static void sameLines(Differential.Step s, boolean pruneLine) {
        List<String> go = lines(s.go());
        List<String> java = lines(s.java());
        List<String> expected = new ArrayList<>();
        for (String l : go) {
            // the Go nsc's typo
            expected.add(l.replace("deleted privated key", "deleted private key"));
        }
        if (pruneLine) {
            String last = java.get(java.size() - 1);
            assertEquals(true, last.startsWith("[ OK ] nats-servers that hold account "), last);
            java = java.subList(0, java.size() - 1);
        }
        assertEquals(expected, java, s.command());
    }

    @Test
    void deleteAnAccountWithUsers() throws Exception {
        sameLines(d.run("delete", "account", "-n", "A"), true);
        sameLines(d.run("delete", "account", "B", "--revoke=false"), true);
        d.assertOnly(DifferentialIT.identityGaps());
    }

    @Test
    void deleteWithCredsAndKeys() throws Exception {
        d.run("edit", "account", "A", "--sk", "generate");
        d.run("revocations", "add-user", "-a", "A", "-n", "u2");
        sameLines(d.run("delete", "account", "A", "-C", "-D"), true);
        sameLines(d.run("delete", "account", "-R=false", "-D", "-n", "B"), true);
        Map<String, String> known = DifferentialIT.identityGaps();
        known.put("only go wrote keys/creds/O/A", "deliberate: jnsc removes the creds folder that -C emptied");
        d.assertOnly(known);
    }

    @Test
    void refusedAlike() throws Exception {
        d.run("delete", "account", "Nope");
        d.run("delete", "account", "A", "B");
        for (Differential.Side side : List.of(d.go(), d.java())) {
            try (var s = Files.walk(side.keys().resolve("keys").resolve("O"))) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    Files.move(p, side.home().resolve("op.nk"));
                }
            }
        }
        d.run("delete", "account", "A");
        d.assertOnly(DifferentialIT.identityGaps());
        for (Differential.Step s : d.steps().subList(d.steps().size() - 3, d.steps().size())) {
            assertEquals(true, s.go().code() != 0 && s.java().code() != 0, s.command() + ": both refuse");
        }
    }

    @Test
    void aManagedStoreNeedsForce() throws Exception {
        for (Differential.Side side : List.of(d.go(), d.java())) {
            Path marker = side.stores().resolve("O").resolve(".nsc");
            Files.writeString(marker, Files.readString(marker).replace("\"managed\":false", "\"managed\":true"));
        }
        Differential.Step refused = d.run("delete", "account", "A");
        assertEquals(true, refused.go().code() != 0 && refused.java().code() != 0, "both refuse without --force");
        sameLines(d.run("delete", "account", "A", "--force"), false);
        d.assertOnly(DifferentialIT.identityGaps());
    }
}
