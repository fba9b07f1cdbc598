package dev.jnsc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jnsc.fs.FileChanges;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nsc.json as it is read and written: the current store, operator and account, and the first run's update settings. */
class ContextFileTest {
    private static final long NOW = 1_700_000_000L;

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("nsc.json"), json);
    }

    private static String text(Context c) {
        return new String(c.toBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theFirstWriteAddsTheGoUpdateSettings() throws IOException {
        Path f = dir.resolve("conf/nsc.json");
        Context c = Context.load(f);
        assertEquals(f, c.file());
        assertNull(c.storeRoot());
        assertNull(c.operator());
        assertNull(c.account());
        c.storeRoot("/s").operator("O").account("A").updateCheckDefaults(NOW);
        FileChanges changes = new FileChanges();
        c.stage(changes);
        changes.commit();
        assertEquals("{\"store_root\":\"/s\",\"operator\":\"O\",\"account\":\"A\",\"github_updates\":\"nats-io/nsc\","
                + "\"last_update\":1700000000}", Files.readString(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));

        Context again = Context.load(f);
        assertEquals("/s", again.storeRoot());
        assertEquals("O", again.operator());
        assertEquals("A", again.account());
        again.updateCheckDefaults(NOW + 100);
        assertEquals(Files.readString(f), text(again), "written once: a later run keeps the first time");
    }

    @Test
    void anEmptyFileOrOneWithNothingSetIsAFirstRun() throws IOException {
        for (String json : new String[] {"", "{}", "{\"store_root\":\"\",\"operator\":\"\",\"account\":\"\"}"}) {
            Context c = Context.load(file(json)).updateCheckDefaults(NOW);
            assertEquals("{\"store_root\":\"\",\"operator\":\"\",\"account\":\"\",\"github_updates\":\"nats-io/nsc\","
                    + "\"last_update\":1700000000}", text(c), json);
        }
        // a last check at time 0 is no check: the update settings are set (the field keeps its place)
        assertEquals("{\"store_root\":\"\",\"operator\":\"\",\"account\":\"\",\"last_update\":1700000000,"
                + "\"github_updates\":\"nats-io/nsc\"}", text(Context.load(file("{\"last_update\":0}")).updateCheckDefaults(NOW)));
    }

    @Test
    void anythingSetMeansTheGoNscRanBefore() throws IOException {
        String[] jsons = {
            "{\"store_root\":\"/s\",\"operator\":\"\",\"account\":\"\"}",
            "{\"store_root\":\"\",\"operator\":\"O\",\"account\":\"\"}",
            "{\"store_root\":\"\",\"operator\":\"\",\"account\":\"A\"}",
            "{\"store_root\":\"\",\"operator\":\"\",\"account\":\"\",\"last_update\":7}",
            "{\"store_root\":\"\",\"operator\":\"\",\"account\":\"\",\"last_update\":\"0\"}",
            "{\"store_root\":\"\",\"operator\":\"\",\"account\":\"\",\"github_updates\":\"\",\"last_update\":0}",
            "{\"store_root\":\"\",\"operator\":\"\",\"account\":\"\",\"github_updates\":\"mine/nsc\"}",
        };
        for (String json : jsons) {
            assertEquals(json, text(Context.load(file(json)).updateCheckDefaults(NOW)), json);
        }
    }

    @Test
    void emptyValuesAreUnsetAndWrittenAsEmptyStrings() throws IOException {
        Context c = Context.load(file("{\"store_root\":\"/s\",\"operator\":\"O\",\"account\":\"A\",\"z\":true}"));
        c.storeRoot("").operator(null).account("");
        assertNull(c.storeRoot());
        assertNull(c.operator());
        assertNull(c.account());
        assertEquals("{\"store_root\":\"\",\"operator\":\"\",\"account\":\"\",\"z\":true}", text(c));
        c.operator("P");
        assertEquals("P", c.operator());
    }
}
