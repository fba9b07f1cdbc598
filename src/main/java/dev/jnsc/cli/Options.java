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

    /** The name, or null when neither form was given. */
    static String name(Args a) {
        String positional = a.positional(0);
        String option = a.str("--name");
        if (positional != null && option != null && !positional.equals(option)) {
            throw new UsageException("the name was given twice (\"" + positional + "\" and --name \"" + option + "\")");
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
