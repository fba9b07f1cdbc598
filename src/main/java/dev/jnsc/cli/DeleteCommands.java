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
            s.name("account", "Delete an account with its users, optionally their creds and keys");
            Options.name(s, "account");
            s.toggle("accepted for compatibility: the account JWT and its users are deleted either way (default true)",
                    "-R", "--revoke");
            s.toggle("also delete the users' creds files", "-C", "--rm-creds");
            s.toggle("also delete the account's and its users' seeds from the keystore", "-D", "--rm-nkey");
        }

        @Override
        int run(Args a) {
            return cli.report(DeleteOps.account(cli.writer(), new DeleteOps.DeleteAccount(Options.name(a),
                    a.flag("--rm-creds"), a.flag("--rm-nkey"))));
        }
    }
}
