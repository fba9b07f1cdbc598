package dev.jnsc.ops;

import dev.jnsc.fs.BatchJournal;
import dev.jnsc.fs.FileChanges;
import dev.jnsc.fs.StoreLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What the commands of one batch share (nsc batch): the store locks, taken by the first command
 * that writes to a store and held until the batch ends, and the open group of commits of each
 * store (see {@link BatchJournal}), which {@link #commitGroup} makes durable.
 */
public final class BatchSession implements AutoCloseable {
    private final Map<Path, StoreLock> locks = new LinkedHashMap<>();
    private final Map<Path, BatchJournal> journals = new LinkedHashMap<>();
    private Consumer<BatchJournal> journalHook = j -> { };

    /** For crash tests: sees every journal as it is made (to set {@link BatchJournal#onPoint}). */
    public BatchSession onJournal(Consumer<BatchJournal> hook) {
        journalHook = hook;
        return this;
    }

    /**
     * Takes the locks of the stores folder and the keystore that are not held yet (in the order
     * of their paths, as {@link StoreLock} does) and, for a stores folder locked now, recovers
     * what an interrupted command left there.
     */
    void lock(Path storesDir, Path keystoreDir, Duration timeout, Consumer<String> notices) {
        Path stores = storesDir.toAbsolutePath().normalize();
        TreeSet<Path> wanted = new TreeSet<>();
        wanted.add(stores);
        wanted.add(keystoreDir.toAbsolutePath().normalize());
        boolean newStores = false;
        for (Path d : wanted) {
            if (!locks.containsKey(d)) {
                locks.put(d, Workspace.acquire(List.of(d), timeout, notices));
                newStores |= d.equals(stores);
            }
        }
        if (newStores || !journals.containsKey(stores)) {
            if (!journals.containsKey(stores)) {
                Workspace.recover(stores, notices);
            }
            journals.computeIfAbsent(stores, s -> {
                BatchJournal j = new BatchJournal(s, new ArrayList<>(wanted));
                journalHook.accept(j);
                return j;
            });
        }
    }

    /** Applies one command's changes in the open group of the store. */
    void commit(FileChanges changes, Path storesDir, Path keystoreDir) {
        changes.commitInGroup(journals.get(storesDir.toAbsolutePath().normalize()));
    }

    /** The commands in open groups, not durable yet. */
    public int pending() {
        int n = 0;
        for (BatchJournal j : journals.values()) {
            n += j.pending();
        }
        return n;
    }

    /** Makes every open group durable. */
    public void commitGroup() {
        for (BatchJournal j : journals.values()) {
            j.commit();
        }
    }

    /** Commits what is open, then releases the locks. */
    @Override
    public void close() {
        try {
            commitGroup();
        } finally {
            for (BatchJournal j : journals.values()) {
                j.abandon();
            }
            List<StoreLock> held = new ArrayList<>(locks.values());
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).close();
            }
            locks.clear();
        }
    }
}
