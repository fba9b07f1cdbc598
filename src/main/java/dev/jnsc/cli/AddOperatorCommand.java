package dev.jnsc.cli;

import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.ops.KeyArg;
import dev.jnsc.ops.OperatorImport;
import dev.jnsc.ops.OperatorOps;
import dev.jnsc.ops.OpsException;

final class AddOperatorCommand extends Leaf {
    AddOperatorCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("operator", "Add an operator");
        Options.name(s, "operator");
        s.value("url", "import from a jwt server url, file, or well known operator (synadia, or one named by"
                + " NSC_<NAME>_OPERATOR=<url>)", "-u", "--url");
        s.flag("on import, overwrite existing when already present", "--force");
        Options.times(s);
        s.flag("generate a signing key with the operator", "--generate-signing-key");
        s.flag("create the system account SYS and its user sys (signed with the signing key when one is made)",
                "-s", "--sys");
    }

    /**
     * Go's add operator -i: import one from a JWT (then its path or url), or create one: name, valid
     * from/until, system account, signing key, then generate the operator key or use one.
     */
    @Override
    void prompt(Prompter p, Args a) {
        if (p.confirm("import operator from a JWT", a.has("--url"))) {
            a.set("--url", p.prompt("path or url for operator jwt", a.str("--url"), v -> {
                if (v.isBlank()) {
                    throw new OpsException("a path, an http(s) url or a well-known operator name is required");
                }
            }));
            a.set("--sys", false);
            return;
        }
        a.set("--url", (String) null);
        Prompts.name(p, a, "operator");
        Prompts.times(p, a, cli);
        a.set("--sys", p.confirm("Generate system account?", true));
        a.set("--generate-signing-key", p.confirm("Generate signing key?", true));
        if (cli.signer() == null && !p.confirm("generate an operator nkey", true)) {
            cli.globals.privateKey = p.prompt("path to an operator nkey or nkey", null, v -> {
                NKey k = KeyArg.resolve(cli.workspace(), v, KeyKind.OPERATOR);
                boolean seed = k.hasSeed();
                k.clear();
                if (!seed) {
                    throw new OpsException("the seed of " + v.trim() + " is not stored: give the seed or a file"
                            + " holding it (the operator signs its own JWT)");
                }
            });
        }
    }

    @Override
    int run(Args a) {
        if (a.has("--url")) {
            String url = a.str("--url");
            if (a.flag("--sys")) {
                throw new OpsException("importing an operator is not compatible with system account generation (--sys)");
            }
            if (cli.signer() != null) {
                throw new OpsException("-K/--private-key cannot be used with --url: an imported operator's keys are"
                        + " its own (the Go nsc ignores -K there)");
            }
            for (String f : new String[] {"--generate-signing-key", "--start", "--expiry"}) {
                if (a.has(f)) {
                    // the Go nsc ignores them on import: the imported JWT is stored as it is
                    throw new OpsException(f + " cannot be used with --url: the imported operator JWT is stored as"
                            + " it is (its operator signs it)");
                }
            }
            return cli.report(OperatorImport.run(cli.writer(), new OperatorImport.Request(Options.name(a), url,
                    a.flag("--force"))));
        }
        if (a.flag("--force")) {
            throw new OpsException("--force only works with -u/--url: it replaces an operator by an imported one");
        }
        return cli.report(OperatorOps.add(cli.writer(), new OperatorOps.AddOperator(Options.requiredName(a, "operator"),
                a.flag("--generate-signing-key"), a.flag("--sys"), a.str("--start"), a.str("--expiry"), cli.signer())));
    }
}
