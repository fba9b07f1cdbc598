package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Nsc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * export keys, import keys and keys migrate: what each flag selects and writes (names, contents,
 * modes), and every refusal (one error line, exit code, no file changed).
 */
class KeyTransferCommandsTest {
    @TempDir
    Path home;
    Nsc nsc;
    String o;
    String a;
    String u;

    @BeforeEach
    void tutorial() {
        nsc = new Nsc(home).tutorial();
        o = key(nsc.operatorJwt("O"));
        a = key(nsc.accountJwt("O", "A"));
        u = key(nsc.userJwt("O", "A", "U"));
    }

    private static String key(Path jwt) {
        return Jwt.decode(Nsc.read(jwt)).claims().subject();
    }

    /** A second, empty home. */
    private Nsc other(String name) throws IOException {
        return new Nsc(Files.createDirectories(home.resolve(name)));
    }

    private Path out() {
        return home.resolve("out");
    }

    private TreeSet<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private String seed(String pub) {
        return Nsc.read(nsc.keyFile(pub)).strip();
    }

    // ---------------------------------------------------------------- export keys

    @Test
    void exportsTheOperatorTheCurrentAccountAndItsUsersByDefault() throws Exception {
        nsc.ok("add", "account", "B");
        nsc.ok("add", "user", "V", "-a", "B");
        nsc.ok("env", "-a", "A");
        Nsc.Result r = nsc.ok("export", "keys", "--dir", "out");
        assertEquals("[ OK ] exported \"" + o + "\"\n[ OK ] exported \"" + a + "\"\n[ OK ] exported \"" + u + "\"\n",
                r.out());
        assertEquals(new TreeSet<>(List.of(o + ".nk", a + ".nk", u + ".nk")), files(out()));
        assertEquals("rwx------", Nsc.mode(out()));
        for (String k : List.of(o, a, u)) {
            Path f = out().resolve(k + ".nk");
            assertEquals("rw-------", Nsc.mode(f));
            assertEquals(seed(k), Nsc.read(f), "the seed, as the Go nsc writes it (no newline)");
            assertEquals(k, NKey.fromSeed(Nsc.read(f)).publicKey());
        }
        assertTrue(Files.exists(nsc.keyFile(u)), "without -R the keystore keeps its keys");
    }

    @Test
    void kindFlagsAccountUserFilterAndAll() throws Exception {
        nsc.ok("add", "account", "B");
        nsc.ok("add", "user", "V", "-a", "B");
        String b = key(nsc.accountJwt("O", "B"));
        String v = key(nsc.userJwt("O", "B", "V"));
        nsc.ok("export", "keys", "-d", "o1", "-o");
        assertEquals(new TreeSet<>(List.of(o + ".nk")), files(home.resolve("o1")));
        nsc.ok("export", "keys", "-d", "o2", "-a");
        assertEquals(new TreeSet<>(List.of(a + ".nk", b + ".nk")), files(home.resolve("o2")), "-a: every account");
        nsc.ok("export", "keys", "-d", "o3", "-u", "--account", "B");
        assertEquals(new TreeSet<>(List.of(v + ".nk")), files(home.resolve("o3")));
        nsc.ok("export", "keys", "-d", "o4", "--account", "A", "--user", "U");
        assertEquals(new TreeSet<>(List.of(o + ".nk", a + ".nk", u + ".nk")), files(home.resolve("o4")));
        nsc.ok("export", "keys", "-d", "o5", "-A", "-f", v.substring(3, 9).toLowerCase());
        assertEquals(new TreeSet<>(List.of(v + ".nk")), files(home.resolve("o5")), "the filter ignores case");
        Nsc.Result all = nsc.ok("export", "keys", "-d", "o6", "--all");
        assertEquals(new TreeSet<>(List.of(o + ".nk", a + ".nk", u + ".nk", b + ".nk", v + ".nk")), files(home.resolve("o6")));
        String lines = all.out();
        assertTrue(lines.indexOf(o) >= 0 && lines.indexOf(o) < lines.indexOf(a) && lines.indexOf(a) < lines.indexOf(u)
                && lines.indexOf(u) < lines.indexOf(b) && lines.indexOf(b) < lines.indexOf(v),
                "the Go nsc's order: operator, then each account followed by its users\n" + lines);
    }

    /** --curves and --curve add curve keys: the accounts' encryption targets, or the one named. */
    @Test
    void curveKeys() throws Exception {
        nsc.ok("edit", "authcallout", "-a", "A", "--auth-user", u, "--curve", "generate");
        AccountClaims ac = Jwt.decode(Nsc.read(nsc.accountJwt("O", "A"))).as(AccountClaims.class, "an account");
        String x = ac.authXKey();
        nsc.ok("export", "keys", "-d", "c1", "-o", "--curves");
        assertEquals(new TreeSet<>(List.of(o + ".nk", x + ".nk")), files(home.resolve("c1")));
        String loose = nsc.ok("generate", "nkey", "--curve", "--store").out().lines().findFirst().orElseThrow();
        nsc.ok("export", "keys", "-d", "c2", "--curve", loose);
        assertEquals(new TreeSet<>(List.of(loose + ".nk")), files(home.resolve("c2")));
        assertEquals(seed(loose), Nsc.read(home.resolve("c2").resolve(loose + ".nk")).strip());
        Nsc.Result r = fails(nsc, "--curve needs a curve public key", "export", "keys", "-d", "c3", "--curve", seed(u));
        assertFalse((r.out() + r.err()).contains(seed(u)), "a seed given by mistake is not echoed");
        assertFalse(Files.exists(home.resolve("c3")));
    }

    @Test
    void accountSigningKeysGoWithTheAccounts() throws Exception {
        nsc.ok("edit", "account", "A", "--sk", "generate");
        AccountClaims ac = Jwt.decode(Nsc.read(nsc.accountJwt("O", "A"))).as(AccountClaims.class, "an account");
        String sk = ac.signingKeys().get(0).key();
        nsc.ok("export", "keys", "-d", "o1", "-o");
        assertEquals(new TreeSet<>(List.of(o + ".nk")), files(home.resolve("o1")));
        nsc.ok("export", "keys", "-d", "o2", "-a");
        assertEquals(new TreeSet<>(List.of(a + ".nk", sk + ".nk")), files(home.resolve("o2")));
    }

    @Test
    void includeJwtsWritesEachEntitysJwtUnderItsKey() throws Exception {
        Nsc.Result r = nsc.ok("export", "keys", "-d", "out", "--include-jwts");
        assertTrue(r.out().endsWith("[ OK ] exported \"" + a + ".jwt (A)\"\n[ OK ] exported \"" + u + ".jwt (U)\"\n"),
                r.out());
        assertEquals(Nsc.read(nsc.operatorJwt("O")), Nsc.read(out().resolve(o + ".jwt")));
        assertEquals(Nsc.read(nsc.accountJwt("O", "A")), Nsc.read(out().resolve(a + ".jwt")));
        assertEquals(Nsc.read(nsc.userJwt("O", "A", "U")), Nsc.read(out().resolve(u + ".jwt")));
        assertEquals("rw-------", Nsc.mode(out().resolve(u + ".jwt")));
        assertEquals(6, files(out()).size());
    }

    @Test
    void notReferencedExportsOnlyTheKeystoresOtherKeys() throws Exception {
        String extra = nsc.ok("generate", "nkey", "-a", "--store").out().lines().findFirst().orElseThrow();
        nsc.ok("export", "keys", "-d", "out", "--not-referenced", "-A");
        assertEquals(new TreeSet<>(List.of(extra + ".nk")), files(out()));
    }

    @Test
    void removeMovesTheSeedsInOneCommit() throws Exception {
        Path shard = nsc.keyFile(u).getParent();
        Nsc.Result r = nsc.ok("export", "keys", "-d", "out", "-u", "-R");
        assertEquals("[ OK ] moved \"" + u + "\"\n", r.out());
        assertFalse(Files.exists(nsc.keyFile(u)));
        assertFalse(Files.exists(shard), "the emptied shard folder goes, as in the Go nsc");
        assertEquals(u, NKey.fromSeed(Nsc.read(out().resolve(u + ".nk"))).publicKey());
        assertTrue(Files.exists(nsc.keyFile(a)), "only what was exported moves");
        // and back
        nsc.ok("import", "keys", "-d", "out");
        assertEquals(u, NKey.fromSeed(seed(u)).publicKey());
    }

    @Test
    void existingFilesAreRefusedUnlessForced() throws Exception {
        nsc.ok("export", "keys", "-d", "out");
        Files.writeString(out().resolve(u + ".nk"), "old");
        fails(nsc, "already exists - specify --force to overwrite", "export", "keys", "-d", "out");
        fails(nsc, "nothing was exported", "export", "keys", "-d", "out", "-R");
        assertTrue(Files.exists(nsc.keyFile(u)), "-R removed nothing when the export was refused");
        nsc.ok("export", "keys", "-d", "out", "--force");
        assertEquals(seed(u), Nsc.read(out().resolve(u + ".nk")));
    }

    @Test
    void aWriteThatFailsAtCommitRemovesNothing() throws Exception {
        // the user's target is a folder: found only when the commit writes, after the other copies
        Files.createDirectories(out().resolve(u + ".nk").resolve("in-the-way"));
        Map<String, String> before = nsc.snapshot();
        Nsc.Result r = nsc.run("export", "keys", "-d", "out", "-R", "--force");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("Error: ") && r.err().contains(u + ".nk"), r.toString());
        assertEquals(before, nsc.snapshot(), "no copy written and no seed removed");
    }

    @Test
    void missingSeedIsSkippedWithAWarning() throws Exception {
        Files.delete(nsc.keyFile(u));
        Nsc.Result r = nsc.ok("export", "keys", "-d", "out", "-u");
        assertEquals("[WARN] skipped \"" + u + "\" - no seed available\n", r.out());
    }

    @Test
    void exportRefusals() throws Exception {
        usage(nsc, "--dir is required", "export", "keys");
        fails(nsc, "no keys found to export", "export", "keys", "-d", "out", "-f", "nomatch");
        fails(nsc, "account \"nosuch\" does not exist", "export", "keys", "-d", "out", "--account", "nosuch");
        fails(nsc, "user \"nosuch\" does not exist in account \"A\"", "export", "keys", "-d", "out", "--user", "nosuch");
        Files.writeString(home.resolve("afile"), "x");
        fails(nsc, "is not a directory", "export", "keys", "-d", "afile");
        Files.writeString(nsc.keyFile(u), "not a seed");
        fails(nsc, "error reading seed for " + u, "export", "keys", "-d", "out");
        Nsc fresh = other("fresh");
        fails(fresh, "keystore `" + fresh.keystore() + "` does not exist", "export", "keys", "-d", "out");
    }

    // ---------------------------------------------------------------- import keys

    @Test
    void importsEverySeedOfAFolderIntoTheKeystoreLayout() throws Exception {
        nsc.ok("export", "keys", "-d", "out");
        Nsc other = other("other");
        Nsc.Result r = other.ok("import", "keys", "--dir", out().toString());
        TreeSet<String> lines = new TreeSet<>(r.out().lines().toList());
        assertEquals(new TreeSet<>(List.of("[ OK ] " + o + " was added to the keystore",
                "[ OK ] " + a + " was added to the keystore", "[ OK ] " + u + " was added to the keystore")), lines);
        for (String k : List.of(o, a, u)) {
            assertEquals(seed(k), Nsc.read(other.keyFile(k)));
            assertEquals("rw-------", Nsc.mode(other.keyFile(k)));
            assertEquals("rwx------", Nsc.mode(other.keyFile(k).getParent()));
        }
        // again: already there, nothing changes
        Map<String, String> before = other.snapshot();
        other.ok("import", "keys", "--dir", out().toString());
        assertEquals(before, other.snapshot());
    }

    @Test
    void subFoldersOnlyWithRecurse() throws Exception {
        nsc.ok("export", "keys", "-d", "out/sub", "-u");
        Nsc other = other("other");
        fails(other, "no nkey (.nk) files found", "import", "keys", "-d", out().toString());
        other.ok("import", "keys", "-d", out().toString(), "-R");
        assertEquals(seed(u), Nsc.read(other.keyFile(u)));
    }

    @Test
    void importRefusals() throws Exception {
        nsc.ok("export", "keys", "-d", "out");
        Nsc other = other("other");
        Path bad = out().resolve("bad.nk");
        Files.writeString(bad, "garbage");
        fails(other, "failed to import `" + bad + "`", "import", "keys", "-d", out().toString());
        Files.writeString(bad, u);
        fails(other, "it holds the public key " + u + ", not a seed", "import", "keys", "-d", out().toString());
        Files.delete(bad);
        usage(other, "--dir is required", "import", "keys");
        fails(other, "does not exist", "import", "keys", "-d", home.resolve("nosuch").toString());
        fails(other, "is not a directory", "import", "keys", "-d", out().resolve(u + ".nk").toString());
        Files.createDirectories(home.resolve("empty"));
        fails(other, "no nkey (.nk) files found", "import", "keys", "-d", home.resolve("empty").toString());
        // a keystore file for the same key that is not its seed is not silently kept
        Files.writeString(nsc.keyFile(u), "damaged");
        fails(nsc, "failed to import", "import", "keys", "-d", "out");
    }

    // ---------------------------------------------------------------- keys migrate

    /** A keystore of nsc before 2.0: seeds and creds beside the operator's folders. */
    private Path oldKeystore(Nsc target) throws IOException {
        Path ks = target.keystore();
        Files.createDirectories(ks.resolve("O/accounts/A/users"));
        Files.writeString(ks.resolve("O/O.nk"), seed(o) + "\n");
        Files.writeString(ks.resolve("O/accounts/A/A.nk"), seed(a));
        Files.writeString(ks.resolve("O/accounts/A/users/U.nk"), seed(u));
        Files.writeString(ks.resolve("O/accounts/A/users/U.creds"), Nsc.read(nsc.creds("O", "A", "U")));
        return ks;
    }

    @Test
    void migrateBuildsTheNewLayoutAndKeepsTheOldKeystore() throws Exception {
        Nsc other = other("other");
        Path ks = oldKeystore(other);
        Map<String, String> oldFiles = tree(ks);
        Nsc.Result r = other.ok("keys", "migrate");
        Path old;
        try (Stream<Path> s = Files.list(ks.getParent())) {
            old = s.filter(p -> p.getFileName().toString().startsWith(".nkeys_")).findFirst().orElseThrow();
        }
        assertEquals("keystore `~/.nkeys` was migrated - old store was renamed to `~/" + old.getFileName()
                + "` - remove at your convenience\n", r.err());
        assertTrue(old.getFileName().toString().matches("\\.nkeys_[0-9A-Za-z]{22}"), old.toString());
        Map<String, String> kept = tree(old);
        kept.remove(".jnsc.lock");
        assertEquals(oldFiles, kept, "the old keystore is kept as it was");
        for (String k : List.of(o, a, u)) {
            assertEquals(seed(k), Nsc.read(other.keyFile(k)).strip());
            assertEquals("rw-------", Nsc.mode(other.keyFile(k)));
        }
        assertEquals(Nsc.read(nsc.creds("O", "A", "U")), Nsc.read(other.creds("O", "A", "U")));
        assertEquals("rwx------", Nsc.mode(ks));
        assertTrue(Files.isDirectory(ks.resolve("creds")) && Files.isDirectory(ks.resolve("keys")));
        assertFalse(Files.exists(ks.resolve("O")));
        assertEquals("keystore `~/.nkeys` does not need migration\n", other.ok("keys", "migrate").err());
        // with -H the keystore holds the operator folders too: they are not an old keystore
        Nsc all = other("all");
        all.ok("-H", all.home().resolve("one").toString(), "add", "operator", "O");
        all.ok("-H", all.home().resolve("one").toString(), "add", "account", "A");
        all.ok("-H", all.home().resolve("one").toString(), "add", "user", "U");
        assertEquals("keystore `~/one` does not need migration\n",
                all.ok("-H", all.home().resolve("one").toString(), "keys", "migrate").err());
    }

    @Test
    void migrateWithJsonListsTheNewKeystoresFilesWhereTheyEndUp() throws Exception {
        Nsc other = other("other");
        Path ks = oldKeystore(other);
        com.fasterxml.jackson.databind.JsonNode json = JsonResultTest.readTree(other.ok("keys", "migrate", "--json").out());
        assertTrue(json.get("ok").asBoolean(), json.toString());
        Set<String> written = new TreeSet<>();
        json.get("files").get("written").forEach(f -> written.add(f.asText()));
        Set<String> files;
        try (Stream<Path> s = Files.walk(ks)) {
            files = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(".jnsc.lock"))
                    .map(Path::toString).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(Set.of(other.keyFile(o).toString(), other.keyFile(a).toString(), other.keyFile(u).toString(),
                other.creds("O", "A", "U").toString(), ks.resolve(".gitignore").toString()), files, "the new keystore");
        assertEquals(files, written, "every file of the new keystore, at its path after the rename");
        assertEquals(0, json.get("files").get("deleted").size(), "the old keystore is renamed, not deleted");
        Set<String> keys = new TreeSet<>();
        json.get("changes").forEach(c -> {
            if (c.get("kind").asText().equals("key")) {
                keys.add(c.get("public_key").asText());
            }
        });
        assertEquals(new TreeSet<>(List.of(o, a, u)), keys);
        assertFalse(json.toString().contains(seed(u)), "no seed in the result");
    }

    @Test
    void migrateRefusesWhatItCannotPlaceAndChangesNothing() throws Exception {
        Nsc other = other("other");
        Path ks = oldKeystore(other);
        Files.writeString(ks.resolve("O/accounts/A/users/bad.nk"), "garbage");
        fails(other, "error processing `" + ks.resolve("O/accounts/A/users/bad.nk") + "`", "keys", "migrate");
        Files.delete(ks.resolve("O/accounts/A/users/bad.nk"));
        Files.writeString(ks.resolve("O/stray.creds"), "x");
        fails(other, "unexpected creds filepath len of 2", "keys", "migrate");
    }

    @Test
    void otherCommandsRefuseAnOldKeystoreUntilMigrated() throws Exception {
        Nsc other = other("other");
        oldKeystore(other);
        fails(other, "the keystore `~/.nkeys` needs migration - type `nsc keys migrate` to update", "add", "operator", "X");
        fails(other, "needs migration", "export", "keys", "-d", "out");
        other.ok("keys", "migrate");
        other.ok("add", "operator", "X");
    }

    @Test
    void aCurrentKeystoreNeedsNoMigration() {
        Map<String, String> before = nsc.snapshot();
        assertEquals("keystore `~/.nkeys` does not need migration\n", nsc.ok("keys", "migrate").err());
        assertEquals(before, nsc.snapshot());
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                out.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir" : Files.readString(p));
            }
        }
        return out;
    }
}
