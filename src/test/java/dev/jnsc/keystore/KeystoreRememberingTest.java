package dev.jnsc.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.nkeys.NKeyException;
import dev.jnsc.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A keystore that remembers the seeds it read (nsc batch): the same answers as reading afresh, never stale ones. */
class KeystoreRememberingTest {
    private static final byte[] MESSAGE = "m".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    private static NKey store(Keystore ks, NKey key) {
        FileChanges changes = new FileChanges();
        ks.stage(changes, key);
        changes.commit();
        return key;
    }

    @Test
    void givesAnIndependentCopyOfTheKeyItReadBefore() {
        Keystore ks = new Keystore(root, false).remembering();
        NKey a = store(ks, NKey.generate(KeyKind.ACCOUNT));
        NKey first = ks.read(a.publicKey());
        first.clear();
        NKey second = ks.read(a.publicKey());
        assertEquals(a.publicKey(), second.publicKey());
        assertArrayEquals(a.sign(MESSAGE), second.sign(MESSAGE), "clearing a copy left the remembered key whole");
        assertThrows(NKeyException.class, () -> first.sign(MESSAGE));
    }

    @Test
    void readsTheFileAgainWhenItChanged() throws Exception {
        Keystore ks = new Keystore(root, false).remembering();
        NKey a = store(ks, NKey.generate(KeyKind.ACCOUNT));
        NKey b = NKey.generate(KeyKind.ACCOUNT);
        ks.read(a.publicKey());
        // another key's seed written over the remembered one is refused, as without remembering
        Files.writeString(ks.keyPath(a.publicKey()), new String(b.seed()));
        StoreException e = assertThrows(StoreException.class, () -> ks.read(a.publicKey()));
        assertTrue(e.getMessage().contains("holds the seed of another key"), e.getMessage());
        Files.delete(ks.keyPath(a.publicKey()));
        assertNull(ks.read(a.publicKey()));
    }

    @Test
    void forgetWipesWhatItRememberedAndKeysHandedOutStayUsable() {
        Keystore ks = new Keystore(root, false).remembering();
        NKey a = store(ks, NKey.generate(KeyKind.USER));
        NKey read = ks.read(a.publicKey());
        ks.forget();
        assertArrayEquals(a.sign(MESSAGE), read.sign(MESSAGE));
        assertArrayEquals(a.sign(MESSAGE), ks.read(a.publicKey()).sign(MESSAGE), "read afresh after forget");
    }

    @Test
    void forgetOnAKeystoreThatDoesNotRememberDoesNothing() {
        Keystore ks = new Keystore(root, false);
        NKey key = NKey.generate(KeyKind.USER);
        store(ks, key);
        ks.forget();
        assertArrayEquals(key.sign(MESSAGE), ks.read(key.publicKey()).sign(MESSAGE));
    }

    /**
     * forget() promises to wipe the seeds a remembering keystore kept, not only to drop them: the
     * arrays that held a seed (encoded as in the file, or raw) hold it no more, and none reachable
     * from the keystore does.
     */
    @Test
    void forgetWipesTheRememberedSeedsInPlace() {
        byte[] raw = randomSeed();
        NKey key = NKey.fromRawSeed(KeyKind.ACCOUNT, raw);
        String encoded = new String(key.seed());
        Keystore ks = new Keystore(root, false).remembering();
        store(ks, key);
        ks.read(key.publicKey());
        ks.read(key.publicKey());
        List<Object> held = seedArrays(List.of(ks), raw, encoded);
        assertTrue(held.size() >= 2, "the walk finds the remembered seed, in the file's bytes and the key (else this test could not fail)");
        ks.forget();
        assertEquals(List.of(), seedArrays(held, raw, encoded), "forget dropped seeds without wiping them");
        assertEquals(List.of(), seedArrays(List.of(ks), raw, encoded), "a seed is left after forget");
    }

    /** A seed file rewritten with other bytes (a newline added) replaces what was remembered, and the old copy is wiped. */
    @Test
    void aRememberedSeedReplacedByAChangedFileIsWiped() throws Exception {
        byte[] raw = randomSeed();
        NKey key = NKey.fromRawSeed(KeyKind.USER, raw);
        String encoded = new String(key.seed());
        Keystore ks = new Keystore(root, false).remembering();
        store(ks, key);
        ks.read(key.publicKey());
        List<Object> held = seedArrays(List.of(ks), raw, encoded);
        assertTrue(held.size() >= 2, "the walk finds the remembered seed");
        Files.writeString(ks.keyPath(key.publicKey()), encoded + "\n");
        assertArrayEquals(key.sign(MESSAGE), ks.read(key.publicKey()).sign(MESSAGE));
        assertEquals(List.of(), seedArrays(held, raw, encoded), "the replaced copy was not wiped");
        assertTrue(seedArrays(List.of(ks), raw, encoded).size() >= 2, "the new bytes are remembered");
        ks.forget();
    }

    private static byte[] randomSeed() {
        byte[] raw = new byte[32];
        new java.security.SecureRandom().nextBytes(raw);
        return raw;
    }

    /** The byte[] and char[] reachable from {@code roots} that hold the seed, raw or encoded. */
    private static List<Object> seedArrays(List<Object> roots, byte[] raw, String encoded) {
        List<Object> arrays = new ArrayList<>();
        java.util.Set<Object> visited = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Object r : roots) {
            walk(r, arrays, visited);
        }
        byte[] encodedBytes = encoded.getBytes(StandardCharsets.US_ASCII);
        List<Object> out = new ArrayList<>();
        for (Object a : arrays) {
            if (a instanceof byte[] b && (contains(b, raw) || contains(b, encodedBytes))
                    || a instanceof char[] c && new String(c).contains(encoded)) {
                out.add(a);
            }
        }
        return out;
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (java.util.Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    /** Every byte[] and char[] reachable through the project's objects and the collections they hold. */
    private static void walk(Object o, List<Object> arrays, java.util.Set<Object> visited) {
        if (o == null || !visited.add(o)) {
            return;
        }
        if (o instanceof byte[] || o instanceof char[]) {
            arrays.add(o);
            return;
        }
        if (o instanceof java.util.Map<?, ?> m) {
            m.forEach((k, v) -> {
                walk(k, arrays, visited);
                walk(v, arrays, visited);
            });
            return;
        }
        if (o instanceof java.util.Collection<?> c) {
            c.forEach(e -> walk(e, arrays, visited));
            return;
        }
        if (!o.getClass().getName().startsWith("dev.jnsc.")) {
            return;
        }
        for (Class<?> k = o.getClass(); k != null && k.getName().startsWith("dev.jnsc."); k = k.getSuperclass()) {
            for (java.lang.reflect.Field f : k.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                try {
                    walk(f.get(o), arrays, visited);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
