package dev.jnsc.env;

/** The global directory flags as given on the command line (null when absent). */
public record DirFlags(String configDir, String dataDir, String keystoreDir, String allDirs) {
    public static final DirFlags NONE = new DirFlags(null, null, null, null);
}
