package dev.jnsc.fs;

import java.nio.file.Path;

/**
 * One planned change of a {@link FileChanges} commit, with what the commit learns of it on the
 * way: what was there before (kept for a rollback), its temp file, and whether it was applied.
 */
final class Step {
    final Path path;
    final byte[] content; // null = delete
    final boolean mustBeNew;
    Path temp;
    byte[] previous;
    boolean existed;
    boolean wasDir;
    boolean applied;
    int rank;

    Step(Path path, byte[] content, boolean mustBeNew) {
        this.path = path;
        this.content = content;
        this.mustBeNew = mustBeNew;
    }

    boolean isWrite() {
        return content != null;
    }
}
