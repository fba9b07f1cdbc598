package dev.jnsc.ops;

import dev.jnsc.fs.BatchJournal;
import dev.jnsc.fs.FileChanges;
import dev.jnsc.fs.StoreLock;
import dev.jnsc.keystore.Keystore;
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
    private final Map<String, Keystore> keystores = new java.util.HashMap<>();
    private final java.util.Set<Path> currentKeystores = new java.util.HashSet<>();

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

    /**
     * The keystore in {@code dir} that the batch's lines share: it remembers the seeds it read
     * (see {@link Keystore#remembering}), which {@link #close} wipes.
     */
    Keystore keystore(Path dir, boolean gitIgnore) {
        return keystores.computeIfAbsent(dir + (gitIgnore ? "\n+" : "\n-"),
                k -> new Keystore(dir, gitIgnore).remembering());
    }

    /**
     * Whether a line of this batch found the keystore in {@code root} current (not in need of
     * {@code keys migrate}) while the batch held its lock: no other nsc can have changed it since,
     * and no command writes the old layout, so the lines after it need not look again.
     */
    public boolean keystoreKnownCurrent(Path root) {
        return currentKeystores.contains(root.toAbsolutePath().normalize());
    }

    /** Notes that a line found the keystore in {@code root} current (kept only under the batch's lock). */
    public void keystoreFoundCurrent(Path root) {
        Path r = root.toAbsolutePath().normalize();
        if (locks.containsKey(r)) {
            currentKeystores.add(r);
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
            for (Keystore k : keystores.values()) {
                k.forget();
            }
            keystores.clear();
        }
    }
}
