package dev.jnsc.fs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The intent journal that makes a commit of several files all-or-nothing across a crash. Before
 * a commit creates anything it records, as "prepared", the folders it will make and the temp file
 * of every write; once every temp file is on disk it records the same list as "committed" (the
 * commit point), then renames and deletes, and removes the journal. The next command that takes
 * the store lock calls {@link #recover}: a prepared journal is undone (temp files and new folders
 * removed), a committed one is finished (remaining renames and deletes done). Each state is
 * written atomically, so the journal is always one or the other.
 *
 * <p>Format: UTF-8 lines; {@code jnsc journal 1}, the state, then {@code mkdir <dir>},
 * {@code write <target> <temp>} and {@code delete <path>} in the order they are applied, then
 * {@code end}. Paths are absolute, with '%', spaces, control and non-ASCII bytes percent-encoded.
 */
public final class Journal {
    /** The journal's name in the folder it guards (the stores folder). */
    public static final String FILE = ".jnsc.journal";
    private static final String MAGIC = "jnsc journal 1";
    private static final String PREPARED = "prepared";
    private static final String COMMITTED = "committed";

    enum Kind { MKDIR, WRITE, DELETE }

    record Action(Kind kind, Path target, Path temp) {
    }

    private final Path file;
    private final Consumer<String> syncs;

    /** A journal in {@code dir}; its syncs are told to {@code syncs}. */
    Journal(Path dir, Consumer<String> syncs) {
        this.file = dir.resolve(FILE);
        this.syncs = syncs;
    }

    Path file() {
        return file;
    }

    /** Records the actions in the given state, replacing the previous state atomically and durably. */
    void write(boolean committed, List<Action> actions) throws IOException {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n').append(committed ? COMMITTED : PREPARED).append('\n');
        for (Action a : actions) {
            sb.append(a.kind().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(encode(a.target()));
            if (a.temp() != null) {
                sb.append(' ').append(encode(a.temp()));
            }
            sb.append('\n');
        }
        sb.append("end\n");
        Path tmp = tmpFile();
        Files.deleteIfExists(tmp);
        Disk.writeNew(tmp, sb.toString().getBytes(StandardCharsets.UTF_8), true, syncs);
        move(tmp, file);
        Disk.syncDir(file.getParent(), syncs);
    }

    /**
     * Removes the journal once its actions are done. No folder sync: if the removal is lost, the
     * next command finds a committed journal whose actions are all done already, and finishing
     * them again changes nothing.
     */
    void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    void deleteQuietly() {
        try {
            delete();
        } catch (IOException ignored) {
            // the next command undoes or finishes what the journal says
        }
    }

    private Path tmpFile() {
        return file.resolveSibling(FILE + ".tmp");
    }

    /**
     * Undoes (prepared) or finishes (committed) the commit of an interrupted command, if the
     * folder holds a journal; returns what was done, in words, or null when there was nothing to do.
     * The caller must hold the store lock.
     */
    public static String recover(Path dir) {
        return recover(dir, Disk.UNTOLD);
    }

    /** As {@link #recover(Path)}, its syncs told to {@code syncs}. */
    static String recover(Path dir, Consumer<String> syncs) {
        Journal j = new Journal(dir, syncs);
        try {
            Files.deleteIfExists(j.tmpFile());
            if (!Files.exists(j.file, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            byte[] data = Files.readAllBytes(j.file);
            List<String> lines = List.of(new String(data, StandardCharsets.UTF_8).split("\n", -1));
            if (lines.size() < 4 || !lines.get(0).equals(MAGIC) || !lines.get(lines.size() - 2).equals("end")
                    || !lines.get(lines.size() - 1).isEmpty()) {
                throw damaged("it is incomplete or not a journal");
            }
            String state = lines.get(1);
            List<Action> actions = new ArrayList<>();
            for (String line : lines.subList(2, lines.size() - 2)) {
                actions.add(parse(line));
            }
            String done;
            if (state.equals(PREPARED)) {
                undo(actions);
                done = "undid the unfinished changes of an interrupted nsc command (" + count(actions) + ")";
            } else if (state.equals(COMMITTED)) {
                finish(actions, syncs);
                done = "finished the changes of an interrupted nsc command (" + count(actions) + ")";
            } else {
                throw damaged("unknown state \"" + state + "\"");
            }
            j.delete();
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover from the interrupted nsc command recorded in " + j.file
                    + ": " + Disk.reason(e), e);
        }
    }

    private static String count(List<Action> actions) {
        int n = 0;
        for (Action a : actions) {
            if (a.kind() != Kind.MKDIR) {
                n++;
            }
        }
        return n == 1 ? "1 file" : n + " files";
    }

    /** Before the commit point: nothing was renamed or deleted, so removing what was made is enough. */
    private static void undo(List<Action> actions) throws IOException {
        for (Action a : actions) {
            if (a.kind() == Kind.WRITE) {
                Files.deleteIfExists(a.temp());
            }
        }
        for (int i = actions.size() - 1; i >= 0; i--) {
            if (actions.get(i).kind() == Kind.MKDIR) {
                Disk.rmdirIfEmpty(actions.get(i).target());
            }
        }
    }

    /** After the commit point: do what is left; a temp file that is gone was renamed already. */
    static void finish(List<Action> actions, Consumer<String> syncs) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Action a : actions) {
            if (a.kind() == Kind.WRITE) {
                if (Files.exists(a.temp(), LinkOption.NOFOLLOW_LINKS)) {
                    move(a.temp(), a.target());
                }
                dirs.add(a.target().getParent());
            } else if (a.kind() == Kind.DELETE) {
                if (Files.isDirectory(a.target(), LinkOption.NOFOLLOW_LINKS)) {
                    Disk.rmdirIfEmpty(a.target());
                } else {
                    Files.deleteIfExists(a.target());
                }
                dirs.add(a.target().getParent());
            }
        }
        for (Path d : dirs) {
            Disk.syncDir(d, syncs);
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static IOException damaged(String what) {
        return new IOException("the journal is damaged (" + what + "); check the store, then remove the journal");
    }

    private static Action parse(String line) throws IOException {
        String[] parts = line.split(" ", -1);
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.name().toLowerCase(java.util.Locale.ROOT).equals(parts[0])) {
                kind = k;
            }
        }
        int want = kind == Kind.WRITE ? 3 : 2;
        if (kind == null || parts.length != want) {
            throw damaged("a line it cannot read");
        }
        return new Action(kind, decode(parts[1]), want == 3 ? decode(parts[2]) : null);
    }

    static String encode(Path p) {
        byte[] b = p.toString().getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(b.length);
        for (byte x : b) {
            int c = x & 0xFF;
            if (c <= 0x20 || c >= 0x7F || c == '%') {
                sb.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    static Path decode(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw damaged("a path it cannot read");
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(c);
            }
        }
        if (out.size() == 0) {
            throw damaged("an empty path");
        }
        return Path.of(out.toString(StandardCharsets.UTF_8));
    }
}
