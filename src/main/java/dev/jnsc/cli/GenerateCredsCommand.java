package dev.jnsc.cli;

import dev.jnsc.env.Environment;
import dev.jnsc.ops.Report;
import dev.jnsc.ops.UserOps;
import java.nio.file.Path;
import java.util.Arrays;

final class GenerateCredsCommand extends Leaf {
    GenerateCredsCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("creds", "Generate a creds file for a user");
        Options.account(s);
        s.value("user", "user name", "-n", "--name");
        s.value("file", "output file, '--' is stdout (an existing file is replaced)", "-o", "--output-file");
    }

    @Override
    void prompt(Prompter p, Args a) {
        GeneratePrompts.creds(p, a, cli);
    }

    @Override
    int run(Args a) {
        String outputFile = a.str("--output-file");
        byte[] creds = UserOps.creds(cli.workspace(), new UserOps.GenerateCreds(a.str("--account"), a.str("--name"),
                outputFile));
        try {
            if (OutputFile.isStdout(outputFile)) {
                char[] text = new char[creds.length];
                for (int i = 0; i < creds.length; i++) {
                    text[i] = (char) (creds[i] & 0xFF);
                }
                cli.out.write(text);
                cli.out.flush();
                Arrays.fill(text, '\0');
                return 0;
            }
            OutputFile.write(cli, outputFile, creds);
            int rc = cli.report(new Report().ok("wrote credentials to " + cli.env.quotedAsGiven(outputFile)));
            cli.err.println("Success!! - generated " + Environment.backquote(outputFile));
            cli.err.flush();
            return rc;
        } finally {
            Arrays.fill(creds, (byte) 0);
        }
    }
}
