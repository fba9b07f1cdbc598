package dev.jnsc.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
