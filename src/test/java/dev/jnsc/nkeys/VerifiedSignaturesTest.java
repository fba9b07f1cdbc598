package dev.jnsc.nkeys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file of signatures found valid: what it records, and that an entry matches nothing but its exact signature, key and message. */
class VerifiedSignaturesTest {
    private static final int HEADER = "jnsc verified ed25519 signatures 1\n".length();

    @TempDir
    Path dir;
    Path file;
    byte[] seed = new byte[32];
    byte[] key;

    @BeforeEach
    void setUp() {
        file = dir.resolve("verified-signatures");
        // a key of its own per test: the process also remembers valid signatures in memory (and
        // does not look them up in the file again)
        new java.security.SecureRandom().nextBytes(seed);
        key = Ed25519.publicKeyFromSeed(seed);
        // the file is used only past REMEMBER_AFTER verifications in the process
        byte[] m = "warm".getBytes(StandardCharsets.UTF_8);
        byte[] s = Ed25519.sign(seed, m);
        for (int i = 0; i <= Ed25519.REMEMBER_AFTER; i++) {
            Ed25519.verify(key, m, s);
        }
    }

    @AfterEach
    void tearDown() {
        VerifiedSignatures.useFile(null);
    }

    private static byte[] msg(int i) {
        return ("message " + i).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] digest(byte[] message, byte[] sig) {
        Sha512 d = Sha512.sha512();
        d.update(sig, 0, 32);
        d.update(key);
        d.update(message);
        return d.digest();
    }

    @Test
    void validSignaturesAreRecordedAndFoundByTheNextProcess() throws Exception {
        VerifiedSignatures.useFile(file);
        byte[][] sigs = new byte[5][];
        for (int i = 0; i < 5; i++) {
            sigs[i] = Ed25519.sign(seed, msg(i));
            assertTrue(Ed25519.verify(key, msg(i), sigs[i]));
        }
        byte[] bad = sigs[0].clone();
        bad[40] ^= 1;
        assertFalse(Ed25519.verify(key, msg(0), bad));
        VerifiedSignatures.save();
        assertEquals(HEADER + 5 * VerifiedSignatures.ENTRY, Files.size(file), "the five valid ones, not the bad one");
        VerifiedSignatures.useFile(file); // as a new process
        for (int i = 0; i < 5; i++) {
            assertTrue(VerifiedSignatures.contains(digest(msg(i), sigs[i]), sigs[i]));
            assertTrue(Ed25519.verify(key, msg(i), sigs[i]));
        }
        assertFalse(VerifiedSignatures.contains(digest(msg(0), bad), bad));
        VerifiedSignatures.save();
        assertEquals(HEADER + 5 * VerifiedSignatures.ENTRY, Files.size(file), "nothing new: not rewritten longer");
    }

    @Test
    void aRecordedSignatureDoesNotValidateAnAlteredMessageKeyOrSignature() {
        VerifiedSignatures.useFile(file);
        byte[] m = msg(7);
        byte[] sig = Ed25519.sign(seed, m);
        assertTrue(Ed25519.verify(key, m, sig));
        VerifiedSignatures.save();
        VerifiedSignatures.useFile(file);
        for (int i = 0; i < 64; i++) {
            byte[] other = m.clone();
            other[i % m.length] ^= 1;
            assertFalse(Ed25519.verify(key, other, sig));
            byte[] otherSig = sig.clone();
            otherSig[i] ^= 1;
            assertFalse(Ed25519.verify(key, m, otherSig));
            byte[] otherKey = key.clone();
            otherKey[i % 32] ^= 2;
            assertFalse(Ed25519.verify(otherKey, m, sig));
        }
        byte[] longer = Arrays.copyOf(m, m.length + 1);
        assertFalse(Ed25519.verify(key, longer, sig));
        assertTrue(Ed25519.verify(key, m, sig));
    }

    @Test
    void aFileOfAnotherFormatIsIgnoredAndReplaced() throws Exception {
        Files.writeString(file, "something else entirely, not a multiple of the entry size");
        VerifiedSignatures.useFile(file);
        byte[] sig = Ed25519.sign(seed, msg(3));
        assertTrue(Ed25519.verify(key, msg(3), sig));
        VerifiedSignatures.save();
        byte[] b = Files.readAllBytes(file);
        assertEquals(HEADER + VerifiedSignatures.ENTRY, b.length);
        assertArrayEquals(Arrays.copyOf(digest(msg(3), sig), 32), Arrays.copyOfRange(b, HEADER, HEADER + 32));
        assertArrayEquals(Arrays.copyOfRange(sig, 32, 64), Arrays.copyOfRange(b, HEADER + 32, b.length));
    }

    @Test
    void theNewestEntriesAreKept() throws Exception {
        byte[] old = new byte[HEADER + VerifiedSignatures.MAX_ENTRIES * VerifiedSignatures.ENTRY];
        System.arraycopy("jnsc verified ed25519 signatures 1\n".getBytes(StandardCharsets.US_ASCII), 0, old, 0, HEADER);
        for (int i = HEADER; i < old.length; i++) {
            old[i] = (byte) (i * 31);
        }
        Files.write(file, old);
        VerifiedSignatures.useFile(file);
        byte[] sig = Ed25519.sign(seed, msg(9));
        assertTrue(Ed25519.verify(key, msg(9), sig));
        VerifiedSignatures.save();
        byte[] b = Files.readAllBytes(file);
        assertEquals(old.length, b.length);
        assertArrayEquals(Arrays.copyOfRange(old, HEADER + VerifiedSignatures.ENTRY, old.length),
                Arrays.copyOfRange(b, HEADER, b.length - VerifiedSignatures.ENTRY), "the oldest dropped");
        assertArrayEquals(Arrays.copyOfRange(sig, 32, 64), Arrays.copyOfRange(b, b.length - 32, b.length));
    }

    @Test
    void withoutAFileNothingIsWritten() throws Exception {
        VerifiedSignatures.useFile(null);
        byte[] sig = Ed25519.sign(seed, msg(1));
        assertTrue(Ed25519.verify(key, msg(1), sig));
        VerifiedSignatures.save();
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }
}
