package dev.jnsc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folders of the stores folder are operators, and that a looked-up name cannot leave it. */
class StoresTest {
    @TempDir
    Path dir;

    private Path operatorWithMarker(String name) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve(".nsc"), "{}");
        return d;
    }

    private Path operatorWithJwt(String name) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve(name + ".jwt"), "x");
        return d;
    }

    @Test
    void operatorsAreFoldersWithAMarkerOrTheirJwtSorted() throws IOException {
        operatorWithJwt("zulu");
        operatorWithMarker("alpha");
        operatorWithJwt("mike");
        operatorWithMarker("bravo");
        operatorWithMarker(".hidden");
        Files.createDirectories(dir.resolve("empty"));
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("notother.jwt"), "x");
        Path markerDir = Files.createDirectories(dir.resolve("markerdir"));
        Files.createDirectories(markerDir.resolve(".nsc"));
        Path jwtDir = Files.createDirectories(dir.resolve("jwtdir"));
        Files.createDirectories(jwtDir.resolve("jwtdir.jwt"));
        Files.writeString(dir.resolve("file"), "x");

        Stores stores = new Stores(dir);
        assertEquals(dir, stores.dir());
        assertEquals(List.of("alpha", "bravo", "mike", "zulu"), stores.operatorNames());
        for (String n : List.of("alpha", "bravo", "mike", "zulu")) {
            assertTrue(stores.hasOperator(n), n);
            assertEquals(dir.resolve(n), stores.operator(n).dir());
            assertEquals(n, stores.operator(n).name());
        }
        for (String n : List.of("empty", "other", "markerdir", "jwtdir", "file", "missing")) {
            assertFalse(stores.hasOperator(n), n);
        }
    }

    @Test
    void aMissingOrFileStoresFolderHasNoOperators() throws IOException {
        assertEquals(List.of(), new Stores(dir.resolve("missing")).operatorNames());
        Files.writeString(dir.resolve("f"), "x");
        assertEquals(List.of(), new Stores(dir.resolve("f")).operatorNames());
    }

    @Test
    void aMissingOperatorIsAnErrorNamingItAndTheFolder() {
        StoreException e = assertThrows(StoreException.class, () -> new Stores(dir).operator("O"));
        assertEquals("operator \"O\" does not exist in " + dir, e.getMessage());
    }

    @Test
    void namesThatAreNoPathElementAreNoOperators() throws IOException {
        // operators that do exist, reachable through a name with a path in it
        operatorWithMarker("O");
        Path inner = Files.createDirectories(dir.resolve("stores"));
        Stores stores = new Stores(inner);
        for (String n : new String[] {"../O", "..", ".", "", "a/../../O", "..\\O", "O\0"}) {
            assertFalse(stores.hasOperator(n), n);
            assertThrows(StoreException.class, () -> stores.operator(n), n);
        }
        assertFalse(stores.hasOperator(null));
        assertTrue(new Stores(dir).hasOperator("O"));
        // the stores folder itself is an operator folder when it holds a marker: "." may still not name it
        Files.writeString(inner.resolve(".nsc"), "{}");
        assertFalse(stores.hasOperator("."));
    }

    @Test
    void anAbsolutePathOrABackslashNameIsNoOperatorEvenWhereOneIsFound() throws IOException {
        Path elsewhere = operatorWithMarker("elsewhere");
        Path inner = Files.createDirectories(dir.resolve("stores"));
        Files.createDirectories(inner.resolve("\\O"));
        Files.writeString(inner.resolve("\\O/.nsc"), "{}");
        Stores stores = new Stores(inner);
        assertFalse(stores.hasOperator(elsewhere.toString()));
        assertFalse(stores.hasOperator("\\O"));
        assertThrows(StoreException.class, () -> stores.operator(elsewhere.toString()));
        assertEquals(List.of(), stores.operatorNames().stream().filter(n -> !n.equals("\\O")).toList());
    }

    @Test
    void plannedGivesTheFolderWithoutCreatingIt() {
        OperatorStore o = new Stores(dir).planned("New");
        assertEquals(dir.resolve("New"), o.dir());
        assertEquals("New", o.name());
        assertEquals(dir.resolve("New/New.jwt"), o.operatorJwtPath());
        assertFalse(Files.exists(dir.resolve("New")));
    }

    @Test
    void entriesAreTheVisibleNamesSorted() throws IOException {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("a"), "x");
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("C"));
        assertEquals(List.of("C", "a", "b"), Stores.entries(dir));
        assertEquals(List.of(), Stores.entries(dir.resolve("missing")));
        assertEquals(List.of(), Stores.entries(dir.resolve("a")));
    }
}
