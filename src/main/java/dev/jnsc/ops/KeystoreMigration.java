package dev.jnsc.ops;

import dev.jnsc.fs.Disk;
import dev.jnsc.fs.FileChanges;
import dev.jnsc.keystore.Keystore;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.nkeys.NKeyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * keys migrate: the keystore of nsc before 2.0 kept seeds and creds beside the operator's folders
 * ({@code <Op>/<Op>.nk}, {@code <Op>/accounts/<A>/<A>.nk}, {@code <Op>/accounts/<A>/users/<U>.nk}
 * and {@code .../users/<U>.creds}). As the Go nsc does, a new keystore ({@code keys/<K>/<XX>/<KEY>.nk},
 * {@code creds/<Op>/<A>/<U>.creds}) is built beside the old one, which is then renamed to
 * {@code <keystore>_<id>} and kept; the new one takes its name. Nothing in the old one changes.
 */
public final class KeystoreMigration {
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private KeystoreMigration() {
    }

    /** What happened: {@code old} is where the old keystore went, or null when nothing needed migrating. */
    public record Result(Path keystore, Path old) {
    }

    /** True when a seed or creds file lies outside the keystore's {@code keys} and {@code creds} folders. */
    public static boolean needed(Path root) {
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.anyMatch(p -> old(root, p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keystore " + root + ": " + e.getMessage(), e);
        }
    }

    private static boolean old(Path root, Path p) {
        Path rel = root.relativize(p);
        String first = rel.getNameCount() > 0 ? rel.getName(0).toString() : "";
        if (rel.getNameCount() > 1 && (first.equals("keys") || first.equals("creds"))) {
            return false;
        }
        String n = p.getFileName().toString();
        return (n.endsWith(".nk") || n.endsWith(".creds")) && Files.isRegularFile(p);
    }

    /**
     * Refuses to work on a keystore that needs migrating, as the Go nsc does before every command
     * but {@code keys migrate}. Cheap on a current keystore: one listing of its top folder (plus
     * any folder beside {@code keys} and {@code creds} that is not an operator folder, found with -H).
     */
    public static void refuseOld(Workspace ws) {
        Path root = ws.keystore().root();
        if (Files.isDirectory(root) && holdsOld(root, true)) {
            throw new OpsException("the keystore `" + ws.env().display(root) + "` needs migration - type `nsc keys"
                    + " migrate` to update");
        }
    }

    private static boolean holdsOld(Path dir, boolean top) {
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    boolean skip = (top && (n.equals("keys") || n.equals("creds"))) || Files.exists(p.resolve(".nsc"));
                    if (!skip && holdsOld(p, false)) {
                        return true;
                    }
                } else if (n.endsWith(".nk") || n.endsWith(".creds")) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false; // unreadable: the command itself will say so where it matters
        }
        return false;
    }

    public static Result migrate(Workspace ws) {
        Path root = ws.keystore().root().toAbsolutePath().normalize();
        if (!needed(root)) {
            return new Result(root, null);
        }
        String id = id();
        Path fresh = root.resolveSibling(id);
        Path old = root.resolveSibling(root.getFileName() + "_" + id);
        List<Path> made = new ArrayList<>();
        FileChanges changes = new FileChanges();
        try {
            Disk.makeDirs(fresh.resolve("keys"), made);
            Disk.makeDirs(fresh.resolve("creds"), made);
            stage(root, new Keystore(fresh, !ws.env().isSet("NSC_NO_GIT_IGNORE")), changes);
            changes.commit();
        } catch (IOException e) {
            removeTree(fresh);
            throw new OpsException("cannot create the new keystore " + fresh + ": " + e.getMessage());
        } catch (RuntimeException e) {
            removeTree(fresh);
            throw e;
        }
        try {
            Files.move(root, old);
        } catch (IOException e) {
            removeTree(fresh);
            throw new OpsException("cannot rename the keystore " + root + " to " + old + ": " + e.getMessage());
        }
        try {
            Files.move(fresh, root);
        } catch (IOException e) {
            try {
                Files.move(old, root);
            } catch (IOException again) {
                throw new OpsException("cannot rename the new keystore " + fresh + " to " + root + " (" + e.getMessage()
                        + ") nor the old one back from " + old + " (" + again.getMessage() + "): rename them by hand");
            }
            removeTree(fresh);
            throw new OpsException("cannot rename the new keystore " + fresh + " to " + root + ": " + e.getMessage());
        }
        ws.recordMoved(changes.changes(), fresh, root);
        return new Result(root, old);
    }

    /** Stages every seed and creds file of the old keystore in the new one; refuses what it cannot place. */
    private static void stage(Path root, Keystore to, FileChanges changes) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        files.sort(Comparator.comparing(Path::toString));
        for (Path p : files) {
            String n = p.getFileName().toString();
            if (n.endsWith(".nk")) {
                NKey key = seed(p);
                try {
                    to.stage(changes, key);
                } finally {
                    key.clear();
                }
            } else if (n.endsWith(".creds")) {
                Path rel = root.relativize(p);
                int len = rel.getNameCount();
                byte[] content = Files.readAllBytes(p);
                if (len == 4 && rel.getName(0).toString().equals("creds")) {
                    to.stageCreds(changes, rel.getName(1).toString(), rel.getName(2).toString(), strip(rel.getName(3)), content);
                } else if (len == 5) {
                    // <op>/accounts/<account>/users/<user>.creds
                    to.stageCreds(changes, rel.getName(0).toString(), rel.getName(2).toString(), strip(rel.getName(4)), content);
                } else {
                    throw new OpsException("unexpected creds filepath len of " + len + ": `" + rel + "` (expected"
                            + " <operator>/accounts/<account>/users/<user>.creds)");
                }
            }
        }
    }

    private static String strip(Path credsName) {
        String n = credsName.toString();
        return n.substring(0, n.length() - ".creds".length());
    }

    private static NKey seed(Path p) throws IOException {
        byte[] data = Files.readAllBytes(p);
        int s = 0;
        int e = data.length;
        while (s < e && Character.isWhitespace(data[s])) {
            s++;
        }
        while (e > s && Character.isWhitespace(data[e - 1])) {
            e--;
        }
        char[] seed = new char[e - s];
        for (int i = s; i < e; i++) {
            seed[i - s] = (char) (data[i] & 0xFF);
        }
        Arrays.fill(data, (byte) 0);
        try {
            return NKey.fromSeed(seed);
        } catch (NKeyException ex) {
            throw new OpsException("error processing `" + p + "`: " + ex.getMessage() + " - nothing was migrated");
        } finally {
            Arrays.fill(seed, '\0');
        }
    }

    /** 22 random letters and digits, like the NUID the Go nsc names the folders with. */
    private static String id() {
        SecureRandom r = new SecureRandom();
        char[] c = new char[22];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[r.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }

    private static void removeTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a half-built new keystore beside the old one is harmless; the old one is untouched
        }
    }
}
