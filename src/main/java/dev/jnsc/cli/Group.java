package dev.jnsc.cli;

import picocli.CommandLine.Model.CommandSpec;

/** A command that only groups subcommands: run alone, it prints its help. */
final class Group implements Runnable {
    private final CommandSpec spec;

    Group(String name, String description) {
        spec = CommandSpec.wrapWithoutInspection(this).interpolateVariables(false).name(name);
        spec.versionProvider(VersionProvider.INSTANCE);
        spec.usageMessage().description(description);
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
