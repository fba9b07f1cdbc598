package dev.jnsc.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reaches the disk before each point a commit relies on: the syncs a commit makes
 * ({@code onSync}) and the points it passes ({@code onPoint}), in one list, in the order they
 * happened. A power loss can only lose what was not synced, so a missing or late sync is what
 * these find.
 */
class DurabilityOrderTest {
    @TempDir
    Path root;
    Path stores;
    Path keys;
    /** Syncs ("file p", "folder p", "file systems p ...") and points ("point p"), in order. */
    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    /** Thrown at a crash point; an Error, so no catch of the commit cleans up for it. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    @BeforeEach
    void store() throws IOException {
        stores = root.resolve("stores");
        keys = root.resolve("keys");
        write(stores.resolve("O/O.jwt"), "operator");
        write(stores.resolve("O/accounts/A/A.jwt"), "account v1");
        write(stores.resolve("O/accounts/A/users/V.jwt"), "user V");
        Files.createDirectories(keys);
    }

    private static void write(Path p, String s) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, s);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Path newUser() {
        return stores.resolve("O/accounts/B/users/U.jwt");
    }

    private Path newSeed() {
        return keys.resolve("keys/U/AB/UAB.nk");
    }

    /** A new user in new folders, an account edit, a user delete. */
    private FileChanges changes() {
        return new FileChanges().onPoint(p -> events.add("point " + p)).onSync(events::add)
                .create(newSeed(), bytes("seed"))
                .create(newUser(), bytes("user U"))
                .write(stores.resolve("O/accounts/A/A.jwt"), bytes("account v2"))
                .delete(stores.resolve("O/accounts/A/users/V.jwt"));
    }

    private List<Path> written() {
        return List.of(newSeed(), newUser(), stores.resolve("O/accounts/A/A.jwt"));
    }

    private int at(String event) {
        int i = events.indexOf(event);
        assertTrue(i >= 0, "no event " + event + " in " + events);
        return i;
    }

    private int lastAt(String event) {
        int i = events.lastIndexOf(event);
        assertTrue(i >= 0, "no event " + event + " in " + events);
        return i;
    }

    /** Where the temp file of {@code target} was synced: the first "file" sync of a .tmp beside it. */
    private int tempSynced(Path target) {
        for (int i = 0; i < events.size(); i++) {
            String e = events.get(i);
            if (e.startsWith("file ")) {
                Path p = Path.of(e.substring(5));
                String n = p.getFileName().toString();
                if (p.getParent().equals(target.getParent()) && n.startsWith("." + target.getFileName() + ".")
                        && n.endsWith(".tmp")) {
                    return i;
                }
            }
        }
        throw new AssertionError("the temp file of " + target + " was not synced: " + events);
    }

    /** Before the commit point: every temp file and the folders that hold them; after the renames: the targets' folders. */
    private void assertDurableCommit() {
        int committed = at("point committed");
        for (Path t : written()) {
            assertTrue(tempSynced(t) < committed, "the temp of " + t + " is synced before the commit point: " + events);
            assertTrue(at("folder " + t.getParent()) < committed, "its folder entry too: " + events);
        }
        assertTrue(at("folder " + stores.resolve("O/accounts")) < committed, "the folder holding a new folder: " + events);
        int applied = lastAt("point applied");
        for (Path t : List.of(newSeed(), newUser(), stores.resolve("O/accounts/A/users/V.jwt"))) {
            assertTrue(lastAt("folder " + t.getParent()) > applied, "the renames and deletes in " + t.getParent()
                    + " are synced after they happen: " + events);
        }
    }

    @Test
    void aJournaledCommitSyncsTempsAndTheJournalBeforeItsCommitPointAndTheFoldersAfterTheRenames() {
        changes().commit(stores);
        assertDurableCommit();
        int committed = at("point committed");
        int lastTemp = lastAt("point temp");
        // the journal's commit record: its temp file, then the folder that holds the journal
        String record = "file " + stores.resolve(Journal.FILE + ".tmp");
        int recorded = events.subList(lastTemp, committed).indexOf(record);
        assertTrue(recorded >= 0, "the commit record is synced after the temps: " + events);
        assertTrue(events.subList(lastTemp + recorded, committed).contains("folder " + stores), "and its rename: " + events);
        assertTrue(events.subList(0, at("point prepared")).contains("folder " + stores),
                "the prepared record is durable before anything is prepared: " + events);
    }

    @Test
    void aCommitWithoutJournalIsAsDurable() {
        changes().commit();
        assertDurableCommit();
        assertFalse(events.stream().anyMatch(e -> e.contains(Journal.FILE)), events.toString());
    }

    @Test
    void aJournalFinishedByRecoverySyncsTheFoldersItRenamedIn() {
        FileChanges c = changes().onPoint(p -> {
            if (p.equals("committed")) {
                throw new Crash();
            }
        });
        assertThrows(Crash.class, () -> c.commit(stores));
        events.clear();
        Journal.recover(stores, events::add);
        for (Path t : List.of(newSeed(), newUser(), stores.resolve("O/accounts/A/users/V.jwt"))) {
            assertTrue(events.contains("folder " + t.getParent()), t + ": " + events);
        }
    }

    private static Field syncfsWorks() throws ReflectiveOperationException {
        Field f = BatchJournal.class.getDeclaredField("syncfsWorks");
        f.setAccessible(true);
        return f;
    }

    /** One command in a group: its undo record is synced, its changes are not (the group commit syncs them). */
    private BatchJournal group(Path outside) throws IOException {
        BatchJournal j = new BatchJournal(stores, List.of(stores, keys)).onPoint(p -> events.add("point group " + p))
                .onSync(events::add);
        FileChanges c = changes();
        if (outside != null) {
            c.create(outside, bytes("output"));
        }
        c.commitInGroup(j);
        int recorded = at("point group recorded");
        assertTrue(events.subList(0, recorded).contains("file " + j.file()), "the undo record is synced: " + events);
        for (String e : events.subList(recorded, events.size())) {
            assertFalse(e.startsWith("file ") || e.startsWith("folder "), "nothing of the command itself: " + events);
        }
        return j;
    }

    @Test
    void aGroupCommitSyncsTheFileSystemsThatHoldWhatItChangedBeforeItsCommitPoint() throws Exception {
        Path outside = root.resolve("elsewhere/out.txt");
        BatchJournal j = group(outside);
        events.clear();
        j.commit();
        int synced = at("point group synced");
        String all = events.subList(0, synced).stream().filter(e -> e.startsWith("file systems ")).findFirst()
                .orElseThrow(() -> new AssertionError("no syncfs before the group's commit point: " + events));
        List<String> places = Arrays.asList(all.substring("file systems ".length()).split(" "));
        assertTrue(places.containsAll(List.of(stores.toString(), keys.toString(), outside.getParent().toString())), all);
        assertEquals(1, places.stream().filter(p -> p.startsWith(stores.toString())).count(),
                "folders in a root are covered by the root: " + all);
        int committed = at("point group committed");
        assertTrue(events.subList(synced, committed).contains("file " + j.file()), "the commit mark is synced: " + events);
    }

    @Test
    void withoutSyncfsAGroupCommitSyncsEveryFileAndFolderItChangedBeforeItsCommitPoint() throws Exception {
        Field works = syncfsWorks();
        boolean was = works.getBoolean(null);
        works.setBoolean(null, false);
        try {
            BatchJournal j = group(null);
            events.clear();
            j.commit();
            int synced = at("point group synced");
            List<String> before = events.subList(0, synced);
            for (Path t : written()) {
                assertTrue(before.contains("file " + t), t + ": " + events);
                assertTrue(before.contains("folder " + t.getParent()), t.getParent() + ": " + events);
            }
            assertTrue(before.contains("folder " + stores.resolve("O/accounts/A/users")), "a delete's folder: " + events);
            assertTrue(before.contains("folder " + stores.resolve("O/accounts")), "a new folder's parent: " + events);
            assertTrue(before.contains("folder " + stores.resolve("O/accounts/B")), "a new folder: " + events);
            assertFalse(before.stream().anyMatch(e -> e.startsWith("file systems")), events.toString());
        } finally {
            works.setBoolean(null, was);
        }
    }

    @Test
    void anUndoneGroupSyncsTheFoldersItPutBackAndTheJournalsRemoval() throws Exception {
        group(null);
        events.clear();
        BatchRecovery.recover(stores, events::add);
        for (Path t : List.of(stores.resolve("O/accounts/A/A.jwt"), stores.resolve("O/accounts/A/users/V.jwt"))) {
            assertTrue(events.contains("folder " + t.getParent()), t + ": " + events);
        }
        assertEquals("folder " + stores, events.get(events.size() - 1), "the journal's removal last: " + events);
        assertEquals("account v1", Files.readString(stores.resolve("O/accounts/A/A.jwt")));
    }

    @Test
    void theOldContentsACommitReadAreZeroedWhenItIsOver() throws Exception {
        write(keys.resolve("keys/U/VV/UVV.nk"), "seed V");
        List<byte[]> seen = new ArrayList<>();
        FileChanges c = new FileChanges().delete(keys.resolve("keys/U/VV/UVV.nk"))
                .write(stores.resolve("O/accounts/A/A.jwt"), bytes("account v2"));
        c.onPoint(p -> {
            if (p.equals("committed")) {
                seen.addAll(previous(c));
            }
        }).commit(stores);
        assertEquals(2, seen.size(), "the seed deleted and the JWT replaced");
        for (byte[] b : seen) {
            assertTrue(allZero(b), "zeroed: " + new String(b, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theOldContentsAGroupCommandReadAreZeroedWhenItIsOver() throws Exception {
        write(keys.resolve("keys/U/VV/UVV.nk"), "seed V");
        List<byte[]> seen = new ArrayList<>();
        FileChanges c = new FileChanges().delete(keys.resolve("keys/U/VV/UVV.nk"));
        c.onPoint(p -> {
            if (p.equals("recorded")) {
                seen.addAll(previous(c));
            }
        }).commitInGroup(new BatchJournal(stores, List.of(stores, keys)));
        assertEquals(1, seen.size());
        assertTrue(allZero(seen.get(0)), "zeroed: " + new String(seen.get(0), StandardCharsets.UTF_8));
    }

    /** The old contents the commit holds at this moment (a test of a secret's lifetime may look inside). */
    @SuppressWarnings("unchecked")
    private static List<byte[]> previous(FileChanges c) {
        try {
            Field steps = FileChanges.class.getDeclaredField("steps");
            steps.setAccessible(true);
            List<byte[]> out = new ArrayList<>();
            for (Step s : ((Map<Path, Step>) steps.get(c)).values()) {
                if (s.previous != null) {
                    assertTrue(s.previous.length > 0 && !allZero(s.previous), "held while the commit runs");
                    out.add(s.previous);
                }
            }
            return out;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
