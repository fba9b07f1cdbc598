package dev.jnsc.cli;

import dev.jnsc.jwt.JsonWriter;
import dev.jnsc.ops.ListOps;
import java.util.List;

/** list operators | accounts | users. Tables go to stderr as nsc prints them; --json to stdout. */
final class ListCommands {
    private ListCommands() {
    }

    static void json(Spec s) {
        s.flag("output as JSON: [{\"name\":…,\"public_key\":…}]", "-J", "--json");
    }

    static int print(Cli cli, String title, List<ListOps.Entry> entries, boolean json) {
        if (json) {
            JsonWriter w = JsonWriter.indented(" ").beginArray();
            for (ListOps.Entry e : entries) {
                w.beginObject().name("name").value(e.name()).name("public_key")
                        .value(e.publicKey() == null ? "" : e.publicKey()).endObject();
            }
            cli.out.println(w.endArray());
            cli.out.flush();
            return 0;
        }
        Table t = new Table(title);
        if (entries.isEmpty()) {
            t.row("No entries defined");
        } else {
            t.headers("Name", "Public Key");
            for (ListOps.Entry e : entries) {
                String name = e.claimName().isEmpty() || e.claimName().equals(e.name()) ? e.name()
                        : e.name() + " (" + e.claimName() + ")";
                t.row(name, e.publicKey() != null ? e.publicKey() : "error loading jwt - " + e.error());
            }
        }
        cli.err.println(t.render());
        cli.err.flush();
        return 0;
    }

    static final class Operators extends Leaf {
        Operators(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("operators", "List operators").aliases("operator");
            json(s);
        }

        @Override
        int run(Args a) {
            return print(cli, "Operators", ListOps.operators(cli.workspace()), a.flag("--json"));
        }
    }

    static final class Accounts extends Leaf {
        Accounts(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("accounts", "List accounts of the operator").aliases("account");
            json(s);
            s.value("name", "operator name", "-o", "--operator");
        }

        @Override
        int run(Args a) {
            return print(cli, "Accounts", ListOps.accounts(cli.workspace(), a.str("--operator")), a.flag("--json"));
        }
    }

    static final class Users extends Leaf {
        Users(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("users", "List users of an account").aliases("user");
            json(s);
            s.value("name", "operator name", "-o", "--operator");
            Options.account(s);
        }

        @Override
        int run(Args a) {
            return print(cli, "Users", ListOps.users(cli.workspace(), a.str("--operator"), a.str("--account")),
                    a.flag("--json"));
        }
    }
}
