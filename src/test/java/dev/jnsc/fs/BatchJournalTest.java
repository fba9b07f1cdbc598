package dev.jnsc.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands committed in groups (nsc batch): a crash at any point of any command or group commit
 * leaves, after {@link BatchJournal#recover}, exactly the state of the last committed group, and
 * no journal, temp file or kept content.
 */
class BatchJournalTest {
    @TempDir
    Path root;

    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    private Path stores() {
        return root.resolve("stores");
    }

    private Path keys() {
        return root.resolve("keys");
    }

    private void seed() throws IOException {
        write(stores().resolve("O/O.jwt"), "operator");
        write(stores().resolve("O/accounts/A/A.jwt"), "account v1");
        write(stores().resolve("O/accounts/A/users/V.jwt"), "user V");
        write(keys().resolve("keys/U/VV/UVV.nk"), "seed V");
        write(keys().resolve("creds/O/A/V.creds"), "creds V");
    }

    private static void write(Path p, String s) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, s);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Four commands: add user U; edit A and delete user V (seed, creds, JWT, key folder); edit A again and add W; delete U's JWT. */
    private List<FileChanges> commands() {
        return List.of(
                new FileChanges().create(keys().resolve("keys/U/XY/UXY.nk"), bytes("seed U"))
                        .write(keys().resolve("creds/O/A/U.creds"), bytes("creds U"))
                        .write(stores().resolve("O/accounts/A/users/U.jwt"), bytes("user U")),
                new FileChanges().write(stores().resolve("O/accounts/A/A.jwt"), bytes("account v2"))
                        .delete(stores().resolve("O/accounts/A/users/V.jwt"))
                        .delete(keys().resolve("creds/O/A/V.creds"))
                        .delete(keys().resolve("keys/U/VV/UVV.nk"))
                        .delete(keys().resolve("keys/U/VV")),
                new FileChanges().write(stores().resolve("O/accounts/A/A.jwt"), bytes("account v3"))
                        .write(stores().resolve("O/accounts/A/users/W.jwt"), bytes("user W")),
                new FileChanges().delete(stores().resolve("O/accounts/A/users/U.jwt")));
    }

    private BatchJournal journal() {
        return new BatchJournal(stores(), List.of(stores(), keys()));
    }

    /** Runs the commands in two groups of two, every point told to {@code hook}; returns the trees after each group. */
    private List<Map<String, String>> run(Consumer<String> hook) throws IOException {
        List<Map<String, String>> trees = new ArrayList<>();
        BatchJournal j = journal().onPoint(hook);
        List<FileChanges> cs = commands();
        for (int i = 0; i < cs.size(); i++) {
            cs.get(i).onPoint(hook).commitInGroup(j);
            if (i % 2 == 1) {
                j.commit();
                trees.add(tree());
            }
        }
        return trees;
    }

    private Map<String, String> tree() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!p.getFileName().toString().equals(BatchJournal.FILE)) {
                    out.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir" : Files.readString(p));
                }
            }
        }
        return out;
    }

    private void deleteAll() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).filter(p -> !p.equals(root)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void everyCrashPointEndsAtTheLastCommittedGroup() throws IOException {
        seed();
        Map<String, String> start = tree();
        List<String> points = new ArrayList<>();
        List<Map<String, String>> groups = run(points::add);
        assertFalse(Files.exists(stores().resolve(BatchJournal.FILE)));
        assertFalse(Files.exists(keys().resolve(BatchJournal.UNDO_FOLDER)), "kept contents go with the commit");
        deleteAll();
        // each command: recorded by the journal, then by the command; its temp files; its renames and deletes;
        // each group commit: synced, then committed
        assertEquals(List.of("recorded", "recorded", "temp", "temp", "temp", "applied", "applied", "applied",
                "recorded", "recorded", "temp", "applied", "applied", "applied", "applied", "applied", "synced", "committed",
                "recorded", "recorded", "temp", "temp", "applied", "applied",
                "recorded", "recorded", "applied", "synced", "committed"), points);
        int firstCommit = points.indexOf("committed");
        int secondCommit = points.lastIndexOf("committed");
        assertTrue(firstCommit > 0 && secondCommit > firstCommit, points.toString());

        for (int crashAt = 0; crashAt < points.size(); crashAt++) {
            seed();
            int[] n = {0};
            int at = crashAt;
            assertThrows(Crash.class, () -> run(p -> {
                if (n[0]++ == at) {
                    throw new Crash();
                }
            }));
            String done = BatchJournal.recover(stores());
            Map<String, String> expected = crashAt < firstCommit ? start : crashAt < secondCommit ? groups.get(0) : groups.get(1);
            assertEquals(expected, tree(), "after a crash at point " + crashAt + " (" + points.get(crashAt) + "): " + done);
            assertFalse(Files.exists(stores().resolve(BatchJournal.FILE)));
            assertNull(BatchJournal.recover(stores()), "nothing left to recover");
            deleteAll();
        }
    }

    @Test
    void aReplacedSeedIsKeptInTheKeystoreNotInTheStoreOrTheJournal() throws IOException {
        seed();
        BatchJournal j = journal();
        List<FileChanges> cs = commands();
        cs.get(0).commitInGroup(j);
        cs.get(1).commitInGroup(j);
        String journal = Files.readString(stores().resolve(BatchJournal.FILE));
        assertFalse(journal.contains("seed V"), journal);
        List<String> keptInKeys = new ArrayList<>();
        try (Stream<Path> s = Files.list(keys().resolve(BatchJournal.UNDO_FOLDER))) {
            s.forEach(p -> keptInKeys.add(content(p)));
        }
        assertTrue(keptInKeys.contains("seed V"), keptInKeys.toString());
        try (Stream<Path> s = Files.list(stores().resolve(BatchJournal.UNDO_FOLDER))) {
            assertFalse(s.map(BatchJournalTest::content).anyMatch(c -> c.startsWith("seed")));
        }
        assertEquals(2, j.pending());
        j.commit();
        assertEquals(0, j.pending());
        assertFalse(Files.exists(keys().resolve(BatchJournal.UNDO_FOLDER)));
        assertFalse(Files.exists(stores().resolve(BatchJournal.UNDO_FOLDER)));
    }

    private static String content(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRecordCutShortByACrashIsIgnored() throws IOException {
        seed();
        Map<String, String> start = tree();
        BatchJournal j = journal();
        commands().get(0).commitInGroup(j);
        j.abandon();
        // the next command's record was being written when the process died
        Files.writeString(stores().resolve(BatchJournal.FILE), "absent " + stores().resolve("O/O.jwt") + "\nabs",
                StandardOpenOption.APPEND);
        String done = BatchJournal.recover(stores());
        assertEquals("undid the last command of an interrupted nsc batch, which was not committed yet (3 files)", done);
        assertEquals(start, tree(), "O.jwt stays: the record that names it was not complete");
    }

    @Test
    void theRecordsEndAtTheFirstZeroByte() throws IOException {
        // the journal is written ahead with zeros: a crash may leave a record's later block on disk
        // without its earlier one; only what comes before the first zero byte counts
        Files.createDirectories(stores());
        Path a = Files.writeString(stores().resolve("a"), "new a");
        Path b = Files.writeString(stores().resolve("b"), "new b");
        Path j = stores().resolve(BatchJournal.FILE);
        byte[] head = ("jnsc batch 1\nabsent " + a + "\nend\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("absent " + b + "\nend\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[65536];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length + 100, tail.length);
        Files.write(j, all);
        assertEquals("undid the last command of an interrupted nsc batch, which was not committed yet (1 file)",
                BatchJournal.recover(stores()));
        assertFalse(Files.exists(a));
        assertTrue(Files.exists(b), "b's record follows a zero byte");
        assertFalse(Files.exists(j));
        // written ahead before its first record: nothing had changed
        Files.write(j, new byte[65536]);
        assertNull(BatchJournal.recover(stores()));
        assertFalse(Files.exists(j));
    }

    @Test
    void theJournalIsWrittenAheadSoThatARecordKeepsItsSize() throws IOException {
        seed();
        BatchJournal j = journal();
        List<FileChanges> cs = commands();
        cs.get(0).commitInGroup(j);
        long size = Files.size(j.file());
        cs.get(1).commitInGroup(j);
        assertEquals(size, Files.size(j.file()), "the second record overwrote zeros");
        assertTrue(size >= 65536, "size " + size);
        j.abandon();
        assertTrue(BatchJournal.recover(stores()).startsWith("undid the last 2 commands"));
    }

    @Test
    void aDamagedJournalIsReportedAndKept() throws IOException {
        Files.createDirectories(stores());
        Path j = stores().resolve(BatchJournal.FILE);
        Files.writeString(j, "something else\n");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> BatchJournal.recover(stores()));
        assertTrue(e.getMessage().contains("the batch journal is damaged (it is not a batch journal)"), e.getMessage());
        assertTrue(Files.exists(j));
        Files.writeString(j, "jnsc batch 1\nrename a b\nend\n");
        e = assertThrows(UncheckedIOException.class, () -> BatchJournal.recover(stores()));
        assertTrue(e.getMessage().contains("a line it cannot read"), e.getMessage());
        // a journal cut short before its first line was complete: nothing had changed
        Files.writeString(j, "jnsc ba");
        assertNull(BatchJournal.recover(stores()));
        assertFalse(Files.exists(j));
    }

    @Test
    void aCommandThatFailsInTheGroupPutsBackItsOwnChangesOnly() throws IOException {
        seed();
        BatchJournal j = journal();
        List<FileChanges> cs = commands();
        cs.get(0).commitInGroup(j);
        Map<String, String> afterFirst = tree();
        Path w = stores().resolve("O/accounts/A/users/W.jwt");
        FileChanges failing = cs.get(2).onPoint(p -> {
            if (p.equals("applied")) {
                try {
                    Files.createDirectories(w.resolve("in-the-way"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        assertThrows(UncheckedIOException.class, () -> failing.commitInGroup(j));
        Files.delete(w.resolve("in-the-way"));
        Files.delete(w);
        Map<String, String> now = tree();
        // while the group is open, what its commands replaced is kept
        now.keySet().removeIf(k -> k.startsWith("stores/" + BatchJournal.UNDO_FOLDER));
        assertEquals(afterFirst, now);
        j.commit();
        assertEquals(afterFirst, tree());
        assertNull(BatchJournal.recover(stores()));
    }

    @Test
    void aFileChangedTwiceInAGroupIsPutBackAsItWasBeforeTheGroup() throws IOException {
        seed();
        Map<String, String> start = tree();
        Path account = stores().resolve("O/accounts/A/A.jwt");
        BatchJournal j = journal();
        new FileChanges().write(account, bytes("account v2")).commitInGroup(j);
        new FileChanges().write(account, bytes("account v3")).commitInGroup(j);
        List<String> kept = new ArrayList<>();
        try (Stream<Path> s = Files.list(stores().resolve(BatchJournal.UNDO_FOLDER))) {
            s.forEach(p -> kept.add(content(p)));
        }
        assertEquals(List.of("account v1"), kept, "only the content from before the group is kept");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(j.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(stores().resolve(BatchJournal.UNDO_FOLDER))));
        j.abandon();
        assertEquals("undid the last 2 commands of an interrupted nsc batch, which were not committed yet (1 file)",
                BatchJournal.recover(stores()));
        assertEquals(start, tree());
    }

    @Test
    void aFileOutsideTheRootsIsKeptAsAPrivateCopyInTheStoresFolder() throws IOException {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm));
        seed();
        Map<String, String> start = tree();
        Path outside = Files.createTempDirectory(shm, "jnsc-batch-test");
        try {
            // another file system: no hard link can keep the old content, a copy does
            Assumptions.assumeFalse(Files.getFileStore(outside).equals(Files.getFileStore(root)));
            Path cfg = Files.writeString(outside.resolve("cfg.txt"), "v1");
            BatchJournal j = journal();
            new FileChanges().write(cfg, bytes("v2")).commitInGroup(j);
            assertEquals("v2", Files.readString(cfg));
            Path copy = stores().resolve(BatchJournal.UNDO_FOLDER + "/0");
            assertEquals("v1", Files.readString(copy));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
            j.abandon();
            assertEquals("undid the last command of an interrupted nsc batch, which was not committed yet (1 file)",
                    BatchJournal.recover(stores()));
            assertEquals("v1", Files.readString(cfg));
            assertEquals(start, tree());
        } finally {
            try (Stream<Path> s = Files.walk(outside)) {
                s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aJournalWithNothingRecordedNeitherCommitsNorFailsToAbandon() {
        BatchJournal j = journal();
        j.abandon();
        j.commit();
        j.abandon();
        assertEquals(0, j.pending());
        assertFalse(Files.exists(j.file()), "no journal for a group without a command");
    }

    @Test
    void undoingAnAbsentPathKeepsAFolderThatHoldsSomethingNow() throws IOException {
        Files.createDirectories(stores());
        Path empty = Files.createDirectories(root.resolve("empty"));
        Path full = Files.createDirectories(root.resolve("full"));
        Files.writeString(full.resolve("theirs.txt"), "theirs");
        Path file = Files.writeString(root.resolve("file.txt"), "x");
        Files.writeString(stores().resolve(BatchJournal.FILE), "jnsc batch 1\nabsent " + Journal.encode(file) + "\nabsent "
                + Journal.encode(full) + "\nabsent " + Journal.encode(empty) + "\nend\n");
        assertEquals("undid the last command of an interrupted nsc batch, which was not committed yet (3 files)",
                BatchJournal.recover(stores()));
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(empty));
        assertEquals("theirs", Files.readString(full.resolve("theirs.txt")), "a folder goes only when empty");
        assertFalse(Files.exists(stores().resolve(BatchJournal.FILE)));
    }

    /** How many of this process's open file descriptors are on {@code file} (Linux: /proc/self/fd). */
    private static long openDescriptors(Path file) throws IOException {
        List<Path> fds;
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            fds = s.toList();
        }
        long n = 0;
        for (Path fd : fds) {
            try {
                if (Files.readSymbolicLink(fd).toString().startsWith(file.toString())) {
                    n++;
                }
            } catch (IOException e) {
                // closed meanwhile (the listing's own descriptor)
            }
        }
        return n;
    }

    @Test
    void theJournalIsClosedWhenTheGroupCommitsOrIsAbandoned() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")));
        seed();
        BatchJournal j = journal();
        List<FileChanges> cs = commands();
        cs.get(0).commitInGroup(j);
        assertEquals(1, openDescriptors(j.file()), "open while the group is");
        j.commit();
        assertEquals(0, openDescriptors(j.file()), "closed by the commit");
        cs.get(1).commitInGroup(j);
        assertEquals(1, openDescriptors(j.file()));
        j.abandon();
        assertEquals(0, openDescriptors(j.file()), "closed by abandon");
        assertTrue(BatchJournal.recover(stores()).startsWith("undid the last command"));
    }
}
