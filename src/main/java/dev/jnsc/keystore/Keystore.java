package dev.jnsc.keystore;

import dev.jnsc.fs.Disk;
import dev.jnsc.fs.FileChanges;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.nkeys.NKeyException;
import dev.jnsc.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The nkeys keystore: {@code keys/<K>/<XX>/<PUBKEY>.nk} (K = first letter of the public key, XX =
 * second and third) holding the seed, and {@code creds/<Op>/<Acc>/<User>.creds}.
 */
public final class Keystore {
    /** The Go nsc's text, byte for byte (with its space after "nk files"). */
    private static final String GITIGNORE = "# ignore all nk files \n**/*.nk\n\n# ignore all creds files\n**/*.creds\n";

    private final Path root;
    private final boolean gitIgnore;
    /** With {@link #remembering}: public key → the seed file's bytes and its key, as last read. */
    private java.util.Map<String, Remembered> seen;

    private record Remembered(byte[] data, NKey key) {
    }

    /** @param gitIgnore whether to create the keystore's .gitignore (off with NSC_NO_GIT_IGNORE) */
    public Keystore(Path root, boolean gitIgnore) {
        this.root = root;
        this.gitIgnore = gitIgnore;
    }

    public Path root() {
        return root;
    }

    /**
     * Makes this keystore remember the keys it reads, for a process that reads the same seeds
     * again and again (nsc batch signs every user with the account's key): a seed file read again
     * with the same bytes gives a copy of the key it gave before, without deriving its public key
     * from the seed (an Ed25519 multiplication) once more. {@link #forget} wipes what it remembers.
     */
    public Keystore remembering() {
        if (seen == null) {
            seen = new java.util.HashMap<>();
        }
        return this;
    }

    /** Wipes the seeds {@link #remembering} kept. */
    public void forget() {
        if (seen != null) {
            for (Remembered r : seen.values()) {
                Arrays.fill(r.data(), (byte) 0);
                r.key().clear();
            }
            seen.clear();
        }
    }

    /** Where the seed of {@code publicKey} is kept; a string that is no base32 key (a path, say) is refused. */
    public Path keyPath(String publicKey) {
        if (!keyText(publicKey)) {
            throw new StoreException("\"" + publicKey + "\" is not a public key");
        }
        return root.resolve("keys").resolve(publicKey.substring(0, 1)).resolve(publicKey.substring(1, 3))
                .resolve(publicKey + ".nk");
    }

    /** Three or more letters of a public key (A-Z, 2-7): nothing that could name another folder. */
    private static boolean keyText(String s) {
        if (s.length() < 3) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '2' && c <= '7')) {
                return false;
            }
        }
        return true;
    }

    public Path credsPath(String operator, String account, String user) {
        return root.resolve("creds").resolve(operator).resolve(account).resolve(user + ".creds");
    }

    /** False also for a string that is no public key (as the Go nsc, which finds no file for it). */
    public boolean hasSeed(String publicKey) {
        return keyText(publicKey) && Files.isRegularFile(keyPath(publicKey));
    }

    /** The key with its seed from the keystore, or null when no seed is stored for it. */
    public NKey read(String publicKey) {
        Path p = keyPath(publicKey);
        byte[] data = Disk.readIfExists(p);
        if (data == null) {
            return null;
        }
        Remembered known = seen == null ? null : seen.get(publicKey);
        if (known != null && Arrays.equals(known.data(), data)) {
            Arrays.fill(data, (byte) 0);
            return known.key().copy();
        }
        char[] seed = seedChars(data);
        try {
            NKey key = NKey.fromSeed(seed);
            if (!key.publicKey().equals(publicKey)) {
                key.clear();
                throw new StoreException("key file " + p + " holds the seed of another key");
            }
            if (seen != null) {
                Remembered old = seen.put(publicKey, new Remembered(data.clone(), key.copy()));
                if (old != null) {
                    Arrays.fill(old.data(), (byte) 0);
                    old.key().clear();
                }
            }
            return key;
        } catch (NKeyException e) {
            throw new StoreException("key file " + p + " is not a valid seed: " + e.getMessage());
        } finally {
            Arrays.fill(seed, '\0');
            Arrays.fill(data, (byte) 0);
        }
    }

    private static char[] seedChars(byte[] data) {
        int s = 0;
        int e = data.length;
        while (s < e && Character.isWhitespace(data[s])) {
            s++;
        }
        while (e > s && Character.isWhitespace(data[e - 1])) {
            e--;
        }
        char[] out = new char[e - s];
        for (int i = s; i < e; i++) {
            out[i - s] = (char) (data[i] & 0xFF);
        }
        return out;
    }

    /**
     * Plans storing the key's seed. Storing the same seed again is a no-op; a different seed under
     * the same public key cannot happen (the public key derives from the seed).
     */
    public void stage(FileChanges changes, NKey key) {
        Path p = keyPath(key.publicKey());
        if (Files.isRegularFile(p) || changes.writes(p)) {
            return;
        }
        char[] seed = key.seed();
        byte[] bytes = new byte[seed.length];
        for (int i = 0; i < seed.length; i++) {
            bytes[i] = (byte) seed[i];
        }
        Arrays.fill(seed, '\0');
        changes.create(p, bytes);
        stageGitIgnore(changes);
    }

    private void stageGitIgnore(FileChanges changes) {
        Path gi = root.resolve(".gitignore");
        if (gitIgnore && !Files.exists(gi) && !changes.writes(gi)) {
            changes.write(gi, GITIGNORE.getBytes(StandardCharsets.US_ASCII));
        }
    }

    public void stageCreds(FileChanges changes, String operator, String account, String user, byte[] content) {
        changes.write(credsPath(operator, account, user), content);
        stageGitIgnore(changes);
    }

    /** Every public key that has a seed file, sorted. */
    public List<String> publicKeys() {
        Path keys = root.resolve("keys");
        if (!Files.isDirectory(keys)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(keys, 3)) {
            s.filter(p -> p.getFileName().toString().endsWith(".nk")).forEach(p -> {
                String f = p.getFileName().toString();
                out.add(f.substring(0, f.length() - 3));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + keys + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    /** Keys of one kind that have a seed file. */
    public List<String> publicKeys(KeyKind kind) {
        List<String> out = new ArrayList<>();
        for (String k : publicKeys()) {
            if (k.charAt(0) == kind.letter()) {
                out.add(k);
            }
        }
        return out;
    }
}
