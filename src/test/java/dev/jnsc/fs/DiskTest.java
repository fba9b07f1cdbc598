package dev.jnsc.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Private files and folders, atomic single-file writes, and causes told in words without the (temp) path. */
class DiskTest {
    @TempDir
    Path dir;

    @Test
    void reasonsLeaveThePathOut() {
        assertEquals("permission denied", Disk.reason(new AccessDeniedException("/x/.a.tmp")));
        assertEquals("it already exists", Disk.reason(new FileAlreadyExistsException("/x/.a.tmp")));
        assertEquals("its folder does not exist", Disk.reason(new NoSuchFileException("/x/.a.tmp")));
        assertEquals("a part of the path is not a folder", Disk.reason(new NotDirectoryException("/x/.a.tmp")));
        assertEquals("the folder is not empty", Disk.reason(new DirectoryNotEmptyException("/x")));
        assertEquals("file name too long", Disk.reason(new FileSystemException("/x/.a.tmp", null, "File name too long")));
        assertEquals("FileSystemException", Disk.reason(new FileSystemException(null, null, "")));
        assertEquals("disk on fire", Disk.reason(new IOException("disk on fire")));
        assertEquals("IOException", Disk.reason(new IOException()));
    }

    @Test
    void makeDirsMakesPrivateFoldersAndRefusesAFileInTheWay() throws Exception {
        List<Path> made = new ArrayList<>();
        Disk.makeDirs(dir.resolve("x/y"), made);
        assertEquals(List.of(dir.resolve("x"), dir.resolve("x/y")), made, "outermost first");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("x/y"))));
        Disk.makeDirs(dir.resolve("x/y"), made);
        assertEquals(2, made.size(), "folders that exist are not made again");
        Path file = Files.writeString(dir.resolve("x/file"), "mine");
        List<Path> none = new ArrayList<>();
        IOException e = assertThrows(IOException.class, () -> Disk.makeDirs(file, none));
        assertEquals(file + " exists and is not a folder", e.getMessage());
        assertEquals(List.of(), none);
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void readIfExistsTellsAMissingFileFromAnUnreadableOne() throws Exception {
        Path f = Files.writeString(dir.resolve("f.txt"), "data");
        assertArrayEquals("data".getBytes(), Disk.readIfExists(f));
        assertNull(Disk.readIfExists(dir.resolve("missing.txt")));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Disk.readIfExists(dir));
        assertTrue(e.getMessage().startsWith("cannot read " + dir + ": "), e.getMessage());
    }

    @Test
    void writeAtomicallyReplacesTheWholeFilePrivatelyAndLeavesNoTempFile() throws Exception {
        Path f = dir.resolve("A.jwt");
        Disk.writeAtomically(f, "first".getBytes());
        Disk.writeAtomically(f, "second, longer".getBytes());
        assertEquals("second, longer", Files.readString(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList(), "only the file itself");
        }
    }

    @Test
    void writeAtomicallyOverAFolderFailsAndLeavesItAndNoTempFile() throws Exception {
        Path inTheWay = Files.createDirectory(dir.resolve("A.jwt"));
        Files.writeString(inTheWay.resolve("kept"), "x");
        assertThrows(IOException.class, () -> Disk.writeAtomically(inTheWay, "data".getBytes()));
        assertEquals("x", Files.readString(inTheWay.resolve("kept")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(inTheWay), s.toList(), "no temp file is left");
        }
    }
}
