package dev.jnsc.cli;

import dev.jnsc.jwt.JsonWriter;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.ops.ListOps;
import dev.jnsc.store.StoreException;
import java.util.Arrays;
import java.util.List;

final class ListKeysCommand extends Leaf {
    private boolean showSeeds;

    ListKeysCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("keys", "List keys of the operator, its accounts and users").aliases("key");
        s.flag("show operator keys", "-o", "--operator");
        s.flag("show account keys", "-a", "--accounts");
        s.flag("show user keys", "-u", "--users");
        s.flag("show curve keys (auth callout encryption targets)", "-x", "--curve");
        s.value("account", "show the keys of this account (default: the current account)", "--account");
        s.value("user", "show the key of this user only", "--user");
        s.flag("show keys of all accounts, not only the current one", "-A", "--all");
        s.value("text", "show keys containing this text", "-f", "--filter");
        s.flag("show the keystore's keys that the current operator, its accounts and users do not use",
                "--not-referenced");
        s.flag("show the seeds (private keys)", "-S", "--show-seeds");
        s.flag("output as JSON", "-J", "--json");
    }

    @Override
    int run(Args a) {
        showSeeds = a.flag("--show-seeds");
        boolean json = a.flag("--json");
        List<ListOps.KeyRow> rows = ListOps.keys(cli.workspace(), new ListOps.KeyQuery(a.flag("--operator"),
                a.flag("--accounts"), a.flag("--users"), a.flag("--curve"), a.flag("--all"), a.str("--account"),
                a.str("--user"), a.str("--filter"), a.flag("--not-referenced")));
        if (rows.isEmpty()) {
            cli.out.println("no keys matched query");
            cli.out.flush();
            return 0;
        }
        if (json) {
            printJson(rows);
            return 0;
        }
        Table t;
        if (showSeeds) {
            t = new Table("Seeds Keys").headers("Entity", "Private Key", "Signing Key");
            for (ListOps.KeyRow r : rows) {
                String cell;
                char[] seed = r.stored() && !r.invalid() ? seed(r.publicKey()) : null;
                if (seed != null) {
                    cell = new String(seed);
                    Arrays.fill(seed, '\0');
                } else if (r.invalid()) {
                    cell = r.publicKey() + " [ERR]";
                } else {
                    cell = r.publicKey() + " [!]";
                }
                t.row(indent(r) + r.name(), cell, mark(r));
            }
        } else {
            t = new Table("Keys").headers("Entity", "Key", "Signing Key", "Stored");
            for (ListOps.KeyRow r : rows) {
                t.row(indent(r) + r.name(), r.publicKey(), mark(r), r.invalid() ? "BAD" : r.stored() ? "*" : "");
            }
        }
        // the Go nsc's legend, printed whatever the rows hold, then a blank line
        StringBuilder sb = new StringBuilder(t.render());
        if (showSeeds) {
            sb.append("[ ! ] seed is not stored\n");
            sb.append("[ERR] error reading seed\n");
        }
        sb.append("[ T ] auth callout encryption target\n\n");
        cli.out.print(sb);
        cli.out.flush();
        return 0;
    }

    private char[] seed(String pub) {
        try {
            NKey k = cli.workspace().keystore().read(pub);
            if (k == null) {
                return null;
            }
            char[] s = k.seed();
            k.clear();
            return s;
        } catch (StoreException e) {
            return null;
        }
    }

    /** The Signing Key column: * for a signing key, T for an auth callout encryption target (as Go). */
    private static String mark(ListOps.KeyRow r) {
        return r.curve() ? "T" : r.signing() ? "*" : "";
    }

    private static String indent(ListOps.KeyRow r) {
        return " ".repeat(r.depth());
    }

    private void printJson(List<ListOps.KeyRow> rows) {
        JsonWriter w = JsonWriter.indented(" ").beginArray();
        for (ListOps.KeyRow r : rows) {
            w.beginObject().name("name").value(r.name()).name("pub").value(r.publicKey())
                    .name("parent").value(r.parent()).name("expected_kind").value(r.kind().label())
                    .name("signing").value(r.signing()).name("curve").value(r.curve())
                    .name("key_path").value(r.stored() ? r.keyPath() : "").name("invalid").value(r.invalid());
            if (showSeeds && r.stored() && !r.invalid()) {
                char[] seed = seed(r.publicKey());
                if (seed != null) {
                    w.name("seed").value(new String(seed));
                    Arrays.fill(seed, '\0');
                }
            }
            w.endObject();
        }
        cli.out.println(w.endArray());
        cli.out.flush();
    }
}
