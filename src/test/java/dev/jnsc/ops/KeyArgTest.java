package dev.jnsc.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.env.DirFlags;
import dev.jnsc.env.Dirs;
import dev.jnsc.env.Environment;
import dev.jnsc.fs.FileChanges;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -K/--sk/-k values: a seed, a public key (its seed looked up), or a seed file; never the wrong kind, never a seed echoed. */
class KeyArgTest {
    @TempDir
    Path home;
    Workspace ws;

    @BeforeEach
    void setUp() {
        Environment env = new Environment(Map.of(), home, home);
        ws = new Workspace(Dirs.resolve(new DirFlags(null, null, home.resolve("keys").toString(), null), env),
                Clock.systemUTC(), null);
    }

    private static String seed(NKey k) {
        return new String(k.seed());
    }

    @Test
    void aSeedGivesTheKeyWithItsSeed() {
        NKey a = NKey.generate(KeyKind.ACCOUNT);
        NKey got = KeyArg.resolve(ws, "  " + seed(a) + " ", KeyKind.ACCOUNT);
        assertEquals(a.publicKey(), got.publicKey());
        assertArrayEquals(a.seed(), got.seed());
    }

    @Test
    void aPublicKeyGetsItsStoredSeedOrNone() {
        NKey a = NKey.generate(KeyKind.ACCOUNT);
        NKey got = KeyArg.resolve(ws, a.publicKey(), KeyKind.ACCOUNT);
        assertEquals(a.publicKey(), got.publicKey());
        assertFalse(got.hasSeed());
        FileChanges c = new FileChanges();
        ws.keystore().stage(c, a);
        c.commit();
        got = KeyArg.resolve(ws, a.publicKey(), KeyKind.ACCOUNT);
        assertEquals(a.publicKey(), got.publicKey());
        assertArrayEquals(a.seed(), got.seed());
    }

    @Test
    void emptyIsRefused() {
        for (String v : new String[] {null, "", "  "}) {
            OpsException e = assertThrows(OpsException.class, () -> KeyArg.resolve(ws, v, KeyKind.OPERATOR));
            assertEquals("an operator key is required, got an empty value", e.getMessage());
        }
    }

    @Test
    void theWrongKindIsRefusedNamingThePublicKeyOnly() {
        NKey u = NKey.generate(KeyKind.USER);
        for (String v : new String[] {seed(u), u.publicKey()}) {
            OpsException e = assertThrows(OpsException.class, () -> KeyArg.resolve(ws, v, KeyKind.ACCOUNT));
            assertEquals("\"" + u.publicKey() + "\" is a user key, expected an account key", e.getMessage());
        }
    }

    @Test
    void aDamagedSeedOrPublicKeyIsRefusedWithoutEchoingIt() {
        NKey a = NKey.generate(KeyKind.ACCOUNT);
        String s = seed(a);
        String badSeed = s.substring(0, 57) + (s.charAt(57) == 'A' ? 'B' : 'A');
        OpsException e = assertThrows(OpsException.class, () -> KeyArg.resolve(ws, badSeed, KeyKind.ACCOUNT));
        assertTrue(e.getMessage().startsWith("the seed given is not valid: "), e.getMessage());
        assertFalse(e.getMessage().contains(badSeed.substring(2)), e.getMessage());
        String p = a.publicKey();
        String badPub = p.substring(0, 55) + (p.charAt(55) == 'A' ? 'B' : 'A');
        e = assertThrows(OpsException.class, () -> KeyArg.resolve(ws, badPub, KeyKind.ACCOUNT));
        assertTrue(e.getMessage().startsWith("invalid public key"), e.getMessage());
    }

    @Test
    void aFileHoldingASeedOrAPublicKey() throws Exception {
        NKey a = NKey.generate(KeyKind.ACCOUNT);
        Path f = Files.writeString(home.resolve("a.nk"), seed(a) + "\n");
        NKey got = KeyArg.resolve(ws, f.toString(), KeyKind.ACCOUNT);
        assertArrayEquals(a.seed(), got.seed());
        got = KeyArg.resolve(ws, "a.nk", KeyKind.ACCOUNT);
        assertArrayEquals(a.seed(), got.seed());
        Path pub = Files.writeString(home.resolve("a.pub"), " " + a.publicKey() + "\n");
        got = KeyArg.resolve(ws, pub.toString(), KeyKind.ACCOUNT);
        assertEquals(a.publicKey(), got.publicKey());
        assertFalse(got.hasSeed());
        OpsException e = assertThrows(OpsException.class, () -> KeyArg.resolve(ws, f.toString(), KeyKind.USER));
        assertEquals("\"" + a.publicKey() + "\" is an account key, expected a user key", e.getMessage());
    }

    @Test
    void aFileWithoutAKeyIsRefused() throws Exception {
        Path f = Files.write(home.resolve("x.txt"), "hello\n".getBytes(StandardCharsets.UTF_8));
        OpsException e = assertThrows(OpsException.class, () -> KeyArg.resolve(ws, f.toString(), KeyKind.ACCOUNT));
        assertEquals("file " + f + " does not hold an account seed or public key", e.getMessage());
        Path empty = Files.write(home.resolve("empty"), new byte[0]);
        e = assertThrows(OpsException.class, () -> KeyArg.resolve(ws, empty.toString(), KeyKind.USER));
        assertEquals("file " + empty + " does not hold a user seed or public key", e.getMessage());
    }

    @Test
    void whatIsNoKeyAndNoFileIsRefused() {
        for (String v : new String[] {"nope", home.toString(), "SAAA"}) {
            OpsException e = assertThrows(OpsException.class, () -> KeyArg.resolve(ws, v, KeyKind.ACCOUNT));
            assertEquals("\"" + v + "\" is not an account public key, a seed, or the path of a file holding a seed",
                    e.getMessage());
        }
    }

    @Test
    void shapes() {
        NKey a = NKey.generate(KeyKind.ACCOUNT);
        assertTrue(KeyArg.looksLikePublicKey(a.publicKey()));
        assertFalse(KeyArg.looksLikePublicKey(a.publicKey().substring(1)));
        assertFalse(KeyArg.looksLikePublicKey(a.publicKey() + "A"));
        assertFalse(KeyArg.looksLikePublicKey("B" + a.publicKey().substring(1)));
        assertFalse(KeyArg.looksLikePublicKey(a.publicKey().substring(0, 55) + "1"));
        assertFalse(KeyArg.looksLikePublicKey(a.publicKey().substring(0, 55) + "8"));
        assertFalse(KeyArg.looksLikePublicKey(a.publicKey().substring(0, 55) + "a"));
        assertFalse(KeyArg.looksLikePublicKey(a.publicKey().substring(0, 55) + "["));
        assertTrue(KeyArg.looksLikePublicKey(a.publicKey().substring(0, 55) + "2"));
        assertTrue(KeyArg.looksLikePublicKey(a.publicKey().substring(0, 55) + "7"));
        assertTrue(KeyArg.looksLikePublicKey(a.publicKey().substring(0, 55) + "Z"));
        assertTrue(KeyArg.looksLikeSeed(seed(a)));
        assertFalse(KeyArg.looksLikeSeed(seed(a).substring(1)));
        assertFalse(KeyArg.looksLikeSeed("X" + seed(a).substring(1)));
    }
}
