package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateTest {
    @TempDir
    Path home;

    @Test
    void credsToStdoutAndFile() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        String stored = Nsc.read(nsc.creds("O", "A", "U"));
        assertEquals(stored, nsc.ok("generate", "creds").out());
        assertEquals(stored, nsc.ok("generate", "creds", "-a", "A", "-n", "U").out());
        Path f = home.resolve("u.creds");
        Nsc.Result r = nsc.ok("generate", "creds", "-n", "U", "-o", f.toString());
        assertEquals("[ OK ] wrote credentials to `~/u.creds`\n", r.out());
        assertEquals("Success!! - generated `" + f + "`\n", r.err());
        assertEquals(stored, Files.readString(f));
        assertEquals("rw-------", Nsc.mode(f));
        // scripts write creds again on every run: the Go nsc replaces the file, so does jnsc
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        nsc.ok("generate", "creds", "-n", "U", "-o", f.toString());
        assertEquals(stored, Files.readString(f));
        assertEquals("rw-------", Nsc.mode(f));
        fails(nsc, "it is a folder", "generate", "creds", "-n", "U", "-o", home.toString());
        fails(nsc, "user \"X\" does not exist", "generate", "creds", "-n", "X");
        fails(nsc, "does not exist", "generate", "creds", "-n", "U", "-o", home.resolve("no/dir/u.creds").toString());
    }

    @Test
    void credsNeedTheSeed() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        String pub = dev.jnsc.jwt.Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "U"))).claims().subject();
        Files.delete(nsc.keyFile(pub));
        fails(nsc, "is not in the keystore", "generate", "creds", "-n", "U");
    }

    @Test
    void nkeysPrintedOrStored() {
        Nsc nsc = new Nsc(home);
        Nsc.Result r = nsc.ok("generate", "nkey", "-o", "-a", "-u");
        List<String> lines = r.out().lines().toList();
        assertEquals(9, lines.size(), r.out());
        KeyKind[] kinds = {KeyKind.OPERATOR, KeyKind.ACCOUNT, KeyKind.USER};
        for (int i = 0; i < 3; i++) {
            NKey k = NKey.fromSeed(lines.get(3 * i).toCharArray());
            assertEquals(kinds[i], k.kind());
            assertEquals(k.publicKey(), lines.get(3 * i + 1));
            assertEquals("", lines.get(3 * i + 2));
        }
        r = nsc.ok("generate", "nkey", "--user", "--store");
        String pub = r.out().lines().findFirst().orElseThrow();
        assertTrue(NKey.isValidPublicKey(pub, KeyKind.USER));
        assertTrue(r.out().contains("user key stored " + nsc.keyFile(pub)), r.out());
        assertTrue(Files.isRegularFile(nsc.keyFile(pub)));
        fails(nsc, "set --operator, --account, --user or --curve", "generate", "nkey");
        // a curve key, printed as seed and public key, or stored as the Go nsc stores it (keys/X/..)
        List<String> curve = nsc.ok("generate", "nkey", "--curve").out().lines().toList();
        NKey x = NKey.fromSeed(curve.get(0).toCharArray());
        assertEquals(KeyKind.CURVE, x.kind());
        assertEquals(x.publicKey(), curve.get(1));
        r = nsc.ok("generate", "nkey", "-x", "--store");
        String xpub = r.out().lines().findFirst().orElseThrow();
        assertTrue(r.out().contains("curve key stored " + nsc.keyFile(xpub)), r.out());
        assertEquals("rw-------", Nsc.mode(nsc.keyFile(xpub)));
    }
}
