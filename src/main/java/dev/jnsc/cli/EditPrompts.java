package dev.jnsc.cli;

import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.ops.OpsException;
import dev.jnsc.ops.TimeSpec;
import dev.jnsc.store.OperatorStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The questions the edit and delete commands ask with -i, as the Go nsc's PickAccount, PickUser,
 * SignerParams.Edit, NumberParams.Edit, GenericClaimsParams.Edit and SigningKeysParams.Edit ask
 * them: the current value is the default, and an answer equal to it changes nothing (the option
 * is then left unset, so the report names only what was changed). Reads the store; writes nothing.
 */
final class EditPrompts {
    private EditPrompts() {
    }

    /**
     * The report of an edit whose every answer kept the current value: nothing is written (the Go
     * nsc re-signs the same claims then; jnsc without -i refuses an edit that changes nothing).
     */
    static dev.jnsc.ops.Report unchanged(String what) {
        return new dev.jnsc.ops.Report().ok(what + " unchanged: every answer kept the current value");
    }

    /** The current operator's store (read only), as the command will load it. */
    static OperatorStore operator(Cli cli) {
        return cli.workspace().operator(null);
    }

    /**
     * Go's PickAccount: "select account" when the operator has several (the account named, else the
     * current one, as the default); sets {@code option} to the account chosen and returns it.
     */
    static String account(Prompter p, Args a, Cli cli, String named, String option) {
        OperatorStore op = operator(cli);
        List<String> accounts = op.accountNames();
        if (accounts.isEmpty()) {
            throw new OpsException("operator \"" + op.name() + "\" has no accounts - add one with \"nsc add account <name>\"");
        }
        if (named != null) {
            op.requireAccount(named); // a name given that is not there is an error, not a default
        }
        String name = named;
        if (name == null) {
            try {
                name = cli.workspace().accountName(op, null);
            } catch (OpsException e) {
                name = null; // several and none selected: the first is the default
            }
        }
        if (accounts.size() == 1) {
            name = accounts.get(0);
        } else {
            name = accounts.get(p.select("select account", accounts, Math.max(0, accounts.indexOf(name))));
        }
        a.set(option, name);
        return name;
    }

    /** Go's PickUser: "select user" when the account has several (the one named as default). */
    static String user(Prompter p, Cli cli, String account, String named) {
        List<String> users = operator(cli).userNames(account);
        if (users.isEmpty()) {
            throw new OpsException("account \"" + account + "\" doesn't have any users - add one first");
        }
        if (users.size() == 1) {
            return users.get(0);
        }
        return users.get(p.select("select user", users, Math.max(0, users.indexOf(named))));
    }

    /**
     * Go's SignerParams.Edit: when several keys could sign (or one could but its seed is not
     * stored), "select the key to use for signing" among the stored ones, with "Other..." to type
     * a key; the key that signed the current JWT is the default. Sets -K. Nothing is asked when -K
     * was given or when one stored key is the only one that may sign.
     */
    static void signer(Prompter p, Cli cli, String label, KeyKind kind, String identity, List<String> signingKeys,
            boolean strict, String current) {
        if (cli.signer() == null) {
            cli.globals.privateKey = Prompts.chooseSigner(p, cli, label, kind, identity, signingKeys, strict, current);
        }
    }

    /** Go's NumberParams.Edit: a count or size (-1 unlimited), the current value as the default. */
    static void number(Prompter p, Args a, String label, String option, long current, boolean size) {
        String given = a.str(option);
        String v = p.prompt(label, given != null ? given : Long.toString(current), s -> {
            if (size) {
                dev.jnsc.ops.Values.size(option, s);
            } else {
                dev.jnsc.ops.Values.count(option, s);
            }
        });
        long n = size ? dev.jnsc.ops.Values.size(option, v) : dev.jnsc.ops.Values.count(option, v);
        a.set(option, n == current && given == null ? null : v);
    }

    /** Go's TimeParams.Edit on an edit: "valid from", "valid until (0 is always)", current values as defaults. */
    static void times(Prompter p, Args a, Cli cli, long notBefore, long expires) {
        time(p, a, cli, "valid from", "--start", notBefore);
        time(p, a, cli, "valid until (0 is always)", "--expiry", expires);
    }

    private static void time(Prompter p, Args a, Cli cli, String label, String option, long current) {
        long now = cli.clock.instant().getEpochSecond();
        String given = a.str(option);
        String shown = current == 0 ? "0" : TimeSpec.format(current).replace(" UTC", "");
        String v = p.prompt(label, given != null ? given : shown, s -> TimeSpec.parse(option, s, now));
        a.set(option, v.equals(shown) && given == null ? null : v);
    }

    /**
     * Go's GenericClaimsParams.Edit after the times: "remove tags" (when there are some) and which,
     * then "add a tag" / "add another tag" until no; adds to --rm-tag and --tag.
     */
    static void tags(Prompter p, Args a, List<String> current) {
        List<String> remove = new ArrayList<>(a.list("--rm-tag"));
        if (!current.isEmpty() && p.confirm("remove tags", false)) {
            remove.addAll(pick(p, "select tags to remove", current, List.of(), false));
        }
        a.set("--rm-tag", remove);
        List<String> add = new ArrayList<>(a.list("--tag"));
        boolean first = current.isEmpty() && add.isEmpty();
        while (p.confirm(first ? "add a tag" : "add another tag", false)) {
            first = false;
            add.add(p.prompt("enter a tag", null, s -> {
                if (s.isBlank() || s.contains(",")) {
                    throw new OpsException("\"" + s + "\": expected a tag, not empty and without a comma");
                }
            }));
        }
        a.set("--tag", add);
    }

    /**
     * Go's SigningKeysParams.Edit: the keys given with --sk asked again, then "add a signing key" /
     * "add another signing key" until no, each "path to sk nkey or nkey" (or "generate").
     */
    static void signingKeys(Prompter p, Args a, Cli cli, KeyKind kind) {
        Prompter.Check valid = s -> {
            if (!s.equals("generate")) {
                publicKey(cli, s, kind);
            }
        };
        List<String> keys = new ArrayList<>();
        for (String k : a.list("--sk")) {
            keys.add(p.prompt("path to sk nkey or nkey", k, valid));
        }
        boolean first = keys.isEmpty();
        while (p.confirm(first ? "add a signing key" : "add another signing key", false)) {
            first = false;
            keys.add(p.prompt("path to sk nkey or nkey", null, valid));
        }
        a.set("--sk", keys);
    }

    /** A text (a description, a URL) whose current value is the default; sets {@code option} when it changed. */
    static void text(Prompter p, Args a, String label, String option, String current, Prompter.Check check) {
        String given = a.str(option);
        String cur = current == null ? "" : current;
        String v = p.prompt(label, given != null ? given : cur, s -> {
            if (!s.isEmpty()) {
                check.test(s);
            }
        });
        a.set(option, v.equals(cur) && given == null ? null : v);
    }

    /**
     * Go's MultiSelect as one question: the values chosen, typed as a comma list of names or
     * numbers (1 for the first of {@code values}); {@code defaults} are shown and Enter keeps them.
     * An empty answer without defaults chooses none.
     */
    static List<String> pick(Prompter p, String label, List<String> values, List<String> defaults, boolean atLeastOne) {
        StringBuilder sb = new StringBuilder(label).append(" (comma list of");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? " " : ", ").append(i + 1).append(") ").append(values.get(i));
        }
        String v = p.prompt(sb.append(')').toString(), String.join(",", defaults), s -> {
            if (chosen(s, values).isEmpty() && atLeastOne) {
                throw new OpsException("choose at least one: type their numbers or names");
            }
        });
        return chosen(v, values);
    }

    private static List<String> chosen(String answer, List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String item : answer.split(",")) {
            String t = item.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (values.contains(t)) {
                out.add(t);
                continue;
            }
            try {
                int n = Integer.parseInt(t);
                if (n >= 1 && n <= values.size()) {
                    out.add(values.get(n - 1));
                    continue;
                }
            } catch (NumberFormatException e) {
                // not a number: refused below
            }
            throw new OpsException("\"" + t + "\" is not one of the choices: type their numbers or names");
        }
        return new ArrayList<>(out);
    }

    /** The public key {@code value} names (a public key, a seed, a seed file) of {@code kind}; keeps no seed. */
    private static String publicKey(Cli cli, String value, KeyKind kind) {
        dev.jnsc.nkeys.NKey k = dev.jnsc.ops.KeyArg.resolve(cli.workspace(), value, kind);
        String pub = k.publicKey();
        k.clear();
        return pub;
    }
}
