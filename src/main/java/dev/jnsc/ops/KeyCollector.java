package dev.jnsc.ops;

import dev.jnsc.fs.Disk;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.store.OperatorStore;
import dev.jnsc.store.StoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keys {@code export keys} picks, in the Go nsc's order and by its rules (its keycollector):
 * the operator and its signing keys; each account (the named one, or all) with its signing keys
 * and its curve key, and its users; or, with {@code notReferenced}, the keystore's keys that none
 * of those is. An account's signing keys and its curve key go with --accounts (the Go nsc leaves
 * their kind unset, which is the account kind's prefix byte, 0); curve keys that only
 * --not-referenced finds go with any kind flag.
 */
final class KeyCollector {
    private KeyCollector() {
    }

    /** A key: {@code kind} is 'O', 'A', 'U' or 'X' (not filtered); {@code jwt} the raw JWT file or null. */
    record Key(String name, String publicKey, char kind, boolean signing, byte[] jwt) {
    }

    /** What to collect, the defaults already applied. */
    record Query(boolean operator, boolean accounts, boolean users, String account, String user, boolean notReferenced,
            String filter) {
    }

    static List<Key> collect(Workspace ws, Query q) {
        List<Key> keys = new ArrayList<>();
        if (!ws.stores().operatorNames().isEmpty()) {
            store(ws, q, keys);
        }
        if (q.notReferenced()) {
            keys = unreferenced(ws, keys);
        }
        String filter = q.filter() == null ? "" : q.filter().toUpperCase(Locale.ROOT);
        List<Key> out = new ArrayList<>();
        for (Key k : keys) {
            if ((!q.operator() && k.kind() == 'O') || (!q.accounts() && k.kind() == 'A')
                    || (!q.users() && k.kind() == 'U')) {
                continue;
            }
            if (!filter.isEmpty() && !k.publicKey().contains(filter)) {
                continue;
            }
            out.add(k);
        }
        return out;
    }

    private static void store(Workspace ws, Query q, List<Key> keys) {
        OperatorStore op = ws.operator(null);
        OperatorClaims oc = op.operator();
        keys.add(new Key(oc.name(), oc.subject(), 'O', false, raw(op.operatorJwtPath())));
        for (String sk : oc.signingKeys()) {
            keys.add(new Key(oc.name(), sk, 'O', true, null));
        }
        List<String> accounts = q.account() != null ? List.of(q.account()) : op.accountNames();
        for (String a : accounts) {
            Jwt.Decoded d = op.decodeAccount(a);
            AccountClaims ac = d.as(AccountClaims.class, "an account");
            keys.add(new Key(ac.name(), ac.subject(), 'A', false, raw(op.accountJwtPath(a))));
            for (SigningKey sk : ac.signingKeys()) {
                keys.add(new Key(ac.name(), sk.key(), 'A', true, null));
            }
            String xkey = xkey(d);
            if (!xkey.isEmpty()) {
                keys.add(new Key(ac.name(), xkey, 'A', false, null));
            }
            List<String> users = q.user() != null ? List.of(q.user()) : op.userNames(a);
            for (String u : users) {
                if (!op.hasUser(a, u)) {
                    throw new StoreException("user \"" + u + "\" does not exist in account \"" + a + "\"");
                }
                UserClaims uc = op.user(a, u);
                keys.add(new Key(uc.name(), uc.subject(), 'U', false, raw(op.userJwtPath(a, u))));
            }
        }
    }

    /** The account's auth callout curve key ({@code nats.authorization.xkey}), or "". */
    private static String xkey(Jwt.Decoded d) {
        Map<String, Object> nats = ValidateOps.nats(d);
        Object auth = nats == null ? null : nats.get("authorization");
        Object x = auth instanceof Map<?, ?> m ? m.get("xkey") : null;
        return x instanceof String s ? s : "";
    }

    private static byte[] raw(java.nio.file.Path p) {
        byte[] b = Disk.readIfExists(p);
        if (b == null) {
            throw new StoreException("cannot read " + p + ": it is gone");
        }
        return b;
    }

    /** The keystore's keys that are not in {@code referenced}: operators, accounts, users, curve keys, each sorted. */
    private static List<Key> unreferenced(Workspace ws, List<Key> referenced) {
        Map<String, Key> known = new LinkedHashMap<>();
        for (Key k : referenced) {
            known.put(k.publicKey(), k);
        }
        List<Key> out = new ArrayList<>();
        for (char kind : new char[] {'O', 'A', 'U', 'X'}) {
            for (String pub : ws.keystore().publicKeys()) {
                if (pub.charAt(0) == kind && !known.containsKey(pub)) {
                    out.add(new Key("?", pub, kind, false, null));
                }
            }
        }
        return out;
    }
}
