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

    String configDir;
    String dataDir;
    String keystoreDir;
    String allDirs;
    String privateKey;
    boolean interactive;
    boolean verbose;

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
            default:
                verbose = (Boolean) v;
        }
    }

    DirFlags dirFlags() {
        return new DirFlags(configDir, dataDir, keystoreDir, allDirs);
    }
}
