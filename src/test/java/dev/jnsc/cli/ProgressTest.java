package dev.jnsc.cli;

import static dev.jnsc.testing.ProgressOutput.onTerminal;
import static dev.jnsc.testing.ProgressOutput.assertDrawnAndWiped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.env.Environment;
import dev.jnsc.jwt.Json;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.ProgressOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line of long commands: drawn in place, at most ten times a second, wiped at the end,
 * and nothing at all when stderr is not a terminal; for batch, export keys and import keys.
 */
class ProgressTest {
    @TempDir
    Path home;

    private final StringWriter sw = new StringWriter();
    private long now;

    private Progress progress(boolean enabled) {
        return new Progress(new PrintWriter(sw), enabled, () -> now);
    }

    @Test
    void drawsInPlaceAtMostTenTimesASecondAndWipesAtTheEnd() {
        try (Progress p = progress(true)) {
            p.at("pushing accounts", 1, 201);
            assertEquals("\rpushing accounts 1/201", sw.toString(), "the first drawing is at once");
            now += Progress.MIN_REDRAW_NANOS - 1;
            p.at("pushing accounts", 2, 201);
            assertEquals("\rpushing accounts 1/201", sw.toString(), "not again within a tenth of a second");
            now += 1;
            p.at("pushing accounts", 120, 201);
            assertEquals("\rpushing accounts 1/201\rpushing accounts 120/201", sw.toString());
        }
        assertEquals("\rpushing accounts 1/201\rpushing accounts 120/201\r" + " ".repeat(24) + "\r", sw.toString());
    }

    @Test
    void aShorterLineLeavesNothingOfTheLongerOneAndAnUnknownTotalShowsTheCount() {
        Progress p = progress(true);
        p.at("pulling accounts", 1000, 0);
        now += Progress.MIN_REDRAW_NANOS;
        p.at("short", 5, 9);
        assertEquals("\rpulling accounts 1000\rshort 5/9" + " ".repeat(12) + "\rshort 5/9", sw.toString());
        sw.getBuffer().setLength(0);
        p.clear();
        assertEquals("\r" + " ".repeat(9) + "\r", sw.toString());
        sw.getBuffer().setLength(0);
        p.clear();
        p.close();
        assertEquals("", sw.toString(), "nothing shown: nothing to wipe");
    }

    @Test
    void offItPrintsNothingAndGuardsNothing() {
        StringWriter other = new StringWriter();
        PrintWriter w = new PrintWriter(other);
        try (Progress p = progress(false)) {
            for (int i = 0; i <= 100; i++) {
                p.at("pushing accounts", i, 100);
                now += Progress.MIN_REDRAW_NANOS;
            }
            assertSame(w, p.guard(w));
        }
        assertEquals("", sw.toString());
    }

    @Test
    void guardedOutputWipesTheLineFirst() {
        Progress p = progress(true);
        PrintWriter out = p.guard(new PrintWriter(sw));
        p.at("running batch lines", 1, 2);
        out.println("[ OK ] added");
        out.flush();
        assertEquals("\rrunning batch lines 1/2\r" + " ".repeat(23) + "\r[ OK ] added" + System.lineSeparator(),
                sw.toString());
        out.println("more");
        out.flush();
        assertTrue(sw.toString().endsWith("added" + System.lineSeparator() + "more" + System.lineSeparator()),
                "wiped once only");
        p.close();
        assertTrue(sw.toString().endsWith("more" + System.lineSeparator()), "already wiped");
    }

    @Test
    void whetherStderrIsATerminal() {
        Path h = home;
        assertFalse(new Environment(Map.of(), h, h).stderrIsTerminal(), "a made environment is no terminal");
        assertTrue(new Environment(Map.of("JNSC_PROGRESS", "1"), h, h).stderrIsTerminal());
        assertTrue(new Environment(Map.of("JNSC_PROGRESS", "true", "TERM", "dumb"), h, h).stderrIsTerminal(),
                "the override wins");
        assertFalse(new Environment(Map.of("JNSC_PROGRESS", "0"), h, h).stderrIsTerminal());
        assertFalse(new Environment(Map.of("TERM", "dumb"), h, h).stderrIsTerminal());
    }

    // ------------------------------------------------------------------ commands

    private Nsc store() {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        for (int i = 0; i < 5; i++) {
            nsc.ok("add", "user", "U" + i);
        }
        return nsc;
    }

    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    out.put(dir.relativize(p).toString(), Files.readString(p));
                }
            }
        }
        return out;
    }

    @Test
    void exportKeysShowsHowManyKeysAndWritesTheSame() throws IOException {
        Nsc nsc = store();
        Nsc.Result off = nsc.run("export", "keys", "-A", "--dir", home.resolve("off").toString());
        Nsc.Result on = onTerminal(nsc, "export", "keys", "-A", "--dir", home.resolve("on").toString());
        assertEquals(0, off.code(), off.toString());
        assertDrawnAndWiped("exporting keys", on, off);
        assertTrue(on.err().startsWith("\rexporting keys 1/7"), on.err());
        assertEquals(tree(home.resolve("off")), tree(home.resolve("on")));

        // a refusal: the line is wiped before the error
        Nsc.Result refusedOff = nsc.run("export", "keys", "-A", "--dir", home.resolve("off").toString());
        Nsc.Result refusedOn = onTerminal(nsc, "export", "keys", "-A", "--dir", home.resolve("off").toString());
        assertEquals(1, refusedOff.code());
        assertDrawnAndWiped("exporting keys", refusedOn, refusedOff);
        assertTrue(refusedOn.err().contains("\r" + " ".repeat(18) + "\rError: "), refusedOn.err());
    }

    @Test
    void importKeysShowsHowManyFiles() throws IOException {
        Nsc nsc = store();
        nsc.ok("export", "keys", "-A", "--dir", home.resolve("keys").toString());
        Nsc target = new Nsc(Files.createDirectories(home.resolve("other")));
        Nsc.Result off = target.run("import", "keys", "--dir", home.resolve("keys").toString());
        Nsc.Result on = onTerminal(target, "import", "keys", "--dir", home.resolve("keys").toString());
        assertEquals(0, off.code(), off.toString());
        assertDrawnAndWiped("importing keys", on, off);
        assertTrue(on.err().startsWith("\rimporting keys 1/7"), on.err());
    }

    @Test
    void batchShowsHowManyLinesBelowTheirOutput() {
        Nsc nsc = store();
        String lines = "add user B1\nadd user B2\ndescribe account A --field name\n";
        Nsc.Result off = nsc.runWithInput(lines, "batch");
        nsc.ok("delete", "user", "B1");
        nsc.ok("delete", "user", "B2");
        Nsc.Result on = onTerminal(nsc, () -> nsc.runWithInput(lines, "batch"));
        assertEquals(0, off.code(), off.toString());
        assertDrawnAndWiped("running batch lines", keysHidden(on), keysHidden(off));
        assertTrue(on.err().contains("\rrunning batch lines 1/3"), on.err());

        // a failing line: its error and the batch's come after a wiping
        Nsc.Result failedOff = nsc.runWithInput("add user B3\nadd user B3\n", "batch");
        nsc.ok("delete", "user", "B3");
        Nsc.Result failedOn = onTerminal(nsc, () -> nsc.runWithInput("add user B3\nadd user B3\n", "batch"));
        assertEquals(1, failedOff.code(), failedOff.toString());
        assertDrawnAndWiped("running batch lines", keysHidden(failedOn), keysHidden(failedOff));
    }

    /** The result with its generated public keys hidden: they differ from run to run. */
    private static Nsc.Result keysHidden(Nsc.Result r) {
        String key = "[A-Z][A-Z2-7]{55}";
        return new Nsc.Result(r.code(), r.out().replaceAll(key, "KEY"), r.err().replaceAll(key, "KEY"));
    }

    @Test
    void batchJsonKeepsProgressOutOfTheCapturedOutput() {
        Nsc nsc = store();
        String lines = "export keys -A --dir " + home.resolve("k1") + "\nimport keys --dir " + home.resolve("k1") + "\n";
        Nsc.Result on = onTerminal(nsc, () -> nsc.runWithInput(lines, "batch", "--json"));
        assertEquals(0, on.code(), on.toString());
        for (String line : on.out().split("\n")) {
            Map<String, Object> o = Json.parseObject(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertFalse(((String) o.get("stderr")).contains("\r"), line);
            assertFalse(((String) o.get("stdout")).contains("\r"), line);
        }
        assertTrue(on.err().contains("\rrunning batch lines 1/2"), on.err());
        assertEquals("", ProgressOutput.strip(on.err()));
    }
}
