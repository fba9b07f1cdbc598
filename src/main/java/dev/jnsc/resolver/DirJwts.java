package dev.jnsc.resolver;

import dev.jnsc.fs.Disk;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Claims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.NKeyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The account server's own copy of account JWTs: {@code <dir>/<ACCOUNT_PUBKEY>.jwt} (folder
 * 0700, files 0600, each written atomically), for one operator given by its JWT file. File names
 * are built only from keys that decode as account public keys, so no request reaches outside
 * the folder.
 *
 * <p>A JWT never replaces one issued later ({@link #save}). Saves take turns: within this process
 * on a lock per folder, and with other processes (a second account server on the same folder) on
 * an exclusive lock of {@value #LOCK_FILE} in the folder.
 */
public final class DirJwts implements AccountJwts {
    /** The lock file, which the stored JWTs' readers (nats-account-server, nats-server) ignore: no .jwt suffix. */
    static final String LOCK_FILE = ".account-server.lock";
    /**
     * File locks belong to a process, and the JVM refuses a second lock of the same file in the
     * same process: so saves to one folder from several DirJwts in this process must take turns
     * here first. One entry per folder opened, for the life of the process.
     */
    private static final ConcurrentMap<Path, ReentrantLock> FOLDER_LOCKS = new ConcurrentHashMap<>();

    private final Path dir;
    private final Path operatorFile;
    private final Tokens.Operator operator;
    private final Path lockFile;
    private final ReentrantLock folderLock;
    /** Verified account JWTs by key, each with the stamp of the file version it was read from. */
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile ChangeWatch watch;
    /** Stats of account files so far (for tests of the lookup cost). */
    private final java.util.concurrent.atomic.LongAdder stats = new java.util.concurrent.atomic.LongAdder();

    /** A verified JWT, and the {@link ChangeWatch#generation()} at which its file was last seen unchanged. */
    private static final class Cached {
        final Path file;
        final FileStamp stamp;
        final Stored stored;
        volatile long checked;

        Cached(Path file, FileStamp stamp, Stored stored, long checked) {
            this.file = file;
            this.stamp = stamp;
            this.stored = stored;
            this.checked = checked;
        }
    }

    /** What became of a posted JWT: stored, already there, or kept out by a stored one issued later. */
    public record Saved(boolean stored, boolean kept, long storedIat) {
    }

    private DirJwts(Path dir, Path operatorFile, Tokens.Operator operator, Path realDir) {
        this.dir = dir;
        this.operatorFile = operatorFile;
        this.operator = operator;
        this.lockFile = dir.resolve(LOCK_FILE);
        this.folderLock = FOLDER_LOCKS.computeIfAbsent(realDir, k -> new ReentrantLock());
    }

    /** Opens (creating it, 0700, when missing) {@code dir} for the operator in {@code operatorJwtFile}. */
    public static DirJwts open(Path dir, Path operatorJwtFile) {
        Tokens.Operator op = Tokens.readOperator(operatorJwtFile);
        Path d = dir.toAbsolutePath().normalize();
        try {
            Disk.makeDirs(d, new ArrayList<>());
        } catch (IOException e) {
            throw new ResolverException("cannot create the folder " + d + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(d)) {
            throw new ResolverException("the folder " + d + " is not writable");
        }
        Path real;
        try {
            real = d.toRealPath();
        } catch (IOException e) {
            throw new ResolverException("cannot open the folder " + d + ": " + e.getMessage(), e);
        }
        DirJwts jwts = new DirJwts(d, operatorJwtFile.toAbsolutePath().normalize(), op, real);
        try {
            jwts.openLockFile().close();
        } catch (IOException e) {
            throw new ResolverException("cannot create the lock file " + jwts.lockFile + ": " + e.getMessage(), e);
        }
        return jwts;
    }

    /** The operator whose identity and signing keys may sign the accounts stored here. */
    public OperatorClaims operatorClaims() {
        return operator.claims();
    }

    @Override
    public Stored operator() {
        return operator.stored();
    }

    @Override
    public String describe() {
        return "storing account JWTs of operator \"" + operator.claims().name() + "\" (" + operatorFile + ") in " + dir;
    }

    /**
     * The JWT of an account, verified once per file version: a lookup costs one stat while the
     * file is unchanged (same mtime, size and inode), or nothing while no change event came since
     * the last stat ({@link #watchForChanges}); a file written since, by this server or by anything
     * else, is read and verified again.
     */
    @Override
    public Stored account(String accountKey) {
        Cached c = cache.get(accountKey);
        ChangeWatch w = watch;
        long generation = w == null ? ChangeWatch.UNWATCHED : w.generation();
        if (c != null && generation != ChangeWatch.UNWATCHED && c.checked == generation) {
            return c.stored;
        }
        // a key in the cache was checked when it was put there
        Path file = c != null ? c.file : fileOf(accountKey);
        FileStamp stamp;
        stats.increment();
        try {
            stamp = FileStamp.of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            cache.remove(accountKey);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (c != null && c.stamp.equals(stamp)) {
            c.checked = generation;
            return c.stored;
        }
        // read after the stat: if the file changes in between, the next stat sees a new stamp
        byte[] data = Disk.readIfExists(file);
        if (data == null) {
            cache.remove(accountKey);
            return null;
        }
        Stored s = Tokens.verifiedAccount(Tokens.utf8(data).trim(), accountKey, file);
        cache.put(accountKey, new Cached(file, stamp, s, generation));
        return s;
    }

    @Override
    public synchronized void watchForChanges(java.util.function.Consumer<String> log) {
        if (watch == null) {
            watch = ChangeWatch.start(dir, false, log);
        }
    }

    @Override
    public synchronized void close() {
        if (watch != null) {
            watch.close();
        }
    }

    /** The keys of the {@code <KEY>.jwt} files in the folder itself; other files are no accounts. */
    @Override
    public java.util.List<String> accountKeys() {
        java.util.List<String> keys = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jwt")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                String key = name.substring(0, name.length() - ".jwt".length());
                if (AccountHandler.isAccountKey(key) && Files.isRegularFile(p)) {
                    keys.add(key);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        java.util.Collections.sort(keys);
        return keys;
    }

    /**
     * Stores a verified account token unless the stored JWT of the account was issued later (a
     * greater {@code iat}), the rule of nats-server's {@code DirJWTStore.saveIfNewer}: a stored
     * JWT issued later is kept, one issued at the same second or earlier is replaced, atomically,
     * and so is a file that holds no readable JWT. The same token again is left as it is. (Unlike
     * saveIfNewer, an equal {@code jti} does not count as the same JWT: it hashes only the
     * standard claims, so two edits within one second share it.) {@code accepted} runs when the
     * posted JWT is (now) the stored one, before the next save may start, so its notifications
     * leave in the order of the writes. I/O failures surface as {@link UncheckedIOException}.
     */
    public Saved save(AccountClaims claims, String token, Runnable accepted) {
        try {
            return saveIfNotOlder(fileOf(claims.subject()), claims, token, accepted);
        } finally {
            cache.remove(claims.subject());
        }
    }

    /**
     * The rule of {@link #save} for any token file of this folder ({@code file} is built by the
     * caller from a checked name), under the same locks.
     */
    Saved saveIfNotOlder(Path file, Claims claims, String token, Runnable accepted) {
        folderLock.lock();
        try (FileChannel lock = openLockFile(); FileLock held = lock.lock()) {
            byte[] data = Disk.readIfExists(file);
            String current = data == null ? null : Tokens.utf8(data).trim();
            Claims stored = current == null ? null : claimsOf(current);
            if (token.equals(current)) {
                accepted.run();
                return new Saved(false, false, claims.issuedAt());
            }
            if (stored != null && stored.issuedAt() > claims.issuedAt()) {
                return new Saved(false, true, stored.issuedAt());
            }
            Disk.makeDirs(file.getParent(), new ArrayList<>());
            Disk.writeAtomically(file, token.getBytes(StandardCharsets.US_ASCII));
            accepted.run();
            return new Saved(true, false, claims.issuedAt());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + file + ": " + e.getMessage(), e);
        } finally {
            folderLock.unlock();
        }
    }

    /** The claims of a stored token, or null when it is no readable JWT. */
    private static Claims claimsOf(String token) {
        try {
            return Jwt.decode(token).claims();
        } catch (JwtException | NKeyException e) {
            return null;
        }
    }

    private FileChannel openLockFile() throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return FileChannel.open(lockFile, options, mode);
        }
        return FileChannel.open(lockFile, options);
    }

    private Path fileOf(String accountKey) {
        if (!AccountHandler.isAccountKey(accountKey)) {
            throw new IllegalArgumentException("not an account public key");
        }
        return dir.resolve(accountKey + ".jwt");
    }

    long stats() {
        return stats.sum();
    }

    Path dir() {
        return dir;
    }
}
