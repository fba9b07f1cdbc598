package dev.jnsc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that does something. It declares its options in {@link #define(Spec)} with picocli's
 * programmatic API and reads them back from {@link Args} in {@link #run(Args)}.
 *
 * <p>Why not picocli's annotations: reading annotations makes the JDK generate a proxy class per
 * annotation type at run time, which class-data sharing cannot archive; on a cold JVM that alone
 * cost more than the rest of a describe command. See docs/performance.md.
 */
abstract class Leaf implements Callable<Integer> {
    final Cli cli;
    private CommandSpec spec;

    Leaf(Cli cli) {
        this.cli = cli;
    }

    /** Name, description, options and parameters of this command. */
    abstract void define(Spec s);

    abstract int run(Args a) throws Exception;

    /**
     * With -i/--interactive: asks for what the command needs, before anything is loaded for
     * writing, and puts the answers into {@code a} ({@link Args#set}) so that {@link #run} reads
     * flags and answers alike. Flags given are the defaults shown. A command that does not override
     * this refuses -i.
     */
    void prompt(Prompter p, Args a) {
        throw new UsageException("-i/--interactive: " + spec.qualifiedName(" ") + " does not prompt; give the values as flags"
                + " (see --help)");
    }

    final CommandSpec spec() {
        if (spec == null) {
            spec = CommandSpec.wrapWithoutInspection(this).interpolateVariables(false);
            spec.versionProvider(VersionProvider.INSTANCE);
            define(new Spec(spec));
        }
        return spec;
    }

    @Override
    public final Integer call() throws Exception {
        Prompter prompter = cli.globals.interactive ? cli.prompter() : null;
        if (!(this instanceof KeyTransferCommands.Migrate)) {
            // as the Go nsc: nothing runs on a keystore of nsc before 2.0 but keys migrate (a
            // batch looks once it holds the keystore's lock, see BatchSession.keystoreKnownCurrent)
            java.nio.file.Path keystore = cli.workspace().keystore().root();
            if (cli.batch == null || !cli.batch.keystoreKnownCurrent(keystore)) {
                dev.jnsc.ops.KeystoreMigration.refuseOld(cli.workspace());
                if (cli.batch != null) {
                    cli.batch.keystoreFoundCurrent(keystore);
                }
            }
        }
        Args args = new Args(spec.commandLine().getParseResult());
        if (prompter != null) {
            // the Go nsc's order: defaults (the flags) → questions → load → validate → run
            prompt(prompter, args);
        }
        JsonResult json = JsonResult.requested(spec, cli);
        return json == null ? run(args) : json.run(() -> run(args));
    }
}
