package dev.jnsc.cli;

import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.ops.KeyArg;
import dev.jnsc.ops.TimeSpec;
import dev.jnsc.store.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * The questions several commands ask with -i, as the Go nsc's shared parameter helpers ask them
 * (NameFlagOrArgument, PubKeyParams, TimeParams, SignerParams). Each takes the value given as a
 * flag as its default and puts the answer back into the {@link Args}.
 */
final class Prompts {
    private Prompts() {
    }

    /** "<kind> name": the positional or -n value as the default; sets --name. */
    static String name(Prompter p, Args a, String kind) {
        String v = p.prompt(kind + " name", Options.name(a), s -> Names.check(kind, s));
        a.setPositional(0, null);
        a.set("--name", v);
        return v;
    }

    /**
     * Go's "generate an <kind> nkey" (yes unless {@code option} was given), else "path to an <kind>
     * nkey or nkey": a public key, a seed (not echoed) or a key file, checked to be of {@code kind};
     * sets {@code option} (null when a key is to be generated).
     */
    static void keyOrGenerate(Prompter p, Args a, Cli cli, KeyKind kind, String option) {
        String given = a.str(option);
        if (p.confirm("generate " + kind.withArticle() + " nkey", given == null)) {
            a.set(option, (String) null);
            return;
        }
        String v = p.prompt("path to " + kind.withArticle() + " nkey or nkey", given, s -> checkKey(cli, s, kind));
        a.set(option, v);
    }

    /** Fails with the reason unless {@code value} names a key of {@code kind}; keeps no seed. */
    static void checkKey(Cli cli, String value, KeyKind kind) {
        NKey k = KeyArg.resolve(cli.workspace(), value, kind);
        k.clear();
    }

    /**
     * Go's AccountContextParams.Edit (PickAccount): the account of the current operator, chosen
     * from a list when there are several (the -a value, else the current one, first); sets
     * {@code --account}. Fails as the command would when the operator has no account.
     */
    static String account(Prompter p, Args a, Cli cli) {
        dev.jnsc.ops.Workspace ws = cli.workspace();
        dev.jnsc.store.OperatorStore op = ws.operator(null);
        List<String> names = op.accountNames();
        if (names.isEmpty()) {
            throw new dev.jnsc.ops.OpsException("operator \"" + op.name() + "\" has no accounts - add one first");
        }
        String given = a.str("--account");
        String current = given;
        if (current == null) {
            try {
                current = ws.accountName(op, null);
            } catch (RuntimeException e) {
                current = null; // none selected: the first is offered
            }
        }
        int at = Math.max(0, names.indexOf(current));
        String chosen = names.size() == 1 && (given == null || given.equals(names.get(0))) ? names.get(0)
                : names.get(p.select("select an account", names, at));
        a.set("--account", chosen);
        return chosen;
    }

    /**
     * Go's SignerParams.SelectFromSigners: which key signs, when several could. The candidates are
     * the issuer's identity key (unless {@code strict}) and its signing keys; with one stored seed
     * among them nothing is asked, with several a list of the stored ones (and "Other..." when a
     * candidate's seed is not stored: then a seed or key file is asked for, not echoed). Nothing is
     * asked when -K was given. The choice becomes the run's -K.
     */
    static void signer(Prompter p, Cli cli, String label, KeyKind kind, String identity, List<String> signingKeys,
            boolean strict) {
        if (cli.signer() == null) {
            cli.globals.privateKey = chooseSigner(p, cli, label, kind, identity, signingKeys, strict, null);
        }
    }

    /**
     * The one question of which key signs (see {@link #signer}), for every command that asks it:
     * {@code current} (the key that signed the JWT being edited, or null) is the default. Gives the
     * key or seed chosen, or null when there was nothing to choose (one stored key may sign, or none:
     * the command then says what is wrong).
     */
    static String chooseSigner(Prompter p, Cli cli, String label, KeyKind kind, String identity,
            List<String> signingKeys, boolean strict, String current) {
        List<String> candidates = new ArrayList<>();
        if (!strict) {
            candidates.add(identity);
        }
        for (String k : signingKeys) {
            if (!candidates.contains(k)) {
                candidates.add(k);
            }
        }
        List<String> stored = new ArrayList<>();
        List<String> choices = new ArrayList<>();
        for (String c : candidates) {
            if (cli.workspace().keystore().hasSeed(c)) {
                stored.add(c);
                choices.add(c + (c.equals(identity) ? " (identity key)" : " (signing key)"));
            }
        }
        boolean missing = stored.size() < candidates.size();
        if (stored.size() == 1 && !missing || candidates.isEmpty()) {
            return null;
        }
        if (missing) {
            choices.add("Other...");
        }
        int choice = p.select(label == null ? "select the key to use for signing" : label, choices,
                Math.max(0, stored.indexOf(current)));
        if (choice < stored.size()) {
            return stored.get(choice);
        }
        String noun = kind.withArticle().substring(kind.withArticle().indexOf(' ') + 1); // "operator", as Go's [operator]
        return p.prompt("path to signer " + noun + " nkey or nkey", null, v -> {
            NKey k = KeyArg.resolve(cli.workspace(), v, kind);
            try {
                if (!candidates.contains(k.publicKey())) {
                    throw new dev.jnsc.ops.OpsException("key " + k.publicKey() + " cannot sign: expected one of "
                            + String.join(", ", candidates));
                }
                if (!k.hasSeed()) {
                    throw new dev.jnsc.ops.OpsException("the seed of " + k.publicKey() + " is not stored: give the seed"
                            + " or a file holding it");
                }
            } finally {
                k.clear();
            }
        });
    }

    /**
     * A list option (tags, subjects...) in Go's list editor: each value given asked again (Enter
     * keeps it), then new ones until an empty answer; sets {@code option} to the result.
     */
    static List<String> list(Prompter p, Args a, String label, String option, Prompter.Check check) {
        List<String> v = p.list(label, a.list(option), check);
        a.set(option, v);
        return v;
    }

    /** Go's TimeParams.Edit: "valid from", then "valid until (0 is always)"; sets --start and --expiry. */
    static void times(Prompter p, Args a, Cli cli) {
        time(p, a, cli, "valid from", "--start");
        time(p, a, cli, "valid until (0 is always)", "--expiry");
    }

    private static void time(Prompter p, Args a, Cli cli, String label, String option) {
        long now = cli.clock.instant().getEpochSecond();
        String v = p.prompt(label, a.str(option), s -> {
            if (!s.isEmpty()) {
                TimeSpec.parse(option, s, now);
            }
        });
        a.set(option, v.isEmpty() ? null : v);
    }
}
