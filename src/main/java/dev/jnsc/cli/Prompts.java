package dev.jnsc.cli;

import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.ops.KeyArg;
import dev.jnsc.ops.TimeSpec;
import dev.jnsc.store.Names;

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
