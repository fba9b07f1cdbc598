package dev.jnsc.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnsc.jwt.Json;
import dev.jnsc.testing.Fuzz;
import dev.jnsc.testing.Fuzz.Mutation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Loading nsc.json from random and mutated files: only {@link StoreException} comes out, with a
 * clean message; loading never writes (the file keeps its bytes and nothing appears beside it);
 * and a context that loads writes bytes that load back to the same context.
 */
class ContextFuzzTest {
    private static final Path ROOT = tempRoot();
    private static int next;

    /** What the Go nsc and we write, with the fields Go keeps there that we carry along. */
    private static final List<String> STARTS = List.of(
            "{\"store_root\":\"/home/u/.local/share/nats/nsc/stores\",\"operator\":\"O\",\"account\":\"A\"}",
            "{\n  \"store_root\": \"/tmp/s\",\n  \"operator\": \"\",\n  \"account\": \"\"\n}\n",
            "{\"store_root\":\"C:\\\\nsc\\\\stores\",\"operator\":\"op \\u003e\",\"account\":\"\\u00e9\",\"last_update_check\":1700000000,"
                    + "\"github_updates\":{\"repo\":\"nats-io/nsc\"},\"list\":[1,2.5,null,true]}",
            "{}", "", "   ", "[]", "null");
    private static final List<String> TOKENS = List.of("\"store_root\":", "\"operator\":", "\"account\":", "1", "null",
            "[]", "{}", "true", "\"", ",", ":", "1e400", "-0", "\\u0000", "\\ud800", "\"\\n\"", "\ufeff", "\u0000");

    private static Path tempRoot() {
        try {
            return Files.createTempDirectory("jnsc-context-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void removeTempRoot() throws IOException {
        try (Stream<Path> all = Files.walk(ROOT)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Provide
    Arbitrary<String> starts() {
        return Arbitraries.of(STARTS);
    }

    @Provide
    Arbitrary<List<Mutation>> edits() {
        return Fuzz.mutations(6);
    }

    @Property(tries = 1500)
    void mutatedFilesLoadOrFailCleanlyWithoutWriting(@ForAll("starts") String start, @ForAll("edits") List<Mutation> edits)
            throws IOException {
        loads(Fuzz.apply(start.getBytes(StandardCharsets.UTF_8), edits,
                TOKENS.stream().map(t -> new String(t.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)).toList()));
    }

    @Property(tries = 500)
    void randomFilesLoadOrFailCleanlyWithoutWriting(@ForAll @Size(max = 200) byte[] content) throws IOException {
        loads(content);
    }

    /** The three fields, and one more, holding values of every JSON type. */
    @Property(tries = 300)
    void fieldsOfAnyTypeLoadOrFailCleanly(@ForAll("values") String root, @ForAll("values") String operator,
            @ForAll("values") String account, @ForAll("values") String other) throws IOException {
        String json = "{\"store_root\":" + root + ",\"operator\":" + operator + ",\"account\":" + account
                + ",\"other\":" + other + "}";
        loads(json.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.of("\"/s\"", "\"\"", "\"op\\n\"", "1", "-1.5", "1e300", "[]", "[\"a\"]", "{}",
                "{\"a\":1}", "null", "true");
    }

    private static void loads(byte[] content) throws IOException {
        Path dir = Files.createDirectory(ROOT.resolve("t" + next++));
        Path file = dir.resolve("nsc.json");
        Files.write(file, content);
        Fuzz.bounded(() -> {
            Context c = Fuzz.decode(() -> Context.load(file), List.of(), file.toString(), StoreException.class);
            assertArrayEquals(content, Files.readAllBytes(file), "loading leaves nsc.json as it was");
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(file), files.toList(), "loading creates no file");
            }
            if (c != null) {
                byte[] written = c.toBytes();
                Json.parse(written);
                Path again = Files.write(dir.resolve("again.json"), written);
                Context back = Context.load(again);
                assertEquals(List.of(str(c.storeRoot()), str(c.operator()), str(c.account())),
                        List.of(str(back.storeRoot()), str(back.operator()), str(back.account())), "written context loads back");
                assertArrayEquals(written, back.toBytes(), "and writes the same bytes");
            }
        });
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static String str(String s) {
        return String.valueOf(s);
    }
}
