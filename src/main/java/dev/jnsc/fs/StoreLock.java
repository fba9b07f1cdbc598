package dev.jnsc.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One writer at a time for a store and a keystore: an exclusive lock ({@link FileChannel#tryLock})
 * on a {@code .jnsc.lock} file in each folder, taken in a fixed order (sorted by path) so that two
 * commands never wait for each other. The operating system releases it when the process dies.
 *
 * <p>The lock file stays once made (it is empty; deleting it on release would let a waiter lock
 * the deleted file while a newcomer locks a new one). The exception is a folder made only to
 * hold the lock, by a command that then wrote nothing: the lock file and the folder go again, so
 * a failed command leaves nothing behind. A waiter tells a lock file deleted so from the current
 * one by its file key (device and inode), read before opening and again after locking.
 *
 * <p>The lock belongs to the process, and closing any channel of a locked file drops it: nothing
 * in this process may open a lock file while it is held (see {@link #HELD_HERE}).
 */
public final class StoreLock implements AutoCloseable {
    public static final String FILE = ".jnsc.lock";
    private static final long NOTICE_NANOS = 1_000_000_000L;
    private static final long MAX_SLEEP_MILLIS = 50;

    /**
     * Lock files this process holds. A thread must not even open a lock file another thread of
     * this process holds (closing its channel would drop the other's lock); it waits here instead.
     * This is state of the process, as the locks themselves are.
     */
    private static final Set<Path> HELD_HERE = new HashSet<>();

    /** Thrown when a lock was not free within the time allowed. */
    public static final class Timeout extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Path file;

        Timeout(Path file, String message) {
            super(message);
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }

    private record Held(Path file, FileChannel channel, FileLock lock) {
    }

    private final List<Held> held = new ArrayList<>();
    private final List<Path> createdDirs = new ArrayList<>();

    private StoreLock() {
    }

    /**
     * Locks every folder (each once, created 0700 when missing), waiting up to {@code timeout} in
     * all; {@code onWait} hears of a lock file once after a second of waiting for it.
     */
    public static StoreLock acquire(Collection<Path> dirs, Duration timeout, Consumer<Path> onWait) throws Timeout {
        TreeSet<Path> sorted = new TreeSet<>();
        for (Path d : dirs) {
            sorted.add(d.toAbsolutePath().normalize());
        }
        StoreLock lock = new StoreLock();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try {
            for (Path d : sorted) {
                lock.held.add(lock.lockOne(d.resolve(FILE), start, deadline, onWait));
            }
        } catch (Timeout | RuntimeException e) {
            lock.close();
            throw e;
        }
        return lock;
    }

    private Held lockOne(Path file, long start, long deadline, Consumer<Path> onWait) throws Timeout {
        boolean told = false;
        long sleep = 1;
        while (true) {
            Held h = tryOnce(file);
            if (h != null) {
                return h;
            }
            long now = System.nanoTime();
            if (!told && now - start >= NOTICE_NANOS) {
                onWait.accept(file);
                told = true;
            }
            if (now - deadline >= 0) {
                throw new Timeout(file, "another nsc command holds the lock " + file);
            }
            try {
                Thread.sleep(Math.min(sleep, Math.max(1, (deadline - now) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Timeout(file, "interrupted while waiting for the lock " + file);
            }
            sleep = Math.min(sleep * 2, MAX_SLEEP_MILLIS);
        }
    }

    /** The lock, or null when another command holds it. */
    private Held tryOnce(Path file) {
        synchronized (HELD_HERE) {
            if (!HELD_HERE.add(file)) {
                return null;
            }
        }
        Held h = null;
        try {
            for (int attempt = 0; h == null && attempt < 100; attempt++) {
                Object before = fileKey(file);
                FileChannel ch = open(file);
                if (before == null) {
                    // made it (or another command did): 0600 whatever the umask; lock it on the next
                    // round, knowing its file key
                    ch.close();
                    if (Disk.posix(file)) {
                        try {
                            Files.setPosixFilePermissions(file, Disk.FILE_MODE);
                        } catch (IOException e) {
                            // not ours to change (another user's lock file), or gone again
                        }
                    }
                    continue;
                }
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                if (l == null) {
                    ch.close();
                    return null;
                }
                if (before.equals(fileKey(file))) {
                    h = new Held(file, ch, l);
                } else {
                    // we locked a lock file that its holder has deleted since: try the current one
                    l.release();
                    ch.close();
                }
            }
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file.getParent() + " (" + file + "): " + Disk.reason(e), e);
        } finally {
            if (h == null) {
                synchronized (HELD_HERE) {
                    HELD_HERE.remove(file);
                }
            }
        }
    }

    /** The file key of the file at {@code p} (without opening it), or null when there is none. */
    private static Object fileKey(Path p) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Opens (creating it and its folders when missing) the lock file. */
    private FileChannel open(Path file) throws IOException {
        while (true) {
            try {
                // inside the try: a folder on the way can vanish between making it and the next one
                Disk.makeDirs(file.getParent(), createdDirs);
                return Disk.posix(file)
                        ? FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(Disk.FILE_MODE))
                        : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                // a command that made the folder for its own lock removed it again: make it anew
                createdDirs.remove(file.getParent());
            }
        }
    }

    /**
     * Releases the locks (reverse order). A folder this lock made that holds nothing but the lock
     * file loses the file (while it is still locked) and is removed, with the folders made for it.
     */
    @Override
    public void close() {
        for (int i = held.size() - 1; i >= 0; i--) {
            Held h = held.get(i);
            try {
                if (createdDirs.contains(h.file().getParent()) && onlyEntry(h.file())) {
                    Files.deleteIfExists(h.file());
                }
            } catch (IOException ignored) {
                // a lock file left behind is harmless
            }
            try {
                h.lock().release();
                h.channel().close();
            } catch (IOException ignored) {
                // closing the channel releases the lock in any case
            } finally {
                synchronized (HELD_HERE) {
                    HELD_HERE.remove(h.file());
                }
            }
        }
        held.clear();
        for (int i = createdDirs.size() - 1; i >= 0; i--) {
            Disk.rmdirIfEmpty(createdDirs.get(i));
        }
        createdDirs.clear();
    }

    private static boolean onlyEntry(Path file) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(file.getParent())) {
            for (Path e : ds) {
                if (!e.getFileName().equals(file.getFileName())) {
                    return false;
                }
            }
        }
        return true;
    }
}
