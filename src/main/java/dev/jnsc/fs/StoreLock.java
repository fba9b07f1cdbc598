package dev.jnsc.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * One writer at a time for a store and a keystore: an exclusive lock ({@link FileChannel#lock})
 * on a {@code .jnsc.lock} file in each folder, taken in a fixed order (sorted by path) so that two
 * commands never wait for each other. The operating system releases it when the process dies.
 *
 * <p>The lock file exists only while it is held: the holder deletes it before releasing, so a
 * store is left as it was found. A waiter may then hold a lock on the deleted file; to tell, every
 * holder writes a token of its own into the file and reads it back through the path, and tries
 * again when the path shows something else. Folders made only to hold a lock file are removed
 * again on release when they are still empty.
 */
public final class StoreLock implements AutoCloseable {
    public static final String FILE = ".jnsc.lock";
    private static final long NOTICE_NANOS = 1_000_000_000L;
    private static final long MAX_SLEEP_MILLIS = 50;

    /**
     * Lock files this process holds. POSIX locks belong to the process, and closing any channel
     * of a locked file drops them: so a thread must not even open a lock file another thread of
     * this process holds; it waits here instead.
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
                FileChannel ch = open(file);
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
                if (isOurs(file, ch)) {
                    h = new Held(file, ch, l);
                } else {
                    // we locked a lock file that its holder has deleted since: try the new one
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

    /** Opens (creating it and its folders when missing) the lock file. */
    private FileChannel open(Path file) throws IOException {
        while (true) {
            FileChanges.makeDirs(file.getParent(), createdDirs);
            try {
                return Disk.posix(file)
                        ? FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                                PosixFilePermissions.asFileAttribute(Disk.FILE_MODE))
                        : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                                StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                // a command that made the folder for its own lock removed it again: make it anew
                createdDirs.remove(file.getParent());
            }
        }
    }

    /** Writes a token of this holder and checks that the path leads to the file that holds it. */
    private static boolean isOurs(Path file, FileChannel ch) throws IOException {
        byte[] token = (ProcessHandle.current().pid() + " " + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + "\n").getBytes(StandardCharsets.US_ASCII);
        ch.truncate(0);
        ByteBuffer b = ByteBuffer.wrap(token);
        while (b.hasRemaining()) {
            ch.write(b, b.position());
        }
        byte[] onDisk;
        try {
            onDisk = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return false;
        }
        return Arrays.equals(token, onDisk);
    }

    /** Deletes the lock files, releases the locks (reverse order) and removes folders made for them. */
    @Override
    public void close() {
        for (int i = held.size() - 1; i >= 0; i--) {
            Held h = held.get(i);
            try {
                Files.deleteIfExists(h.file());
            } catch (IOException ignored) {
                // a lock file left behind is harmless: the next holder takes it over
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
}
