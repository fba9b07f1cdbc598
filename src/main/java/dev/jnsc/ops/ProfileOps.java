package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Claims;
import dev.jnsc.jwt.JsonWriter;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.keystore.Keystore;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.OperatorStore;
import dev.jnsc.store.Stores;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code generate profile nsc://operator[/account[/user]][?options]}: what tools (natscli) need to
 * connect as a stored entity, as the Go nsc's JSON: {@code user_creds} when a user is named and
 * its creds file exists, the operator's service URLs, and names, public keys and seeds only when
 * the query asks for them (a plain {@code seed} only the seed of the last entity of the path). Entities are found by folder name, JWT name or public key, in any case.
 */
public final class ProfileOps {
    private ProfileOps() {
    }

    /** A parsed nsc URL; query keys lower-cased, values as given (URL-decoded). */
    public record NscUrl(String operator, String account, String user, Map<String, String> query) {
        public static NscUrl parse(String url) {
            if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("nsc://")) {
                throw new OpsException("error parsing \"" + url + "\": invalid nsc url: expecting 'nsc://'");
            }
            String s = url.substring("nsc://".length());
            Map<String, String> q = new LinkedHashMap<>();
            int qs = s.indexOf('?');
            if (qs >= 0) {
                for (String e : s.substring(qs + 1).split("&", -1)) {
                    if (e.isEmpty()) {
                        continue;
                    }
                    String[] kv = e.split("=", -1);
                    String v = "";
                    if (kv.length == 2) {
                        try {
                            v = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
                        } catch (IllegalArgumentException ex) {
                            throw new OpsException("error parsing query of \"" + url + "\": invalid escape in \"" + kv[1] + "\"");
                        }
                    }
                    q.put(kv[0].toLowerCase(Locale.ROOT), v);
                }
                s = s.substring(0, qs);
            }
            if (s.isEmpty()) {
                throw new OpsException("error parsing \"" + url + "\": invalid nsc url: expecting an operator name");
            }
            String[] parts = s.split("/", -1);
            String op = parts[0];
            String acc = parts.length >= 2 && !parts[1].isEmpty() ? parts[1] : null;
            String user = parts.length >= 3 && !parts[2].isEmpty() ? parts[2] : null;
            if (op.isEmpty() || parts.length > 3 || (acc == null && user != null)) {
                throw new OpsException("error parsing \"" + url + "\": invalid nsc url: expecting "
                        + "nsc://operator[/account[/user]]");
            }
            return new NscUrl(op, acc, user, q);
        }

        boolean has(String key) {
            return query.containsKey(key);
        }
    }

    private static final List<String> KNOWN = List.of("operatorkey", "accountkey", "userkey", "key", "keys",
            "operatorseed", "accountseed", "userseed", "seed", "seeds", "operatorname", "accountname", "username", "name",
            "names", "keystore", "store");

    /** The profile as JSON (ends with a newline). Holds seeds only when the URL asks for them. */
    public static byte[] profile(Workspace ws, String url) {
        NscUrl u = NscUrl.parse(url);
        for (String k : u.query().keySet()) {
            if (!KNOWN.contains(k)) {
                throw new OpsException("unknown option \"" + k + "\" in \"" + url + "\" - expected one of "
                        + String.join(", ", KNOWN));
            }
        }
        Stores stores = u.has("store") ? new Stores(dir(ws, u, "store")) : ws.stores();
        Keystore keystore = u.has("keystore") ? new Keystore(dir(ws, u, "keystore"), false) : ws.keystore();

        Entity op = findOperator(stores, u.operator());
        OperatorStore os = stores.operator(op.dirName);
        Entity acc = u.account() == null ? null : findAccount(os, u.account());
        Entity user = acc == null || u.user() == null ? null : findUser(os, acc.dirName, u.user());

        Entity last = user != null ? user : acc != null ? acc : op;
        Map<String, Entity> byKind = new LinkedHashMap<>();
        byKind.put("operator", op);
        byKind.put("account", acc);
        byKind.put("user", user);
        Map<String, Details> details = new LinkedHashMap<>();
        for (String kind : byKind.keySet()) {
            details.put(kind, new Details());
        }
        List<char[]> seeds = new ArrayList<>();
        try {
            for (Map.Entry<String, Entity> e : byKind.entrySet()) {
                String kind = e.getKey();
                Entity en = e.getValue();
                Details d = details.get(kind);
                boolean lastOne = en == last;
                // a plain "name" gives every name in the path, as the Go nsc does; "key" and "seed" the last one's
                if (wants(u, kind + "name", "names", "name", en, kind)) {
                    d.name = kind.equals("operator") ? en.dirName : en.claims.name();
                }
                if (wants(u, kind + "key", "keys", lastOne ? "key" : null, en, kind)) {
                    d.key = en.claims.subject();
                }
                String seedArg = u.query().get(kind + "seed");
                if (lastOne && seedArg == null) {
                    seedArg = u.query().get("seed");
                }
                if (wants(u, kind + "seed", "seeds", lastOne ? "seed" : null, en, kind)) {
                    d.seed = seed(keystore, en, seedArg == null ? "" : seedArg);
                    seeds.add(d.seed);
                }
            }
            OperatorClaims oc = (OperatorClaims) op.claims;
            JsonWriter w = JsonWriter.indentedGo("  ").beginObject();
            if (user != null) {
                Path creds = keystore.credsPath(op.dirName, acc.claims.name(), user.claims.name());
                if (Files.exists(creds)) {
                    w.name("user_creds").value(creds.toString());
                }
            }
            w.name("operator").beginObject();
            if (!oc.serviceUrls().isEmpty()) {
                w.field("service", oc.serviceUrls());
            }
            details.get("operator").write(w);
            w.endObject();
            for (String kind : List.of("account", "user")) {
                Details d = details.get(kind);
                if (!d.isEmpty()) {
                    w.name(kind).beginObject();
                    d.write(w);
                    w.endObject();
                }
            }
            w.endObject();
            return (w + "\n").getBytes(StandardCharsets.UTF_8);
        } finally {
            for (char[] s : seeds) {
                Arrays.fill(s, '\0');
            }
        }
    }

    private static Path dir(Workspace ws, NscUrl u, String key) {
        String v = u.query().get(key);
        if (v.isEmpty()) {
            throw new OpsException("the option \"" + key + "\" of the nsc url needs a folder (" + key + "=<dir>)");
        }
        return ws.env().path(v);
    }

    /** True when the query asks for this detail of this entity; refuses asking about an entity not in the URL. */
    private static boolean wants(NscUrl u, String prefixed, String all, String plain, Entity en, String kind) {
        if (u.has(prefixed)) {
            if (en == null) {
                throw new OpsException("\"" + prefixed + "\" needs the " + kind + " in the nsc url (nsc://operator"
                        + (kind.equals("account") ? "/account" : "/account/user") + ")");
            }
            return true;
        }
        return en != null && (u.has(all) || (plain != null && u.has(plain)));
    }

    private static final class Entity {
        final String dirName;
        final Claims claims;

        Entity(String dirName, Claims claims) {
            this.dirName = dirName;
            this.claims = claims;
        }

        List<String> keys() {
            List<String> keys = new ArrayList<>();
            keys.add(claims.subject());
            if (claims instanceof OperatorClaims o) {
                keys.addAll(o.signingKeys());
            } else if (claims instanceof AccountClaims a) {
                for (SigningKey k : a.signingKeys()) {
                    keys.add(k.key());
                }
            }
            return keys;
        }

        boolean answersTo(String alias) {
            return alias.equalsIgnoreCase(dirName) || alias.equalsIgnoreCase(claims.name())
                    || alias.equalsIgnoreCase(claims.subject());
        }
    }

    private static final class Details {
        String name;
        char[] seed;
        String key;

        boolean isEmpty() {
            return name == null && seed == null && key == null;
        }

        void write(JsonWriter w) {
            w.field("name", name);
            if (seed != null) {
                w.name("seed").value(new String(seed));
            }
            w.field("id", key);
        }
    }

    private static Entity findOperator(Stores stores, String alias) {
        List<String> names = stores.operatorNames();
        for (String n : names) {
            if (n.equalsIgnoreCase(alias)) {
                return new Entity(n, stores.operator(n).operator());
            }
        }
        for (String n : names) {
            try {
                Entity e = new Entity(n, stores.operator(n).operator());
                if (e.answersTo(alias)) {
                    return e;
                }
            } catch (RuntimeException unreadable) {
                // an operator whose JWT cannot be read is not a candidate
            }
        }
        throw new OpsException("invalid operator \"" + alias + "\": not known to current system (" + stores.dir() + ")");
    }

    private static Entity findAccount(OperatorStore op, String alias) {
        List<String> names = op.accountNames();
        for (String n : names) {
            if (n.equalsIgnoreCase(alias)) {
                return new Entity(n, op.account(n));
            }
        }
        for (String n : names) {
            try {
                Entity e = new Entity(n, op.account(n));
                if (e.answersTo(alias)) {
                    return e;
                }
            } catch (RuntimeException unreadable) {
                // skipped, as above
            }
        }
        throw new OpsException("invalid account \"" + alias + "\": account was not found in operator \"" + op.name() + "\"");
    }

    private static Entity findUser(OperatorStore op, String account, String alias) {
        List<String> names = op.userNames(account);
        for (String n : names) {
            if (n.equalsIgnoreCase(alias)) {
                return new Entity(n, op.user(account, n));
            }
        }
        for (String n : names) {
            try {
                Entity e = new Entity(n, op.user(account, n));
                if (e.answersTo(alias)) {
                    return e;
                }
            } catch (RuntimeException unreadable) {
                // skipped, as above
            }
        }
        throw new OpsException("invalid user \"" + alias + "\": user was not found in account \"" + account + "\"");
    }

    /**
     * The seed of {@code wanted} (one of the entity's keys: its own or a signing key), or with
     * {@code wanted} empty the first of its keys whose seed is in the keystore.
     */
    private static char[] seed(Keystore ks, Entity en, String wanted) {
        List<String> keys = en.keys();
        List<String> candidates = keys;
        if (!wanted.isEmpty()) {
            String k = wanted.toUpperCase(Locale.ROOT);
            if (!keys.contains(k)) {
                throw new OpsException("\"" + k + "\" was not found: it is not a key of " + en.claims.name()
                        + " (its keys: " + String.join(", ", keys) + ")");
            }
            candidates = List.of(k);
        }
        for (String k : candidates) {
            NKey key = ks.read(k);
            if (key != null) {
                try {
                    return key.seed();
                } finally {
                    key.clear();
                }
            }
        }
        throw new OpsException("no seed was found for \"" + candidates.get(0) + "\" in the keystore " + ks.root());
    }
}
