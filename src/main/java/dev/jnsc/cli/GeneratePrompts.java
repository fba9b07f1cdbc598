package dev.jnsc.cli;

import dev.jnsc.jwt.Export;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.ops.ActivationTokens;
import dev.jnsc.ops.KeyArg;
import dev.jnsc.ops.OpsException;
import dev.jnsc.ops.Subjects;
import dev.jnsc.store.OperatorStore;
import java.util.ArrayList;
import java.util.List;

/** The -i questions of generate activation | creds | context, as the Go nsc asks them. */
final class GeneratePrompts {
    private GeneratePrompts() {
    }

    /**
     * Go's generate activation -i: account, the private export, the subject (the export's or one it
     * contains), the importing account, valid from/until, the signer, and whether to push the token
     * to the operator's account server when it has an http one.
     */
    static void activation(Prompter p, Args a, Cli cli) {
        String account = PromptPicks.account(p, a, cli, "--account");
        OperatorStore op = cli.workspace().operator(null);
        List<Export> exports = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Export e : op.account(account).exports()) {
            if (e.tokenRequired()) {
                exports.add(e);
                labels.add(PromptPicks.exportLabel(account, e));
            }
        }
        if (exports.isEmpty()) {
            throw new OpsException("account \"" + account + "\" has no private exports - add one with \"nsc add export"
                    + " --private\"");
        }
        Export e = exports.get(p.select("select the export", labels, 0));
        String given = a.str("--subject");
        a.set("--subject", p.prompt("subject", given != null ? given : e.subject(), v -> {
            Subjects.check("subject", v);
            if (!v.equals(e.subject()) && !Subjects.isContainedIn(v, e.subject())) {
                throw new OpsException("\"" + e.subject() + "\" doesn't contain \"" + v + "\"");
            }
        }));
        a.set("--target-account", p.prompt("target-account public key", a.str("--target-account"),
                v -> accountKey(cli, v, false)));
        Prompts.times(p, a, cli);
        PromptPicks.accountSigner(p, cli, account, "select the key to use for signing");
        String url = op.operator().accountServerUrl();
        if (url != null && ActivationTokens.isUrl(url)) {
            a.set("--push", p.confirm("push the activation to \"" + url + "\"", a.flag("--push")));
        }
    }

    /** Go's generate creds -i: the account, then its user. */
    static void creds(Prompter p, Args a, Cli cli) {
        String account = PromptPicks.account(p, a, cli, "--account");
        PromptPicks.user(p, a, cli, account, "--name");
    }

    /** generate context -i (the Go nsc asks nothing; these are its flags): account, user, context name. */
    static void context(Prompter p, Args a, Cli cli) {
        String account = PromptPicks.account(p, a, cli, "--account");
        String user = PromptPicks.user(p, a, cli, account, "--user");
        String given = a.str("--context");
        a.set("--context", p.prompt("context name", given != null ? given : user, v -> {
            ExportPrompts.notEmpty(v);
            if (v.contains("/") || v.contains("\\")) {
                throw new OpsException("context name cannot contain filepath separators: \"" + v + "\"");
            }
        }));
    }

    /**
     * An account of the operator by name, or an account public key ("*" too with {@code wildcard});
     * fails naming what was expected.
     */
    static void accountKey(Cli cli, String v, boolean wildcard) {
        if (wildcard && v.equals("*") || cli.workspace().operator(null).hasAccount(v)) {
            return;
        }
        if (!v.startsWith("A")) {
            throw new OpsException("\"" + v + "\" is neither an account of the operator nor an account public key"
                    + (wildcard ? " (or * for every account)" : ""));
        }
        KeyArg.resolve(cli.workspace(), v, KeyKind.ACCOUNT).clear();
    }
}
