package dev.jnsc.cli;

import dev.jnsc.ops.RevocationOps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
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
        void prompt(Prompter p, Args a) {
            RevocationPrompts.addUser(p, a, cli);
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
        void prompt(Prompter p, Args a) {
            RevocationPrompts.deleteUser(p, a, cli);
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
            RevocationOps.Revoked revoked = RevocationOps.list(cli.workspace(), a.str("--account"));
            Table t = new Table("Revoked Users for " + revoked.account());
            if (revoked.revocations().isEmpty()) {
                t.row("No revoked users");
            } else {
                // the Go nsc's columns and its time.RFC1123 in the local time zone
                DateTimeFormatter rfc1123 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US)
                        .withZone(localZone(cli));
                t.headers("Public Key", "Revoke Credentials Before");
                for (Map.Entry<String, Long> e : revoked.revocations().entrySet()) {
                    String key = e.getKey().equals("*") ? "* [All Users]" : e.getKey();
                    t.row(key, rfc1123.format(Instant.ofEpochSecond(e.getValue())));
                }
            }
            cli.out.println(t.render());
            cli.out.flush();
            return 0;
        }
    }

    /** The zone of $TZ (as Go's local time), else the system's. */
    static ZoneId localZone(Cli cli) {
        String tz = cli.env.get("TZ");
        if (tz != null) {
            try {
                return ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz);
            } catch (DateTimeException e) {
                return ZoneId.of("UTC");
            }
        }
        return ZoneId.systemDefault();
    }
}
