package dev.jnsc.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/** nsc itself: the global options, inherited by every subcommand so they work before or after it. */
final class Root implements Runnable {
    private final CommandSpec spec;

    Root(Cli cli) {
        spec = CommandSpec.wrapWithoutInspection(this).interpolateVariables(false).name("nsc");
        spec.usageMessage().description("nsc creates NATS operators, accounts and users, and manages their permissions.");
        addGlobals(spec, cli, ScopeType.INHERIT);
    }

    CommandSpec spec() {
        return spec;
    }

    /**
     * The global options, on the root (inherited by every subcommand) or straight on a command that
     * runs alone (see {@link CommandFactory}).
     */
    static void addGlobals(CommandSpec spec, Cli cli, ScopeType scope) {
        spec.versionProvider(VersionProvider.INSTANCE);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class).arity("0")
                .scopeType(scope).description("show this help").build());
        // update has a --version of its own (the version to install), as in the Go nsc: there -v alone shows ours
        String[] version = spec.findOption("--version") != null ? new String[] {"-v"} : new String[] {"-v", "--version"};
        spec.addOption(OptionSpec.builder(version).versionHelp(true).type(boolean.class).arity("0")
                .scopeType(scope).description("show the version").build());
        GlobalOptions g = cli.globals;
        global(spec, scope, "dir", "nsc config directory (holds nsc.json)", g, GlobalOptions.CONFIG_DIR, "--config-dir");
        global(spec, scope, "dir", "stores directory (holds the operator folders)", g, GlobalOptions.DATA_DIR,
                "--data-dir");
        global(spec, scope, "dir", "keystore directory", g, GlobalOptions.KEYSTORE_DIR, "--keystore-dir");
        global(spec, scope, "dir", "sets --config-dir, --data-dir and --keystore-dir to one directory", g,
                GlobalOptions.ALL_DIRS, "-H", "--all-dirs");
        global(spec, scope, "key", "signing key: a seed, a stored public key, a seed file or a scoped role", g,
                GlobalOptions.PRIVATE_KEY, "-K", "--private-key");
        global(spec, scope, "duration", "how long a command that writes waits for another to finish (default 30s)", g,
                GlobalOptions.LOCK_TIMEOUT, "--lock-timeout");
        globalFlag(spec, scope, "ask for the values at the terminal, the flags given as defaults (commands that do not prompt refuse it)", g, GlobalOptions.INTERACTIVE, "-i", "--interactive");
        globalFlag(spec, scope, "print stack traces of errors", g, GlobalOptions.VERBOSE, "--verbose");
    }

    private static void global(CommandSpec spec, ScopeType scope, String label, String help, GlobalOptions g, int field,
            String... names) {
        Binding b = new Binding(g, field);
        spec.addOption(OptionSpec.builder(names).type(String.class).paramLabel("<" + label + ">").description(help)
                .scopeType(scope).getter(b).setter(b).build());
    }

    private static void globalFlag(CommandSpec spec, ScopeType scope, String help, GlobalOptions g, int field,
            String... names) {
        Binding b = new Binding(g, field);
        spec.addOption(OptionSpec.builder(names).type(boolean.class).arity("0").description(help)
                .scopeType(scope).getter(b).setter(b).build());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Stores a global option's value wherever on the command line it was given. */
    private static final class Binding implements IGetter, ISetter {
        private final GlobalOptions target;
        private final int field;
        private Object value;

        Binding(GlobalOptions target, int field) {
            this.target = target;
            this.field = field;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T v) {
            T old = (T) value;
            value = v;
            if (v != null) {
                target.set(field, v);
            }
            return old;
        }
    }
}
