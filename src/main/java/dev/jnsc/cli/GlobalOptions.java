package dev.jnsc.cli;

import dev.jnsc.env.DirFlags;

/** Values of the global options, filled by picocli from any level of the command line. */
final class GlobalOptions {
    static final int CONFIG_DIR = 0;
    static final int DATA_DIR = 1;
    static final int KEYSTORE_DIR = 2;
    static final int ALL_DIRS = 3;
    static final int PRIVATE_KEY = 4;
    static final int INTERACTIVE = 5;
    static final int VERBOSE = 6;
    static final int LOCK_TIMEOUT = 7;
    /** How long a writing command waits for another to finish, unless --lock-timeout says otherwise. */
    static final java.time.Duration DEFAULT_LOCK_TIMEOUT = java.time.Duration.ofSeconds(30);

    String configDir;
    String dataDir;
    String keystoreDir;
    String allDirs;
    String privateKey;
    boolean interactive;
    boolean verbose;
    String lockTimeout;

    /** As before any option was given (for the next line of a batch). */
    void clear() {
        configDir = null;
        dataDir = null;
        keystoreDir = null;
        allDirs = null;
        privateKey = null;
        interactive = false;
        verbose = false;
        lockTimeout = null;
    }

    /** Sets one option by its id (no lambdas: they cost start-up time to link). */
    void set(int field, Object v) {
        switch (field) {
            case CONFIG_DIR:
                configDir = (String) v;
                break;
            case DATA_DIR:
                dataDir = (String) v;
                break;
            case KEYSTORE_DIR:
                keystoreDir = (String) v;
                break;
            case ALL_DIRS:
                allDirs = (String) v;
                break;
            case PRIVATE_KEY:
                privateKey = (String) v;
                break;
            case INTERACTIVE:
                interactive = (Boolean) v;
                break;
            case LOCK_TIMEOUT:
                lockTimeout = (String) v;
                break;
            default:
                verbose = (Boolean) v;
        }
    }

    /** --lock-timeout: seconds, or a Go duration such as 500ms or 2m; 0 means do not wait. */
    java.time.Duration lockTimeout() {
        if (lockTimeout == null) {
            return DEFAULT_LOCK_TIMEOUT;
        }
        String v = lockTimeout.trim();
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            try {
                return java.time.Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw new UsageException("--lock-timeout \"" + lockTimeout + "\" is too long");
            }
        }
        try {
            return java.time.Duration.ofNanos(dev.jnsc.ops.Durations.parseNanos("--lock-timeout", lockTimeout));
        } catch (dev.jnsc.ops.OpsException e) {
            throw new UsageException(e.getMessage() + " (or a number of seconds)");
        }
    }

    DirFlags dirFlags() {
        return new DirFlags(configDir, dataDir, keystoreDir, allDirs);
    }
}
