package dev.jnsc.cli;

import dev.jnsc.jwt.UserClaims;
import dev.jnsc.ops.UserOps;
import java.util.ArrayList;
import java.util.List;

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

    /** Go's edit user -i: account, user (when not named), signing key, max payload, valid from/until, tags. */
    @Override
    void prompt(Prompter p, Args a) {
        String account = EditPrompts.account(p, a, cli, a.str("--account"), "--account");
        String name = Options.name(a);
        if (name == null) {
            name = EditPrompts.user(p, cli, account, null);
            a.set("--name", name);
        }
        dev.jnsc.store.OperatorStore op = EditPrompts.operator(cli);
        dev.jnsc.jwt.AccountClaims ac = op.account(account);
        UserClaims uc = op.user(account, name);
        List<String> sks = new ArrayList<>();
        ac.signingKeys().forEach(k -> sks.add(k.key()));
        EditPrompts.signer(p, cli, "select the key to sign the user", dev.jnsc.nkeys.KeyKind.ACCOUNT, ac.subject(), sks,
                op.operator().strictSigningKeyUsage(), uc.issuer());
        EditPrompts.number(p, a, "max payload (-1 unlimited)", "--payload", uc.permissions().payload(), true);
        EditPrompts.times(p, a, cli, uc.notBefore(), uc.expires());
        EditPrompts.tags(p, a, uc.tags());
    }

    @Override
    int run(Args a) {
        UserOps.EditUser req = new UserOps.EditUser(a.str("--account"), Options.name(a), cli.signer(),
                Options.permissions(a), Options.userLimits(a), a.list("--tag"), a.list("--rm-tag"), a.str("--start"),
                a.str("--expiry"));
        if (cli.globals.interactive && req.isEmpty()) {
            return cli.report(EditPrompts.unchanged("user \"" + Options.name(a) + "\""));
        }
        return cli.report(UserOps.edit(cli.writer(), req));
    }
}
