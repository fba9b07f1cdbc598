package dev.jnsc.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New files are 0600 and new folders 0700 whatever the umask: the write path runs in a JVM
 * started under umask 277 (which takes the owner's write bit from every file and folder made
 * with a mode), and every file and folder it made is checked. Under the usual umask (022) the
 * modes given at creation already come out right, so only a hostile umask shows a missing chmod.
 */
class UmaskTest {
    @TempDir
    Path root;

    /** Run under the hostile umask: makes files and folders through every part of the write path. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path stores = root.resolve("stores");
        Path keys = root.resolve("keys");
        // the store lock makes its folder and lock file
        try (StoreLock lock = StoreLock.acquire(List.of(stores, keys), Duration.ofSeconds(10), f -> { })) {
            // a journaled commit: new folders, a new seed and a new JWT
            new FileChanges().create(keys.resolve("keys/U/XY/UXY.nk"), bytes("seed"))
                    .write(stores.resolve("O/O.jwt"), bytes("operator")).commit(stores);
            // an unjournaled commit and a single atomic write
            new FileChanges().write(root.resolve("out/U.creds"), bytes("creds")).commit();
            Disk.writeAtomically(root.resolve("out/A.jwt"), bytes("account"));
            // a batch group, left open: the journal and the undo folder stay
            BatchJournal group = new BatchJournal(stores, List.of(stores, keys));
            new FileChanges().write(stores.resolve("O/O.jwt"), bytes("operator v2"))
                    .write(stores.resolve("O/accounts/A/A.jwt"), bytes("account")).commitInGroup(group);
            group.abandon();
        }
        System.out.println("done");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyFileIs0600AndEveryFolder0700UnderAHostileUmask() throws Exception {
        Path sh = Path.of("/bin/sh");
        Assumptions.assumeTrue(Files.isExecutable(sh) && Disk.posix(root));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String cp = System.getProperty("java.class.path");
        Path base = root.resolve("base");
        Files.createDirectory(base);
        Process p = new ProcessBuilder(sh.toString(), "-c", "umask 277 && exec \"$0\" -cp \"$1\" " + UmaskTest.class.getName()
                + " \"$2\"", java.toString(), cp, base.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("done\n", out);
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> s = Files.walk(base)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                if (!f.equals(base)) {
                    modes.put(base.relativize(f).toString().replace(File.separatorChar, '/'),
                            PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
                }
            }
        }
        String file = "rw-------";
        String dir = "rwx------";
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("keys", dir), Map.entry("keys/.jnsc.lock", file),
                Map.entry("keys/keys", dir), Map.entry("keys/keys/U", dir), Map.entry("keys/keys/U/XY", dir),
                Map.entry("keys/keys/U/XY/UXY.nk", file),
                Map.entry("stores", dir), Map.entry("stores/.jnsc.lock", file), Map.entry("stores/.jnsc.batch", file),
                Map.entry("stores/.jnsc.undo", dir), Map.entry("stores/.jnsc.undo/0", file),
                Map.entry("stores/O", dir), Map.entry("stores/O/O.jwt", file),
                Map.entry("stores/O/accounts", dir), Map.entry("stores/O/accounts/A", dir),
                Map.entry("stores/O/accounts/A/A.jwt", file),
                Map.entry("out", dir), Map.entry("out/U.creds", file), Map.entry("out/A.jwt", file)));
        assertEquals(expected, modes);
    }
}
