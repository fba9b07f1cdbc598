package dev.jnsc.cli;

import dev.jnsc.ops.ConfigOps;

final class GenerateConfigCommand extends Leaf {
    GenerateConfigCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("config", "Generate a nats-server configuration for the operator");
        s.flag("memory resolver: every account JWT preloaded in the configuration", "--mem-resolver");
        s.flag("the server's full nats resolver, fed with nsc push", "--nats-resolver");
        s.flag("the server's caching nats resolver", "--nats-resolver-cache");
        s.value("name|key", "system account (default: the operator's)", "--sys-account");
        s.value("file", "write the configuration to this file instead of stdout", "--config-file");
        s.flag("replace an existing --config-file", "-F", "--force");
    }

    @Override
    int run(Args a) {
        int chosen = (a.flag("--mem-resolver") ? 1 : 0) + (a.flag("--nats-resolver") ? 1 : 0)
                + (a.flag("--nats-resolver-cache") ? 1 : 0);
        if (chosen != 1) {
            throw new UsageException("choose one of --mem-resolver, --nats-resolver or --nats-resolver-cache");
        }
        ConfigOps.Resolver r = a.flag("--mem-resolver") ? ConfigOps.Resolver.MEMORY
                : a.flag("--nats-resolver") ? ConfigOps.Resolver.NATS_FULL : ConfigOps.Resolver.NATS_CACHE;
        String config = ConfigOps.generate(cli.workspace(), new ConfigOps.GenerateConfig(r, a.str("--sys-account")));
        String file = a.str("--config-file");
        if (OutputFile.isStdout(file)) {
            cli.out.print(config);
            cli.out.flush();
            return 0;
        }
        int rc = cli.report(ConfigOps.write(cli.workspace(), config, file, a.flag("--force")));
        cli.err.println("Success!! - generated " + cli.env.quotedAsGiven(file));
        cli.err.flush();
        return rc;
    }
}
