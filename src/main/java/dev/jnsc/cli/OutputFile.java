package dev.jnsc.cli;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.ops.OpsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** -o/--output-file targets: "--" or absent means stdout; an existing file is never overwritten. */
final class OutputFile {
    private OutputFile() {
    }

    static boolean isStdout(String file) {
        return file == null || file.isEmpty() || file.equals("--");
    }

    /** Writes a new 0600 file; fails, writing nothing, when it exists. Returns the path written. */
    static Path writeNew(Cli cli, String file, byte[] content) {
        Path p = cli.env.path(file);
        if (Files.exists(p)) {
            throw new OpsException("output file " + p + " already exists - remove it or choose another name");
        }
        if (p.getParent() != null && !Files.isDirectory(p.getParent())) {
            throw new OpsException("cannot write " + p + ": folder " + p.getParent() + " does not exist");
        }
        new FileChanges().create(p, content).commit();
        return p;
    }
}
