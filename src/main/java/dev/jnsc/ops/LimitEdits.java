package dev.jnsc.ops;

import dev.jnsc.jwt.TimeRange;
import dev.jnsc.jwt.UserPermissionLimits;
import java.util.List;

/**
 * The user limit flags of add/edit user and edit signing-key: --subs, --data, --payload,
 * --bearer, --source-network/--rm-source-network, --time/--rm-time, --locale,
 * --conn-type/--rm-conn-type. Strings are parsed here, so every value is checked before any write.
 */
public record LimitEdits(String subs, String data, String payload, Boolean bearer, List<String> sourceNetworks,
        List<String> rmSourceNetworks, List<String> times, List<String> rmTimes, String locale,
        List<String> connTypes, List<String> rmConnTypes) {

    public static LimitEdits none() {
        return new LimitEdits(null, null, null, null, List.of(), List.of(), List.of(), List.of(), null, List.of(),
                List.of());
    }

    public boolean isEmpty() {
        return subs == null && data == null && payload == null && bearer == null && sourceNetworks.isEmpty()
                && rmSourceNetworks.isEmpty() && times.isEmpty() && rmTimes.isEmpty() && locale == null
                && connTypes.isEmpty() && rmConnTypes.isEmpty();
    }

    public void apply(UserPermissionLimits l, Report r) {
        if (subs != null) {
            l.subs(Values.count("--subs", subs));
            r.ok("set max subscriptions to " + describe(l.subs()));
        }
        if (data != null) {
            l.data(Values.size("--data", data));
            r.ok("set max data to " + describe(l.data()));
        }
        if (payload != null) {
            l.payload(Values.size("--payload", payload));
            r.ok("set max payload to " + describe(l.payload()));
        }
        if (bearer != null) {
            l.bearerToken(bearer);
            r.ok("set bearer token to " + bearer);
        }
        for (String s : sourceNetworks) {
            String cidr = Values.cidr("--source-network", s);
            if (!l.src().contains(cidr)) {
                l.src().add(cidr);
            }
            r.ok("added source network \"" + cidr + "\"");
        }
        for (String s : rmSourceNetworks) {
            String cidr = Values.cidr("--rm-source-network", s);
            if (!l.src().remove(cidr)) {
                throw new OpsException("--rm-source-network \"" + s + "\": no such source network is set");
            }
            r.ok("removed source network \"" + cidr + "\"");
        }
        for (String t : times) {
            String[] range = Values.timeRange("--time", t);
            TimeRange tr = new TimeRange(range[0], range[1]);
            if (!l.times().contains(tr)) {
                l.times().add(tr);
            }
            r.ok("added time window " + range[0] + "-" + range[1]);
        }
        for (String t : rmTimes) {
            String start = t.trim();
            int dash = start.indexOf('-');
            if (dash > 0) {
                start = start.substring(0, dash).trim();
            }
            String s = start;
            if (!l.times().removeIf(tr -> tr.start().equals(s))) {
                throw new OpsException("--rm-time \"" + t + "\": no time window starts at " + start);
            }
            r.ok("removed time window starting " + start);
        }
        if (locale != null) {
            l.timesLocation(Values.timeZone("--locale", locale));
            r.ok("set locale \"" + l.timesLocation() + "\"");
        }
        for (String c : connTypes) {
            String type = Values.connectionType("--conn-type", c);
            if (!l.allowedConnectionTypes().contains(type)) {
                l.allowedConnectionTypes().add(type);
            }
            r.ok("added connection type \"" + type + "\"");
        }
        for (String c : rmConnTypes) {
            String type = Values.connectionType("--rm-conn-type", c);
            if (!l.allowedConnectionTypes().remove(type)) {
                throw new OpsException("--rm-conn-type \"" + c + "\": that connection type is not set");
            }
            r.ok("removed connection type \"" + type + "\"");
        }
    }

    /** As {@link #apply}, for the edit commands: the source networks then end sorted, as Go's edit user leaves them. */
    public void applyEdit(UserPermissionLimits l, Report r) {
        apply(l, r);
        l.src().sort(dev.jnsc.jwt.Utf8Order.INSTANCE);
    }

    private static String describe(long v) {
        return v == -1 ? "unlimited" : Long.toString(v);
    }
}
