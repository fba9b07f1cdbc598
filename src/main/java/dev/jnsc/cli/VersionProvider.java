package dev.jnsc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar. */
final class VersionProvider implements IVersionProvider {
    static final VersionProvider INSTANCE = new VersionProvider();

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/jnsc/version.txt")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"nsc version " + version() + " (jnsc)"};
    }
}
