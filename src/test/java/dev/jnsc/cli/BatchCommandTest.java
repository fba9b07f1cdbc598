package dev.jnsc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.fs.BatchJournal;
import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.Json;
import dev.jnsc.testing.Nsc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nsc batch: quoting, comments, stopping and going on, JSON results, inherited options, and what stays on disk. */
class BatchCommandTest {
    @TempDir
    Path home;
    @TempDir
    Path files;
    Nsc nsc;

    @BeforeEach
    void store() {
        nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
    }

    private Path file(String text) throws IOException {
        Path f = files.resolve("lines-" + System.nanoTime() + ".txt");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private boolean hasUser(String name) {
        return Files.exists(nsc.userJwt("O", "A", name));
    }

    @Test
    void wordsAreSplitAsAShellDoes() {
        assertEquals(List.of("add", "user", "a b"), BatchCommand.words("add user 'a b'"));
        assertEquals(List.of("a\"b\\c$d`e\\nf"), BatchCommand.words("\"a\\\"b\\\\c\\$d\\`e\\nf\""));
        assertEquals(List.of("it's", "x y"), BatchCommand.words("it\\'s x\\ y"));
        assertEquals(List.of("a'b\"c", ""), BatchCommand.words("a\"'\"b'\"'c ''"));
        assertEquals(List.of("tag#1", "x"), BatchCommand.words("\ttag#1   x  # a comment 'not closed"));
        assertEquals(List.of(), BatchCommand.words("   # only a comment"));
        assertEquals(List.of("#quoted"), BatchCommand.words("'#quoted'"));
        assertEquals("the single quote at column 6 is not closed",
                assertThrows(IllegalArgumentException.class, () -> BatchCommand.words("a b  'c")).getMessage());
        assertEquals("the double quote at column 1 is not closed",
                assertThrows(IllegalArgumentException.class, () -> BatchCommand.words("\"a\\\"")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BatchCommand.words("a \\")).getMessage()
                .startsWith("it ends with a backslash"));
    }

    @Test
    void runsEveryLineWithCommentsBlankLinesAndAnOptionalNscWord() throws IOException {
        Nsc.Result r = nsc.run("batch", "-f", file("# users\n\nnsc add user 'u 1'\r\n  add user \"u\\\"2\" --tag a,b  # trailing\n"
                + "describe user -n 'u 1' --field name\n").toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(hasUser("u 1") && hasUser("u\"2"), r.toString());
        // the same lines a command prints alone, in order
        assertTrue(r.out().contains("[ OK ] added user \"u 1\" to account \"A\"\n"), r.out());
        assertTrue(r.out().endsWith("\"u 1\"\n"), r.out());
        assertEquals("", r.err());
        assertFalse(Files.exists(nsc.stores().resolve(BatchJournal.FILE)), "no journal after the batch");
    }

    @Test
    void readsStandardInputWithoutFileOrWithDash() {
        Nsc.Result r = nsc.runWithInput("add user s1\n", "batch");
        assertEquals(0, r.code(), r.toString());
        r = nsc.runWithInput("add user s2\n", "batch", "--file", "-");
        assertEquals(0, r.code(), r.toString());
        assertTrue(hasUser("s1") && hasUser("s2"));
    }

    @Test
    void stopsAtTheFirstFailingLineNamingItsNumberAndExitCode() throws IOException {
        Nsc.Result r = nsc.run("batch", "-f", file("add user a\n# comment\nadd user b --no-such-flag\nadd user c\n").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(hasUser("a"), "the lines before stay");
        assertFalse(hasUser("b") || hasUser("c"), "the failing line and the ones after it leave nothing");
        List<String> err = r.err().lines().toList();
        assertEquals("Error: batch stopped at line 3, which failed with exit code 2: the lines before it are done, "
                + "the 1 line after it did not run", err.get(err.size() - 1));
        assertTrue(err.get(0).startsWith("Error: Unknown option: '--no-such-flag'"), r.err());

        r = nsc.run("batch", "-f", file("add user a\n").toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().endsWith("Error: batch stopped at line 1, which failed with exit code 1: the lines before it "
                + "are done, it was the last\n"), r.err());
    }

    @Test
    void keepGoingRunsEveryLineAndExitsOneWhenAnyFailed() throws IOException {
        Nsc.Result r = nsc.run("batch", "--keep-going", "-f",
                file("add user k1\nadd user k1\nadd user k2 --bad\nadd user k3\n").toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(hasUser("k1") && hasUser("k3"));
        assertTrue(r.err().endsWith("Error: 2 of 4 lines failed (lines 2, 3)\n"), r.err());
        r = nsc.run("batch", "--keep-going", "-f", file("add user k4\n").toString());
        assertEquals(0, r.code(), r.toString());
    }

    @Test
    void jsonGivesOneResultObjectPerLine() throws IOException {
        Nsc.Result r = nsc.run("batch", "--json", "--keep-going", "-f",
                file("add user j1\n\nadd user j1\ndescribe user -n j1 --field name\n").toString());
        assertEquals(1, r.code(), r.toString());
        List<Map<String, Object>> results = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            results.add(Json.parseObject(line.getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals(3, results.size(), r.out());
        assertEquals(1L, Json.num(results.get(0), "line"));
        assertEquals("add user j1", Json.str(results.get(0), "command"));
        assertEquals(0L, Json.num(results.get(0), "exit"));
        assertTrue(Json.str(results.get(0), "stdout").contains("[ OK ] added user \"j1\""));
        assertEquals("", Json.str(results.get(0), "stderr"));
        assertEquals(3L, Json.num(results.get(1), "line"));
        assertEquals(1L, Json.num(results.get(1), "exit"));
        assertEquals("Error: the user \"j1\" already exists in account \"A\"\n", Json.str(results.get(1), "stderr"));
        assertEquals("\"j1\"\n", Json.str(results.get(2), "stdout"));
    }

    @Test
    void aLineThatCannotBeReadStopsTheBatchBeforeAnythingRuns() throws IOException {
        Map<String, String> before = nsc.snapshot();
        Nsc.Result r = nsc.run("batch", "-f", file("add user q1\nadd user 'q2\n").toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals("Error: batch line 2: the single quote at column 10 is not closed; nothing was run\n", r.err());
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void aBatchCannotRunABatch() throws IOException {
        Map<String, String> before = nsc.snapshot();
        Path inner = file("add user i1\n");
        for (String line : List.of("batch -f " + inner, "nsc --data-dir /tmp batch", "-H /x batch")) {
            Nsc.Result r = nsc.run("batch", "-f", file("add user i0\n" + line + "\n").toString());
            assertEquals(2, r.code(), r.toString());
            assertEquals("Error: batch line 2: a batch cannot run another batch; nothing was run\n", r.err());
        }
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void globalOptionsOfTheBatchApplyToEveryLineUnlessItGivesItsOwn() throws IOException {
        Path other = home.resolve("other");
        Path third = home.resolve("third");
        Nsc.Result r = nsc.run("batch", "-H", other.toString(), "-f", file("add operator P\nadd account B\n"
                + "add user x\nadd operator Q --data-dir " + third + "\n").toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.exists(other.resolve("P/accounts/B/users/x.jwt")), r.toString());
        assertTrue(Files.exists(third.resolve("Q/Q.jwt")), "the line's own --data-dir wins");
        assertFalse(Files.exists(other.resolve("Q")));
        assertFalse(Files.exists(nsc.stores().resolve("P")), "nothing in the default store");
    }

    /** The claims of a stored user JWT, as JSON text. */
    private String userClaims(String name) throws IOException {
        String jwt = Files.readString(nsc.userJwt("O", "A", name)).strip();
        return new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void eachLineStartsWithoutTheOptionsOfTheLinesBeforeIt() throws IOException {
        // the batch runs the command lines it built again: nothing of one line may reach the next
        Path other = home.resolve("other");
        Nsc.Result r = nsc.run("batch", "--keep-going", "-f", file("add user r1 --allow-pub 'a.>' --tag t1 --verbose\n"
                + "add user r2\n"
                + "add user r1 --tag t2\n"
                + "--data-dir " + other + " add user r4\n"
                + "add operator P2\n").toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(userClaims("r1").contains("\"a.\\u003e\"") && userClaims("r1").contains("\"t1\""), userClaims("r1"));
        assertFalse(userClaims("r2").contains("allow"), userClaims("r2"));
        assertFalse(userClaims("r2").contains("tags"), userClaims("r2"));
        // line 3 fails without --verbose: its error alone, no stack trace
        assertTrue(r.err().startsWith("Error: the user \"r1\" already exists in account \"A\"\n"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(r.err().contains("no operator found in " + other), r.err());
        assertTrue(Files.exists(nsc.operatorJwt("P2")), "line 5 is back in the default stores folder");
        assertFalse(Files.exists(other.resolve("P2")));
        assertTrue(r.err().endsWith("Error: 2 of 5 lines failed (lines 3, 4)\n"), r.err());
    }

    @Test
    void aKeystoreThatNeedsMigratingIsRefusedOnEveryLineThatUsesIt() throws IOException {
        // the batch looks at each keystore once it holds its lock; another keystore is looked at anew
        Path old = home.resolve("old-keys");
        Files.createDirectories(old);
        Files.writeString(old.resolve("stray.nk"), "x");
        Nsc.Result r = nsc.run("batch", "--keep-going", "-f", file("add user m1\nadd user m2\n"
                + "add user m3 --keystore-dir " + old + "\nadd user m4\n").toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(hasUser("m1") && hasUser("m2") && hasUser("m4") && !hasUser("m3"), r.toString());
        assertTrue(r.err().startsWith("Error: the keystore `~/old-keys` needs migration"), r.err());
        Files.writeString(nsc.keystore().resolve("stray.nk"), "x");
        r = nsc.run("batch", "-f", file("add user m5\n").toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("needs migration"), r.err());
    }

    @Test
    void aLineThatFailsWhileCommittingLeavesNothingOfItselfAndTheLinesBeforeStay() throws IOException {
        // a folder where the creds file of user "blocked" goes: its commit fails after its checks began
        Path blocked = nsc.creds("O", "A", "blocked");
        Files.createDirectories(blocked.resolve("in-the-way"));
        Nsc.Result r = nsc.run("batch", "-f", file("add user before\n").toString());
        assertEquals(0, r.code(), r.toString());
        Map<String, String> afterFirst = nsc.snapshot();
        r = nsc.run("batch", "-f", file("add user blocked\nadd user after\n").toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("Error: cannot write " + blocked + ": it is a folder\n"), r.err());
        assertEquals(afterFirst, nsc.snapshot(), "nothing of the failing line, nothing after it");

        r = nsc.run("batch", "-f", file("add user ok1\nadd user blocked\n").toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(hasUser("ok1"), "the line before the failure is committed");
        assertFalse(Files.exists(nsc.stores().resolve(BatchJournal.FILE)));
    }

    @Test
    void theNextCommandUndoesTheOpenGroupOfABatchThatCrashed() throws IOException {
        Map<String, String> before = nsc.snapshot();
        // a batch that died with one command applied but its group not committed
        BatchJournal j = new BatchJournal(nsc.stores(), List.of(nsc.stores(), nsc.keystore()));
        new FileChanges().write(nsc.userJwt("O", "A", "ghost"), "x".getBytes(StandardCharsets.UTF_8))
                .write(nsc.accountJwt("O", "A"), "changed".getBytes(StandardCharsets.UTF_8)).commitInGroup(j);
        j.abandon();
        assertTrue(Files.exists(nsc.userJwt("O", "A", "ghost")));

        Nsc.Result r = nsc.run("add", "user", "real");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("[WARN] undid the last command of an interrupted nsc batch, which was not committed yet "
                + "(2 files)"), r.err());
        assertFalse(hasUser("ghost"));
        assertEquals(before.get(".nsc/nats/O/accounts/A/A.jwt"), nsc.snapshot().get(".nsc/nats/O/accounts/A/A.jwt"));
        assertTrue(hasUser("real"));
    }

    /** A batch line gives its values as flags: -i there is a usage error, and the batch writes nothing. */
    @Test
    void interactiveIsRefusedInABatch() {
        java.util.Map<String, String> before = nsc.snapshot();
        Nsc.Result r = nsc.runWithInput("add user s1 -i\n", "batch");
        assertTrue(r.code() != 0, r::toString);
        assertTrue(r.err().contains("-i/--interactive cannot be used in nsc batch"), r::toString);
        assertEquals(before, nsc.snapshot());
    }
}
