package dev.jnsc.cli;

import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.ops.AccountOps;

final class AddAccountCommand extends Leaf {
    AddAccountCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("account", "Add an account");
        Options.name(s, "account");
        Options.times(s);
        s.value("key", "use an existing account key: a public key, a seed, or a file holding one", "-k",
                "--public-key");
        Options.accountLimits(s);
        Options.permissions(s);
        s.optionalValue("max", "1", "default permissions: allow publishing to reply subjects, at most <max> responses",
                "--allow-pub-response");
        s.value("duration", "default permissions: time limit for responses, e.g. 5s", "--response-ttl");
        s.list("tag", "add tags (comma list or repeated)", "--tag");
    }

    /** Go's add account -i: name, generate a key or use one, valid from/until, then the operator key that signs. */
    @Override
    void prompt(Prompter p, Args a) {
        Prompts.name(p, a, "account");
        Prompts.keyOrGenerate(p, a, cli, KeyKind.ACCOUNT, "--public-key");
        Prompts.times(p, a, cli);
        OperatorClaims oc = cli.workspace().operator(null).operator();
        Prompts.signer(p, cli, "select the key to sign the account", KeyKind.OPERATOR, oc.subject(), oc.signingKeys(),
                oc.strictSigningKeyUsage());
    }

    @Override
    int run(Args a) {
        return cli.report(AccountOps.add(cli.writer(), new AccountOps.AddAccount(Options.requiredName(a, "account"),
                a.str("--public-key"), a.str("--start"), a.str("--expiry"), cli.signer(), Options.accountLimits(a),
                Options.permissions(a), a.list("--tag"))));
    }
}
