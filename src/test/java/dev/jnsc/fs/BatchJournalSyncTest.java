package dev.jnsc.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where {@code sync -f} does not work (another system, an older sync), a group commit syncs every
 * file it wrote itself: from this thread for a few, from a pool of threads for many. Linux runs
 * the other path, so these tests switch {@code sync -f} off for their duration.
 */
class BatchJournalSyncTest {
    @TempDir
    Path root;

    private static Field syncfsWorks() throws ReflectiveOperationException {
        Field f = BatchJournal.class.getDeclaredField("syncfsWorks");
        f.setAccessible(true);
        return f;
    }

    @ParameterizedTest
    @Timeout(60)
    @ValueSource(ints = {3, 20})
    void withoutSyncfsTheGroupCommitSyncsEachFile(int accounts) throws Exception {
        Path stores = root.resolve("stores");
        Path keys = root.resolve("keys");
        Files.createDirectories(stores);
        Files.createDirectories(keys);
        Field works = syncfsWorks();
        boolean was = works.getBoolean(null);
        works.setBoolean(null, false);
        try {
            BatchJournal j = new BatchJournal(stores, List.of(stores, keys));
            FileChanges add = new FileChanges();
            for (int i = 0; i < accounts; i++) {
                add.write(stores.resolve("O/accounts/A" + i + "/A" + i + ".jwt"), ("account " + i).getBytes(StandardCharsets.UTF_8));
            }
            add.create(keys.resolve("keys/A/AA/AAA.nk"), "seed".getBytes(StandardCharsets.UTF_8));
            add.commitInGroup(j);
            // a file of the group deleted again before the group commits: nothing left to sync there
            new FileChanges().delete(stores.resolve("O/accounts/A0/A0.jwt")).commitInGroup(j);
            j.commit();
            assertEquals(0, j.pending());
            assertFalse(Files.exists(j.file()));
            assertFalse(Files.exists(stores.resolve(BatchJournal.UNDO_FOLDER)));
            assertFalse(Files.exists(stores.resolve("O/accounts/A0/A0.jwt")));
            for (int i = 1; i < accounts; i++) {
                assertEquals("account " + i, Files.readString(stores.resolve("O/accounts/A" + i + "/A" + i + ".jwt")));
            }
            assertEquals("seed", Files.readString(keys.resolve("keys/A/AA/AAA.nk")));
            assertNull(BatchJournal.recover(stores), "committed: nothing to undo");
        } finally {
            works.setBoolean(null, was);
        }
    }
}
