package dev.jnsc.cli;

import dev.jnsc.ops.UserOps;

final class EditUserCommand extends Leaf {
    EditUserCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("user", "Edit a user: permissions, tags, validity; re-signs it and rewrites its creds");
        Options.name(s, "user");
        Options.account(s);
        Options.times(s);
        Options.tags(s);
        Options.permissions(s);
        Options.permissionEdits(s);
        Options.userLimits(s);
    }

    @Override
    int run(Args a) {
        return cli.report(UserOps.edit(cli.writer(), new UserOps.EditUser(a.str("--account"), Options.name(a),
                cli.signer(), Options.permissions(a), Options.userLimits(a), a.list("--tag"), a.list("--rm-tag"), a.str("--start"),
                a.str("--expiry"))));
    }
}
