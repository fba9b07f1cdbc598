package dev.jnsc.ops;

import dev.jnsc.env.Dirs;
import dev.jnsc.env.Environment;
import dev.jnsc.fs.BatchJournal;
import dev.jnsc.fs.FileChanges;
import dev.jnsc.fs.Journal;
import dev.jnsc.fs.StoreLock;
import dev.jnsc.keystore.Keystore;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.Context;
import dev.jnsc.store.OperatorStore;
import dev.jnsc.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One command's view of the world: resolved folders, nsc.json, the stores, the keystore, the
 * clock. Everything is loaded on first use, so a command only pays for what it touches.
 */
public final class Workspace {
    private final Dirs dirs;
    private final Clock clock;
    private SecureRandom random;
    private Context context;
    private Stores stores;
    private Keystore keystore;
    private String cwdOperator;
    private String cwdAccount;
    private boolean contextChanged;
    private StoreLock lock;
    private boolean locked;
    private BatchSession batch;
    private Path journalDir;
    private final List<String> signerNotes = new java.util.ArrayList<>();
    /** Every file change committed through this workspace, in order (for --json results). */
    private final List<FileChanges.Change> committed = new java.util.ArrayList<>();

    /** @param random the source of new keys, or null for a SecureRandom made on first use */
    public Workspace(Dirs dirs, Clock clock, SecureRandom random) {
        this.dirs = dirs;
        this.clock = clock;
        this.random = random;
    }

    public Dirs dirs() {
        return dirs;
    }

    public Environment env() {
        return dirs.env();
    }

    /** Seconds since the epoch, from the injected clock. */
    public long now() {
        return clock.instant().getEpochSecond();
    }

    public Clock clock() {
        return clock;
    }

    public Context context() {
        if (context == null) {
            context = Context.load(dirs.contextFile());
        }
        return context;
    }

    public Stores stores() {
        if (stores == null) {
            Path root = dirs.storesDirFromFlag() ? null : discoverFromCwd();
            stores = new Stores(root != null ? root : dirs.storesDir(context().storeRoot()));
        }
        return stores;
    }

    /**
     * Makes {@code dir} the stores folder of this command (init -d), before {@link #lock} so
     * that the lock and the journal are those of that folder.
     */
    public void useStores(Path dir) {
        if (locked) {
            throw new IllegalStateException("the stores folder is chosen before the store lock is taken");
        }
        stores = new Stores(dir);
    }

    /** When the working folder is, or is inside, an operator folder, that store wins. */
    private Path discoverFromCwd() {
        Path cwd = env().cwd();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(".nsc")) && new Stores(p.getParent()).hasOperator(p.getFileName().toString())) {
                cwdOperator = p.getFileName().toString();
                Path rel = p.relativize(cwd);
                if (rel.getNameCount() >= 2 && rel.getName(0).toString().equals("accounts")) {
                    cwdAccount = rel.getName(1).toString();
                }
                return p.getParent();
            }
        }
        return null;
    }

    public Keystore keystore() {
        if (keystore == null) {
            boolean gitIgnore = !env().isSet("NSC_NO_GIT_IGNORE");
            // a batch's lines share one keystore per folder, which remembers the seeds it read
            keystore = batch != null ? batch.keystore(dirs.keystoreDir(), gitIgnore)
                    : new Keystore(dirs.keystoreDir(), gitIgnore);
        }
        return keystore;
    }

    public NKey newKey(KeyKind kind) {
        if (random == null) {
            random = new SecureRandom();
        }
        return NKey.generate(kind, random);
    }

    /** The current operator's name: explicit, from the working folder, nsc.json, or the only one. */
    public String operatorName(String explicit) {
        Stores s = stores();
        if (explicit != null && !explicit.isBlank()) {
            if (!s.hasOperator(explicit)) {
                throw new OpsException("operator \"" + explicit + "\" does not exist in " + s.dir());
            }
            return explicit;
        }
        if (cwdOperator != null) {
            return cwdOperator;
        }
        String saved = context().operator();
        if (saved != null && s.hasOperator(saved)) {
            return saved;
        }
        List<String> all = s.operatorNames();
        if (all.size() == 1) {
            return all.get(0);
        }
        if (all.isEmpty()) {
            throw new OpsException("no operator found in " + s.dir() + " - add one with \"nsc add operator <name>\"");
        }
        throw new OpsException("no operator is selected and " + s.dir() + " holds several ("
                + String.join(", ", all) + ") - select one with \"nsc env -o <name>\"");
    }

    public OperatorStore operator(String explicit) {
        return stores().operator(operatorName(explicit));
    }

    /** The account to work on: explicit, from the working folder, nsc.json, or the only one. */
    public String accountName(OperatorStore op, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            op.requireAccount(explicit);
            return explicit;
        }
        if (cwdAccount != null && op.name().equals(cwdOperator) && op.hasAccount(cwdAccount)) {
            return cwdAccount;
        }
        String saved = context().account();
        if (saved != null && op.name().equals(context().operator()) && op.hasAccount(saved)) {
            return saved;
        }
        List<String> all = op.accountNames();
        if (all.size() == 1) {
            return all.get(0);
        }
        if (all.isEmpty()) {
            throw new OpsException("operator \"" + op.name() + "\" has no accounts - add one with \"nsc add account <name>\"");
        }
        throw new OpsException("no account is selected and operator \"" + op.name() + "\" has several ("
                + String.join(", ", all) + ") - name one with -a or select one with \"nsc env -a <name>\"");
    }

    /**
     * For a command that writes: takes the lock of the stores folder and the keystore (waiting up
     * to {@code timeout}), then finishes or undoes the changes of a command that was interrupted,
     * so that everything this command reads from here on is current and whole. {@code notices}
     * hears, as one line each, that the command is waiting and what was recovered.
     */
    public void lock(Duration timeout, Consumer<String> notices) {
        if (locked) {
            return;
        }
        Path storesDir = stores().dir();
        if (batch != null) {
            // the batch holds the lock from its first writer to its end, and recovered then
            batch.lock(storesDir, dirs.keystoreDir(), timeout, notices);
        } else {
            lock = acquire(List.of(storesDir, dirs.keystoreDir()), timeout, notices);
            recover(storesDir, notices);
        }
        locked = true;
        journalDir = storesDir;
        context = null; // read again, under the lock
    }

    /** The lock of {@code dirs}, or the error that says how long it waited for whom. */
    static StoreLock acquire(List<Path> dirs, Duration timeout, Consumer<String> notices) {
        try {
            return StoreLock.acquire(dirs, timeout,
                    f -> notices.accept("waiting for another nsc command to finish (lock " + f + ")"));
        } catch (StoreLock.Timeout e) {
            throw new OpsException("gave up waiting for the store lock after " + seconds(timeout) + ": "
                    + e.getMessage() + " - try again, or allow longer with --lock-timeout");
        }
    }

    /** Finishes or undoes what an interrupted command or batch left in the stores folder (under its lock). */
    static void recover(Path storesDir, Consumer<String> notices) {
        String recovered = Journal.recover(storesDir);
        if (recovered != null) {
            notices.accept(recovered);
        }
        recovered = BatchJournal.recover(storesDir);
        if (recovered != null) {
            notices.accept(recovered);
        }
    }

    /**
     * Makes this workspace one line of a batch: its lock is the batch's, and its commits join the
     * batch's open group (see {@link BatchSession}). Before anything is read.
     */
    public void joinBatch(BatchSession session) {
        this.batch = session;
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    /** Applies a command's changes, all or nothing, under the lock taken by {@link #lock}. */
    public void commit(FileChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        if (!locked) {
            throw new IllegalStateException("store changes are committed only under the store lock");
        }
        if (batch != null) {
            batch.commit(changes, journalDir, dirs.keystoreDir());
        } else {
            changes.commit(journalDir);
        }
        committed.addAll(changes.changes());
    }

    /**
     * Applies changes to files outside the store (an output file) without the lock or a journal,
     * and records them with the store's changes.
     */
    public void commitOutside(FileChanges changes) {
        changes.commit();
        committed.addAll(changes.changes());
    }

    /**
     * Records changes committed elsewhere and then moved as a whole from {@code from} to {@code to}
     * (keys migrate builds a keystore beside the old one and renames it), at the paths they ended at.
     */
    void recordMoved(List<FileChanges.Change> done, Path from, Path to) {
        for (FileChanges.Change c : done) {
            committed.add(new FileChanges.Change(to.resolve(from.relativize(c.path())), c.content(), c.existed()));
        }
    }

    /** The file changes committed so far, in order. */
    public List<FileChanges.Change> committed() {
        return List.copyOf(committed);
    }

    /** Releases the store lock, if this workspace holds it. */
    public void close() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
        locked = false;
    }

    /** Makes {@code operator} (and {@code account}, may be null) current in nsc.json. */
    public void select(String operator, String account) {
        Context c = context();
        // the Go nsc records the stores folder in use (also one given with --data-dir)
        c.storeRoot(stores().dir().toString());
        c.operator(operator);
        c.account(account);
        contextChanged = true;
    }

    /** Stages nsc.json when this command changed the context (not with NSC_CWD_ONLY). */
    public void stageContext(FileChanges changes) {
        if (contextChanged && !env().isSet("NSC_CWD_ONLY")) {
            context().updateCheckDefaults(now()).stage(changes);
        }
    }

    /** Notes which key signed when several stored keys could have (printed after the report). */
    public void noteSigner(String message) {
        if (!signerNotes.contains(message)) {
            signerNotes.add(message);
        }
    }

    /** The notes of {@link #noteSigner}, in order. */
    public List<String> signerNotes() {
        return List.copyOf(signerNotes);
    }
}
