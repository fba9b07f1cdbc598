package dev.jnsc.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The files one command writes or deletes, applied together by {@link #commit(Path)}: all of them
 * or none, also when the process is killed or the machine loses power (see {@link Journal}).
 *
 * <p>A commit first checks everything it can without changing anything (files that must be new,
 * folders in the way, folders to delete that hold other files), then writes every new content to
 * a temp file beside its target ({@code .<name>.tmp}, 0600) and syncs it, records the commit, and
 * only then renames the temp files over their targets and deletes what is to be deleted. New
 * folders are 0700, new files 0600, whatever the umask.
 *
 * <p>The order of renames keeps the keystore ahead of the store, so that even without the journal
 * a JWT never exists without its seed: seeds ({@code .nk}) first, then creds files, then
 * everything else, nsc.json last. Deletes go the other way: JWTs and other files first, then creds,
 * then seeds, then folders, deepest first.
 * */
public final class FileChanges {
    /** Planned changes by path, in the order they were first planned. */
    private final Map<Path, Step> steps = new LinkedHashMap<>();
    /** Told of each point a commit passes ("prepared", "temp", "committed", "applied"); tests crash there. */
    private Consumer<String> points = p -> { };
    /** Told of each sync the commit makes, its journal's too (see {@link Disk#UNTOLD}). */
    private Consumer<String> syncs = Disk.UNTOLD;

    /** For crash tests: {@code hook} runs at each point of the commit and may throw an Error there. */
    FileChanges onPoint(Consumer<String> hook) {
        points = hook;
        return this;
    }

    /** For durability tests: {@code hook} is told of each sync, once it is done. */
    FileChanges onSync(Consumer<String> hook) {
        syncs = hook;
        return this;
    }

    /** Writes {@code content} to {@code path}, replacing what is there. The array is not copied. */
    public FileChanges write(Path path, byte[] content) {
        return add(new Step(normal(path), content, false));
    }

    /** Writes a new file; the commit fails, changing nothing, if the file exists by then. */
    public FileChanges create(Path path, byte[] content) {
        return add(new Step(normal(path), content, true));
    }

    /** Deletes a file, or a folder that is empty once the other deletes of this commit are done. */
    public FileChanges delete(Path path) {
        return add(new Step(normal(path), null, false));
    }

    /** A later change of the same path replaces the earlier one. */
    private FileChanges add(Step s) {
        steps.remove(s.path);
        steps.put(s.path, s);
        return this;
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * One planned change: a write ({@code content} not null) or a delete of {@code path}; after a
     * commit, {@code existed} says whether the target was there before.
     */
    public record Change(Path path, byte[] content, boolean existed) {
        public boolean deleted() {
            return content == null;
        }
    }

    /** The planned changes in the order they were planned (after a commit: as committed). */
    public List<Change> changes() {
        List<Change> out = new ArrayList<>();
        for (Step s : steps.values()) {
            out.add(new Change(s.path, s.content, s.existed));
        }
        return out;
    }

    /** True when a delete of {@code path} is already planned. */
    public boolean deletes(Path path) {
        Step s = steps.get(normal(path));
        return s != null && !s.isWrite();
    }

    /** True when a write to {@code path} is already planned. */
    public boolean writes(Path path) {
        Step s = steps.get(normal(path));
        return s != null && s.isWrite();
    }

    /**
     * Applies the changes without a journal: for files outside the store (an output file), where a
     * crash may leave a temp file but never a half-written target.
     */
    public void commit() {
        commit(null);
    }

    /**
     * Applies every change or none. With {@code journalDir} (the folder whose lock the caller
     * holds), the commit survives a crash: the next {@link Journal#recover} finishes or undoes it.
     *
     * @throws UncheckedIOException naming the file that could not be written and why; nothing has
     *         changed then
     */
    public void commit(Path journalDir) {
        if (steps.isEmpty()) {
            return;
        }
        List<Step> order = ordered();
        List<Path> newDirs = new ArrayList<>();
        Journal journal = journalDir == null ? null : new Journal(journalDir.toAbsolutePath().normalize(), syncs);
        boolean recorded = false;
        try {
            try {
                check(order, newDirs, journal != null);
                if (journal != null) {
                    journal.write(false, actions(order, newDirs));
                    recorded = true;
                }
                points.accept("prepared");
                prepare(order, newDirs, true);
                if (journal != null) {
                    journal.write(true, actions(order, newDirs));
                }
                points.accept("committed");
            } catch (RuntimeException | IOException e) {
                discard(order, newDirs);
                if (recorded) {
                    journal.deleteQuietly();
                }
                throw e instanceof IOException io ? new UncheckedIOException("cannot record the changes in "
                        + journal.file() + ": " + Disk.reason(io), io) : (RuntimeException) e;
            }
            try {
                apply(order, true);
            } catch (RuntimeException e) {
                List<String> left = rollback(order, newDirs);
                if (journal != null) {
                    // it could only finish the change; what was put back would stay as it is now
                    journal.deleteQuietly();
                }
                throw notPutBack(e, left);
            }
            if (journal != null) {
                try {
                    journal.delete();
                } catch (IOException e) {
                    // done; the next command finds every action of the journal done already
                }
            }
        } finally {
            forgetPrevious();
        }
    }

    /**
     * Applies every change or none, as one command of a batch's open group (see {@link BatchJournal}):
     * what each target held before is recorded in the group's undo journal and synced first, then
     * the changes are applied at once, without waiting for the disk. They are durable when the group
     * commits; a crash before that undoes the whole group, never part of one command.
     *
     * @throws UncheckedIOException naming the file that could not be written and why; nothing has
     *         changed then
     */
    public void commitInGroup(BatchJournal group) {
        if (steps.isEmpty()) {
            return;
        }
        List<Step> order = ordered();
        List<Path> newDirs = new ArrayList<>();
        try {
            check(order, newDirs, true);
            List<BatchJournal.Before> before = new ArrayList<>();
            for (Path d : newDirs) {
                before.add(new BatchJournal.Before(BatchJournal.Was.NEW_FOLDER, d, null));
            }
            for (Step s : order) {
                if (s.temp != null) {
                    before.add(new BatchJournal.Before(BatchJournal.Was.TEMP, s.temp, null));
                }
                if (!s.existed) {
                    before.add(new BatchJournal.Before(BatchJournal.Was.ABSENT, s.path, null));
                } else if (s.wasDir) {
                    before.add(new BatchJournal.Before(BatchJournal.Was.FOLDER, s.path, null));
                } else {
                    before.add(new BatchJournal.Before(BatchJournal.Was.FILE, s.path, s.previous));
                }
            }
            try {
                group.record(before);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record the changes in " + group.file() + ": " + Disk.reason(e), e);
            }
            points.accept("recorded");
            try {
                prepare(order, newDirs, false);
                apply(order, false);
            } catch (RuntimeException e) {
                throw notPutBack(e, rollback(order, newDirs));
            }
            for (Path d : newDirs) {
                group.touched(d, false);
            }
            for (Step s : order) {
                if (s.applied) {
                    group.touched(s.path, s.isWrite());
                }
            }
        } finally {
            forgetPrevious();
        }
    }

    /** The old contents read for the commit (keys among them) are zeroed once it is over. */
    private void forgetPrevious() {
        for (Step s : steps.values()) {
            if (s.previous != null) {
                Arrays.fill(s.previous, (byte) 0);
                s.previous = null;
            }
        }
    }

    /** Renames (seeds, creds, others, nsc.json), then file deletes (the reverse), then folders, deepest first. */
    private List<Step> ordered() {
        List<Step> out = new ArrayList<>(steps.values());
        for (Step s : out) {
            s.rank = rank(s);
        }
        out.sort(Comparator.comparingInt(s -> s.rank));
        return out;
    }

    private static int rank(Step s) {
        String name = s.path.getFileName() == null ? "" : s.path.getFileName().toString();
        int kind = name.endsWith(".nk") ? 0 : name.endsWith(".creds") ? 1 : name.equals("nsc.json") ? 3 : 2;
        if (s.isWrite()) {
            return kind;
        }
        if (Files.isDirectory(s.path, LinkOption.NOFOLLOW_LINKS)) {
            return 1000 - s.path.getNameCount();
        }
        return 10 + (3 - kind);
    }

    /** Everything that can be known before a change: nothing is created here. */
    private void check(List<Step> order, List<Path> newDirs, boolean journaled) {
        Set<Path> seen = new java.util.HashSet<>();
        for (Step s : order) {
            BasicFileAttributes a = Disk.attributes(s.path);
            s.existed = a != null;
            if (!s.isWrite()) {
                if (a != null) {
                    s.wasDir = a.isDirectory();
                    if (s.wasDir) {
                        requireOnlyPlannedEntries(s.path);
                    } else {
                        s.previous = Disk.read(s.path, "delete");
                    }
                }
                continue;
            }
            if (a != null && s.mustBeNew) {
                throw new UncheckedIOException(s.path + " already exists", new java.nio.file.FileAlreadyExistsException(
                        s.path.toString()));
            }
            if (a != null && a.isDirectory()) {
                throw Disk.failure("write", s.path, "it is a folder");
            }
            if (a != null) {
                s.previous = Disk.read(s.path, "replace");
            }
            missingDirs(s.path, s.path.getParent(), newDirs, seen);
            if (journaled) {
                s.temp = s.path.resolveSibling("." + s.path.getFileName() + ".tmp");
            }
        }
    }

    /** A folder is deleted only when every entry in it is deleted by the same commit. */
    private void requireOnlyPlannedEntries(Path dir) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path entry : ds) {
                if (!deletes(entry)) {
                    throw Disk.failure("delete", dir, "it holds " + entry.getFileName() + ", which nsc does not delete");
                }
            }
        } catch (IOException e) {
            throw Disk.failure("delete", dir, Disk.reason(e));
        }
    }

    /**
     * Adds the folders missing above {@code target}, outermost first, once each; {@code seen}
     * holds the folders already known to exist or planned.
     */
    private static void missingDirs(Path target, Path dir, List<Path> newDirs, Set<Path> seen) {
        if (dir == null || seen.contains(dir)) {
            return;
        }
        BasicFileAttributes a = Disk.attributes(dir);
        if (a != null && (a.isDirectory() || a.isSymbolicLink() && Files.isDirectory(dir))) {
            seen.add(dir);
            return;
        }
        if (a != null) {
            throw Disk.failure("write", target, dir + " exists and is not a folder");
        }
        missingDirs(target, dir.getParent(), newDirs, seen);
        seen.add(dir);
        newDirs.add(dir);
    }

    private static List<Journal.Action> actions(List<Step> order, List<Path> newDirs) {
        List<Journal.Action> out = new ArrayList<>();
        for (Path d : newDirs) {
            out.add(new Journal.Action(Journal.Kind.MKDIR, d, null));
        }
        for (Step s : order) {
            if (s.isWrite()) {
                out.add(new Journal.Action(Journal.Kind.WRITE, s.path, s.temp));
            } else if (s.existed) {
                out.add(new Journal.Action(Journal.Kind.DELETE, s.path, null));
            }
        }
        return out;
    }

    /** Makes the new folders and a temp file (synced when {@code durable}) for every write; no target changes yet. */
    private void prepare(List<Step> order, List<Path> newDirs, boolean durable) {
        Set<Path> dirty = new LinkedHashSet<>();
        for (Path d : newDirs) {
            try {
                Disk.mkdir(d);
            } catch (IOException e) {
                throw Disk.failure("create the folder", d, Disk.reason(e));
            }
            dirty.add(d.getParent());
        }
        for (Step s : order) {
            if (!s.isWrite()) {
                continue;
            }
            try {
                if (s.temp == null) {
                    s.temp = Files.createTempFile(s.path.getParent(), "." + s.path.getFileName() + ".", ".tmp");
                    Files.delete(s.temp);
                } else {
                    Files.deleteIfExists(s.temp);
                }
                Disk.writeNew(s.temp, s.content, durable, syncs);
            } catch (IOException e) {
                throw Disk.failure("write", s.path, Disk.reason(e));
            }
            dirty.add(s.path.getParent());
            points.accept("temp");
        }
        if (durable) {
            sync(dirty);
        }
    }

    /** Renames and deletes, in order; afterwards the folders are synced when {@code durable}. */
    private void apply(List<Step> order, boolean durable) {
        Set<Path> dirty = new LinkedHashSet<>();
        for (Step s : order) {
            try {
                if (s.isWrite()) {
                    Journal.move(s.temp, s.path);
                } else if (s.existed) {
                    Files.delete(s.path);
                } else {
                    continue;
                }
            } catch (IOException e) {
                throw Disk.failure(s.isWrite() ? "write" : "delete", s.path, Disk.reason(e));
            }
            s.applied = true;
            dirty.add(s.path.getParent());
            points.accept("applied");
        }
        if (durable) {
            sync(dirty);
        }
    }

    private void sync(Set<Path> dirs) {
        for (Path d : dirs) {
            try {
                Disk.syncDir(d, syncs);
            } catch (IOException e) {
                throw Disk.failure("sync the folder", d, Disk.reason(e));
            }
        }
    }

    /** Before the commit point: removes temp files and the folders made for them. */
    private static void discard(List<Step> order, List<Path> newDirs) {
        for (Step s : order) {
            if (s.temp != null) {
                try {
                    Files.deleteIfExists(s.temp);
                } catch (IOException ignored) {
                    // best effort: the original failure is what gets reported
                }
            }
        }
        for (int i = newDirs.size() - 1; i >= 0; i--) {
            Disk.rmdirIfEmpty(newDirs.get(i));
        }
    }

    /**
     * A rename or delete failed after the commit point (in this process, so the previous contents
     * are at hand): put back what was changed, then discard the rest. Returns the paths that could
     * not be put back, with why (none when all are back).
     */
    private static List<String> rollback(List<Step> order, List<Path> newDirs) {
        List<String> left = new ArrayList<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            Step s = order.get(i);
            if (!s.applied) {
                continue;
            }
            try {
                if (s.wasDir) {
                    Disk.mkdir(s.path);
                } else if (s.existed) {
                    Disk.writeAtomically(s.path, s.previous);
                } else {
                    Files.deleteIfExists(s.path);
                }
            } catch (IOException e) {
                left.add(s.path + " (" + Disk.reason(e) + ")");
            }
        }
        discard(order, newDirs);
        return left;
    }

    /**
     * The failure, told with the paths the rollback could not put back: then the command did
     * change something, and the user must know which files to look at.
     */
    private static RuntimeException notPutBack(RuntimeException e, List<String> left) {
        if (left.isEmpty()) {
            return e;
        }
        String what = left.size() == 1 ? "this file could not be put back as it was: "
                : left.size() + " files could not be put back as they were: ";
        return new UncheckedIOException(e.getMessage() + "; " + what + String.join(", ", left),
                new IOException(e.getMessage(), e));
    }
}
