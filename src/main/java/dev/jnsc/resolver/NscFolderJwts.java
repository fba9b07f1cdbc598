package dev.jnsc.resolver;

import dev.jnsc.fs.Disk;
import dev.jnsc.store.OperatorStore;
import dev.jnsc.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Serves an nsc operator folder read-only, as it is at the time of each request: accounts added,
 * edited or removed later are seen without a restart.
 *
 * <p>Finding an account by public key needs an index of {@code accounts/<name>/<name>.jwt} by
 * subject. A lookup costs one stat when the indexed file is unchanged (same mtime, size and
 * inode); the folder is scanned again when a key is not in the index or its file changed. A
 * scan stats every account file but re-reads only the changed ones, and only peeks at their
 * subject: signatures are checked once per file version, when it is first served. Concurrent
 * misses share one scan, so a burst of requests for unknown keys costs one scan at a time.
 */
public final class NscFolderJwts implements AccountJwts {
    private final OperatorStore store;
    private final Path accountsDir;
    private final Consumer<String> log;
    private final Object scanLock = new Object();
    private final AtomicLong scansStarted = new AtomicLong();
    private volatile Index index = new Index(0, Map.of(), Map.of());
    /** Told of each account JWT that changed between two scans; null until {@link #watch} is called. */
    private volatile ClaimsNotifier changes;
    private Thread watcher;
    private volatile boolean closed;
    private volatile ChangeWatch served;
    /** Stats of indexed account files by lookups (for tests of the lookup cost). */
    private final java.util.concurrent.atomic.LongAdder stats = new java.util.concurrent.atomic.LongAdder();

    /** One account file version; {@code subject} is null when the file holds no readable JWT. */
    private static final class Entry {
        final Path path;
        final FileStamp stamp;
        final String subject;
        final String token;
        volatile Stored verified;
        /** The {@link ChangeWatch#generation()} at which the file was last seen unchanged. */
        volatile long checked = ChangeWatch.UNWATCHED;

        Entry(Path path, FileStamp stamp, String subject, String token) {
            this.path = path;
            this.stamp = stamp;
            this.subject = subject;
            this.token = token;
        }
    }

    private record Index(long scan, Map<Path, Entry> byPath, Map<String, Entry> byKey) {
    }

    private NscFolderJwts(OperatorStore store, Consumer<String> log) {
        this.store = store;
        this.accountsDir = store.dir().resolve("accounts");
        this.log = log;
    }

    /** The operator folder, e.g. {@code ~/.nsc/nats/O}; it must hold {@code O.jwt}. */
    public static NscFolderJwts open(Path operatorDir, Consumer<String> log) {
        Path dir = operatorDir.toAbsolutePath().normalize();
        Path name = dir.getFileName();
        if (name == null || dir.getParent() == null || !new Stores(dir.getParent()).hasOperator(name.toString())) {
            throw new ResolverException(dir + " is not an nsc operator folder (one holding .nsc and <operator>.jwt)");
        }
        NscFolderJwts jwts = new NscFolderJwts(new Stores(dir.getParent()).operator(name.toString()), log);
        jwts.operator();
        jwts.rescan(0);
        return jwts;
    }

    @Override
    public Stored operator() {
        return Tokens.readOperator(store.operatorJwtPath()).stored();
    }

    @Override
    public String describe() {
        return "serving " + index.byKey().size() + " account(s) of operator \"" + store.name() + "\" from "
                + store.dir() + " (read-only)";
    }

    @Override
    public Stored account(String accountKey) {
        long mark = scansStarted.get();
        Entry e = index.byKey().get(accountKey);
        if (e == null || !fresh(e)) {
            e = rescan(mark).byKey().get(accountKey);
            if (e == null) {
                return null;
            }
        }
        Stored s = e.verified;
        if (s == null) {
            s = Tokens.verifiedAccount(e.token, accountKey, e.path);
            e.verified = s;
        }
        return s;
    }

    @Override
    public List<String> accountKeys() {
        List<String> keys = new ArrayList<>(rescan(scansStarted.get()).byKey().keySet());
        Collections.sort(keys);
        return keys;
    }

    /**
     * From now on, each account JWT that another nsc command changes (or adds) in the folder goes to
     * {@code notifier}, once per new version, as nats-account-server's {@code -nsc} mode did: so
     * that nats-servers with a URL resolver take it without a restart. Changes are noticed through
     * the file system's change events (inotify: one watch for the accounts folder and one per
     * account folder, so nothing is read until something changed; a change costs one stat per
     * account and one read of the changed file) and, in case events were lost or could not be
     * had, by a scan every {@code poll}. Requests that notice a change first notify too.
     */
    public synchronized NscFolderJwts watch(ClaimsNotifier notifier, Duration poll) {
        if (watcher != null) {
            throw new IllegalStateException("already watching");
        }
        changes = notifier;
        Thread t = new Thread(() -> watchLoop(poll), "account-server-nsc-watch");
        t.setDaemon(true);
        watcher = t;
        t.start();
        return this;
    }

    /** With file change events, an entry checked since the last one is not checked again (see {@link ChangeWatch}). */
    @Override
    public synchronized void watchForChanges(Consumer<String> log) {
        if (served == null && Files.isDirectory(accountsDir)) {
            // without the folder (no account yet), lookups stat as they did
            served = ChangeWatch.start(accountsDir, true, log);
        }
    }

    /** True when the entry's file is as indexed: no change event since it was last seen so, or the same stamp. */
    private boolean fresh(Entry e) {
        ChangeWatch w = served;
        long generation = w == null ? ChangeWatch.UNWATCHED : w.generation();
        if (generation != ChangeWatch.UNWATCHED && e.checked == generation) {
            return true;
        }
        stats.increment();
        if (!unchanged(e)) {
            return false;
        }
        e.checked = generation;
        return true;
    }

    /** Stops watching. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = watcher;
            if (served != null) {
                served.close();
            }
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void watchLoop(Duration poll) {
        WatchService ws = null;
        try {
            ws = store.dir().getFileSystem().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            log.accept("[WRN] no file change events (" + e.getMessage() + "): the nsc folder is scanned every "
                    + poll.toSeconds() + "s");
        }
        Set<Path> watched = new HashSet<>();
        boolean[] limitLogged = {false};
        try {
            while (!closed) {
                if (ws != null) {
                    if (register(ws, watched, limitLogged)) {
                        scanLogged(); // what changed before the watches began
                    }
                    WatchKey key = ws.poll(poll.toMillis(), TimeUnit.MILLISECONDS);
                    if (key != null) {
                        // let a burst of writes (an nsc command writes several files) settle into one scan
                        Thread.sleep(50);
                        drain(key);
                        for (WatchKey more = ws.poll(); more != null; more = ws.poll()) {
                            drain(more);
                        }
                    }
                } else {
                    Thread.sleep(poll.toMillis());
                }
                if (!closed) {
                    scanLogged();
                    // a folder made since (a new account) is watched from now on; what was written in
                    // it before its watch began is found by one more scan
                    if (ws != null && register(ws, watched, limitLogged)) {
                        scanLogged();
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        } finally {
            if (ws != null) {
                try {
                    ws.close();
                } catch (IOException e) {
                    // nothing held beyond the process
                }
            }
        }
    }

    private void scanLogged() {
        try {
            rescan(scansStarted.get());
        } catch (RuntimeException e) {
            log.accept("[ERR] cannot scan " + accountsDir + ": " + e.getMessage());
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    /**
     * Watches the accounts folder and every account folder not yet watched; true when a folder was
     * added, so that what was written there before its watch began is scanned.
     */
    private boolean register(WatchService ws, Set<Path> watched, boolean[] limitLogged) {
        WatchEvent.Kind<?>[] kinds = {StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
            StandardWatchEventKinds.ENTRY_MODIFY};
        List<Path> dirs = new ArrayList<>();
        if (Files.isDirectory(accountsDir)) {
            dirs.add(accountsDir);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(accountsDir, Files::isDirectory)) {
                for (Path d : ds) {
                    if (!d.getFileName().toString().startsWith(".")) {
                        dirs.add(d);
                    }
                }
            } catch (IOException e) {
                // the next event or scan tries again
            }
        } else {
            dirs.add(store.dir());
        }
        boolean added = false;
        for (Path d : dirs) {
            if (watched.contains(d)) {
                continue;
            }
            try {
                d.register(ws, kinds);
                watched.add(d);
                added = true;
            } catch (NoSuchFileException e) {
                // gone meanwhile
            } catch (IOException e) {
                if (!limitLogged[0]) {
                    limitLogged[0] = true;
                    log.accept("[WRN] cannot watch " + d + " (" + e.getMessage() + "): changes there are seen by the"
                            + " periodic scan");
                }
            }
        }
        watched.removeIf(d -> !Files.isDirectory(d));
        return added;
    }

    long stats() {
        return stats.sum();
    }

    /** How many scans of the accounts folder were made (for tests of the lookup cost). */
    long scans() {
        return scansStarted.get();
    }

    private static boolean unchanged(Entry e) {
        try {
            return FileStamp.of(Files.readAttributes(e.path, BasicFileAttributes.class)).equals(e.stamp);
        } catch (IOException x) {
            return false;
        }
    }

    /** Scans again unless a scan started after {@code mark}: then its result is as fresh as needed. */
    private Index rescan(long mark) {
        synchronized (scanLock) {
            Index current = index;
            if (current.scan() > mark) {
                return current;
            }
            long n = scansStarted.incrementAndGet();
            Index next = scan(n, current);
            index = next;
            ClaimsNotifier notifier = changes;
            if (notifier != null) {
                notifyChanges(current, next, notifier);
            }
            return next;
        }
    }

    /**
     * Tells servers of each account whose served JWT is new in {@code next}: a changed file with a
     * different token, or an account that appeared. Only JWTs that verify go out.
     */
    private void notifyChanges(Index previous, Index next, ClaimsNotifier notifier) {
        for (Map.Entry<String, Entry> e : next.byKey().entrySet()) {
            Entry was = previous.byKey().get(e.getKey());
            Entry now = e.getValue();
            if (was != null && (was == now || was.token.equals(now.token))) {
                continue;
            }
            String name = now.path.getParent().getFileName().toString();
            Stored verified;
            try {
                verified = Tokens.verifiedAccount(now.token, e.getKey(), now.path);
            } catch (ResolverException x) {
                log.accept("[WRN] account \"" + name + "\" changed but servers are not told: " + x.getMessage());
                continue;
            }
            now.verified = verified;
            log.accept("[INF] account \"" + name + "\" (" + e.getKey() + ") " + (was == null ? "added" : "changed")
                    + " in the nsc folder");
            notifier.accountUpdated(e.getKey(), verified.token());
        }
        for (Map.Entry<String, Entry> e : previous.byKey().entrySet()) {
            if (!next.byKey().containsKey(e.getKey())) {
                log.accept("[INF] account " + e.getKey() + " is no longer in the nsc folder; nats-servers keep its JWT"
                        + " until it expires or is removed from them (nsc push --prune)");
            }
        }
    }

    private Index scan(long n, Index previous) {
        Map<Path, Entry> byPath = new HashMap<>();
        Map<String, Entry> byKey = new HashMap<>();
        if (!Files.isDirectory(accountsDir)) {
            return new Index(n, byPath, byKey);
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(accountsDir)) {
            for (Path folder : ds) {
                String name = folder.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                Path file = folder.resolve(name + ".jwt");
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (NoSuchFileException | NotDirectoryException e) {
                    continue;
                }
                if (!a.isRegularFile()) {
                    continue;
                }
                FileStamp stamp = FileStamp.of(a);
                Entry old = previous.byPath().get(file);
                Entry e = old != null && old.stamp.equals(stamp) ? old : load(file, stamp);
                if (e == null) {
                    continue;
                }
                byPath.put(file, e);
                Entry other = e.subject == null ? null : byKey.get(e.subject);
                if (e.subject != null && (other == null || other.path.compareTo(file) > 0)) {
                    byKey.put(e.subject, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + accountsDir + ": " + e.getMessage(), e);
        }
        return new Index(n, byPath, byKey);
    }

    /** Reads one file version; null when it vanished meanwhile. */
    private Entry load(Path file, FileStamp stamp) {
        byte[] data;
        try {
            data = Disk.readIfExists(file);
        } catch (UncheckedIOException e) {
            log.accept("[WRN] " + e.getMessage() + "; it is not served");
            return new Entry(file, stamp, null, "");
        }
        if (data == null) {
            return null;
        }
        String token = Tokens.utf8(data).trim();
        String subject = Tokens.peekSubject(token);
        if (subject == null) {
            log.accept("[WRN] " + file + " holds no JWT; it is not served");
        }
        return new Entry(file, stamp, subject, token);
    }
}
