package dev.jnsc.cli;

import dev.jnsc.ops.AccountOps;

final class EditAccountCommand extends Leaf {
    EditAccountCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("account", "Edit an account: limits, JetStream, default permissions, signing keys, info");
        Options.name(s, "account");
        Options.times(s);
        Options.tags(s);
        Options.accountLimits(s);
        Options.permissions(s);
        Options.permissionEdits(s);
        s.list("key", "add signing keys: a public key, a seed file, or 'generate'", "--sk");
        s.list("key", "remove signing keys", "--rm-sk");
        s.value("subject", "sets the subject where w3c trace context information is sent. Set to \"\" to disable",
                "--trace-context-subject");
        s.value("rate", "set the trace context sampling rate (1-100) - 0 default is 100", "--trace-context-sampling");
    }

    /** Go's edit account -i: see {@link EditAccountPrompts}. */
    @Override
    void prompt(Prompter p, Args a) {
        EditAccountPrompts.ask(p, a, cli);
    }

    @Override
    int run(Args a) {
        AccountOps.EditAccount req = new AccountOps.EditAccount(Options.name(a), cli.signer(),
                Options.accountLimits(a), Options.permissions(a), a.list("--sk"), a.list("--rm-sk"), a.list("--tag"),
                a.list("--rm-tag"), a.str("--start"), a.str("--expiry"),
                new dev.jnsc.ops.TraceEdits(a.str("--trace-context-subject"), a.str("--trace-context-sampling")));
        if (cli.globals.interactive && req.isEmpty()) {
            return cli.report(EditPrompts.unchanged("account \"" + req.name() + "\""));
        }
        return cli.report(AccountOps.edit(cli.writer(), req));
    }
}
