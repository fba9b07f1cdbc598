package dev.jnsc.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The undo journal of a batch (nsc batch): the commands of a batch commit in groups, and a crash
 * loses at most the commands of the open group, never part of one.
 *
 * <p>Each command's changes are applied to the files at once, so the next command reads them, but
 * without waiting for the disk. Before a command changes anything, what each of its targets was
 * before the group (absent, a folder, or a file, whose old content is kept as a hard link, or a
 * copy, in the {@code .jnsc.undo} folder of the store or keystore it is in) is appended to
 * {@code .jnsc.batch} in the stores folder and synced: one sync per command. When the group
 * commits, every file and folder it changed is synced, {@code committed} is appended, and the
 * journal and the kept contents are removed. The next command that takes the store lock calls
 * {@link #recover}: an uncommitted journal is undone (every target of the group put back as it
 * was), a committed one finished (kept contents removed).
 *
 * <p>Format: UTF-8 lines; {@code jnsc batch 1}, then one record per command: {@code mkdir <dir>},
 * {@code undo-folder <dir>}, {@code temp <file>}, {@code absent <path>}, {@code folder <path>},
 * {@code file <path> <kept>} in the order they were recorded, then {@code end}; and finally
 * {@code committed}; zero bytes follow to the end of the file (it is written ahead, see
 * {@link #append}): the records end at the first zero byte. A record without its {@code end} was
 * cut short by a crash: its command had not changed anything yet. Paths are encoded as in {@link Journal}.
 */
public final class BatchJournal {
    /** The journal's name in the stores folder. */
    public static final String FILE = ".jnsc.batch";
    /** The folder, in the store and in the keystore, that keeps the replaced contents of the open group. */
    public static final String UNDO_FOLDER = ".jnsc.undo";
    static final String MAGIC = "jnsc batch 1";
    /** Above this many files to sync, the group commit syncs them from several threads (the disk batches them). */
    private static final int PARALLEL_FROM = 8;
    private static final int THREADS = 32;
    /** The journal is written ahead with zeros this many bytes at a time (see {@link #append}). */
    private static final int CHUNK = 64 * 1024;

    /** What a path was before the open group changed it. */
    public enum Was { NEW_FOLDER, TEMP, ABSENT, FOLDER, FILE }

    /** One path's state before the group; {@code content} is the old content of a FILE. */
    public record Before(Was was, Path path, byte[] content) {
    }

    private final Path dir;
    private final Path file;
    private final List<Path> roots;
    private FileChannel channel;
    /** Where the next record goes, and how far the file is written (with zeros past the records). */
    private long position;
    private long allocated;
    private final Set<Path> recorded = new HashSet<>();
    private final Set<Path> syncFiles = new LinkedHashSet<>();
    private final Set<Path> syncDirs = new LinkedHashSet<>();
    private final List<Path> kept = new ArrayList<>();
    private final List<Path> undoFolders = new ArrayList<>();
    private int commands;
    private int next;
    private Consumer<String> points = p -> { };
    /** Told of each sync (see {@link Disk#UNTOLD}). */
    private Consumer<String> syncs = Disk.UNTOLD;

    /**
     * @param dir the stores folder (whose lock the caller holds): the journal lives there
     * @param roots the locked folders (stores, keystore): a replaced file's old content is kept
     *        in the undo folder of the root it is in (so a seed stays in the keystore), else of {@code dir}
     */
    public BatchJournal(Path dir, List<Path> roots) {
        this.dir = dir.toAbsolutePath().normalize();
        this.file = this.dir.resolve(FILE);
        this.roots = new ArrayList<>();
        for (Path r : roots) {
            this.roots.add(r.toAbsolutePath().normalize());
        }
    }

    /** For crash tests: {@code hook} runs at each point ("recorded", "synced", "committed") and may throw an Error. */
    public BatchJournal onPoint(Consumer<String> hook) {
        points = hook;
        return this;
    }

    /** For durability tests: {@code hook} is told of each sync, once it is done. */
    BatchJournal onSync(Consumer<String> hook) {
        syncs = hook;
        return this;
    }

    public Path file() {
        return file;
    }

    /** The commands recorded in the open group. */
    public int pending() {
        return commands;
    }

    /**
     * Records, durably, what the paths a command is about to change were before the group (a
     * path the group recorded already keeps its first state). Old contents of files are kept first.
     */
    void record(List<Before> befores) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<Path[]> links = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        Set<Path> dirty = new LinkedHashSet<>();
        List<Path> newlyRecorded = new ArrayList<>();
        for (Before b : befores) {
            Path p = b.path();
            if (b.was() != Was.TEMP && !recorded.add(p)) {
                continue;
            }
            newlyRecorded.add(p);
            switch (b.was()) {
                case NEW_FOLDER -> line(sb, "mkdir", p, null);
                case TEMP -> line(sb, "temp", p, null);
                case ABSENT -> line(sb, "absent", p, null);
                case FOLDER -> line(sb, "folder", p, null);
                default -> {
                    Path undo = undoFolder(p);
                    if (!undoFolders.contains(undo)) {
                        line(sb, "undo-folder", undo, null);
                    }
                    Path keep = undo.resolve(Integer.toString(next++));
                    line(sb, "file", p, keep);
                    links.add(new Path[] {p, keep});
                    contents.add(b.content());
                }
            }
        }
        if (sb.length() == 0) {
            return;
        }
        sb.append("end\n");
        try {
            boolean created = channel == null;
            if (created) {
                Files.deleteIfExists(file);
                channel = Disk.posix(file)
                        ? FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                                LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(Disk.FILE_MODE))
                        : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                position = 0;
                allocated = 0;
                if (Disk.posix(file)) {
                    Files.setPosixFilePermissions(file, Disk.FILE_MODE);
                }
                sb.insert(0, MAGIC + "\n");
            }
            // the record first: a crash before the contents are kept finds the targets unchanged,
            // and nothing is kept that no journal names
            append(sb.toString());
            for (int i = 0; i < links.size(); i++) {
                Path keep = links.get(i)[1];
                Path undo = keep.getParent();
                if (!undoFolders.contains(undo)) {
                    if (!Files.isDirectory(undo, LinkOption.NOFOLLOW_LINKS)) {
                        Disk.mkdir(undo);
                        dirty.add(undo.getParent());
                    }
                    undoFolders.add(undo);
                }
                keep(links.get(i)[0], keep, contents.get(i));
                dirty.add(undo);
            }
            if (created) {
                dirty.add(dir);
            }
            for (Path d : dirty) {
                Disk.syncDir(d, syncs);
            }
        } catch (IOException | RuntimeException e) {
            recorded.removeAll(newlyRecorded);
            throw e;
        }
        commands++;
        points.accept("recorded");
    }

    private static void line(StringBuilder sb, String kind, Path p, Path second) {
        sb.append(kind).append(' ').append(Journal.encode(p));
        if (second != null) {
            sb.append(' ').append(Journal.encode(second));
        }
        sb.append('\n');
    }

    /** The undo folder for {@code p}: in the root that holds it, else in the stores folder. */
    private Path undoFolder(Path p) {
        for (Path r : roots) {
            if (p.startsWith(r)) {
                return r.resolve(UNDO_FOLDER);
            }
        }
        return dir.resolve(UNDO_FOLDER);
    }

    /** Keeps the current content of {@code target} as {@code keep}: a hard link where it can, else a synced copy. */
    private void keep(Path target, Path keep, byte[] content) throws IOException {
        Files.deleteIfExists(keep);
        try {
            Files.createLink(keep, target);
            return;
        } catch (UnsupportedOperationException | IOException e) {
            // another file system, or none that links: a copy
        }
        Disk.writeNew(keep, content, true, syncs);
    }

    /**
     * Writes {@code text} after the records and syncs it. The file is written ahead with zeros
     * ({@link #CHUNK} at a time), so that a record overwrites blocks the file already has: its sync
     * (fdatasync) then writes the record's block without a change of the file's size or extents to
     * commit, which cost about a third of each command's sync here. {@link #recover} reads up to
     * the first zero byte.
     */
    private void append(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        while (position + bytes.length > allocated) {
            ByteBuffer zeros = ByteBuffer.allocate(CHUNK);
            while (zeros.hasRemaining()) {
                allocated += channel.write(zeros, allocated);
            }
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            position += channel.write(b, position);
        }
        Disk.force(channel, file, false, syncs);
    }

    /** Notes a file (or folder) a command of the group wrote, made or deleted: the group commit syncs it. */
    void touched(Path p, boolean isFile) {
        if (isFile) {
            syncFiles.add(p);
        } else {
            syncDirs.add(p);
        }
        if (p.getParent() != null) {
            syncDirs.add(p.getParent());
        }
    }

    /**
     * Makes the open group durable: syncs everything it changed, marks the journal committed, and
     * removes the journal and the kept contents. Does nothing when no command is recorded.
     *
     * @throws UncheckedIOException when a file cannot be synced; the group stays open (a later
     *         commit, or the recovery after a crash, deals with it)
     */
    public void commit() {
        if (channel == null) {
            return;
        }
        try {
            syncAll();
            points.accept("synced");
            append("committed\n");
            points.accept("committed");
            finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the batch's changes (journal " + file + "): " + Disk.reason(e), e);
        }
    }

    private void syncAll() throws IOException {
        if (syncFileSystems()) {
            return;
        }
        List<Path> files = new ArrayList<>();
        for (Path f : syncFiles) {
            if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                files.add(f);
            }
        }
        if (files.size() < PARALLEL_FROM) {
            for (Path f : files) {
                syncFile(f);
            }
        } else {
            // each sync waits for the disk; from several threads at once the file system commits
            // them together, which is most of the batch's speed
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, files.size()), r -> {
                Thread t = new Thread(r, "jnsc-sync");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> done = new ArrayList<>();
                for (Path f : files) {
                    done.add(pool.submit(() -> {
                        syncFile(f);
                        return null;
                    }));
                }
                for (Future<?> d : done) {
                    try {
                        d.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (e.getCause() instanceof IOException io) {
                            throw io;
                        }
                        throw new IOException(e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted");
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        for (Path d : syncDirs) {
            if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                Disk.syncDir(d, syncs);
            }
        }
    }

    /** The sync(1) that takes -f (syncfs(2): one call writes out a whole file system), where there is one. */
    private static final String[] SYNC = {"/usr/bin/sync", "/bin/sync"};
    /** False once sync -f failed here (an older sync, another system): files are synced one by one then. */
    private static volatile boolean syncfsWorks = true;

    /**
     * Syncs the file systems that hold what the group changed with one {@code sync -f} (Linux's
     * syncfs), which costs about as much as syncing one file; false when that is not available.
     */
    private boolean syncFileSystems() {
        if (!syncfsWorks) {
            return false;
        }
        String sync = null;
        for (String s : SYNC) {
            if (Files.isExecutable(Path.of(s))) {
                sync = s;
                break;
            }
        }
        if (sync == null) {
            syncfsWorks = false;
            return false;
        }
        Set<Path> places = new LinkedHashSet<>();
        places.add(dir);
        places.addAll(roots);
        for (Path d : syncDirs) {
            boolean inRoot = false;
            for (Path r : roots) {
                inRoot |= d.startsWith(r);
            }
            if (!inRoot && Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                places.add(d);
            }
        }
        List<String> cmd = new ArrayList<>(List.of(sync, "-f"));
        for (Path p : places) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                cmd.add(p.toString());
            }
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (p.waitFor() == 0) {
                syncs.accept("file systems " + String.join(" ", cmd.subList(2, cmd.size())));
                return true;
            }
        } catch (IOException e) {
            // not runnable here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        syncfsWorks = false;
        return false;
    }

    private void syncFile(Path f) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            Disk.force(ch, f, true, syncs);
        } catch (NoSuchFileException e) {
            // deleted by a later command of the group: its folder's sync covers it
        }
    }

    /** After the commit point: the kept contents go, then the journal. */
    private void finish() throws IOException {
        channel.close();
        channel = null;
        for (Path k : kept()) {
            Files.deleteIfExists(k);
        }
        for (Path u : undoFolders) {
            Disk.rmdirIfEmpty(u);
        }
        Files.deleteIfExists(file);
        Disk.syncDir(dir, syncs);
        recorded.clear();
        syncFiles.clear();
        syncDirs.clear();
        undoFolders.clear();
        commands = 0;
        next = 0;
    }

    private List<Path> kept() {
        List<Path> out = new ArrayList<>();
        for (Path u : undoFolders) {
            try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(u)) {
                for (Path p : ds) {
                    out.add(p);
                }
            } catch (IOException e) {
                // gone already
            }
        }
        return out;
    }

    /**
     * For a failure without a crash (the batch stops): closes the journal without committing;
     * the next {@link #recover} undoes the open group.
     */
    public void abandon() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the journal on disk is what counts
            }
            channel = null;
        }
    }

    /**
     * Undoes the open group of an interrupted batch (or finishes a committed one) when the folder
     * holds a batch journal; returns what was done, in words, or null when there was nothing.
     * The caller must hold the store lock. See {@link BatchRecovery}.
     */
    public static String recover(Path dir) {
        return BatchRecovery.recover(dir, Disk.UNTOLD);
    }
}
