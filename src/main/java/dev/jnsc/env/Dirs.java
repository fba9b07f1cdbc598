package dev.jnsc.env;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the config (nsc.json), the stores and the keystore live, resolved in this order:
 * global flags › NSC_HOME / NKEYS_PATH › the Go nsc's XDG folders when they already exist ›
 * ~/.nsc and ~/.nkeys. The stores folder is not final here: {@code store_root} of nsc.json
 * comes between the flag and the defaults (see {@link #storesDir(String)}).
 */
public final class Dirs {
    public static final String NSC_HOME = "NSC_HOME";
    public static final String NKEYS_PATH = "NKEYS_PATH";

    private final Environment env;
    private final Path configDir;
    private final Path dataDirFlag;
    private final Path defaultStoresDir;
    private final Path keystoreDir;

    private Dirs(Environment env, Path configDir, Path dataDirFlag, Path defaultStoresDir, Path keystoreDir) {
        this.env = env;
        this.configDir = configDir;
        this.dataDirFlag = dataDirFlag;
        this.defaultStoresDir = defaultStoresDir;
        this.keystoreDir = keystoreDir;
    }

    public static Dirs resolve(DirFlags flags, Environment env) {
        // as the Go nsc: -H/--all-dirs, when given (not empty), sets the three folders whatever the others say
        String all = flags.allDirs() == null || flags.allDirs().isEmpty() ? null : flags.allDirs();
        Path cfgFlag = pathOf(env, all != null ? all : flags.configDir());
        Path dataFlag = pathOf(env, all != null ? all : flags.dataDir());
        Path keysFlag = pathOf(env, all != null ? all : flags.keystoreDir());

        Path home = env.home();
        Path legacyHome = home.resolve(".nsc");
        Path xdgConfig = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("nats").resolve("nsc");
        Path xdgData = xdg(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve("nats").resolve("nsc");

        Path config;
        Path stores;
        if (cfgFlag != null) {
            config = cfgFlag;
        } else if (env.isSet(NSC_HOME)) {
            config = env.path(env.get(NSC_HOME));
        } else if (Files.isRegularFile(xdgConfig.resolve("nsc.json")) && !Files.exists(legacyHome.resolve("nsc.json"))) {
            config = xdgConfig;
        } else {
            config = legacyHome;
        }
        if (env.isSet(NSC_HOME)) {
            stores = env.path(env.get(NSC_HOME)).resolve("nats");
        } else if (Files.isDirectory(xdgData.resolve("stores")) && !Files.isDirectory(legacyHome.resolve("nats"))) {
            stores = xdgData.resolve("stores");
        } else {
            stores = legacyHome.resolve("nats");
        }
        Path keys;
        if (keysFlag != null) {
            keys = keysFlag;
        } else if (env.isSet(NKEYS_PATH)) {
            keys = env.path(env.get(NKEYS_PATH));
        } else if (Files.isDirectory(xdgData.resolve("keys")) && !Files.isDirectory(home.resolve(".nkeys"))) {
            keys = xdgData.resolve("keys");
        } else {
            keys = home.resolve(".nkeys");
        }
        return new Dirs(env, config, dataFlag, stores, keys);
    }

    private static Path pathOf(Environment env, String v) {
        return v == null || v.isBlank() ? null : env.path(v);
    }

    private static Path xdg(Environment env, String var, Path fallback) {
        String v = env.get(var);
        return v == null ? fallback : env.path(v);
    }

    public Environment env() {
        return env;
    }

    /** Folder of nsc.json. */
    public Path configDir() {
        return configDir;
    }

    public Path contextFile() {
        return configDir.resolve("nsc.json");
    }

    /** The stores folder: the --data-dir flag, else nsc.json's store_root, else the default. */
    public Path storesDir(String storeRootFromContext) {
        if (dataDirFlag != null) {
            return dataDirFlag;
        }
        if (storeRootFromContext != null && !storeRootFromContext.isBlank()) {
            return env.path(storeRootFromContext);
        }
        return defaultStoresDir;
    }

    public boolean storesDirFromFlag() {
        return dataDirFlag != null;
    }

    public Path keystoreDir() {
        return keystoreDir;
    }
}
