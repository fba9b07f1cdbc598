package dev.jnsc.cli;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.ops.UserOps;
import java.util.ArrayList;
import java.util.List;

final class AddUserCommand extends Leaf {
    AddUserCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("user", "Add a user to an account; writes its JWT and its creds file");
        s.examples("# a user of the current account that may publish to q.> and subscribe to replies",
                "nsc add user U --allow-pub \"q.>\" --allow-sub \"_INBOX.>\"",
                "# with a key made elsewhere (its seed is not stored unless given)",
                "nsc add user -a A -n U --public-key <user public key>",
                "# signed by the account's signing key with role \"service\"",
                "nsc add user U -K service",
                "# allowed to publish one reply to each request it receives, within 5s",
                "nsc add user U --allow-pub-response --response-ttl 5s");
        Options.name(s, "user");
        Options.account(s);
        Options.times(s);
        Options.permissions(s);
        s.optionalValue("max", "1", "allow publishing to reply subjects, at most <max> responses (default 1)",
                "--allow-pub-response");
        s.value("duration", "time limit for responses, e.g. 5s, 1m", "--response-ttl");
        Options.userLimits(s);
        s.list("tag", "add tags (comma list or repeated)", "--tag");
        s.value("key", "use an existing user key: a public key, a seed, or a file holding one", "-k", "--public-key");
    }

    /**
     * Go's add user -i: the account (when several), name, generate a key or use one, valid
     * from/until, then the account key that signs.
     */
    @Override
    void prompt(Prompter p, Args a) {
        String account = Prompts.account(p, a, cli);
        Prompts.name(p, a, "user");
        Prompts.keyOrGenerate(p, a, cli, KeyKind.USER, "--public-key");
        Prompts.times(p, a, cli);
        AccountClaims ac = cli.workspace().operator(null).account(account);
        List<String> keys = new ArrayList<>();
        for (SigningKey sk : ac.signingKeys()) {
            keys.add(sk.key());
        }
        Prompts.signer(p, cli, "select the key to sign the user", KeyKind.ACCOUNT, ac.subject(), keys, false);
    }

    @Override
    int run(Args a) {
        return cli.report(UserOps.add(cli.writer(), new UserOps.AddUser(a.str("--account"),
                Options.requiredName(a, "user"), a.str("--public-key"), a.str("--start"), a.str("--expiry"),
                cli.signer(), Options.permissions(a), Options.userLimits(a), a.list("--tag"))));
    }
}
