package dev.jnsc.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextTest {
    @TempDir
    Path dir;

    /**
     * Found by ContextFuzzTest (shrunk to {"store_root":1,...}): a field of the wrong type was read
     * outside the try that turns JSON errors into StoreException, so a JwtException without the
     * file's name came out of Context.load.
     */
    @Test
    void aFieldOfTheWrongTypeIsAStoreErrorNamingTheFile() throws IOException {
        for (String field : new String[] {"store_root", "operator", "account"}) {
            byte[] content = ("{\"" + field + "\":1}").getBytes(StandardCharsets.UTF_8);
            Path file = Files.write(dir.resolve("nsc.json"), content);
            StoreException e = assertThrows(StoreException.class, () -> Context.load(file));
            assertEquals("cannot read " + file + ": field \"" + field + "\" should be a string", e.getMessage());
            assertArrayEquals(content, Files.readAllBytes(file));
        }
    }

    @Test
    void malformedJsonIsAStoreErrorNamingTheFile() throws IOException {
        Path file = Files.write(dir.resolve("nsc.json"), "{\"operator\":".getBytes(StandardCharsets.UTF_8));
        StoreException e = assertThrows(StoreException.class, () -> Context.load(file));
        assertEquals("cannot read " + file + ": malformed JSON: unexpected end at offset 12", e.getMessage());
    }

    @Test
    void unknownFieldsAreKeptWhenWrittenBack() throws IOException {
        Path file = Files.write(dir.resolve("nsc.json"),
                "{\"x\":[1],\"operator\":\"O\",\"store_root\":\"/s\"}".getBytes(StandardCharsets.UTF_8));
        Context c = Context.load(file);
        assertEquals("O", c.operator());
        assertEquals("{\"store_root\":\"/s\",\"operator\":\"O\",\"account\":\"\",\"x\":[1]}",
                new String(c.toBytes(), StandardCharsets.UTF_8));
    }
}
