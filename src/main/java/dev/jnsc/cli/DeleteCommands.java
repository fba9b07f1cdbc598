package dev.jnsc.cli;

import dev.jnsc.ops.DeleteOps;
import java.util.ArrayList;
import java.util.List;

/** delete user | account. */
final class DeleteCommands {
    private DeleteCommands() {
    }

    /** Go's last question before a delete: no (the default) cancels it, exit 1, nothing changed. */
    static void continueOrCancel(Prompter p, String question) {
        if (!p.confirm(question, false)) {
            throw new dev.jnsc.ops.OpsException("delete cancelled: nothing was changed");
        }
    }

    static final class User extends Leaf {
        User(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("user", "Delete users, optionally revoking them and removing their creds and keys");
            s.positional("name", "0..1", "user name");
            s.list("name", "user to delete (repeatable)", "-n", "--name");
            Options.account(s);
            s.toggle("revoke the users in the account JWT so servers refuse them (default false)", "-R", "--revoke");
            s.toggle("also delete their creds files", "-C", "--rm-creds");
            s.toggle("also delete their seeds from the keystore", "-D", "--rm-nkey");
        }

        /** Go's delete user -i: account, which users, revoke, nkeys, creds, "cannot be undone - continue", signer. */
        @Override
        void prompt(Prompter p, Args a) {
            String account = EditPrompts.account(p, a, cli, a.str("--account"), "--account");
            List<String> users = EditPrompts.operator(cli).userNames(account);
            if (users.isEmpty()) {
                throw new dev.jnsc.ops.OpsException("account \"" + account + "\" doesn't have any users - add one first");
            }
            List<String> given = new ArrayList<>(a.list("--name"));
            if (a.positional(0) != null) {
                given.add(0, a.positional(0));
            }
            List<String> names = EditPrompts.pick(p, "select users", users, given, true);
            a.setPositional(0, null).set("--name", names);
            String s = names.size() > 1 ? "s" : "";
            a.set("--revoke", p.confirm("revoke user" + s + " before deleting", a.flag("--revoke")));
            a.set("--rm-nkey", p.confirm("delete associated nkey" + s, a.flag("--rm-nkey")));
            a.set("--rm-creds", p.confirm("delete associated creds file" + s, a.flag("--rm-creds")));
            continueOrCancel(p, names.size() > 1 ? "deleting users, nkeys or creds files cannot be undone - continue"
                    : "deleting a user, nkey or creds file cannot be undone - continue");
            dev.jnsc.jwt.OperatorClaims oc = EditPrompts.operator(cli).operator();
            EditPrompts.signer(p, cli, null, dev.jnsc.nkeys.KeyKind.OPERATOR, oc.subject(), oc.signingKeys(),
                    oc.strictSigningKeyUsage(), null);
        }

        @Override
        int run(Args a) {
            List<String> names = new ArrayList<>(a.list("--name"));
            if (a.positional(0) != null) {
                names.add(0, a.positional(0));
            }
            if (names.isEmpty()) {
                throw new UsageException("name the users to delete: nsc delete user <name> or -n <name> (repeatable)");
            }
            return cli.report(DeleteOps.users(cli.writer(), new DeleteOps.DeleteUsers(a.str("--account"), names,
                    a.flag("--revoke"), a.flag("--rm-creds"), a.flag("--rm-nkey"), cli.signer())));
        }
    }

    static final class Account extends Leaf {
        Account(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("account", "Delete an account and associated users");
            Options.name(s, "account");
            s.toggle("revoke users before deleting (default true); the account JWT is also set to expire in a minute,"
                    + " signed by the operator (-K)", "-R", "--revoke");
            s.toggle("delete users creds", "-C", "--rm-creds");
            s.toggle("delete user keys (and the account's)", "-D", "--rm-nkey");
            s.toggle("managed accounts must supply --force", "-F", "--force");
        }

        /** Go's delete account -i: account, revoke, nkeys, creds, then "cannot be undone - continue". */
        @Override
        void prompt(Prompter p, Args a) {
            String name = EditPrompts.account(p, a, cli, Options.name(a), "--name");
            a.setPositional(0, null);
            a.set("--revoke", p.confirm("revoke all account users before deleting", !a.has("--revoke")
                    || a.flag("--revoke")));
            a.set("--rm-nkey", p.confirm("delete associated account and user nkeys", a.flag("--rm-nkey")));
            a.set("--rm-creds", p.confirm("delete associated user creds files", a.flag("--rm-creds")));
            dev.jnsc.store.OperatorStore op = EditPrompts.operator(cli);
            if (op.isManaged()) {
                continueOrCancel(p, "managed accounts may require the account JWT or nkeys to cancel a service - continue");
                a.set("--force", true);
            }
            continueOrCancel(p, op.userNames(name).isEmpty() ? "deleting account or account nkey files cannot be undone"
                    + " - continue" : "deleting accounts, users, nkeys or creds files cannot be undone - continue");
        }

        @Override
        int run(Args a) {
            boolean revoke = !a.has("--revoke") || a.flag("--revoke");
            return cli.report(DeleteOps.account(cli.writer(), new DeleteOps.DeleteAccount(Options.name(a), revoke,
                    a.flag("--rm-creds"), a.flag("--rm-nkey"), a.flag("--force"), cli.signer())));
        }
    }
}
