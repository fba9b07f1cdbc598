package dev.jnsc.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

/** Causes are told in words, never with the (temp) path the exception names. */
class DiskTest {
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
}
