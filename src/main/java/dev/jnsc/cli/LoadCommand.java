package dev.jnsc.cli;

import dev.jnsc.ops.LoadOps;

/** load: an operator from its account server, an account by its seed, and a user of it. */
final class LoadCommand extends Leaf {
    LoadCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("load", "load entities for an operator, account and keys");
        s.value("url", "Profile URL to initialize NSC and NATS CLI env (<scheme>://<operator>?secret=<account seed>"
                + "&user=<name>; the operator's JWT URL from NSC_<OPERATOR>_OPERATOR)", "--profile");
        s.value("url", "URL of the account server (the operator JWT, e.g. http://host:9090/jwt/v1/operator)", "--url");
        s.value("seed", "Seed of the account used to create users", "--seed");
        s.value("name", "Default username (default \"default\")", "--user");
    }

    @Override
    int run(Args a) {
        String seed = a.has("--seed") ? a.str("--seed") : null;
        return cli.report(LoadOps.load(cli.writer(), new LoadOps.Request(a.has("--profile") ? a.str("--profile") : null,
                a.has("--url") ? a.str("--url") : null, seed == null ? null : seed.toCharArray(),
                a.has("--user") ? a.str("--user") : null)));
    }
}
