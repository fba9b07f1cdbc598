package dev.jnsc.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The stores folder: one folder per operator. */
public final class Stores {
    private final Path dir;

    public Stores(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Operator folders: those holding a {@code .nsc} marker or a {@code <name>.jwt}. */
    public List<String> operatorNames() {
        return subfolders(dir, true);
    }

    public boolean hasOperator(String name) {
        return Names.isPathElement(name) && isOperatorDir(dir.resolve(name));
    }

    static boolean isOperatorDir(Path d) {
        return Files.isDirectory(d) && (Files.isRegularFile(d.resolve(".nsc"))
                || Files.isRegularFile(d.resolve(d.getFileName() + ".jwt")));
    }

    /** The named operator, which must exist. */
    public OperatorStore operator(String name) {
        if (!hasOperator(name)) {
            throw new StoreException("operator \"" + name + "\" does not exist in " + dir);
        }
        return new OperatorStore(dir.resolve(name), name);
    }

    /** The folder a new operator of this name would get (nothing is created). */
    public OperatorStore planned(String name) {
        return new OperatorStore(dir.resolve(name), name);
    }

    /** The names in a folder but hidden ones, sorted, without looking at any (none when it is no folder). */
    static List<String> entries(Path parent) {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.startsWith(".")) {
                    out.add(n);
                }
            }
        } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent + ": " + e.getMessage(), e);
        }
        Collections.sort(out);
        return out;
    }

    static List<String> subfolders(Path parent, boolean operators) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.startsWith(".")) {
                    continue;
                }
                boolean ok = operators ? isOperatorDir(p) : Files.isRegularFile(p.resolve(n + ".jwt"));
                if (ok) {
                    out.add(n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent + ": " + e.getMessage(), e);
        }
        Collections.sort(out);
        return out;
    }
}
