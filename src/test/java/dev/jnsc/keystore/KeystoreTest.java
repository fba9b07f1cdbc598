package dev.jnsc.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keystore's layout on disk, its modes, what it refuses to read, and that seeds stay out of its messages. */
class KeystoreTest {
    private static final byte[] MESSAGE = "m".getBytes(StandardCharsets.UTF_8);
    private static final String GITIGNORE = "# ignore all nk files \n**/*.nk\n\n# ignore all creds files\n**/*.creds\n";

    @TempDir
    Path root;

    private static void commit(Keystore ks, NKey key) {
        FileChanges changes = new FileChanges();
        ks.stage(changes, key);
        changes.commit();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aSeedIsStoredUnderKeysLetterAndNextTwoLettersWithOwnerOnlyModes() throws IOException {
        Keystore ks = new Keystore(root.resolve("ks"), false);
        NKey key = NKey.generate(KeyKind.ACCOUNT);
        String pub = key.publicKey();
        commit(ks, key);

        Path expected = root.resolve("ks/keys/A/" + pub.substring(1, 3) + "/" + pub + ".nk");
        assertEquals(expected, ks.keyPath(pub));
        assertEquals(new String(key.seed()), Files.readString(expected), "the file holds the seed and nothing else");
        assertEquals("rw-------", mode(expected));
        for (Path d = expected.getParent(); !d.equals(root); d = d.getParent()) {
            assertEquals("rwx------", mode(d), d.toString());
        }
        assertEquals(List.of(pub), ks.publicKeys());
        assertTrue(ks.hasSeed(pub));
        assertFalse(Files.exists(root.resolve("ks/.gitignore")), "no .gitignore when it is turned off");
    }

    @Test
    void aKeyReadBackSignsAsTheOneStored() {
        Keystore ks = new Keystore(root, false);
        NKey key = NKey.generate(KeyKind.USER);
        commit(ks, key);
        NKey read = ks.read(key.publicKey());
        assertEquals(key.publicKey(), read.publicKey());
        assertArrayEquals(key.sign(MESSAGE), read.sign(MESSAGE));
        assertTrue(key.hasSeed(), "storing a key does not clear the caller's key");
    }

    @Test
    void keyPathNeedsAtLeastThreeCharacters() {
        Keystore ks = new Keystore(root, false);
        assertEquals(root.resolve("keys/A/BC/ABC.nk"), ks.keyPath("ABC"));
        StoreException e = assertThrows(StoreException.class, () -> ks.keyPath("AB"));
        assertEquals("\"AB\" is not a public key", e.getMessage());
        assertThrows(StoreException.class, () -> ks.keyPath(""));
    }

    @Test
    void keyPathRefusesWhatIsNoBase32KeySoNoOtherFolderIsNamed() {
        Keystore ks = new Keystore(root, false);
        for (String bad : new String[] {"A/../../../etc/x", "A..", "UAB/C", "abc", "A B", "UA1", "UA8", "UA\\B"}) {
            StoreException e = assertThrows(StoreException.class, () -> ks.keyPath(bad), bad);
            assertEquals("\"" + bad + "\" is not a public key", e.getMessage());
            assertFalse(ks.hasSeed(bad), bad);
        }
        assertEquals(root.resolve("keys/U/A2/UA27Z.nk"), ks.keyPath("UA27Z"));
    }

    @Test
    void credsPathIsOperatorAccountUser() {
        Keystore ks = new Keystore(root, false);
        assertEquals(root.resolve("creds/O/A/U.creds"), ks.credsPath("O", "A", "U"));
    }

    @Test
    void noSeedFileGivesNullAndNoSeed() throws IOException {
        Keystore ks = new Keystore(root, false);
        String pub = NKey.generate(KeyKind.OPERATOR).publicKey();
        assertNull(ks.read(pub));
        assertFalse(ks.hasSeed(pub));
        Files.createDirectories(ks.keyPath(pub));
        assertFalse(ks.hasSeed(pub), "a folder where the seed file belongs is no seed");
    }

    @Test
    void theSeedOfAnotherKeyIsRefusedWithoutShowingEitherSeed() throws IOException {
        for (Keystore ks : new Keystore[] {new Keystore(root, false), new Keystore(root, false).remembering()}) {
            NKey wanted = NKey.generate(KeyKind.ACCOUNT);
            NKey other = NKey.generate(KeyKind.ACCOUNT);
            Path p = keyFolderReady(ks, wanted.publicKey());
            Files.writeString(p, new String(other.seed()));
            StoreException e = assertThrows(StoreException.class, () -> ks.read(wanted.publicKey()));
            assertEquals("key file " + p + " holds the seed of another key", e.getMessage());
            assertFalse(e.getMessage().contains(new String(other.seed())));
            assertEquals(new String(other.seed()), Files.readString(p), "the refused file is left as it was");
        }
    }

    @Test
    void aSeedOfAnotherKindWithTheSameBytesIsRefused() throws IOException {
        Keystore ks = new Keystore(root, false);
        byte[] raw = new byte[32];
        raw[0] = 7;
        NKey account = NKey.fromRawSeed(KeyKind.ACCOUNT, raw);
        NKey user = NKey.fromRawSeed(KeyKind.USER, raw);
        Path p = keyFolderReady(ks, account.publicKey());
        Files.writeString(p, new String(user.seed()));
        assertThrows(StoreException.class, () -> ks.read(account.publicKey()));
    }

    @Test
    void anInvalidSeedIsRefusedWithoutEchoingTheFile() throws IOException {
        Keystore ks = new Keystore(root, false);
        NKey key = NKey.generate(KeyKind.USER);
        Path p = keyFolderReady(ks, key.publicKey());
        String seed = new String(key.seed());
        String broken = seed.substring(0, seed.length() - 1) + (seed.endsWith("A") ? "B" : "A");
        for (String content : new String[] {broken, "", " \n\t ", "SUXYZSECRETVALUE"}) {
            Files.writeString(p, content);
            StoreException e = assertThrows(StoreException.class, () -> ks.read(key.publicKey()), content);
            assertTrue(e.getMessage().startsWith("key file " + p + " is not a valid seed: "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            if (!content.isBlank()) {
                assertFalse(e.getMessage().contains(content.substring(2, 12)), e.getMessage());
            }
        }
    }

    @Test
    void whitespaceAroundTheSeedIsIgnored() throws IOException {
        Keystore ks = new Keystore(root, false);
        NKey key = NKey.generate(KeyKind.ACCOUNT);
        Path p = keyFolderReady(ks, key.publicKey());
        Files.writeString(p, " \t\r\n" + new String(key.seed()) + "\r\n \n");
        assertArrayEquals(key.sign(MESSAGE), ks.read(key.publicKey()).sign(MESSAGE));
        Files.writeString(p, new String(key.seed()) + "\n");
        assertArrayEquals(key.sign(MESSAGE), ks.read(key.publicKey()).sign(MESSAGE));
        Files.writeString(p, "\n" + new String(key.seed()));
        assertArrayEquals(key.sign(MESSAGE), ks.read(key.publicKey()).sign(MESSAGE));
    }

    @Test
    void whitespaceInsideTheSeedIsNotSkipped() throws IOException {
        Keystore ks = new Keystore(root, false);
        NKey key = NKey.generate(KeyKind.ACCOUNT);
        Path p = keyFolderReady(ks, key.publicKey());
        String seed = new String(key.seed());
        Files.writeString(p, seed.substring(0, 20) + " " + seed.substring(20));
        assertThrows(StoreException.class, () -> ks.read(key.publicKey()));
    }

    @Test
    void storingAKeyAgainChangesNothing() throws IOException {
        Keystore ks = new Keystore(root, true);
        NKey key = NKey.generate(KeyKind.ACCOUNT);
        commit(ks, key);
        Path p = ks.keyPath(key.publicKey());
        Files.writeString(p, "\n" + new String(key.seed()) + "\n");
        FileChanges again = new FileChanges();
        ks.stage(again, key);
        assertTrue(again.isEmpty(), "an existing seed file is neither rewritten nor the .gitignore planned again");
        again.commit();
        assertEquals("\n" + new String(key.seed()) + "\n", Files.readString(p));
    }

    @Test
    void stagingTheSameKeyTwiceInOneChangePlansItOnce() {
        Keystore ks = new Keystore(root, true);
        NKey key = NKey.generate(KeyKind.USER);
        FileChanges changes = new FileChanges();
        ks.stage(changes, key);
        ks.stage(changes, key);
        assertEquals(2, changes.changes().size(), "the seed and the .gitignore, once each");
        changes.commit();
        assertEquals(new String(key.seed()), readString(ks.keyPath(key.publicKey())));
    }

    @Test
    void theSeedIsPlannedAsANewFile() throws IOException {
        Keystore ks = new Keystore(root, false);
        NKey key = NKey.generate(KeyKind.USER);
        FileChanges changes = new FileChanges();
        ks.stage(changes, key);
        // another process stores the same key between planning and committing: a new file may not replace it
        Path p = keyFolderReady(ks, key.publicKey());
        Files.writeString(p, "theirs");
        assertThrows(RuntimeException.class, changes::commit);
        assertEquals("theirs", Files.readString(p));
    }

    @Test
    void theGitIgnoreIsWrittenOnceWithTheGoText() throws IOException {
        Keystore ks = new Keystore(root, true);
        FileChanges changes = new FileChanges();
        ks.stage(changes, NKey.generate(KeyKind.ACCOUNT));
        ks.stage(changes, NKey.generate(KeyKind.USER));
        ks.stageCreds(changes, "O", "A", "U", "creds".getBytes(StandardCharsets.UTF_8));
        assertEquals(4, changes.changes().size(), "two seeds, one creds file, one .gitignore");
        changes.commit();
        Path gi = root.resolve(".gitignore");
        assertEquals(GITIGNORE, Files.readString(gi));
        assertEquals("rw-------", mode(gi));

        Files.writeString(gi, "mine\n");
        FileChanges later = new FileChanges();
        ks.stage(later, NKey.generate(KeyKind.ACCOUNT));
        assertEquals(1, later.changes().size(), "an existing .gitignore is kept");
        later.commit();
        assertEquals("mine\n", Files.readString(gi));
    }

    @Test
    void credsGoToTheirPathWithOwnerOnlyModesAndReplaceOldOnes() throws IOException {
        Keystore ks = new Keystore(root, true);
        FileChanges changes = new FileChanges();
        ks.stageCreds(changes, "O", "A", "U", "one".getBytes(StandardCharsets.UTF_8));
        changes.commit();
        Path creds = root.resolve("creds/O/A/U.creds");
        assertEquals("one", Files.readString(creds));
        assertEquals("rw-------", mode(creds));
        assertEquals("rwx------", mode(creds.getParent()));
        assertEquals(GITIGNORE, Files.readString(root.resolve(".gitignore")));

        FileChanges again = new FileChanges();
        ks.stageCreds(again, "O", "A", "U", "two".getBytes(StandardCharsets.UTF_8));
        again.commit();
        assertEquals("two", Files.readString(creds));
    }

    @Test
    void credsWithoutGitIgnoreWriteOnlyTheCreds() {
        Keystore ks = new Keystore(root, false);
        FileChanges changes = new FileChanges();
        ks.stageCreds(changes, "O", "A", "U", "c".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, changes.changes().size());
        changes.commit();
        assertFalse(Files.exists(root.resolve(".gitignore")));
    }

    @Test
    void publicKeysListsEverySeedFileSortedAndByKind() throws IOException {
        Keystore ks = new Keystore(root, false);
        assertEquals(List.of(), ks.publicKeys(), "no keys folder yet");
        List<String> all = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        FileChanges changes = new FileChanges();
        for (int i = 0; i < 12; i++) {
            KeyKind kind = i % 3 == 0 ? KeyKind.OPERATOR : i % 3 == 1 ? KeyKind.ACCOUNT : KeyKind.USER;
            NKey k = NKey.generate(kind);
            ks.stage(changes, k);
            all.add(k.publicKey());
            if (kind == KeyKind.ACCOUNT) {
                accounts.add(k.publicKey());
            }
        }
        changes.commit();
        // not seed files: another extension, and a .nk too deep to be one of the layout
        Path first = ks.keyPath(all.get(0));
        Files.writeString(first.resolveSibling("notes.txt"), "x");
        Path deep = first.getParent().resolve("sub");
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("DEEP.nk"), "x");
        all.sort(null);
        accounts.sort(null);
        assertEquals(all, ks.publicKeys());
        assertEquals(accounts, ks.publicKeys(KeyKind.ACCOUNT));
        assertEquals(List.of(), ks.publicKeys(KeyKind.CURVE));
    }

    @Test
    void aKeysFileInsteadOfAFolderListsNothing() throws IOException {
        Files.writeString(root.resolve("keys"), "x");
        assertEquals(List.of(), new Keystore(root, false).publicKeys());
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The key file's path, with its folders made (the test writes the file). */
    private static Path keyFolderReady(Keystore ks, String publicKey) throws IOException {
        Path p = ks.keyPath(publicKey);
        Files.createDirectories(p.getParent());
        return p;
    }
}
