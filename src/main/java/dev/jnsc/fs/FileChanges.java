package dev.jnsc.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The files one command writes or deletes, applied together by {@link #commit()}. Every write is
 * atomic (a temp file in the same folder, then a rename); new files are 0600 and new folders
 * 0700. If any step fails, the steps already applied are undone: replaced files get their old
 * content back, new files and the folders made for them are removed.
 */
public final class FileChanges {
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

    private final List<Step> steps = new ArrayList<>();

    private static final class Step {
        final Path path;
        final byte[] content; // null = delete
        final boolean mustBeNew;
        byte[] previous;
        boolean existed;
        boolean wasDir;
        boolean applied;
        final List<Path> createdDirs = new ArrayList<>();

        Step(Path path, byte[] content, boolean mustBeNew) {
            this.path = path;
            this.content = content;
            this.mustBeNew = mustBeNew;
        }
    }

    /** Writes {@code content} to {@code path}, replacing what is there. The array is not copied. */
    public FileChanges write(Path path, byte[] content) {
        steps.add(new Step(path, content, false));
        return this;
    }

    /** Writes a new file; commit fails if the file exists by then. */
    public FileChanges create(Path path, byte[] content) {
        steps.add(new Step(path, content, true));
        return this;
    }

    /** Deletes a file, or a folder that is empty by the time this step runs. */
    public FileChanges delete(Path path) {
        steps.add(new Step(path, null, false));
        return this;
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** True when a delete of {@code path} is already planned. */
    public boolean deletes(Path path) {
        for (Step s : steps) {
            if (s.content == null && s.path.equals(path)) {
                return true;
            }
        }
        return false;
    }

    /** True when a write to {@code path} is already planned. */
    public boolean writes(Path path) {
        for (Step s : steps) {
            if (s.content != null && s.path.equals(path)) {
                return true;
            }
        }
        return false;
    }

    public void commit() {
        try {
            for (Step s : steps) {
                apply(s);
            }
        } catch (IOException | RuntimeException e) {
            rollback();
            if (e instanceof FileAlreadyExistsException) {
                throw new UncheckedIOException(e.getMessage() + " already exists", (IOException) e);
            }
            throw e instanceof IOException ? new UncheckedIOException(describe(e), (IOException) e) : (RuntimeException) e;
        } finally {
            for (Step s : steps) {
                wipe(s.previous);
            }
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + m;
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private void apply(Step s) throws IOException {
        s.existed = Files.exists(s.path, LinkOption.NOFOLLOW_LINKS);
        if (s.content == null) {
            if (!s.existed) {
                return;
            }
            s.wasDir = Files.isDirectory(s.path, LinkOption.NOFOLLOW_LINKS);
            s.previous = s.wasDir ? null : Files.readAllBytes(s.path);
            Files.delete(s.path);
            s.applied = true;
            return;
        }
        if (s.existed && s.mustBeNew) {
            throw new FileAlreadyExistsException(s.path.toString());
        }
        if (s.existed) {
            s.previous = Files.readAllBytes(s.path);
        }
        makeDirs(s.path.getParent(), s.createdDirs);
        s.applied = true;
        writeAtomically(s.path, s.content);
    }

    private void rollback() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            if (!s.applied) {
                continue;
            }
            try {
                if (s.existed && s.wasDir) {
                    makeDirs(s.path, new ArrayList<>());
                } else if (s.existed && s.previous != null) {
                    makeDirs(s.path.getParent(), new ArrayList<>());
                    writeAtomically(s.path, s.previous);
                } else if (!s.existed) {
                    Files.deleteIfExists(s.path);
                }
                for (int d = s.createdDirs.size() - 1; d >= 0; d--) {
                    Files.deleteIfExists(s.createdDirs.get(d));
                }
            } catch (IOException ignored) {
                // best effort: the original failure is what gets reported
            }
        }
    }

    /** Creates missing folders (0700), innermost last, recording those it made. */
    public static void makeDirs(Path dir, List<Path> created) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        makeDirs(dir.getParent(), created);
        try {
            if (supportsPosix(dir.getParent())) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
            } else {
                Files.createDirectory(dir);
            }
            created.add(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + " exists and is not a folder");
            }
        }
    }

    /** Writes a 0600 file through a temp file in the same folder and an atomic rename. */
    public static void writeAtomically(Path path, byte[] content) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp;
        if (supportsPosix(dir)) {
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(FILE_MODE);
            tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp", attr);
        } else {
            tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
        }
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(content);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(false);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (NoSuchFileException ignored) {
                // already renamed
            }
        }
    }

    private static boolean supportsPosix(Path dir) {
        return dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void wipe(byte[] b) {
        if (b != null) {
            Arrays.fill(b, (byte) 0);
        }
    }

    /** Reads a file, or returns null when it does not exist. */
    public static byte[] readIfExists(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}
