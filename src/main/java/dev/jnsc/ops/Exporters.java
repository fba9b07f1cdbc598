package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.ExportType;
import dev.jnsc.jwt.Import;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.OperatorStore;
import dev.jnsc.store.StoreException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The accounts of imports and activations: an account argument read as a key or a name, the
 * exporting account of a key found in the store, friendly names for describe.
 */
public final class Exporters {
    private Exporters() {
    }

    /**
     * An account given as a public key or as the name of an account of the operator (as the Go
     * nsc reads --src-account and --target-account); "*" only where {@code allowAll}.
     */
    static String accountKey(OperatorStore op, String flag, String value, boolean allowAll) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw new OpsException(flag + " is required: the public key or name of an account" + (allowAll ? ", or *" : ""));
        }
        if (allowAll && v.equals("*")) {
            return v;
        }
        if (NKey.isValidPublicKey(v, KeyKind.ACCOUNT)) {
            return v;
        }
        if (op.hasAccount(v)) {
            return op.account(v).subject();
        }
        if (NKey.isValidPublicKey(v)) {
            throw new OpsException(flag + " \"" + v + "\" is " + NKey.fromPublicKey(v).kind().withArticle()
                    + " key, expected an account public key");
        }
        throw new OpsException(flag + " \"" + v + "\" is neither an account public key nor the name of an account of"
                + " operator \"" + op.name() + "\"" + (allowAll ? " (nor * for every account)" : ""));
    }

    /**
     * Friendly names of the accounts {@code ac} imports from, as describe shows them: the account's
     * name in the current operator, else "operator/account" in another one of the stores.
     */
    public static Map<String, String> exporterNames(Workspace ws, AccountClaims ac) {
        Set<String> wanted = new HashSet<>();
        for (Import i : ac.imports()) {
            wanted.add(i.account());
        }
        Map<String, String> names = new HashMap<>();
        if (wanted.isEmpty()) {
            return names;
        }
        OperatorStore current = ws.operator(null);
        collectNames(current, "", wanted, names);
        for (String o : ws.stores().operatorNames()) {
            if (!o.equals(current.name()) && names.size() < wanted.size()) {
                collectNames(ws.stores().operator(o), o + "/", wanted, names);
            }
        }
        return names;
    }

    private static void collectNames(OperatorStore op, String prefix, Set<String> wanted, Map<String, String> names) {
        for (String n : op.accountNames()) {
            try {
                String key = op.decodeAccount(n).claims().subject();
                if (wanted.contains(key)) {
                    names.putIfAbsent(key, prefix + n);
                }
            } catch (StoreException | JwtException e) {
                // names are decoration only
            }
        }
    }

    /** An account of this store and its claims. */
    static final class Exporter {
        final String name;
        final AccountClaims claims;

        private Exporter(String name, AccountClaims claims) {
            this.name = name;
            this.claims = claims;
        }

        /** The first export of this kind whose subject contains {@code subject} (the jwt library's IsContainedIn). */
        Export containing(ExportType kind, String subject) {
            for (Export e : claims.exports()) {
                if (e.type() == kind && Subjects.isContainedIn(subject, e.subject())) {
                    return e;
                }
            }
            return null;
        }
    }

    /** The account of this store with public key {@code key}, or null; accounts whose JWT cannot be read are passed over. */
    static Exporter find(OperatorStore op, String key) {
        for (String n : op.accountNames()) {
            try {
                AccountClaims c = op.account(n);
                if (c.subject().equals(key)) {
                    return new Exporter(n, c);
                }
            } catch (StoreException | JwtException e) {
                // another account's unreadable JWT is not this command's business
            }
        }
        return null;
    }
}
