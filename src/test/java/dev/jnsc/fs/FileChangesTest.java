package dev.jnsc.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChangesTest {
    @TempDir
    Path dir;

    @Test
    void writesAtomicallyWithPrivateModes() throws Exception {
        Path f = dir.resolve("a/b/c.txt");
        new FileChanges().write(f, "one".getBytes()).commit();
        assertEquals("one", Files.readString(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
        new FileChanges().write(f, "two".getBytes()).commit();
        assertEquals("two", Files.readString(f));
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertEquals(1, s.count(), "no temp files left behind");
        }
    }

    @Test
    void aFailedStepUndoesTheOthers() throws Exception {
        Path existing = dir.resolve("keep.txt");
        Files.writeString(existing, "original");
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where a folder is needed");
        FileChanges c = new FileChanges()
                .write(existing, "changed".getBytes())
                .write(dir.resolve("new/deep/file.txt"), "new".getBytes())
                .write(blocker.resolve("child.txt"), "cannot".getBytes());
        assertThrows(UncheckedIOException.class, c::commit);
        assertEquals("original", Files.readString(existing));
        assertFalse(Files.exists(dir.resolve("new")), "folders made by the failed command are removed");
        assertEquals("a file where a folder is needed", Files.readString(blocker));
    }

    @Test
    void createRefusesAnExistingFileAndRollsBack() throws Exception {
        Path first = dir.resolve("first.txt");
        Path taken = dir.resolve("taken.txt");
        Files.writeString(taken, "mine");
        FileChanges c = new FileChanges().write(first, "x".getBytes()).create(taken, "theirs".getBytes());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, c::commit);
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertFalse(Files.exists(first));
        assertEquals("mine", Files.readString(taken));
    }

    @Test
    void deleteIsUndoneToo() throws Exception {
        Path gone = dir.resolve("gone.txt");
        Files.writeString(gone, "data");
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "");
        FileChanges c = new FileChanges().delete(gone).write(blocker.resolve("x"), new byte[1]);
        assertThrows(UncheckedIOException.class, c::commit);
        assertEquals("data", Files.readString(gone));
    }

    @Test
    void aFailureNamesTheRealFileAndItsCauseNeverATempFile() throws Exception {
        Path keep = dir.resolve("keep.txt");
        Files.writeString(keep, "original");
        // the name fits (255 bytes) but its temp file ".<name>.tmp" cannot exist
        Path tooLong = dir.resolve("d/" + "x".repeat(252));
        FileChanges c = new FileChanges().write(keep, "changed".getBytes()).write(tooLong, "x".getBytes());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> c.commit(dir));
        assertEquals("cannot write " + tooLong + ": file name too long", e.getMessage());
        assertEquals("original", Files.readString(keep));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(java.util.List.of(keep), s.toList(), "no temp file, no folder, no journal left");
        }
    }

    @Test
    void aFolderIsDeletedOnlyWithEverythingInIt() throws Exception {
        Path account = dir.resolve("accounts/A");
        Files.createDirectories(account);
        Files.writeString(account.resolve("A.jwt"), "jwt");
        Files.writeString(account.resolve("notes.txt"), "mine");
        FileChanges c = new FileChanges().delete(account.resolve("A.jwt")).delete(account);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> c.commit(dir));
        assertEquals("cannot delete " + account + ": it holds notes.txt, which nsc does not delete", e.getMessage());
        assertEquals("jwt", Files.readString(account.resolve("A.jwt")));
        new FileChanges().delete(account.resolve("A.jwt")).delete(account.resolve("notes.txt")).delete(account).commit(dir);
        assertFalse(Files.exists(account));
    }

    @Test
    void theLastChangeOfAPathWins() throws Exception {
        Path f = dir.resolve("f.txt");
        FileChanges twice = new FileChanges().write(f, "one".getBytes()).write(f, "two".getBytes());
        assertTrue(twice.writes(dir.resolve("x/../f.txt")));
        assertFalse(twice.deletes(f));
        twice.commit(dir);
        assertEquals("two", Files.readString(f));
        FileChanges c = new FileChanges().write(f, "three".getBytes()).delete(dir.resolve("./f.txt"));
        assertTrue(c.deletes(f));
        assertFalse(c.writes(f));
        c.commit(dir);
        assertFalse(Files.exists(f));
    }

    @Test
    void thePlannedChangesSayWhatIsWrittenDeletedAndWhatWasThere() throws Exception {
        Path old = Files.writeString(dir.resolve("old.txt"), "old");
        Path gone = Files.writeString(dir.resolve("gone.txt"), "gone");
        Path fresh = dir.resolve("fresh.txt");
        FileChanges c = new FileChanges();
        assertTrue(c.isEmpty());
        c.write(old, "new".getBytes()).create(fresh, "fresh".getBytes()).delete(gone);
        assertFalse(c.isEmpty());
        c.commit(dir);
        List<FileChanges.Change> changes = c.changes();
        assertEquals(List.of(old, fresh, gone), changes.stream().map(FileChanges.Change::path).toList());
        assertEquals(List.of(false, false, true), changes.stream().map(FileChanges.Change::deleted).toList());
        assertEquals(List.of(true, false, true), changes.stream().map(FileChanges.Change::existed).toList(),
                "a command reports a replaced file as changed, a new one as added");
        assertArrayEquals("new".getBytes(), changes.get(0).content());
        assertNull(changes.get(2).content());
    }

    @Test
    void aJournalThatCannotBeWrittenChangesNothing() throws Exception {
        Path keep = Files.writeString(dir.resolve("keep.txt"), "original");
        Path nowhere = dir.resolve("no-such-folder");
        FileChanges c = new FileChanges().write(keep, "changed".getBytes()).write(dir.resolve("new/f.txt"), "x".getBytes());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> c.commit(nowhere));
        assertEquals("cannot record the changes in " + nowhere.resolve(Journal.FILE) + ": its folder does not exist",
                e.getMessage());
        assertEquals("original", Files.readString(keep));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(keep), s.toList(), "no temp file, no new folder");
        }
    }

    @Test
    void aCommitPointThatCannotBeRecordedUndoesThePreparedChanges() throws Exception {
        Path keep = Files.writeString(dir.resolve("keep.txt"), "original");
        // the "committed" state is written through the journal's temp file: something in its way fails it
        Path inTheWay = dir.resolve(Journal.FILE + ".tmp");
        FileChanges c = new FileChanges().write(keep, "changed".getBytes()).write(dir.resolve("new/deep/f.txt"), "x".getBytes())
                .onPoint(p -> {
                    if (p.equals("prepared")) {
                        try {
                            Files.createDirectories(inTheWay.resolve("child"));
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                    }
                });
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> c.commit(dir));
        assertEquals("cannot record the changes in " + dir.resolve(Journal.FILE) + ": the folder is not empty", e.getMessage());
        Files.delete(inTheWay.resolve("child"));
        Files.delete(inTheWay);
        assertEquals("original", Files.readString(keep));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(keep), s.toList(), "no temp file, no new folder and no prepared journal left");
        }
        assertNull(Journal.recover(dir));
    }

    @Test
    void aDeletedFolderIsMadeAgainWhenALaterDeleteFails() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rwx------"));
        FileChanges c = new FileChanges().delete(a).delete(b).onPoint(p -> {
            if (p.equals("applied")) {
                try {
                    // after a is deleted, something puts a file into b: b's delete fails
                    Files.writeString(b.resolve("theirs.txt"), "theirs");
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        });
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> c.commit(dir));
        assertEquals("cannot delete " + b + ": the folder is not empty", e.getMessage());
        assertTrue(Files.isDirectory(a), "the folder deleted before the failure is back");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(a)));
        assertEquals("theirs", Files.readString(b.resolve("theirs.txt")));
        assertNull(Journal.recover(dir));
    }

    @Test
    void aFileTheRollbackCannotPutBackIsNamedWithTheFailure() throws Exception {
        Path a = Files.createDirectories(dir.resolve("one")).resolve("a.txt");
        Path b = Files.createDirectories(dir.resolve("two")).resolve("b.txt");
        Files.writeString(a, "old a");
        Files.writeString(b, "old b");
        FileChanges c = new FileChanges().write(a, "new a".getBytes()).write(b, "new b".getBytes()).onPoint(p -> {
            if (p.equals("applied") && !Files.isDirectory(a)) {
                try {
                    // after a is renamed: b's temp goes (its rename fails), and a folder with a
                    // file in it takes a's place (putting a back fails)
                    Files.delete(dir.resolve("two/.b.txt.tmp"));
                    Files.delete(a);
                    Files.writeString(Files.createDirectories(a).resolve("theirs"), "x");
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        });
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> c.commit(dir));
        assertTrue(e.getMessage().startsWith("cannot write " + b + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("; this file could not be put back as it was: " + a + " ("), e.getMessage());
        assertEquals("old b", Files.readString(b), "the file not reached is as it was");
        try (Stream<Path> s = Files.list(dir.resolve("one"))) {
            assertEquals(List.of(a), s.toList(), "no temp file of the failed put-back is left");
        }
        assertNull(Journal.recover(dir));
    }
}
