package dev.jnsc.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The recovery from a batch journal ({@link BatchJournal}'s format) that a crash or a failed
 * batch left behind: an open group is undone record by record, newest first; a committed one
 * is finished (its kept contents removed). Then the journal goes.
 */
final class BatchRecovery {
    private BatchRecovery() {
    }

    /**
     * Undoes the open group of an interrupted batch (or finishes a committed one) when the folder
     * holds a batch journal; returns what was done, in words, or null when there was nothing.
     * The caller must hold the store lock.
     */
    static String recover(Path dir, Consumer<String> syncs) {
        Path j = dir.toAbsolutePath().normalize().resolve(BatchJournal.FILE);
        try {
            if (!Files.exists(j, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            String text = new String(Files.readAllBytes(j), StandardCharsets.UTF_8);
            // the records end at the first zero byte: the file is written ahead with zeros
            int zero = text.indexOf('\0');
            if (zero >= 0) {
                text = text.substring(0, zero);
            }
            int nl = text.indexOf('\n');
            if (nl < 0) {
                if (!(BatchJournal.MAGIC + "\n").startsWith(text)) {
                    throw damaged(j, "it is not a batch journal");
                }
                Files.delete(j); // cut short before its first record: nothing was changed
                Disk.syncDir(j.getParent(), syncs);
                return null;
            }
            if (!text.substring(0, nl).equals(BatchJournal.MAGIC)) {
                throw damaged(j, "it is not a batch journal");
            }
            List<List<String[]>> records = new ArrayList<>();
            List<String[]> current = new ArrayList<>();
            boolean committed = false;
            String[] lines = text.substring(nl + 1).split("\n", -1);
            // the last element is what follows the last newline: a line cut short, or ""
            for (int i = 0; i < lines.length - 1; i++) {
                String l = lines[i];
                if (l.equals("end")) {
                    records.add(current);
                    current = new ArrayList<>();
                } else if (l.equals("committed")) {
                    committed = true;
                } else {
                    String[] parts = l.split(" ", -1);
                    if (parts.length < 2 || parts.length > 3) {
                        throw damaged(j, "a line it cannot read");
                    }
                    current.add(parts);
                }
            }
            Set<Path> dirty = new LinkedHashSet<>();
            String done;
            if (committed) {
                List<Path> folders = new ArrayList<>();
                for (List<String[]> r : records) {
                    for (String[] a : r) {
                        if (a[0].equals("file")) {
                            Files.deleteIfExists(Journal.decode(a[2]));
                        } else if (a[0].equals("undo-folder")) {
                            folders.add(Journal.decode(a[1]));
                        } else if (a[0].equals("temp")) {
                            Files.deleteIfExists(Journal.decode(a[1]));
                        }
                    }
                }
                for (Path f : folders) {
                    Disk.rmdirIfEmpty(f);
                }
                done = "finished the commit of an interrupted nsc batch";
            } else {
                int files = 0;
                for (int r = records.size() - 1; r >= 0; r--) {
                    List<String[]> rec = records.get(r);
                    for (int i = rec.size() - 1; i >= 0; i--) {
                        files += undo(j, rec.get(i), dirty);
                    }
                }
                int n = records.size();
                done = "undid the last " + (n == 1 ? "command" : n + " commands") + " of an interrupted nsc batch, which "
                        + (n == 1 ? "was" : "were") + " not committed yet (" + (files == 1 ? "1 file" : files + " files") + ")";
            }
            for (Path d : dirty) {
                if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                    Disk.syncDir(d, syncs);
                }
            }
            Files.delete(j);
            Disk.syncDir(j.getParent(), syncs);
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover from the interrupted nsc batch recorded in " + j + ": "
                    + Disk.reason(e), e);
        }
    }

    /** Puts one path back as it was before the group; returns 1 for a file, 0 otherwise. */
    private static int undo(Path j, String[] a, Set<Path> dirty) throws IOException {
        Path p = Journal.decode(a[1]);
        if (p.getParent() != null) {
            dirty.add(p.getParent());
        }
        switch (a[0]) {
            case "temp":
                Files.deleteIfExists(p);
                return 0;
            case "mkdir":
            case "undo-folder":
                Disk.rmdirIfEmpty(p);
                return 0;
            case "folder":
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Disk.mkdir(p);
                }
                return 0;
            case "absent":
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Disk.rmdirIfEmpty(p);
                } else {
                    Files.deleteIfExists(p);
                }
                return 1;
            case "file":
                if (a.length != 3) {
                    throw damaged(j, "a line it cannot read");
                }
                Path keep = Journal.decode(a[2]);
                if (Files.exists(keep, LinkOption.NOFOLLOW_LINKS)) {
                    Journal.move(keep, p);
                    // a rename between two links of one file does nothing: the kept link stays then
                    Files.deleteIfExists(keep);
                }
                // else the crash came before the content was kept, so before the file changed
                return 1;
            default:
                throw damaged(j, "a line it cannot read");
        }
    }

    private static IOException damaged(Path j, String what) {
        return new IOException("the batch journal is damaged (" + what + "); check the store, then remove " + j);
    }
}
