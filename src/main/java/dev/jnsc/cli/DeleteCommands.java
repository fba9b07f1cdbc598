package dev.jnsc.cli;

import dev.jnsc.ops.DeleteOps;
import java.util.ArrayList;
import java.util.List;

/** delete user | account. */
final class DeleteCommands {
    private DeleteCommands() {
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

        @Override
        int run(Args a) {
            boolean revoke = !a.has("--revoke") || a.flag("--revoke");
            return cli.report(DeleteOps.account(cli.writer(), new DeleteOps.DeleteAccount(Options.name(a), revoke,
                    a.flag("--rm-creds"), a.flag("--rm-nkey"), a.flag("--force"), cli.signer())));
        }
    }
}
