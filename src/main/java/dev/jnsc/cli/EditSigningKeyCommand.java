package dev.jnsc.cli;

import dev.jnsc.ops.AccountOps;

final class EditSigningKeyCommand extends Leaf {
    EditSigningKeyCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("signing-key", "Make an account signing key scoped and edit the permissions its users get");
        Options.account(s);
        s.value("key", "the account signing key (public key or seed file)", "--sk");
        s.value("name", "role name; -K <role> then signs users with this key", "--role");
        s.value("text", "description of the scope", "--description");
        Options.permissions(s);
        Options.permissionEdits(s);
        Options.userLimits(s);
    }

    /** The Go nsc's -i asks nothing here (its PreInteractive and PostInteractive are empty): the flags say all. */
    @Override
    void prompt(Prompter p, Args a) {
        // nothing to ask, as the Go nsc
    }

    @Override
    int run(Args a) {
        return cli.report(AccountOps.editSigningKey(cli.writer(), new AccountOps.EditSigningKey(a.str("--account"),
                a.str("--sk"), a.str("--role"), a.str("--description"), cli.signer(), Options.permissions(a),
                Options.userLimits(a))));
    }
}
