package dev.jnsc.cli;

import dev.jnsc.ops.ActivationTokens;
import dev.jnsc.ops.ImportOps;

/** add import | delete import. */
final class ImportCommands {
    private ImportCommands() {
    }

    static final class Add extends Leaf {
        /** The activation token a -i answer made or read, or null. */
        private String promptedToken;

        Add(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("import", "Add an import of another account's stream or service: a public export with --src-account and"
                    + " --remote-subject, a private one with --token");
            Options.account(s);
            s.value("name", "import name (default: the remote subject)", "-n", "--name");
            s.value("account", "the exporting account, by public key or name (public exports)", "--src-account");
            s.value("subject", "the subject as the exporting account exports it (public exports)", "--remote-subject");
            s.value("subject", "the subject in this account; may use $1, $2 ... for the remote subject's '*'",
                    "-s", "--local-subject");
            s.flag("import a service (default: a stream)", "--service");
            s.flag("share the requester's details with the exporter's latency tracking (services)", "--share");
            s.flag("allow tracing the messages of an imported stream", "--allow-trace");
            s.value("file|url", "activation token of a private export: a file, or an http(s) URL to fetch it from",
                    "-u", "--token");
        }

        @Override
        void prompt(Prompter p, Args a) {
            promptedToken = ImportPrompts.add(p, a, cli);
        }

        @Override
        int run(Args a) {
            String tokenSource = a.str("--token");
            if (promptedToken != null) {
                // made or read at a -i question: not read again
                return cli.report(ImportOps.add(cli.writer(), new ImportOps.AddImport(a.str("--account"),
                        a.str("--name"), null, null, a.str("--local-subject"), a.flag("--service"), a.flag("--share"),
                        a.flag("--allow-trace"), promptedToken, tokenSource != null ? tokenSource
                        : "made for this import", cli.signer())));
            }
            boolean src = a.has("--src-account");
            boolean remote = a.has("--remote-subject");
            if (tokenSource != null && (src || remote)) {
                throw new UsageException("--token names the exporting account and subject itself: leave out "
                        + (src && remote ? "--src-account and --remote-subject" : src ? "--src-account" : "--remote-subject"));
            }
            if (tokenSource == null && !(src && remote)) {
                throw new UsageException("an import needs --src-account <account> and --remote-subject <subject> (public"
                        + " exports), or --token <file|url> (private exports)");
            }
            // read before the store lock is taken: a slow URL holds up no other command
            String token = tokenSource == null ? null
                    : ActivationTokens.read(cli.workspace(), tokenSource, ActivationTokens.URL_TIMEOUT);
            return cli.report(ImportOps.add(cli.writer(), new ImportOps.AddImport(a.str("--account"), a.str("--name"),
                    a.str("--src-account"), a.str("--remote-subject"), a.str("--local-subject"), a.flag("--service"),
                    a.flag("--share"), a.flag("--allow-trace"), token, tokenSource, cli.signer())));
        }
    }

    static final class Delete extends Leaf {
        Delete(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("import", "Delete an import");
            Options.account(s);
            s.value("subject", "the (remote) subject of the import", "-s", "--subject");
            s.value("account", "the exporting account, by public key or name: needed when the subject is imported from"
                    + " several", "--src-account");
        }

        /** Go's delete import -i: see {@link ExchangePrompts#deleteImport}. */
        @Override
        void prompt(Prompter p, Args a) {
            ExchangePrompts.deleteImport(p, a, cli);
        }

        @Override
        int run(Args a) {
            return cli.report(ImportOps.delete(cli.writer(), new ImportOps.DeleteImport(a.str("--account"),
                    a.str("--subject"), a.str("--src-account"), cli.signer())));
        }
    }
}
