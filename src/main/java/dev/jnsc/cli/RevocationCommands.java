package dev.jnsc.cli;

import dev.jnsc.ops.RevocationOps;
import dev.jnsc.ops.TimeSpec;
import java.util.Map;

/** revocations add-user | delete-user | list-users (also add_user, delete_user, list_users). */
final class RevocationCommands {
    private RevocationCommands() {
    }

    static void target(Spec s) {
        Options.account(s);
        s.value("name", "user name", "-n", "--name");
        s.value("key", "user public key (\"*\" for every user)", "-u", "--user-public-key");
    }

    static RevocationOps.Revoke revoke(Cli cli, Args a) {
        return new RevocationOps.Revoke(a.str("--account"), a.str("--name"), a.str("--user-public-key"), a.str("--at"),
                cli.signer());
    }

    static final class Add extends Leaf {
        Add(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("add-user", "Revoke a user: JWTs issued before --at (default now) are refused").aliases("add_user");
            target(s);
            s.value("time", "revoke JWTs issued before this time: 0 (now), unix seconds or RFC 3339", "--at");
        }

        @Override
        int run(Args a) {
            return cli.report(RevocationOps.add(cli.writer(), revoke(cli, a)));
        }
    }

    static final class Delete extends Leaf {
        Delete(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("delete-user", "Remove a user's revocation").aliases("delete_user");
            target(s);
        }

        @Override
        int run(Args a) {
            return cli.report(RevocationOps.delete(cli.writer(), revoke(cli, a)));
        }
    }

    static final class ListUsers extends Leaf {
        ListUsers(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("list-users", "List the account's revoked users").aliases("list_users");
            Options.account(s);
        }

        @Override
        int run(Args a) {
            Map<String, Long> revoked = RevocationOps.list(cli.workspace(), a.str("--account"));
            Table t = new Table("Revoked Users");
            if (revoked.isEmpty()) {
                t.row("No revoked users");
            } else {
                t.headers("Public Key", "Revoke Credentials Before");
                for (Map.Entry<String, Long> e : revoked.entrySet()) {
                    t.row(e.getKey(), TimeSpec.render(e.getValue()));
                }
            }
            cli.err.println(t.render());
            cli.err.flush();
            return 0;
        }
    }
}
