package dev.jnsc.cli;

import dev.jnsc.env.Dirs;
import dev.jnsc.env.Environment;
import dev.jnsc.ops.ContextOps;
import dev.jnsc.ops.OpsException;
import dev.jnsc.ops.Workspace;
import dev.jnsc.store.OperatorStore;
import dev.jnsc.store.StoreException;

final class EnvCommand extends Leaf {
    EnvCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("env", "Prints and manages the nsc environment");
        s.value("dir", "set the stores directory", "-s", "--store");
        s.value("name", "set the current operator", "-o", "--operator");
        s.value("name", "set the current account", "-a", "--account");
    }

    @Override
    int run(Args a) {
        String store = a.str("--store");
        String operator = a.str("--operator");
        String account = a.str("--account");
        boolean sets = store != null || operator != null || account != null;
        Workspace ws = sets ? cli.writer() : cli.workspace();
        ContextOps.set(ws, new ContextOps.SetDefaults(store, operator, account));
        if (sets) {
            ws = new Workspace(ws.dirs(), cli.clock, null);
        }
        Environment env = ws.env();
        Table t = new Table("NSC Environment").headers("Setting", "Set", "Effective Value");
        t.row("$NSC_CWD_ONLY", yesNo(env, "NSC_CWD_ONLY"), "If set, default operator/account from cwd only");
        t.row("$NSC_NO_GIT_IGNORE", yesNo(env, "NSC_NO_GIT_IGNORE"), "If set, no .gitignore files written");
        t.row("$NKEYS_PATH", yesNo(env, Dirs.NKEYS_PATH), env.display(ws.dirs().keystoreDir()));
        t.row("$NSC_HOME", yesNo(env, Dirs.NSC_HOME), env.display(ws.dirs().configDir()));
        // the TLS of NATS connections (tools, push, pull), as the Go nsc lists it: set even when empty
        t.row("$NATS_CA", lookedUp(env, "NATS_CA"), "If set, root CAs in the referenced file will be used for nats connections");
        t.row("", "", "If not set, will default to the system trust store");
        t.row("$NATS_KEY", lookedUp(env, "NATS_KEY"), "If set, the tls key in the referenced file will be used for nats connections");
        t.row("$NATS_CERT", lookedUp(env, "NATS_CERT"),
                "If set, the tls cert in the referenced file will be used for nats connections");
        t.row("Config", "", env.display(ws.dirs().contextFile()));
        t.separator();
        String fromCwd = "No";
        String op = "";
        String acc = "";
        try {
            op = ws.operatorName(null);
            OperatorStore opStore = ws.stores().operator(op);
            acc = ws.accountName(opStore, null);
        } catch (OpsException | StoreException e) {
            // an empty store has no defaults yet
        }
        if (!ws.stores().dir().equals(ws.dirs().storesDir(ws.context().storeRoot()))) {
            fromCwd = "Yes";
        }
        t.row("From CWD", "", fromCwd);
        t.row("Stores Dir", "", env.display(ws.stores().dir()));
        t.row("Default Operator", "", op);
        t.row("Default Account", "", acc);
        String ca = env.vars().get("NATS_CA");
        t.row("Root CAs to trust", "", ca == null ? "Default: System Trust Store" : "File: " + ca.strip());
        cli.err.println(t.render());
        cli.err.flush();
        return 0;
    }

    private static String lookedUp(Environment env, String var) {
        return env.vars().containsKey(var) ? "Yes" : "No";
    }

    private static String yesNo(Environment env, String var) {
        return env.isSet(var) ? "Yes" : "No";
    }
}
