package dev.jnsc.cli;

import dev.jnsc.ops.ExportOps;

/** add | edit | delete export: the streams and services an account offers to other accounts. */
final class ExportCommands {
    private ExportCommands() {
    }

    /** The flags add and edit export share, with the Go nsc's names and help. */
    private static void exportFlags(Spec s) {
        Options.account(s);
        s.value("name", "export name", "-n", "--name");
        s.value("subject", "subject", "-s", "--subject");
        s.toggle("export type service", "-r", "--service");
        s.toggle("private export - requires an activation to access", "-p", "--private");
        s.value("type", "response type for the service [Singleton | Stream | Chunked] (services only)"
                + " (default Singleton)", "--response-type");
        s.value("duration", "response threshold duration (units ms/s/m/h) (services only)", "--response-threshold");
        s.value("subject", "latency metrics subject (services only)", "--latency");
        s.toggle("allow trace requests (services only)", "--allow-trace");
    }

    private static Boolean toggle(Args a, String name) {
        return a.has(name) ? a.flag(name) : null;
    }

    static final class Add extends Leaf {
        Add(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("export", "Add an export");
            exportFlags(s);
            s.value("header", "latency sampling percentage [1-100] or header (services only)", "--sampling");
            s.value("uint", "subject token position where account is expected (public exports only)",
                    "--account-token-position");
            s.hiddenToggle("advertise export", "--advertise");
        }

        @Override
        void prompt(Prompter p, Args a) {
            ExportPrompts.add(p, a, cli);
        }

        @Override
        int run(Args a) {
            String subject = a.str("--subject");
            if (subject == null) {
                throw new UsageException("--subject is required: the subject to export (see 'nsc add export --help')");
            }
            return cli.report(ExportOps.add(cli.writer(), new ExportOps.AddExport(a.str("--account"), subject,
                    a.str("--name"), a.flag("--service"), a.flag("--private"), a.str("--response-type"),
                    a.str("--response-threshold"), a.str("--latency"), a.str("--sampling"),
                    a.str("--account-token-position"), a.flag("--allow-trace"), a.flag("--advertise"), cli.signer())));
        }
    }

    static final class Edit extends Leaf {
        Edit(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("export", "Edit an export");
            exportFlags(s);
            s.value("header", "latency sampling percentage [1-100] or header - 0 disables it (services only)",
                    "--sampling");
            s.toggle("remove latency sampling", "--rm-latency-sampling");
            s.value("text", "Description for this export", "--description");
            s.value("url", "Link for more info on this export", "--info-url");
            s.value("uint", "subject token position where account is expected, 0 for none (public exports only)",
                    "--account-token-position");
            s.hiddenToggle("advertise export", "--advertise");
        }

        /** Go's edit export -i: see {@link ExchangePrompts#editExport}. */
        @Override
        void prompt(Prompter p, Args a) {
            ExchangePrompts.editExport(p, a, cli);
        }

        @Override
        int run(Args a) {
            ExportOps.EditExport req = new ExportOps.EditExport(a.str("--account"),
                    a.str("--subject"), a.str("--name"), toggle(a, "--service"), toggle(a, "--private"),
                    a.str("--response-type"), a.str("--response-threshold"), a.str("--latency"), a.str("--sampling"),
                    a.flag("--rm-latency-sampling"), a.str("--description"), a.str("--info-url"),
                    toggle(a, "--allow-trace"), a.str("--account-token-position"), toggle(a, "--advertise"),
                    cli.signer());
            if (cli.globals.interactive && req.isEmpty()) {
                return cli.report(EditPrompts.unchanged("export \"" + req.subject() + "\""));
            }
            return cli.report(ExportOps.edit(cli.writer(), req));
        }
    }

    static final class Delete extends Leaf {
        Delete(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("export", "Delete an export");
            Options.account(s);
            s.value("subject", "subject", "-s", "--subject");
        }

        /** Go's delete export -i: see {@link ExchangePrompts#deleteExport}. */
        @Override
        void prompt(Prompter p, Args a) {
            ExchangePrompts.deleteExport(p, a, cli);
        }

        @Override
        int run(Args a) {
            return cli.report(ExportOps.delete(cli.writer(), new ExportOps.DeleteExport(a.str("--account"),
                    a.str("--subject"), cli.signer())));
        }
    }
}
