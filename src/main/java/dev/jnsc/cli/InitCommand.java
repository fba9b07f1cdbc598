package dev.jnsc.cli;

import dev.jnsc.ops.InitOps;
import dev.jnsc.ops.OpsException;
import dev.jnsc.store.Names;
import dev.jnsc.ops.Workspace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** init: operator, system account, account and user in one step (nsc's cmd/init.go). */
final class InitCommand extends Leaf {
    InitCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("init", "Initialize an environment by creating an operator, account and user");
        s.value("dir", "directory where the operator directory will be created (default: the stores folder)",
                "-d", "--dir");
        s.value("name", "name used for the operator, account and user", "-n", "--name");
        s.value("url", "operator account server url: the URL of the operator JWT to start from", "-u", "--url");
        s.value("name", "remote well-known operator (synadia, or one named by NSC_<NAME>_OPERATOR=<url>)",
                "-o", "--remote-operator");
    }

    /**
     * Go's init questions (which it asks when no flag is given): the directory of the stores, the
     * operator (a well-known one, "Create Operator", or "Other": its URL), then the name.
     */
    @Override
    void prompt(Prompter p, Args a) {
        String root = cli.env.display(cli.workspace().stores().dir());
        a.set("--dir", p.prompt("enter a configuration directory", a.has("--dir") ? a.str("--dir") : root,
                v -> cli.env.path(v)));
        List<String> choices = new ArrayList<>();
        for (String[] known : InitOps.wellKnown(cli.env.vars())) {
            choices.add(known[0]);
        }
        int create = choices.size();
        choices.add("Create Operator");
        choices.add("Other");
        int at = a.has("--url") ? create + 1 : create;
        for (int i = 0; i < create && a.has("--remote-operator"); i++) {
            at = choices.get(i).equalsIgnoreCase(a.str("--remote-operator")) ? i : at;
        }
        int sel = p.select("Select an operator", choices, at);
        a.set("--remote-operator", sel < create ? choices.get(sel) : null);
        String url = null;
        if (sel == create + 1) {
            url = p.prompt("Operator URL", a.str("--url"), v -> {
                if (!v.startsWith("http://") && !v.startsWith("https://")) {
                    throw new OpsException("\"" + v + "\" is not an http(s) URL");
                }
            });
        }
        a.set("--url", url);
        a.set("--name", p.prompt(sel == create ? "name your operator, account and user" : "name your account and user",
                a.str("--name"), v -> Names.check("operator", v)));
    }

    @Override
    int run(Args a) {
        String name = a.str("--name");
        if (name == null) {
            throw new UsageException("--name is required: the name of the operator, account and user (or answer it"
                    + " with -i)");
        }
        if (a.has("--url") && a.has("--remote-operator")) {
            throw new UsageException("--url and --remote-operator both name the operator: give one of them");
        }
        if (cli.signer() != null) {
            // the Go nsc ignores -K here and generates the operator key; add operator -K uses it
            throw new dev.jnsc.ops.OpsException("-K/--private-key is not used by init, which generates the operator,"
                    + " account and user keys: to give the operator's key, run \"nsc add operator <name> -K <seed>\"");
        }
        String dir = a.str("--dir");
        Workspace ws = cli.workspace();
        if (dir != null) {
            ws.useStores(ws.env().path(dir));
        }
        InitOps.Result r = InitOps.init(cli.writer(), new InitOps.Init(name, a.str("--url"), a.str("--remote-operator")));
        int code = cli.report(r.report());
        // the hint follows the report's lines, on stdout as the Go nsc prints it
        PrintWriter w = code == 0 ? cli.out : cli.err;
        for (String line : r.hint()) {
            w.println("> " + line);
        }
        w.flush();
        return code;
    }
}
