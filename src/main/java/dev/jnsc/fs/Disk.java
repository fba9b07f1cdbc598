package dev.jnsc.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The few file system operations the write path is built from: private files and folders whose
 * modes do not depend on the umask, fsync of files and folders, and causes that name no temp file.
 * The public ones are for files written outside a {@link FileChanges} commit (caches, servers'
 * folders, the lock): one file at a time, atomically.
 */
public final class Disk {
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

    /**
     * Where the syncs of the write path are told, once each is done: {@code "file <path>"},
     * {@code "folder <path>"}, {@code "file systems <path> ..."}. Nobody listens in use; the
     * durability tests do (FileChanges and BatchJournal {@code onSync}), to see that every write
     * reaches the disk before the point that relies on it.
     */
    static final Consumer<String> UNTOLD = s -> { };

    private Disk() {
    }

    /** Syncs an open file's content ({@code metadata}: and its size, times) to the disk. */
    static void force(FileChannel ch, Path file, boolean metadata, Consumer<String> told) throws IOException {
        ch.force(metadata);
        told.accept("file " + file);
    }

    static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates one folder, 0700 whatever the umask (created with that mode, then set to it: a umask
     * may take bits away at creation, chmod is not subject to it).
     */
    static void mkdir(Path dir) throws IOException {
        if (posix(dir)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
            Files.setPosixFilePermissions(dir, DIR_MODE);
        } else {
            Files.createDirectory(dir);
        }
    }

    /** Creates a new file, 0600 whatever the umask, writes {@code content} and syncs it to disk. */
    static void writeNew(Path file, byte[] content) throws IOException {
        writeNew(file, content, true, UNTOLD);
    }

    /** As {@link #writeNew(Path, byte[])}; without {@code sync} the content reaches the disk when the system writes it. */
    static void writeNew(Path file, byte[] content, boolean sync, Consumer<String> told) throws IOException {
        FileChannel ch = posix(file)
                ? FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(FILE_MODE))
                : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (ch) {
            if (posix(file)) {
                Files.setPosixFilePermissions(file, FILE_MODE);
            }
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            if (sync) {
                force(ch, file, false, told);
            }
        }
    }

    /**
     * Makes a folder's entries (new names, renames, deletions) durable. Where a folder cannot be
     * opened for that (some platforms), there is nothing more to do.
     */
    static void syncDir(Path dir, Consumer<String> told) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        try (ch) {
            ch.force(true);
        }
        told.accept("folder " + dir);
    }

    /** Deletes a folder if it is empty (a folder that is not, or cannot be deleted, stays). */
    static void rmdirIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // not empty, or not ours to delete: it stays
        }
    }

    /** The cause of a failure in words, without the path (the caller names the real file). */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileSystemException) {
            String r = ((FileSystemException) e).getReason();
            if (r != null && !r.isEmpty()) {
                return r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
            }
        }
        String m = e.getMessage();
        return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
    }

    /** Creates missing folders (0700), outermost first, recording those it made. */
    public static void makeDirs(Path dir, List<Path> created) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        makeDirs(dir.getParent(), created);
        try {
            mkdir(dir);
            created.add(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + " exists and is not a folder");
            }
        }
    }

    /** Writes a 0600 file through a synced temp file in the same folder and an atomic rename. */
    public static void writeAtomically(Path path, byte[] content) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp");
        try {
            Files.delete(tmp);
            writeNew(tmp, content);
            Journal.move(tmp, path);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a file, or returns null when it does not exist. */
    public static byte[] readIfExists(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + reason(e), e);
        }
    }

    /** A path's own attributes (a link is not followed), or null when nothing is there. */
    static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (p.getParent() != null && !Files.isDirectory(p.getParent())) {
                return null; // a file where a folder should be: the check of the folders names it
            }
            throw failure("read", p, reason(e));
        }
    }

    /** A file's content; a failure names {@code verb} ("replace", "delete") and the file. */
    static byte[] read(Path p, String verb) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw failure(verb, p, reason(e));
        }
    }

    /** A failure of the write path: what could not be done to which file, and why in words. */
    static UncheckedIOException failure(String verb, Path p, String reason) {
        return new UncheckedIOException("cannot " + verb + " " + p + ": " + reason, new IOException(reason));
    }
}
