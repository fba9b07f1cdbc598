package dev.jnsc.ops;

import dev.jnsc.fs.Disk;
import dev.jnsc.fs.FileChanges;
import dev.jnsc.keystore.Keystore;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.nkeys.NKeyException;
import dev.jnsc.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * export keys and import keys: seeds (and JWTs) between the keystore and a plain folder. Both
 * check everything first and then write in one commit, so a refusal changes nothing and
 * {@code export keys -R} removes a seed from the keystore only in the commit that writes its copy.
 */
public final class KeyTransferOps {
    private KeyTransferOps() {
    }

    /**
     * Values as given; {@code kindGiven} is true when any of --operator, --accounts, --users, --curve
     * or --all was given (else the Go nsc exports the operator, the current account and its users).
     */
    public record ExportKeys(String dir, boolean operator, boolean accounts, boolean users, boolean all,
            boolean kindGiven, String account, String user, String filter, boolean notReferenced, boolean force,
            boolean remove, boolean includeJwts, boolean curves, String curve) {
    }

    /**
     * Adds what the Go nsc's --curves and --curve promise (and its 2.11.1 ignores): the auth callout
     * encryption targets of the accounts in scope, and one named curve key.
     */
    private static List<KeyCollector.Key> withCurves(Workspace ws, ExportKeys req, String account,
            List<KeyCollector.Key> keys) {
        if (!req.curves() && req.curve() == null) {
            return keys;
        }
        List<KeyCollector.Key> out = new ArrayList<>(keys);
        java.util.Set<String> have = new java.util.HashSet<>();
        keys.forEach(k -> have.add(k.publicKey()));
        if (req.curve() != null) {
            if (!dev.jnsc.nkeys.NKey.isValidPublicKey(req.curve(), dev.jnsc.nkeys.KeyKind.CURVE)) {
                // not echoed: it could be a seed given by mistake
                throw new OpsException("--curve needs a curve public key: \"X\" and 55 more base32 characters");
            }
            if (have.add(req.curve())) {
                out.add(new KeyCollector.Key("?", req.curve(), 'X', false, null));
            }
        }
        if (req.curves() && !ws.stores().operatorNames().isEmpty()) {
            for (KeyCollector.Key k : KeyCollector.collect(ws, new KeyCollector.Query(false, true, false,
                    req.all() ? null : account, null, false, req.filter()))) {
                if (k.publicKey().startsWith("X") && have.add(k.publicKey())) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    /** Refused before the store lock: the keystore must exist (the lock would create it). */
    public static void checkKeystore(Workspace ws) {
        Path ks = ws.keystore().root();
        if (!Files.isDirectory(ks)) {
            throw new OpsException("keystore `" + ks + "` does not exist");
        }
    }

    public static Report exportKeys(Workspace ws, ExportKeys req) {
        return exportKeys(ws, req, ProgressListener.NONE);
    }

    /** As {@link #exportKeys(Workspace, ExportKeys)}, telling {@code progress} how many keys were read. */
    public static Report exportKeys(Workspace ws, ExportKeys req, ProgressListener progress) {
        if (req.dir() == null || req.dir().isBlank()) {
            throw new OpsException("--dir is required: the folder to export the keys to");
        }
        Path dir = ws.env().path(req.dir());
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new OpsException("--dir `" + dir + "` is not a directory");
        }
        boolean defaults = !req.kindGiven();
        boolean all = req.all() || defaults;
        String account = req.account();
        if (account != null) {
            ws.operator(null).requireAccount(account);
        } else if (defaults && !ws.stores().operatorNames().isEmpty()) {
            account = currentAccount(ws);
        }
        List<KeyCollector.Key> keys = KeyCollector.collect(ws, new KeyCollector.Query(all || req.operator(),
                all || req.accounts(), all || req.users(), account, req.user(), req.notReferenced(), req.filter()));
        keys = withCurves(ws, req, account, keys);
        if (keys.isEmpty()) {
            throw new OpsException("no keys found to export");
        }
        Keystore ks = ws.keystore();
        FileChanges changes = new FileChanges();
        List<String> problems = new ArrayList<>();
        Report r = new Report();
        Map<Path, Integer> removedPerShard = new LinkedHashMap<>();
        int done = 0;
        for (KeyCollector.Key k : keys) {
            progress.at("exporting keys", ++done, keys.size());
            byte[] seed;
            try {
                seed = seedBytes(ks, k.publicKey());
            } catch (StoreException e) {
                problems.add("error reading seed for " + k.publicKey() + ": " + e.getMessage());
                continue;
            }
            if (seed == null) {
                r.warn("skipped \"" + k.publicKey() + "\" - no seed available");
                continue;
            }
            Path target = dir.resolve(k.publicKey() + ".nk");
            if (!stage(changes, target, seed, req.force(), problems)) {
                continue;
            }
            if (req.remove()) {
                Path keyFile = ks.keyPath(k.publicKey());
                if (!changes.deletes(keyFile)) {
                    changes.delete(keyFile);
                    removedPerShard.merge(keyFile.getParent(), 1, Integer::sum);
                }
                r.ok("moved \"" + k.publicKey() + "\"");
            } else {
                r.ok("exported \"" + k.publicKey() + "\"");
            }
        }
        if (req.includeJwts()) {
            for (KeyCollector.Key k : keys) {
                if (k.jwt() != null && stage(changes, dir.resolve(k.publicKey() + ".jwt"), k.jwt(), req.force(), problems)) {
                    r.ok("exported \"" + k.publicKey() + ".jwt (" + k.name() + ")\"");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new OpsException(String.join("; ", problems) + " - nothing was exported");
        }
        // a shard folder the moved seeds leave empty goes too, as in the Go nsc
        removedPerShard.forEach((shard, n) -> {
            if (n == entries(shard)) {
                changes.delete(shard);
            }
        });
        if (changes.isEmpty()) {
            return r; // only skipped keys: the Go nsc makes the folder and writes nothing
        }
        ws.commit(changes);
        return r;
    }

    private static String currentAccount(Workspace ws) {
        try {
            dev.jnsc.store.OperatorStore op = ws.operator(null);
            return ws.accountName(op, null);
        } catch (OpsException | StoreException e) {
            return null; // none selected: all accounts, as the Go nsc does with an empty current account
        }
    }

    private static boolean stage(FileChanges changes, Path target, byte[] content, boolean force, List<String> problems) {
        if (Files.exists(target) && !force) {
            problems.add("`" + target + "` already exists - specify --force to overwrite");
            return false;
        }
        if (force) {
            changes.write(target, content);
        } else {
            changes.create(target, content);
        }
        return true;
    }

    /** The seed as the Go nsc writes it (the encoded seed, no newline), or null when none is stored. */
    private static byte[] seedBytes(Keystore ks, String publicKey) {
        if (publicKey.charAt(0) == 'X') {
            // curve seeds are copied as they are: jnsc does not decode curve keys
            byte[] raw = Disk.readIfExists(ks.keyPath(publicKey));
            if (raw == null) {
                return null;
            }
            int[] span = trimmed(raw);
            byte[] out = Arrays.copyOfRange(raw, span[0], span[1]);
            Arrays.fill(raw, (byte) 0);
            return out;
        }
        NKey key = ks.read(publicKey);
        if (key == null) {
            return null;
        }
        char[] seed = key.seed();
        key.clear();
        byte[] out = new byte[seed.length];
        for (int i = 0; i < seed.length; i++) {
            out[i] = (byte) seed[i];
        }
        Arrays.fill(seed, '\0');
        return out;
    }

    /** Start and end of the content without leading and trailing whitespace. */
    private static int[] trimmed(byte[] b) {
        int s = 0;
        int e = b.length;
        while (s < e && Character.isWhitespace(b[s])) {
            s++;
        }
        while (e > s && Character.isWhitespace(b[e - 1])) {
            e--;
        }
        return new int[] {s, e};
    }

    private static int entries(Path dir) {
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path ignored : ds) {
                n++;
            }
        } catch (IOException e) {
            return -1;
        }
        return n;
    }

    // ------------------------------------------------------------------ import keys

    public record ImportKeys(String dir, boolean recurse) {
    }

    public static Report importKeys(Workspace ws, ImportKeys req) {
        return importKeys(ws, req, ProgressListener.NONE);
    }

    /** As {@link #importKeys(Workspace, ImportKeys)}, telling {@code progress} how many files were read. */
    public static Report importKeys(Workspace ws, ImportKeys req, ProgressListener progress) {
        if (req.dir() == null || req.dir().isBlank()) {
            throw new OpsException("--dir is required: the folder holding the .nk files to import");
        }
        Path dir = ws.env().path(req.dir());
        if (!Files.exists(dir)) {
            throw new OpsException("--dir `" + dir + "` does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new OpsException("`" + dir + "` is not a directory");
        }
        List<Path> files = nkFiles(dir, req.recurse());
        if (files.isEmpty()) {
            throw new OpsException("no nkey (.nk) files found in `" + dir + "`"
                    + (req.recurse() ? "" : " (--recurse also looks in its sub-folders)"));
        }
        Keystore ks = ws.keystore();
        FileChanges changes = new FileChanges();
        List<String> problems = new ArrayList<>();
        Report r = new Report();
        int done = 0;
        for (Path f : files) {
            progress.at("importing keys", ++done, files.size());
            NKey key;
            try {
                key = readSeed(f);
            } catch (NKeyException | StoreException e) {
                problems.add("failed to import `" + f + "`: " + e.getMessage());
                continue;
            }
            try {
                if (ks.hasSeed(key.publicKey())) {
                    try {
                        ks.read(key.publicKey()).clear();
                    } catch (StoreException e) {
                        problems.add("failed to import `" + f + "`: the keystore's " + e.getMessage());
                        continue;
                    }
                }
                ks.stage(changes, key);
                r.ok(key.publicKey() + " was added to the keystore");
            } finally {
                key.clear();
            }
        }
        if (!problems.isEmpty()) {
            throw new OpsException(String.join("; ", problems) + " - nothing was imported");
        }
        ws.commit(changes);
        return r;
    }

    /** The .nk files of the folder (and, with {@code recurse}, its sub-folders), in the Go nsc's lexical walk order. */
    private static List<Path> nkFiles(Path dir, boolean recurse) {
        try (Stream<Path> s = Files.walk(dir, recurse ? Integer.MAX_VALUE : 1)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".nk") && Files.isRegularFile(p))
                    .sorted(KeyTransferOps::walkOrder).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** filepath.Walk's order: by name, folder by folder. */
    private static int walkOrder(Path a, Path b) {
        int n = Math.min(a.getNameCount(), b.getNameCount());
        for (int i = 0; i < n; i++) {
            int c = a.getName(i).toString().compareTo(b.getName(i).toString());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.getNameCount(), b.getNameCount());
    }

    private static NKey readSeed(Path f) {
        byte[] data;
        try {
            data = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new StoreException("cannot read it: " + e.getMessage());
        }
        int[] span = trimmed(data);
        char[] seed = new char[span[1] - span[0]];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (char) (data[span[0] + i] & 0xFF);
        }
        Arrays.fill(data, (byte) 0);
        if (seed.length > 0 && seed[0] != 'S' && NKey.isValidPublicKey(new String(seed))) {
            throw new StoreException("it holds the public key " + new String(seed) + ", not a seed");
        }
        try {
            return NKey.fromSeed(seed);
        } finally {
            Arrays.fill(seed, '\0');
        }
    }
}
