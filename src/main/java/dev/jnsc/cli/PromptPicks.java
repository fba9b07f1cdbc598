package dev.jnsc.cli;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.ops.OpsException;
import dev.jnsc.ops.Workspace;
import dev.jnsc.store.OperatorStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Choices among what the store holds, as the Go nsc asks them with -i: the account (PickAccount),
 * the user (PickUser), the key that signs when several can (SignerParams), an export. Each puts the
 * answer back into the {@link Args} (or -K), so that run() reads flags and answers alike.
 */
final class PromptPicks {

    private PromptPicks() {
    }

    /**
     * Go's PickAccount: the only account, else "select account" among the operator's, the one given
     * with {@code option} (or the current one) as the default; sets {@code option}.
     */
    static String account(Prompter p, Args a, Cli cli, String option) {
        Workspace ws = cli.workspace();
        OperatorStore op = ws.operator(null);
        List<String> all = op.accountNames();
        if (all.isEmpty()) {
            throw new OpsException("operator \"" + op.name() + "\" has no accounts - add one with \"nsc add account <name>\"");
        }
        if (a.str(option) != null) {
            op.requireAccount(a.str(option)); // a name given is not silently replaced by a choice
        }
        String name = all.get(0);
        if (all.size() > 1) {
            String current = a.str(option);
            if (current == null) {
                try {
                    current = ws.accountName(op, null);
                } catch (OpsException e) {
                    current = null; // no current account: the first is the default
                }
            }
            name = all.get(p.select("select account", all, Math.max(0, all.indexOf(current))));
        }
        a.set(option, name);
        return name;
    }

    /** Go's PickUser: the account's only user, else "select user" (the one given as the default); sets {@code option}. */
    static String user(Prompter p, Args a, Cli cli, String account, String option) {
        OperatorStore op = cli.workspace().operator(null);
        List<String> users = op.userNames(account);
        if (users.isEmpty()) {
            throw new OpsException("account \"" + account + "\" has no users - add one with \"nsc add user <name>\"");
        }
        String given = a.str(option);
        if (given != null && !users.contains(given)) {
            throw new OpsException("user \"" + given + "\" does not exist in account \"" + account + "\"");
        }
        String name = users.get(0);
        if (users.size() > 1) {
            name = users.get(p.select("select user", users, Math.max(0, users.indexOf(a.str(option)))));
        }
        a.set(option, name);
        return name;
    }

    /**
     * Go's SignerParams.Edit for what the operator signs (account JWTs). Not in a managed store:
     * there the operator's keys are not ours and the account signs itself (see ManagedAccounts).
     */
    static void operatorSigner(Prompter p, Cli cli) {
        OperatorStore op = cli.workspace().operator(null);
        if (cli.signer() != null || op.isManaged()) {
            return;
        }
        OperatorClaims oc = op.operator();
        cli.globals.privateKey = Prompts.chooseSigner(p, cli, "select the key to use for signing", KeyKind.OPERATOR,
                oc.subject(), oc.signingKeys(), oc.strictSigningKeyUsage(), null);
    }

    /** Go's SignerParams.Edit for what an account signs (activations, user JWTs). */
    static void accountSigner(Prompter p, Cli cli, String account, String label) {
        if (cli.signer() != null) {
            return;
        }
        cli.globals.privateKey = chooseAccountSigner(p, cli, account, label);
    }

    /**
     * As {@link #accountSigner} but gives the answer back (null: nothing to choose) instead of
     * setting -K: for an activation made on the way to something the operator signs.
     */
    static String chooseAccountSigner(Prompter p, Cli cli, String account, String label) {
        OperatorStore op = cli.workspace().operator(null);
        AccountClaims ac = op.account(account);
        List<String> sks = new ArrayList<>();
        for (SigningKey k : ac.signingKeys()) {
            sks.add(k.key());
        }
        return Prompts.chooseSigner(p, cli, label, KeyKind.ACCOUNT, ac.subject(), sks,
                op.operator().strictSigningKeyUsage(), null);
    }

    /** The label of an export in a choice, as the Go nsc shows it: "  A -> [name] subject [!]". */
    static String exportLabel(String account, Export e) {
        String arrow = e.isService() ? "<-" : "->";
        String priv = e.tokenRequired() ? " [!]" : "";
        String name = e.name() == null || e.name().isEmpty() || e.name().equals(e.subject()) ? "" : "[" + e.name() + "] ";
        return account + " " + arrow + " " + name + e.subject() + priv;
    }
}
