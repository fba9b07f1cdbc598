package dev.jnsc.cli;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.ops.OpsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** -o/--output-file targets: "--" or absent means stdout; an existing file is replaced. */
final class OutputFile {
    private OutputFile() {
    }

    static boolean isStdout(String file) {
        return file == null || file.isEmpty() || file.equals("--");
    }

    /**
     * Fails, writing nothing, when {@code file} cannot be an output file: a folder, or in a folder
     * that does not exist.
     */
    static Path checkWritable(Cli cli, String file) {
        Path p = cli.env.path(file);
        if (Files.isDirectory(p)) {
            throw new OpsException("cannot write " + p + ": it is a folder");
        }
        if (p.getParent() != null && !Files.isDirectory(p.getParent())) {
            throw new OpsException("cannot write " + p + ": folder " + p.getParent() + " does not exist");
        }
        return p;
    }

    /**
     * Writes the file atomically, 0600, replacing one that exists (as the Go nsc does: scripts
     * write creds and tokens again on every run). Returns the path written.
     */
    static Path write(Cli cli, String file, byte[] content) {
        Path p = checkWritable(cli, file);
        cli.workspace().commitOutside(new FileChanges().write(p, content));
        return p;
    }

    /**
     * Writes a file that must not exist yet (generate profile -o, as the Go nsc refuses to replace
     * one), atomically and 0600. Returns the path written.
     */
    static Path writeNew(Cli cli, String file, byte[] content) {
        Path p = checkWritable(cli, file);
        if (Files.exists(p)) {
            throw new OpsException("output file " + p + " already exists - remove it or choose another name");
        }
        cli.workspace().commitOutside(new FileChanges().create(p, content));
        return p;
    }
}
