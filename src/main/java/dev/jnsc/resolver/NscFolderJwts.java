package dev.jnsc.resolver;

import dev.jnsc.fs.FileChanges;
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
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
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

    /** What identifies one version of a file: a rewrite changes at least one of these. */
    private record Stamp(FileTime modified, long size, Object fileKey) {
        static Stamp of(BasicFileAttributes a) {
            return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
        }
    }

    /** One account file version; {@code subject} is null when the file holds no readable JWT. */
    private static final class Entry {
        final Path path;
        final Stamp stamp;
        final String subject;
        final String token;
        volatile Stored verified;

        Entry(Path path, Stamp stamp, String subject, String token) {
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
        if (e == null || !unchanged(e)) {
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

    /** How many scans of the accounts folder were made (for tests of the lookup cost). */
    long scans() {
        return scansStarted.get();
    }

    private static boolean unchanged(Entry e) {
        try {
            return Stamp.of(Files.readAttributes(e.path, BasicFileAttributes.class)).equals(e.stamp);
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
            return next;
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
                Stamp stamp = Stamp.of(a);
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
    private Entry load(Path file, Stamp stamp) {
        byte[] data;
        try {
            data = FileChanges.readIfExists(file);
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
