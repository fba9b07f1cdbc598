package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.AccountLimits;
import dev.jnsc.jwt.JetStreamLimits;
import java.util.List;

/**
 * The limit and JetStream flags of add/edit account. Values stay strings until applied, so every
 * one is checked (and named in the error) before anything is written.
 *
 * @param jsTier the tier the --js-* flags apply to: null or "0" for the global limits, "n" for Rn
 */
public record AccountEdits(String conns, String leafConns, String subscriptions, String data, String payload,
        String imports, String exports, Boolean wildcardExports, Boolean disallowBearer, String jsEnable,
        boolean jsDisable, String jsTier, List<String> rmJsTiers, String jsMemStorage, String jsDiskStorage,
        String jsStreams, String jsConsumer, String jsMaxAckPending, String jsMaxMemStream, String jsMaxDiskStream,
        Boolean jsMaxBytesRequired, String description, String infoUrl) {

    public boolean isEmpty() {
        return conns == null && leafConns == null && subscriptions == null && data == null && payload == null
                && imports == null && exports == null && wildcardExports == null && disallowBearer == null
                && jsEnable == null && !jsDisable && jsTier == null && rmJsTiers.isEmpty() && !setsJetStream()
                && description == null && infoUrl == null;
    }

    private boolean setsJetStream() {
        return jsMemStorage != null || jsDiskStorage != null || jsStreams != null || jsConsumer != null
                || jsMaxAckPending != null || jsMaxMemStream != null || jsMaxDiskStream != null
                || jsMaxBytesRequired != null;
    }

    /**
     * Applies the flags. As the Go nsc's edit account, an edit that neither enables, disables nor
     * removes JetStream limits rewrites the JetStream limits of the tier it targets (the global
     * limits unless --js-tier): kept as they are when any is set, else the defaults (storage 0,
     * every other limit -1; all 0 for the system account) with the given flags on top.
     */
    public void apply(AccountClaims ac, boolean systemAccount, Report r) {
        AccountLimits l = ac.limits();
        if (conns != null) {
            l.conn(Values.count("--conns", conns));
            r.ok("changed max connections to " + show(l.conn()));
        }
        if (leafConns != null) {
            l.leaf(Values.count("--leaf-conns", leafConns));
            r.ok("changed max leaf node connections to " + show(l.leaf()));
        }
        if (subscriptions != null) {
            l.subs(Values.count("--subscriptions", subscriptions));
            r.ok("changed max subscriptions to " + show(l.subs()));
        }
        if (data != null) {
            l.data(Values.size("--data", data));
            r.ok("changed max data to " + show(l.data()));
        }
        if (payload != null) {
            l.payload(Values.size("--payload", payload));
            r.ok("changed max payload to " + show(l.payload()));
        }
        if (imports != null) {
            l.imports(Values.count("--imports", imports));
            r.ok("changed max imports to " + show(l.imports()));
        }
        if (exports != null) {
            l.exports(Values.count("--exports", exports));
            r.ok("changed max exports to " + show(l.exports()));
        }
        if (wildcardExports != null) {
            l.wildcards(wildcardExports);
            r.ok("changed exports allow wildcards to " + wildcardExports);
        }
        if (disallowBearer != null) {
            l.disallowBearer(disallowBearer);
            r.ok("changed disallow bearer tokens to " + disallowBearer);
        }
        applyJetStream(l, systemAccount, r);
        if (description != null) {
            ac.description(description);
            r.ok("changed description to \"" + description + "\"");
        }
        if (infoUrl != null) {
            ac.infoUrl(infoUrl.isEmpty() ? "" : Values.url("--info-url", infoUrl));
            r.ok("changed info url to \"" + ac.infoUrl() + "\"");
        }
    }

    private void applyJetStream(AccountLimits l, boolean systemAccount, Report r) {
        boolean removes = !rmJsTiers.isEmpty();
        boolean sets = jsTier != null || setsJetStream();
        if (jsDisable && (removes || sets || jsEnable != null)) {
            throw new OpsException("--js-disable is exclusive of all other JetStream flags");
        }
        if (removes && (sets || jsEnable != null)) {
            throw new OpsException("--rm-js-tier is exclusive of all other JetStream flags");
        }
        if (jsEnable != null && sets) {
            throw new OpsException("--js-enable is exclusive of all other JetStream flags");
        }
        if (jsDisable) {
            l.jetStream(new JetStreamLimits());
            l.tiered().clear();
            r.ok("disabled JetStream");
            return;
        }
        if (removes) {
            for (String t : rmJsTiers) {
                String tier = tierName("--rm-js-tier", t);
                if (tier == null ? !l.jetStream().isSet() : l.tiered().remove(tier) == null) {
                    throw new OpsException("--rm-js-tier \"" + t + "\": the account has no such JetStream tier");
                }
                if (tier == null) {
                    l.jetStream(new JetStreamLimits());
                }
                r.ok("removed JetStream " + (tier == null ? "global limits" : "tier " + tier));
            }
            return;
        }
        if (jsEnable != null) {
            String tier = tierName("--js-enable", jsEnable);
            if (tier == null ? l.jetStream().isEnabled() : l.tiered().containsKey(tier)) {
                throw new OpsException("--js-enable: JetStream " + (tier == null ? "global limits are" : "tier " + tier
                        + " is") + " already enabled");
            }
            refuseMix(l, tier);
            JetStreamLimits js = new JetStreamLimits().diskStorage(-1).memStorage(-1);
            if (tier == null) {
                l.jetStream(js);
            } else {
                l.tiered().put(tier, js);
            }
            r.ok("enabled JetStream" + (tier == null ? "" : " tier " + tier) + " with unlimited storage");
            return;
        }
        if (jsTier != null && !setsJetStream()) {
            throw new OpsException("--js-tier only selects the tier for the --js-* limit flags; give one of them too");
        }
        String tier = jsTier == null ? null : tierName("--js-tier", jsTier);
        if (sets) {
            refuseMix(l, tier);
        }
        JetStreamLimits current = tier == null ? l.jetStream() : l.tiered().get(tier);
        JetStreamLimits js;
        if (current != null && current.isSet()) {
            js = current;
        } else {
            long d = systemAccount ? 0 : -1;
            js = new JetStreamLimits().streams(d).consumer(d).maxAckPending(d).memMaxStreamBytes(d)
                    .diskMaxStreamBytes(d);
        }
        if (tier == null) {
            l.jetStream(js);
        } else {
            l.tiered().put(tier, js);
        }
        String where = tier == null ? "" : " (tier " + tier + ")";
        if (jsMemStorage != null) {
            js.memStorage(Values.size("--js-mem-storage", jsMemStorage));
            r.ok("changed JetStream memory storage to " + show(js.memStorage()) + where);
        }
        if (jsDiskStorage != null) {
            js.diskStorage(Values.size("--js-disk-storage", jsDiskStorage));
            r.ok("changed JetStream disk storage to " + show(js.diskStorage()) + where);
        }
        if (jsStreams != null) {
            js.streams(Values.count("--js-streams", jsStreams));
            r.ok("changed JetStream streams to " + show(js.streams()) + where);
        }
        if (jsConsumer != null) {
            js.consumer(Values.count("--js-consumer", jsConsumer));
            r.ok("changed JetStream consumers to " + show(js.consumer()) + where);
        }
        if (jsMaxAckPending != null) {
            js.maxAckPending(Values.count("--js-max-ack-pending", jsMaxAckPending));
            r.ok("changed JetStream max ack pending to " + show(js.maxAckPending()) + where);
        }
        if (jsMaxMemStream != null) {
            js.memMaxStreamBytes(Values.size("--js-max-mem-stream", jsMaxMemStream));
            r.ok("changed JetStream max memory stream to " + show(js.memMaxStreamBytes()) + where);
        }
        if (jsMaxDiskStream != null) {
            js.diskMaxStreamBytes(Values.size("--js-max-disk-stream", jsMaxDiskStream));
            r.ok("changed JetStream max disk stream to " + show(js.diskMaxStreamBytes()) + where);
        }
        if (jsMaxBytesRequired != null) {
            js.maxBytesRequired(jsMaxBytesRequired);
            r.ok("changed JetStream max bytes required to " + jsMaxBytesRequired + where);
        }
    }

    /**
     * Global limits and tiers exclude each other. The global limits count as there when JetStream
     * is enabled by them (the Go nsc also counts the unlimited defaults it writes on every edit,
     * and so refuses a tier after any earlier edit).
     */
    private static void refuseMix(AccountLimits l, String tier) {
        if (tier == null && !l.tiered().isEmpty()) {
            throw new OpsException("cannot set a JetStream global limit when the account has tiered limits '"
                    + String.join(",", l.tiered().keySet()) + "' - remove them with --rm-js-tier <n> first");
        }
        if (tier != null && l.jetStream().isEnabled()) {
            throw new OpsException("cannot set a JetStream tier limit when the account has a global limit - remove it "
                    + "with --rm-js-tier 0 first");
        }
    }

    /** null for the global limits (tier 0), "R1", "R3", ... otherwise. */
    private static String tierName(String flag, String value) {
        String v = value == null ? "" : value.trim();
        if (v.toUpperCase(java.util.Locale.ROOT).startsWith("R")) {
            v = v.substring(1);
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0 || n > 5) {
                throw new NumberFormatException();
            }
            return n == 0 ? null : "R" + n;
        } catch (NumberFormatException e) {
            throw new OpsException(flag + " \"" + value + "\" is invalid: expected 0 (global limits) or a replica count "
                    + "1 to 5 (tier R1 to R5)");
        }
    }

    private static JetStreamLimits target(AccountLimits l, String tier) {
        if (tier == null) {
            return l.jetStream();
        }
        return l.tiered().computeIfAbsent(tier, k -> new JetStreamLimits());
    }

    private static String show(long v) {
        return v == -1 ? "unlimited" : Long.toString(v);
    }
}
