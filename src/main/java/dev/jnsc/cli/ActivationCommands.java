package dev.jnsc.cli;

import dev.jnsc.jwt.Decorated;
import dev.jnsc.ops.ActivationOps;
import dev.jnsc.ops.ActivationTokens;
import dev.jnsc.ops.OpsException;
import dev.jnsc.ops.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * generate activation, and revocations add_activation | delete_activation | list_activations
 * (also add-activation ...).
 */
final class ActivationCommands {
    /** Go's time.RFC1123, as the Go nsc lists revocations (in UTC). */
    private static final DateTimeFormatter RFC1123 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ActivationCommands() {
    }

    static final class Generate extends Leaf {
        Generate(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("activation", "Generate an activation token: lets one account import a private export");
            Options.account(s);
            s.value("subject", "the export subject, or a subject it contains", "-s", "--subject");
            s.value("account", "the importing account, by public key or name", "-t", "--target-account");
            Options.times(s);
            s.value("file", "output file, '--' is stdout (the default; an existing file is replaced)",
                    "-o", "--output-file");
            s.flag("also push the token to the operator's account server (http)", "--push");
        }

        @Override
        void prompt(Prompter p, Args a) {
            GeneratePrompts.activation(p, a, cli);
        }

        @Override
        int run(Args a) {
            String out = a.str("--output-file");
            boolean stdout = OutputFile.isStdout(out);
            if (!stdout) {
                // checked before a push too: a failed command changes nothing, on disk or on the server
                OutputFile.checkWritable(cli, out);
            }
            ActivationOps.Generated g = ActivationOps.generate(cli.workspace(), new ActivationOps.Generate(
                    a.str("--account"), a.str("--subject"), a.str("--target-account"), a.str("--start"),
                    a.str("--expiry"), cli.signer()));
            Report r = g.report();
            if (a.flag("--push")) {
                r.addAll(ActivationOps.push(cli.workspace(), g, ActivationTokens.URL_TIMEOUT));
            }
            String decorated = Decorated.formatJwt("activation", g.token());
            if (stdout) {
                cli.out.println(decorated);
                cli.out.flush();
                // the Go nsc prints its status lines after the token on stdout; here they stay off it
                return cli.reportBesideData(r);
            }
            OutputFile.write(cli, out, decorated.getBytes(StandardCharsets.US_ASCII));
            r.ok("wrote activation token to " + cli.env.quotedAsGiven(out));
            return cli.report(r);
        }
    }

    static void exportOptions(Spec s) {
        Options.account(s);
        s.value("subject", "the export subject (or a subject it contains)", "-s", "--subject");
        s.flag("the export is a service (default: a stream)", "--service");
    }

    static void target(Spec s) {
        s.value("account", "the importing account: public key, name, or * for every account", "-t", "--target-account");
    }

    static ActivationOps.Revocation revocation(Cli cli, Args a, String target, String at) {
        return new ActivationOps.Revocation(a.str("--account"), a.str("--subject"), a.flag("--service"), target, at,
                cli.signer());
    }

    static final class Add extends Leaf {
        Add(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("add_activation", "Revoke an account's activations of an export: those issued before --at (default now)")
                    .aliases("add-activation");
            exportOptions(s);
            target(s);
            s.value("time", "revoke activations issued before this time: 0 (now), unix seconds or RFC 3339", "--at");
        }

        @Override
        void prompt(Prompter p, Args a) {
            RevocationPrompts.addActivation(p, a, cli);
        }

        @Override
        int run(Args a) {
            return cli.report(ActivationOps.revoke(cli.writer(), revocation(cli, a, a.str("--target-account"),
                    a.str("--at"))));
        }
    }

    static final class Delete extends Leaf {
        Delete(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("delete_activation", "Remove an account's revocation from an export").aliases("delete-activation");
            exportOptions(s);
            target(s);
        }

        @Override
        void prompt(Prompter p, Args a) {
            RevocationPrompts.deleteActivation(p, a, cli);
        }

        @Override
        int run(Args a) {
            return cli.report(ActivationOps.unrevoke(cli.writer(), revocation(cli, a, a.str("--target-account"), null)));
        }
    }

    static final class List extends Leaf {
        List(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("list_activations", "List the accounts revoked from an export").aliases("list-activations");
            exportOptions(s);
        }

        @Override
        int run(Args a) {
            ActivationOps.Revocations rev = ActivationOps.list(cli.workspace(), revocation(cli, a, null, null));
            Table t = new Table("Revoked Accounts for " + rev.kind().json() + " " + rev.exportName());
            if (rev.revocations().isEmpty()) {
                t.row("No revoked accounts");
            } else {
                t.headers("Public Key", "Revoke Credentials Before");
                for (Map.Entry<String, Long> e : rev.revocations().entrySet()) {
                    String key = e.getKey().equals("*") ? "* [All Accounts]" : e.getKey();
                    t.row(key, RFC1123.format(Instant.ofEpochSecond(e.getValue())));
                }
            }
            cli.out.println(t.render());
            cli.out.flush();
            return 0;
        }
    }
}
