package dev.jnsc.ops;

/**
 * Told how far long work has come (pushing or pulling many accounts, exporting or importing many
 * keys), so that the command line can show it. Called from the thread doing the work.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Listens to nothing. */
    ProgressListener NONE = (what, done, total) -> {
    };

    /**
     * @param what the work, as shown: "pushing accounts"
     * @param done units done so far
     * @param total all units, or 0 or less when not known
     */
    void at(String what, int done, int total);
}
