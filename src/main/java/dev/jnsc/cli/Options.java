package dev.jnsc.cli;

import dev.jnsc.ops.OpsException;
import dev.jnsc.ops.PermissionEdits;
import java.util.List;

/** Option sets shared by several commands: declared once here, read once here. */
final class Options {
    private Options() {
    }

    /** An entity name, positionally or with -n/--name. */
    static void name(Spec s, String kind) {
        s.positional("name", "0..1", kind + " name");
        s.value("name", kind + " name", "-n", "--name");
    }

    /**
     * The name, or null when neither form was given. Given twice with different values (-n twice,
     * or -n and the positional) it is a usage error: the command would act on one of them only.
     */
    static String name(Args a) {
        String positional = a.positional(0);
        String option = a.str("--name");
        if (positional != null && option != null && !positional.equals(option)) {
            throw new UsageException("the name was given twice (\"" + positional + "\" and --name \"" + option + "\")");
        }
        if (positional != null && positional.isBlank()) {
            throw new OpsException(a.positionalHelp(0) + " \"" + positional + "\" is empty");
        }
        return option != null ? option : positional;
    }

    static String requiredName(Args a, String kind) {
        String v = name(a);
        if (v == null) {
            throw new UsageException(kind + " name is required");
        }
        return v;
    }

    static void times(Spec s) {
        s.value("date", "valid from: 0, yyyy-mm-dd, \"yyyy-mm-dd hh:mm:ss\" or relative like 1d, 3M", "--start");
        s.value("date", "valid until: 0 (never), yyyy-mm-dd, \"yyyy-mm-dd hh:mm:ss\" or relative like 30d, 1y",
                "--expiry");
    }

    static void account(Spec s) {
        s.value("name", "account name", "-a", "--account");
    }

    static void tags(Spec s) {
        s.list("tag", "add tags (comma list or repeated)", "--tag");
        s.list("tag", "remove tags", "--rm-tag");
    }

    /** The pub/sub permission flags. */
    static void permissions(Spec s) {
        s.list("subject", "add publish allow subjects", "--allow-pub");
        s.list("subject", "add subscribe allow subjects (\"subject queue\" for a queue)", "--allow-sub");
        s.list("subject", "add publish and subscribe allow subjects", "--allow-pubsub");
        s.list("subject", "add publish deny subjects", "--deny-pub");
        s.list("subject", "add subscribe deny subjects", "--deny-sub");
        s.list("subject", "add publish and subscribe deny subjects", "--deny-pubsub");
    }

    /** Response permission flags and --rm, for commands that edit existing permissions. */
    static void permissionEdits(Spec s) {
        s.list("subject", "remove subjects from every permission list", "--rm");
        s.optionalValue("max", "1", "allow publishing to reply subjects, at most <max> responses (default 1)",
                "--allow-pub-response");
        s.value("duration", "time limit for responses, e.g. 5s, 1m", "--response-ttl");
        s.flag("remove response permissions", "--rm-response-perms");
    }

    /** The account limit, JetStream and info flags of add/edit account. */
    static void accountLimits(Spec s) {
        s.value("count", "max client connections, -1 for unlimited", "--conns");
        s.value("count", "max leaf node connections, -1 for unlimited", "--leaf-conns");
        s.value("count", "max subscriptions, -1 for unlimited", "--subscriptions");
        s.value("size", "max data (e.g. 1G), -1 for unlimited", "--data");
        s.value("size", "max message payload (e.g. 1M), -1 for unlimited", "--payload");
        s.value("count", "max imports, -1 for unlimited", "--imports");
        s.value("count", "max exports, -1 for unlimited", "--exports");
        s.toggle("exports may use wildcards (default true)", "--wildcard-exports");
        s.toggle("refuse users whose JWT is a bearer token", "--disallow-bearer");
        s.value("tier", "enable JetStream with unlimited storage: 0 for the global limits, n for tier Rn", "--js-enable");
        s.flag("disable JetStream (removes every JetStream limit)", "--js-disable");
        s.value("tier", "the tier the --js-* limits apply to: 0 global (default), n for tier Rn", "--js-tier");
        s.list("tier", "remove the limits of a JetStream tier (0: the global limits)", "--rm-js-tier");
        s.value("size", "JetStream memory storage, -1 unlimited, 0 none", "--js-mem-storage");
        s.value("size", "JetStream disk storage, -1 unlimited, 0 none", "--js-disk-storage");
        s.value("count", "JetStream streams, -1 for unlimited", "--js-streams");
        s.value("count", "JetStream consumers, -1 for unlimited", "--js-consumer");
        s.value("count", "max ack pending per consumer, -1 for unlimited", "--js-max-ack-pending");
        s.value("size", "max bytes of a memory stream, -1 for unlimited", "--js-max-mem-stream");
        s.value("size", "max bytes of a disk stream, -1 for unlimited", "--js-max-disk-stream");
        s.toggle("streams must set a max bytes limit", "--js-max-bytes-required");
        s.value("text", "account description", "--description");
        s.value("url", "link to more information about the account", "--info-url");
    }

    static dev.jnsc.ops.AccountEdits accountLimits(Args a) {
        return new dev.jnsc.ops.AccountEdits(a.str("--conns"), a.str("--leaf-conns"), a.str("--subscriptions"),
                a.str("--data"), a.str("--payload"), a.str("--imports"), a.str("--exports"),
                a.has("--wildcard-exports") ? a.flag("--wildcard-exports") : null,
                a.has("--disallow-bearer") ? a.flag("--disallow-bearer") : null, a.str("--js-enable"),
                a.flag("--js-disable"), a.str("--js-tier"), a.list("--rm-js-tier"), a.str("--js-mem-storage"),
                a.str("--js-disk-storage"), a.str("--js-streams"), a.str("--js-consumer"), a.str("--js-max-ack-pending"),
                a.str("--js-max-mem-stream"), a.str("--js-max-disk-stream"),
                a.has("--js-max-bytes-required") ? a.flag("--js-max-bytes-required") : null, a.str("--description"),
                a.str("--info-url"));
    }

    /** The user limit flags (users and scoped signing keys). */
    static void userLimits(Spec s) {
        s.value("count", "max subscriptions, -1 for unlimited", "--subs");
        s.value("size", "max data (e.g. 1M, 512KiB), -1 for unlimited", "--data");
        s.value("size", "max message payload (e.g. 1M, 512KiB), -1 for unlimited", "--payload");
        s.toggle("the user's JWT is a bearer token: no nonce signature needed", "--bearer");
        s.list("cidr", "allow connections only from these networks (CIDR)", "--source-network");
        s.list("cidr", "remove allowed source networks", "--rm-source-network");
        s.list("hh:mm:ss-hh:mm:ss", "allow connections only in this daily time window", "--time");
        s.list("hh:mm:ss", "remove the time window starting at this time", "--rm-time");
        s.value("zone", "IANA time zone of the time windows, e.g. UTC or Europe/Berlin", "--locale");
        s.list("type", "allow only these connection types (STANDARD, WEBSOCKET, LEAFNODE, LEAFNODE_WS, MQTT, "
                + "MQTT_WS, IN_PROCESS)", "--conn-type");
        s.list("type", "remove allowed connection types", "--rm-conn-type");
    }

    static dev.jnsc.ops.LimitEdits userLimits(Args a) {
        Boolean bearer = a.has("--bearer") ? a.flag("--bearer") : null;
        return new dev.jnsc.ops.LimitEdits(a.str("--subs"), a.str("--data"), a.str("--payload"), bearer,
                a.list("--source-network"), a.list("--rm-source-network"), a.list("--time"), a.list("--rm-time"),
                a.str("--locale"), a.list("--conn-type"), a.list("--rm-conn-type"));
    }

    static PermissionEdits permissions(Args a) {
        Long max = null;
        if (a.has("--allow-pub-response")) {
            max = a.number("--allow-pub-response");
        }
        return new PermissionEdits(a.list("--allow-pub"), a.list("--allow-sub"), a.list("--allow-pubsub"),
                a.list("--deny-pub"), a.list("--deny-sub"), a.list("--deny-pubsub"), listOrEmpty(a, "--rm"), max,
                a.has("--response-ttl") ? a.str("--response-ttl") : null, a.has("--rm-response-perms")
                        && a.flag("--rm-response-perms"));
    }

    private static List<String> listOrEmpty(Args a, String name) {
        return a.has(name) ? a.list(name) : List.of();
    }
}
