package dev.jnsc.cli;

import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.ops.OperatorOps;
import dev.jnsc.ops.Urls;
import java.util.ArrayList;
import java.util.List;

final class EditOperatorCommand extends Leaf {
    EditOperatorCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("operator", "Edit the operator");
        Options.times(s);
        Options.tags(s);
        s.list("url", "add operator service urls (nats://, tls://, ws://, wss://)", "-n", "--service-url");
        s.list("url", "remove operator service urls", "--rm-service-url");
        s.value("url", "set the account jwt server url (http(s):// account server or nats:// resolver)", "-u",
                "--account-jwt-server-url");
        s.flag("remove the account jwt server url", "--rm-account-jwt-server-url");
        s.list("key", "add signing keys: a public key, a seed file, or 'generate'", "--sk");
        s.list("key", "remove signing keys", "--rm-sk");
        s.value("name|key", "set the system account (an account name or public key)", "--system-account");
        s.toggle("accounts and users must be signed by signing keys, not identity keys", "--require-signing-keys");
    }

    /**
     * Go's edit operator -i: valid from/until, tags, account jwt server url, service urls to add and
     * to remove, the system account, signing keys to add, then the key that signs.
     */
    @Override
    void prompt(Prompter p, Args a) {
        dev.jnsc.store.OperatorStore op = EditPrompts.operator(cli);
        OperatorClaims oc = op.operator();
        EditPrompts.times(p, a, cli, oc.notBefore(), oc.expires());
        EditPrompts.tags(p, a, oc.tags());
        String asu = oc.accountServerUrl() == null ? "" : oc.accountServerUrl();
        EditPrompts.text(p, a, "account jwt server url", "--account-jwt-server-url", asu, Urls::accountServerUrl);
        if (!asu.isEmpty() && "".equals(a.str("--account-jwt-server-url"))) {
            a.set("--account-jwt-server-url", (String) null).set("--rm-account-jwt-server-url", true);
        }
        List<String> urls = new ArrayList<>(a.list("--service-url"));
        if (p.confirm("add a service url", true)) {
            do {
                String u = p.prompt("operator service url", null, Urls::serviceUrl);
                urls.add(u);
            } while (p.confirm("add another service url", true));
        }
        a.set("--service-url", urls);
        if (!oc.serviceUrls().isEmpty() && p.confirm("remove any service urls", true)) {
            List<String> rm = new ArrayList<>(a.list("--rm-service-url"));
            rm.addAll(EditPrompts.pick(p, "select service urls to remove", oc.serviceUrls(), List.of(), false));
            a.set("--rm-service-url", rm);
        }
        if (p.confirm("Set system account", false)) {
            String current = oc.systemAccount() == null ? null : op.accountNameByKey(oc.systemAccount());
            EditPrompts.account(p, a, cli, current, "--system-account");
        }
        EditPrompts.signingKeys(p, a, cli, KeyKind.OPERATOR);
        EditPrompts.signer(p, cli, null, KeyKind.OPERATOR, oc.subject(), oc.signingKeys(), oc.strictSigningKeyUsage(),
                oc.issuer());
    }

    @Override
    int run(Args a) {
        OperatorOps.EditOperator req = new OperatorOps.EditOperator(cli.signer(),
                a.list("--service-url"), a.list("--rm-service-url"), a.str("--account-jwt-server-url"),
                a.flag("--rm-account-jwt-server-url"), a.list("--sk"), a.list("--rm-sk"), a.list("--tag"),
                a.list("--rm-tag"), a.str("--start"), a.str("--expiry"), a.str("--system-account"),
                a.has("--require-signing-keys") ? a.flag("--require-signing-keys") : null);
        if (cli.globals.interactive && req.isEmpty()) {
            return cli.report(EditPrompts.unchanged("the operator"));
        }
        return cli.report(OperatorOps.edit(cli.writer(), req));
    }
}
