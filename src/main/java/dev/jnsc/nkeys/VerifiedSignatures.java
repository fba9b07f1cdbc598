package dev.jnsc.nkeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signatures this user's jnsc found valid before, kept in a file between processes (the launcher
 * names it: {@code ~/.cache/jnsc/verified-signatures}, beside the class-data sharing archive), so
 * that listing 1,000 accounts a second time does not redo 1,000 curve computations.
 *
 * <p>An entry is the first 32 bytes of SHA-512(R || A || M), the hash verification computes anyway,
 * and S, the second half of the signature: R, the key A and the whole message M are bound by the
 * hash, S by itself, so an entry matches only the exact signature, key and message that verified.
 * A JWT altered in any byte, or signed by another key, misses and is verified (and rejected) in
 * full. Only valid signatures are recorded. The file is trusted as the archive beside it is: both
 * are in the user's own 0700 folder.
 *
 * <p>Only processes past {@link Ed25519#REMEMBER_AFTER} verifications read it (a list, a batch);
 * a command that verifies a handful of JWTs never does. {@link #save} writes it once, at the end of
 * the process, only when something was added (atomically; of two processes saving at once the last
 * wins, and the other's new entries are verified again next time).
 */
public final class VerifiedSignatures {
    static final int ENTRY = 64;
    /** The newest entries kept: 50,000 (3.2 MB), the JWTs of a very large store. */
    static final int MAX_ENTRIES = 50_000;
    private static final byte[] HEADER = "jnsc verified ed25519 signatures 1\n".getBytes(StandardCharsets.US_ASCII);

    private static volatile Path file;
    private static volatile Map<String, Boolean> known;
    private static final List<byte[]> ADDED = new ArrayList<>();

    private VerifiedSignatures() {
    }

    /** Uses {@code f} (null: none) from now on; what was loaded or added before is dropped. */
    public static synchronized void useFile(Path f) {
        file = f;
        known = null;
        synchronized (ADDED) {
            ADDED.clear();
        }
    }

    /** Whether the entry of this digest and signature was recorded as valid. */
    static boolean contains(byte[] digest, byte[] signature) {
        Map<String, Boolean> k = load();
        return k != null && k.containsKey(key(digest, signature));
    }

    /**
     * Records a signature found valid, with the digest of its R, key and message; up to
     * {@link #MAX_ENTRIES} a process (a long-running account server stays bounded).
     */
    static void add(byte[] digest, byte[] signature) {
        Map<String, Boolean> k = load();
        if (k == null) {
            return;
        }
        synchronized (ADDED) {
            if (ADDED.size() < MAX_ENTRIES && k.putIfAbsent(key(digest, signature), Boolean.TRUE) == null) {
                byte[] e = Arrays.copyOf(digest, ENTRY);
                System.arraycopy(signature, 32, e, 32, 32);
                ADDED.add(e);
            }
        }
    }

    private static String key(byte[] digest, byte[] signature) {
        char[] c = new char[ENTRY];
        for (int i = 0; i < 32; i++) {
            c[i] = (char) (digest[i] & 0xFF);
            c[32 + i] = (char) (signature[32 + i] & 0xFF);
        }
        return new String(c);
    }

    private static Map<String, Boolean> load() {
        Map<String, Boolean> k = known;
        if (k != null || file == null) {
            return k;
        }
        synchronized (VerifiedSignatures.class) {
            if (known == null && file != null) {
                byte[] b = read(file);
                // a map, not newKeySet(): ConcurrentHashMap is in the class-data sharing archive
                Map<String, Boolean> s = new ConcurrentHashMap<>(Math.max(16, b.length / ENTRY * 2));
                for (int at = HEADER.length; at + ENTRY <= b.length; at += ENTRY) {
                    s.put(new String(b, at, ENTRY, StandardCharsets.ISO_8859_1), Boolean.TRUE);
                }
                known = s;
            }
            return known;
        }
    }

    /** The file's bytes, or none when it is missing, unreadable or not of this format. */
    private static byte[] read(Path f) {
        try {
            byte[] b = Files.readAllBytes(f);
            if (b.length >= HEADER.length && (b.length - HEADER.length) % ENTRY == 0
                    && Arrays.equals(b, 0, HEADER.length, HEADER, 0, HEADER.length)) {
                return b;
            }
        } catch (IOException | RuntimeException e) {
            // a cache: without it, signatures are verified in full
        }
        return new byte[0];
    }

    /**
     * Writes the file when this process added entries: the old ones still there, then the new, the
     * newest {@link #MAX_ENTRIES} kept. A failure is ignored (the next process verifies in full).
     */
    public static synchronized void save() {
        Path f = file;
        List<byte[]> added;
        synchronized (ADDED) {
            added = new ArrayList<>(ADDED);
            ADDED.clear();
        }
        if (f == null || added.isEmpty()) {
            return;
        }
        Path tmp = null;
        try {
            byte[] old = read(f);
            int oldEntries = old.length == 0 ? 0 : (old.length - HEADER.length) / ENTRY;
            int keepOld = Math.max(0, Math.min(oldEntries, MAX_ENTRIES - added.size()));
            int from = Math.max(0, added.size() - MAX_ENTRIES);
            byte[] out = new byte[HEADER.length + (keepOld + added.size() - from) * ENTRY];
            System.arraycopy(HEADER, 0, out, 0, HEADER.length);
            int at = HEADER.length;
            System.arraycopy(old, old.length - keepOld * ENTRY, out, at, keepOld * ENTRY);
            at += keepOld * ENTRY;
            for (int i = from; i < added.size(); i++, at += ENTRY) {
                System.arraycopy(added.get(i), 0, out, at, ENTRY);
            }
            tmp = Files.createTempFile(f.toAbsolutePath().getParent(), ".verified", ".tmp");
            Files.write(tmp, out);
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException | RuntimeException e) {
            // a cache: the next process verifies these signatures in full
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // left behind: a temp file of no use
                }
            }
        }
    }
}
