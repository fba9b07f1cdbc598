package dev.jnsc.cli;

import dev.jnsc.ops.Findings;
import dev.jnsc.ops.OpsException;
import dev.jnsc.ops.ValidateOps;
import java.util.List;

/**
 * validate: one table per operator, account (with its users) or JWT, as the Go nsc prints them
 * on stderr: "No issues found", or the findings numbered, errors marked "!". Exits 1 when any
 * finding is an error. Reads only: no store lock.
 */
final class ValidateCommand extends Leaf {
    ValidateCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("validate", "Validate an operator, account(s), and users");
        Options.account(s);
        s.flag("validate all accounts under the current operator (exclusive of -a and -f)", "-A", "--all-accounts");
        s.value("file", "validate all jwt (separated by newline) in the provided file (exclusive of -a and -A)",
                "-f", "--file");
    }

    @Override
    int run(Args a) {
        String account = a.str("--account");
        boolean all = a.flag("--all-accounts");
        String file = a.str("--file");
        if (all && account != null) {
            throw new UsageException("specify only one of --account or --all-accounts");
        }
        if (file != null && (all || account != null)) {
            throw new UsageException("specify only one of --account or --all-accounts or --file");
        }
        ValidateOps.Result result = ValidateOps.validate(cli.workspace(), new ValidateOps.Request(account, all, file));
        for (ValidateOps.Section s : result.sections()) {
            cli.err.println(render(s.title(), s.findings()));
        }
        cli.err.flush();
        if (result.hasErrors()) {
            throw new OpsException("validation found errors");
        }
        return 0;
    }

    static String render(String title, List<Findings.Finding> findings) {
        Table t = new Table(title);
        if (findings.isEmpty()) {
            return t.row("No issues found").render();
        }
        t.headers("#", " ", "Description");
        for (int i = 0; i < findings.size(); i++) {
            Findings.Finding f = findings.get(i);
            t.row(Integer.toString(i + 1), f.severity() == Findings.Severity.ERROR ? "!" : "", f.message());
        }
        return t.render();
    }
}
