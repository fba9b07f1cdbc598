package dev.jnsc.ops;

import dev.jnsc.jwt.Permissions;
import java.util.List;

/**
 * The permission flags of add/edit user (and of account default permissions and scoped keys):
 * --allow-pub, --allow-sub, --allow-pubsub, --deny-pub, --deny-sub, --deny-pubsub, --rm,
 * --allow-pub-response[=n], --response-ttl, --rm-response-perms.
 *
 * @param responseMax  null when --allow-pub-response was not given
 * @param responseTtl  a duration such as "5s", or null
 */
public record PermissionEdits(List<String> allowPub, List<String> allowSub, List<String> allowPubSub,
        List<String> denyPub, List<String> denySub, List<String> denyPubSub, List<String> remove,
        Long responseMax, String responseTtl, boolean removeResponse) {

    public static PermissionEdits none() {
        return new PermissionEdits(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null,
                false);
    }

    public boolean isEmpty() {
        return allowPub.isEmpty() && allowSub.isEmpty() && allowPubSub.isEmpty() && denyPub.isEmpty()
                && denySub.isEmpty() && denyPubSub.isEmpty() && remove.isEmpty() && responseMax == null
                && responseTtl == null && !removeResponse;
    }

    /**
     * Validates every value, then applies them, reporting each change. The four subject lists end
     * sorted (by UTF-8 bytes), as every Go nsc command that takes these flags leaves them, also when
     * none is given.
     */
    public void apply(Permissions p, Report r) {
        for (String s : remove) {
            String v = s.trim();
            boolean any = p.pub().allow().remove(v) | p.pub().deny().remove(v) | p.sub().allow().remove(v)
                    | p.sub().deny().remove(v);
            if (!any) {
                throw new OpsException("--rm \"" + s + "\": no permission with that subject is set");
            }
            r.ok("removed permissions for \"" + v + "\"");
        }
        add(p.pub().allow(), "--allow-pub", allowPub, false, "added pub", r);
        add(p.pub().allow(), "--allow-pubsub", allowPubSub, false, "added pub", r);
        add(p.sub().allow(), "--allow-sub", allowSub, true, "added sub", r);
        add(p.sub().allow(), "--allow-pubsub", allowPubSub, false, "added sub", r);
        add(p.pub().deny(), "--deny-pub", denyPub, false, "added deny pub", r);
        add(p.pub().deny(), "--deny-pubsub", denyPubSub, false, "added deny pub", r);
        add(p.sub().deny(), "--deny-sub", denySub, true, "added deny sub", r);
        add(p.sub().deny(), "--deny-pubsub", denyPubSub, false, "added deny sub", r);
        if (removeResponse) {
            p.clearResponsePermission();
            r.ok("removed response permissions");
        }
        if (responseMax != null || responseTtl != null) {
            long max = responseMax != null ? responseMax : (p.hasResponsePermission() ? p.responseMax() : 1);
            if (max < 1) {
                throw new OpsException("--allow-pub-response \"" + max + "\" is invalid: expected a count of 1 or more");
            }
            long ttl = responseTtl != null ? Durations.parseNanos("--response-ttl", responseTtl) : p.responseTtlNanos();
            p.responsePermission(max, ttl);
            if (responseMax != null) {
                r.ok("set max responses to " + max);
            }
            if (responseTtl != null) {
                r.ok("set response ttl to " + Durations.format(ttl));
            }
        }
        p.sortSubjects();
    }

    private static void add(List<String> target, String flag, List<String> values, boolean queueAllowed, String verb,
            Report r) {
        for (String raw : values) {
            String v = queueAllowed ? Subjects.checkWithQueue(flag, raw) : Subjects.check(flag, raw);
            if (!target.contains(v)) {
                target.add(v);
            }
            r.ok(verb + " \"" + v + "\"");
        }
    }
}
