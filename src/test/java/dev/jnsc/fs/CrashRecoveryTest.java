package dev.jnsc.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit interrupted at every point it passes (the process "dies": nothing after that point
 * runs, not even clean-up) is undone or finished by the next {@link Journal#recover}: afterwards
 * the files are exactly as before the commit or exactly as after it, with no temp file left.
 */
class CrashRecoveryTest {
    @TempDir
    Path root;

    /** Thrown at a crash point; an Error, so no catch of the commit runs clean-up for it. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    private Path stores() {
        return root.resolve("stores");
    }

    private Path keys() {
        return root.resolve("keys");
    }

    /** The store and keystore of an "add user": an existing account and operator, and a second user. */
    private void seed() throws IOException {
        write(stores().resolve("O/O.jwt"), "operator");
        write(stores().resolve("O/accounts/A/A.jwt"), "account v1");
        write(stores().resolve("O/accounts/A/users/V.jwt"), "user V");
        write(keys().resolve("keys/U/VV/UVV.nk"), "seed V");
        write(keys().resolve("creds/O/A/V.creds"), "creds V");
    }

    private static void write(Path p, String s) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, s);
    }

    /** An add user (new seed, creds and JWT in new folders), an account edit and a delete. */
    private FileChanges changes() {
        return new FileChanges()
                .create(keys().resolve("keys/U/XY/UXY.nk"), bytes("seed U"))
                .write(keys().resolve("creds/O/A/U.creds"), bytes("creds U"))
                .write(stores().resolve("O/accounts/A/users/U.jwt"), bytes("user U"))
                .write(stores().resolve("O/accounts/A/A.jwt"), bytes("account v2"))
                .delete(stores().resolve("O/accounts/A/users/V.jwt"))
                .delete(keys().resolve("creds/O/A/V.creds"))
                .delete(keys().resolve("keys/U/VV/UVV.nk"))
                .delete(keys().resolve("keys/U/VV"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, String> tree() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                out.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir" : Files.readString(p));
            }
        }
        return out;
    }

    /** The points one commit of {@link #changes()} passes, in order. */
    private List<String> points() throws IOException {
        seed();
        List<String> seen = new ArrayList<>();
        changes().onPoint(seen::add).commit(stores());
        deleteAll();
        return seen;
    }

    private void deleteAll() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).filter(p -> !p.equals(root)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void everyCrashPointEndsAllOrNothing() throws IOException {
        List<String> points = points();
        assertEquals(List.of("prepared", "temp", "temp", "temp", "temp", "committed", "applied", "applied", "applied",
                "applied", "applied", "applied", "applied", "applied"), points);

        seed();
        Map<String, String> before = tree();
        changes().commit(stores());
        Map<String, String> after = tree();
        deleteAll();

        for (int crashAt = 0; crashAt < points.size(); crashAt++) {
            seed();
            int[] n = {0};
            int at = crashAt;
            assertThrows(Crash.class, () -> changes().onPoint(p -> {
                if (n[0]++ == at) {
                    throw new Crash();
                }
            }).commit(stores()));
            assertTrue(Files.exists(stores().resolve(Journal.FILE)), "a journal is left at point " + crashAt);
            String done = Journal.recover(stores());
            Map<String, String> now = tree();
            boolean committed = crashAt >= points.indexOf("committed");
            assertEquals(committed ? after : before, now, "after a crash at point " + crashAt + " (" + points.get(crashAt)
                    + ") and recovery: " + done);
            assertEquals((committed ? "finished the changes" : "undid the unfinished changes")
                    + " of an interrupted nsc command (8 files)", done);
            assertNull(Journal.recover(stores()), "nothing left to recover");
            deleteAll();
        }
    }

    @Test
    void seedsAreInPlaceBeforeTheJwtThatNeedsThem() throws IOException {
        seed();
        Path seed = keys().resolve("keys/U/XY/UXY.nk");
        Path creds = keys().resolve("creds/O/A/U.creds");
        Path jwt = stores().resolve("O/accounts/A/users/U.jwt");
        List<String> order = new ArrayList<>();
        changes().onPoint(p -> {
            if (p.equals("applied")) {
                order.add((Files.exists(seed) ? "S" : "-") + (Files.exists(creds) ? "C" : "-") + (Files.exists(jwt) ? "J" : "-"));
            }
        }).commit(stores());
        // the first renames: seed, then creds, then the JWT
        assertEquals(List.of("S--", "SC-", "SCJ"), order.subList(0, 3));
    }

    @Test
    void nscJsonIsRenamedLastAndFoldersAreDeletedDeepestFirst() throws IOException {
        seed();
        Path context = root.resolve("config/nsc.json");
        Path jwt = stores().resolve("O/accounts/A/users/U.jwt");
        Path accountDir = stores().resolve("O/accounts/A");
        List<String> order = new ArrayList<>();
        FileChanges c = new FileChanges().write(context, bytes("{}")).write(jwt, bytes("user U"));
        // staged outermost first: the commit still empties the inner folder first
        c.delete(accountDir).delete(accountDir.resolve("users")).delete(accountDir.resolve("A.jwt"))
                .delete(accountDir.resolve("users/V.jwt")).delete(jwt);
        c.onPoint(p -> {
            if (p.equals("applied")) {
                order.add((Files.exists(context) ? "C" : "-") + (Files.exists(accountDir.resolve("users")) ? "u" : "-")
                        + (Files.exists(accountDir) ? "a" : "-"));
            }
        }).commit(stores());
        // the write of U.jwt is replaced by its delete; nsc.json after the other writes; users/ before A/
        assertEquals(List.of("Cua", "Cua", "Cua", "C-a", "C--"), order);
    }

    @Test
    void deletesGoFromTheStoreToTheKeystore() throws IOException {
        seed();
        Path jwt = stores().resolve("O/accounts/A/users/V.jwt");
        Path creds = keys().resolve("creds/O/A/V.creds");
        Path seed = keys().resolve("keys/U/VV/UVV.nk");
        List<String> order = new ArrayList<>();
        new FileChanges().delete(seed).delete(creds).delete(jwt).onPoint(p -> {
            if (p.equals("applied")) {
                order.add((Files.exists(jwt) ? "J" : "-") + (Files.exists(creds) ? "C" : "-") + (Files.exists(seed) ? "S" : "-"));
            }
        }).commit(stores());
        assertEquals(List.of("-CS", "--S", "---"), order);
    }

    @Test
    void aCrashBeforeAnythingWasRecordedLeavesNothingToRecover() throws IOException {
        seed();
        Map<String, String> before = tree();
        FileChanges c = new FileChanges().write(stores().resolve("O/accounts/A/A.jwt"), bytes("x"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> c.write(root.resolve("stores/O/O.jwt/child"), bytes("y")).commit(stores()));
        assertTrue(e.getMessage().contains("exists and is not a folder"), e.getMessage());
        assertEquals(before, tree());
        assertNull(Journal.recover(stores()));
    }

    @Test
    void aDamagedJournalIsReportedAndKept() throws IOException {
        Files.createDirectories(stores());
        Path j = stores().resolve(Journal.FILE);
        Files.writeString(j, "jnsc journal 1\ncommitted\nwrite /a\n");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Journal.recover(stores()));
        assertTrue(e.getMessage().startsWith("cannot recover from the interrupted nsc command recorded in " + j
                + ": the journal is damaged"), e.getMessage());
        assertTrue(Files.exists(j), "kept for the user to look at");
        Files.writeString(j, "jnsc journal 1\nhalfway\nend\n");
        e = assertThrows(UncheckedIOException.class, () -> Journal.recover(stores()));
        assertTrue(e.getMessage().contains("unknown state \"halfway\""), e.getMessage());
        Files.writeString(j, "jnsc journal 1\ncommitted\nwrite /a\nend\n");
        e = assertThrows(UncheckedIOException.class, () -> Journal.recover(stores()));
        assertTrue(e.getMessage().contains("a line it cannot read"), e.getMessage());
        Files.writeString(j, "jnsc journal 1\ncommitted\ndelete /a%zz\nend\n");
        e = assertThrows(UncheckedIOException.class, () -> Journal.recover(stores()));
        assertTrue(e.getMessage().contains("a path it cannot read"), e.getMessage());
    }

    @Test
    void aStaleJournalTempIsRemoved() throws IOException {
        Files.createDirectories(stores());
        Path tmp = stores().resolve(Journal.FILE + ".tmp");
        Files.writeString(tmp, "half");
        assertNull(Journal.recover(stores()));
        assertFalse(Files.exists(tmp));
    }

    @Test
    void aRenameThatFailsAfterTheCommitPointPutsEverythingBack() throws IOException {
        seed();
        Map<String, String> before = tree();
        Path jwt = stores().resolve("O/accounts/A/users/U.jwt");
        FileChanges c = changes().onPoint(p -> {
            if (p.equals("committed")) {
                try {
                    // something makes the JWT's name a folder with content: its rename must fail
                    Files.createDirectories(jwt.resolve("in-the-way"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> c.commit(stores()));
        assertTrue(e.getMessage().startsWith("cannot write " + jwt + ": "), e.getMessage());
        Files.delete(jwt.resolve("in-the-way"));
        Files.delete(jwt);
        assertEquals(before, tree(), "the seed and creds renamed before it are undone");
        assertNull(Journal.recover(stores()), "no journal is left to replay it");
    }

    @Test
    void aTempFileLeftByALostJournalIsOverwritten() throws IOException {
        seed();
        Path jwt = stores().resolve("O/accounts/A/A.jwt");
        Files.writeString(jwt.resolveSibling(".A.jwt.tmp"), "stale");
        new FileChanges().write(jwt, bytes("account v2")).commit(stores());
        assertEquals("account v2", Files.readString(jwt));
        assertFalse(Files.exists(jwt.resolveSibling(".A.jwt.tmp")));
    }

    @Test
    void writesGoThroughASymlinkedFolder() throws IOException {
        Path real = Files.createDirectories(root.resolve("elsewhere"));
        Files.createDirectories(keys());
        Files.createDirectories(stores());
        Files.createSymbolicLink(keys().resolve("creds"), real);
        new FileChanges().write(keys().resolve("creds/O/A/U.creds"), bytes("c")).commit(stores());
        assertEquals("c", Files.readString(real.resolve("O/A/U.creds")));
        assertTrue(Files.isSymbolicLink(keys().resolve("creds")));
    }

    @Test
    void encodingEscapesExactlySpacesControlsNonAsciiAndPercent() throws IOException {
        assertEquals("/a%20b%25c%7f%1f~!", Journal.encode(Path.of("/a b%c\u007f\u001f~!")));
        assertEquals(Path.of("/\u00e9"), Journal.decode("/%c3%a9"));
        for (String bad : List.of("/a%", "/a%4", "/a%g0", "/a%0g", "")) {
            IOException e = assertThrows(IOException.class, () -> Journal.decode(bad), bad);
            assertTrue(e.getMessage().startsWith("the journal is damaged"), e.getMessage());
        }
    }

    @Test
    void pathsOfAnyShapeSurviveTheJournal() throws IOException {
        for (String name : List.of("plain", "with space", "100%", "tab\there", "new\nline", "ünï cødé ☃", "a%20b", "end")) {
            Path p = root.resolve(name);
            assertEquals(p, Journal.decode(Journal.encode(p)), name);
            assertFalse(Journal.encode(p).contains(" ") || Journal.encode(p).contains("\n"), name);
        }
    }

    @Test
    void renamesGoSeedCredsStoreNscJsonWhateverTheOrderTheyWerePlanned() throws IOException {
        seed();
        Path context = root.resolve("config/nsc.json");
        Path jwt = stores().resolve("O/accounts/A/users/U.jwt");
        Path creds = keys().resolve("creds/O/A/U.creds");
        Path seed = keys().resolve("keys/U/XY/UXY.nk");
        List<String> order = new ArrayList<>();
        // planned in the reverse of the safe order
        new FileChanges().write(context, bytes("{}")).write(jwt, bytes("user U")).write(creds, bytes("creds U"))
                .create(seed, bytes("seed U")).onPoint(p -> {
                    if (p.equals("applied")) {
                        order.add((Files.exists(seed) ? "S" : "-") + (Files.exists(creds) ? "C" : "-")
                                + (Files.exists(jwt) ? "J" : "-") + (Files.exists(context) ? "N" : "-"));
                    }
                }).commit(stores());
        assertEquals(List.of("S---", "SC--", "SCJ-", "SCJN"), order);
    }

    @Test
    void finishingACommittedDeleteKeepsAFolderThatHoldsSomethingNow() throws IOException {
        Files.createDirectories(stores());
        Path empty = Files.createDirectories(root.resolve("empty"));
        Path full = Files.createDirectories(root.resolve("full"));
        Files.writeString(full.resolve("theirs.txt"), "theirs");
        Path file = Files.writeString(root.resolve("file.txt"), "x");
        Files.writeString(stores().resolve(Journal.FILE), "jnsc journal 1\ncommitted\ndelete " + Journal.encode(file)
                + "\ndelete " + Journal.encode(full) + "\ndelete " + Journal.encode(empty) + "\nend\n");
        assertEquals("finished the changes of an interrupted nsc command (3 files)", Journal.recover(stores()));
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(empty));
        assertEquals("theirs", Files.readString(full.resolve("theirs.txt")), "a folder is deleted only when empty");
        assertFalse(Files.exists(stores().resolve(Journal.FILE)));
    }
}
