package dev.jnsc.cli;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.AccountLimits;
import dev.jnsc.jwt.JetStreamLimits;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.ops.OpsException;
import dev.jnsc.ops.Subjects;
import dev.jnsc.ops.Values;
import dev.jnsc.store.OperatorStore;

/**
 * edit account -i, in the order of the Go nsc's editaccount.go (PreInteractive, PostInteractive,
 * PostInteractiveTier): the account, signing keys, the seven limits, JetStream limits of a tier,
 * valid from/until, tags, the operator key that signs, description, info url, context tracing.
 */
final class EditAccountPrompts {
    private EditAccountPrompts() {
    }

    static void ask(Prompter p, Args a, Cli cli) {
        String name = EditPrompts.account(p, a, cli, Options.name(a), "--name");
        a.setPositional(0, null);
        OperatorStore op = EditPrompts.operator(cli);
        AccountClaims ac = op.account(name);
        AccountLimits l = ac.limits();
        EditPrompts.signingKeys(p, a, cli, KeyKind.ACCOUNT);
        EditPrompts.number(p, a, "max connections (-1 unlimited)", "--conns", l.conn(), false);
        EditPrompts.number(p, a, "max leaf node connections (-1 unlimited)", "--leaf-conns", l.leaf(), false);
        EditPrompts.number(p, a, "max data (-1 unlimited)", "--data", l.data(), true);
        EditPrompts.number(p, a, "max exports (-1 unlimited)", "--exports", l.exports(), false);
        EditPrompts.number(p, a, "max imports (-1 unlimited)", "--imports", l.imports(), false);
        EditPrompts.number(p, a, "max payload (-1 unlimited)", "--payload", l.payload(), true);
        EditPrompts.number(p, a, "max subscriptions (-1 unlimited)", "--subscriptions", l.subs(), false);
        jetStream(p, a, l);
        EditPrompts.times(p, a, cli, ac.notBefore(), ac.expires());
        EditPrompts.tags(p, a, ac.tags());
        OperatorClaims oc = op.operator();
        EditPrompts.signer(p, cli, null, KeyKind.OPERATOR, oc.subject(), oc.signingKeys(), oc.strictSigningKeyUsage(),
                ac.issuer());
        EditPrompts.text(p, a, "Account Description", "--description", ac.description(), s -> { });
        EditPrompts.text(p, a, "Info url", "--info-url", ac.infoUrl(), s -> Values.url("--info-url", s));
        if (p.confirm("Enable context tracing?", false)) {
            String dest = ac.traceDestination() == null ? "" : ac.traceDestination();
            EditPrompts.text(p, a, "Trace context subject?", "--trace-context-subject", dest, s -> {
                Subjects.check("--trace-context-subject", s);
                if (Subjects.hasWildcards(s)) {
                    throw new OpsException("tracing subjects cannot contain wildcards: \"" + s + "\"");
                }
            });
            String given = a.str("--trace-context-sampling");
            String rate = p.prompt("Trace context sampling rate [1-100]", given != null ? given
                    : Long.toString(ac.traceSampling()), s -> Values.count("--trace-context-sampling", s));
            // as the Go nsc: below 0 is 0 (the server's default), above 100 is 100
            long n = Math.max(0, Math.min(100, Values.count("--trace-context-sampling", rate)));
            a.set("--trace-context-sampling", n == ac.traceSampling() && given == null ? null : Long.toString(n));
        }
    }

    /** Go's PostInteractiveTier: "set JetStream limits", the tier, then its limits. */
    private static void jetStream(Prompter p, Args a, AccountLimits l) {
        if (!p.confirm("set JetStream limits", false)) {
            return;
        }
        String given = a.str("--js-tier");
        String tier = p.prompt("edit tier (0 matches all tiers)", given != null ? given : "0", s -> {
            int v = tier(s);
            if (v == 0 && !l.tiered().isEmpty()) {
                throw new OpsException("configuration has tier limits - global limits are not allowed");
            }
            if (v > 0 && l.jetStream().isEnabled()) {
                throw new OpsException("configuration has global limits - tiered limits are not allowed");
            }
        });
        int n = tier(tier);
        JetStreamLimits js = n == 0 ? l.jetStream() : l.tiered().getOrDefault("R" + n, new JetStreamLimits());
        a.set("--js-tier", Integer.toString(n));
        EditPrompts.number(p, a, "max mem storage (-1 unlimited / 0 disabled)", "--js-mem-storage", js.memStorage(), true);
        EditPrompts.number(p, a, "max disk storage (-1 unlimited / 0 disabled)", "--js-disk-storage", js.diskStorage(),
                true);
        long mem = a.has("--js-mem-storage") ? Values.size("", a.str("--js-mem-storage")) : js.memStorage();
        long disk = a.has("--js-disk-storage") ? Values.size("", a.str("--js-disk-storage")) : js.diskStorage();
        if (mem != 0 || disk != 0) {
            EditPrompts.number(p, a, "max streams (-1 unlimited)", "--js-streams", js.streams(), false);
            EditPrompts.number(p, a, "max consumer (-1 unlimited)", "--js-consumer", js.consumer(), false);
            EditPrompts.number(p, a, "max size for a memory stream (-1 unlimited)", "--js-max-mem-stream",
                    js.memMaxStreamBytes(), true);
            EditPrompts.number(p, a, "max size for a disk stream (-1 unlimited)", "--js-max-disk-stream",
                    js.diskMaxStreamBytes(), true);
            EditPrompts.number(p, a, "max number of pending acks for a consumer", "--js-max-ack-pending",
                    js.maxAckPending(), false);
            boolean required = a.has("--js-max-bytes-required") ? a.flag("--js-max-bytes-required")
                    : js.maxBytesRequired();
            boolean v = p.confirm("require max bytes when creating a stream", required);
            if (v != js.maxBytesRequired() || a.has("--js-max-bytes-required")) {
                a.set("--js-max-bytes-required", v);
            }
        }
        if (!a.has("--js-mem-storage") && !a.has("--js-disk-storage") && !a.has("--js-streams")
                && !a.has("--js-consumer") && !a.has("--js-max-mem-stream") && !a.has("--js-max-disk-stream")
                && !a.has("--js-max-ack-pending") && !a.has("--js-max-bytes-required")) {
            a.set("--js-tier", given); // nothing changed: as if the tier had not been asked
        }
    }

    private static int tier(String s) {
        try {
            int v = Integer.parseInt(s.trim());
            if (v < 0) {
                throw new OpsException("replication must be 0 or greater");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new OpsException("\"" + s + "\": expected a whole number, 0 for all tiers");
        }
    }
}
