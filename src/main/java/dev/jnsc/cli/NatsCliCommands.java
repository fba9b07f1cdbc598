package dev.jnsc.cli;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.ops.NatsCliOps;
import dev.jnsc.ops.ProfileOps;
import dev.jnsc.ops.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/** generate context | profile: what natscli and other tools need to connect as a stored user. */
final class NatsCliCommands {
    private NatsCliCommands() {
    }

    static final class Context extends Leaf {
        Context(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("context", "Generate nats cli user context");
            Options.account(s);
            s.value("name", "user name", "-u", "--user");
            s.value("name", "context name", "--context");
        }

        @Override
        void prompt(Prompter p, Args a) {
            GeneratePrompts.context(p, a, cli);
        }

        @Override
        int run(Args a) {
            NatsCliOps.ContextFile f = NatsCliOps.context(cli.workspace(), new NatsCliOps.ContextRequest(
                    a.str("--account"), a.str("--user"), a.str("--context")));
            cli.workspace().commitOutside(new FileChanges().create(f.path(), f.content()));
            cli.err.println(f.path());
            return cli.report(new Report().ok("wrote nats cli context file to `" + cli.env.display(f.path()) + "`"));
        }
    }

    static final class Profile extends Leaf {
        Profile(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("profile", "Generate a profile from nsc 'URL' that can be used by tooling");
            s.positional("nsc-url", "1", "nsc://operator[/account[/user]][?option&...]: options "
                    + "[operator|account|user]Name, names, [operator|account|user]Key, keys, "
                    + "[operator|account|user]Seed[=<public key>], seeds, store=<dir>, keystore=<dir>; "
                    + "key and seed without a prefix mean the last entity of the path, name every entity");
            s.value("file", "output file, '--' is stdout (default \"--\"; an existing file is never overwritten)",
                    "-o", "--output-file");
        }

        @Override
        int run(Args a) {
            String out = a.str("--output-file");
            byte[] json = ProfileOps.profile(cli.workspace(), a.positional(0));
            try {
                if (OutputFile.isStdout(out)) {
                    cli.out.print(new String(json, StandardCharsets.UTF_8));
                    cli.out.flush();
                    return 0;
                }
                Path p = OutputFile.writeNew(cli, out, json);
                return cli.report(new Report().ok("wrote tool configuration to `" + cli.env.display(p) + "`"));
            } finally {
                Arrays.fill(json, (byte) 0);
            }
        }
    }
}
