package dev.jnsc.cli;

import dev.jnsc.ops.AuthCalloutOps;

/** edit authcallout, as the Go nsc's (cmd/editauthorization.go). */
final class EditAuthCalloutCommand extends Leaf {
    EditAuthCalloutCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("authcallout", "Edit an account authorization callout");
        s.positional("account", "0..1", "account to edit (default: the current account)");
        Options.account(s);
        s.list("key", "adds a user public key that bypasses the authorization callout and is used by the"
                + " authorization service itself", "--auth-user");
        s.list("key", "adds an account public key that the authorization service can bind authorized users to"
                + " (specify '*' to allow any account that the service can generate users for)", "--allowed-account");
        s.list("key", "removes a user public key that bypasses the authorization callout and is used by the"
                + " authorization service itself", "--rm-auth-user");
        s.list("key", "removes an account public key or the '*' wildcard that the authorization service can bind"
                + " authorized users to", "--rm-allowed-account");
        s.value("key", "curve key or keypath or the value \"generate\" to generate a curve encryption target key on"
                + " the fly", "-x", "--curve");
        s.flag("remove curve encryption target", "--rm-curve");
        s.flag("disable external authorization", "--disable");
    }

    /** The Go nsc's -i asks nothing here (its PreInteractive and PostInteractive are empty): the flags say all. */
    @Override
    void prompt(Prompter p, Args a) {
        // nothing to ask, as the Go nsc
    }

    @Override
    int run(Args a) {
        String positional = a.positional(0);
        String flag = a.str("--account");
        if (positional != null && flag != null && !positional.equals(flag)) {
            throw new UsageException("the account is given twice: \"" + positional + "\" and -a \"" + flag + "\"");
        }
        return cli.report(AuthCalloutOps.edit(cli.writer(), new AuthCalloutOps.Edit(flag != null ? flag : positional,
                cli.signer(), a.list("--auth-user"), a.list("--rm-auth-user"), a.list("--allowed-account"),
                a.list("--rm-allowed-account"), a.str("--curve"), a.flag("--rm-curve"), a.flag("--disable"))));
    }
}
