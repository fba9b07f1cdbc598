package dev.jnsc.cli;

import dev.jnsc.ops.ContextOps;

/** select operator | account: make it current in nsc.json (prints nothing, as nsc). */
final class SelectCommands {
    private SelectCommands() {
    }

    static final class Operator extends Leaf {
        Operator(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("operator", "Set the current operator");
            s.positional("name", "1", "operator name");
        }

        @Override
        int run(Args a) {
            ContextOps.set(cli.writer(), new ContextOps.SetDefaults(null, a.positional(0), null));
            return 0;
        }
    }

    static final class Account extends Leaf {
        Account(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("account", "Set the current account");
            s.positional("name", "1", "account name");
        }

        @Override
        int run(Args a) {
            ContextOps.set(cli.writer(), new ContextOps.SetDefaults(null, null, a.positional(0)));
            return 0;
        }
    }
}
