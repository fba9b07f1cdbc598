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
}
