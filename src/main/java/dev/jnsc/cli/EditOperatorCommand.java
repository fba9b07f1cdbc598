package dev.jnsc.cli;

import dev.jnsc.ops.OperatorOps;

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

    @Override
    int run(Args a) {
        return cli.report(OperatorOps.edit(cli.writer(), new OperatorOps.EditOperator(cli.signer(),
                a.list("--service-url"), a.list("--rm-service-url"), a.str("--account-jwt-server-url"),
                a.flag("--rm-account-jwt-server-url"), a.list("--sk"), a.list("--rm-sk"), a.list("--tag"),
                a.list("--rm-tag"), a.str("--start"), a.str("--expiry"), a.str("--system-account"),
                a.has("--require-signing-keys") ? a.flag("--require-signing-keys") : null)));
    }
}
