package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.keystore.Keystore;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.OperatorStore;
import dev.jnsc.store.StoreException;
import java.util.ArrayList;
import java.util.List;

/** list operators, accounts, users, keys. */
public final class ListOps {
    private ListOps() {
    }

    /**
     * One listed entity. {@code publicKey} is null when its JWT could not be loaded, then
     * {@code error} says why; {@code claimName} is the name inside the JWT.
     */
    public record Entry(String name, String claimName, String publicKey, String error, boolean current) {
    }

    public static List<Entry> operators(Workspace ws) {
        String current = currentOrNull(() -> ws.operatorName(null));
        List<Entry> out = new ArrayList<>();
        for (String n : ws.stores().operatorNames()) {
            out.add(entry(n, () -> ws.stores().operator(n).decodeOperator(), n.equals(current)));
        }
        return out;
    }

    /**
     * Accounts are read, decoded and verified on all cores; the rows keep the folders' order. Each
     * folder's JWT is read once, without a check that it exists first: a folder without one is no
     * account and has no row, as {@link OperatorStore#accountNames} would not have named it.
     */
    public static List<Entry> accounts(Workspace ws, String operator) {
        OperatorStore op = ws.operator(operator);
        String current = currentOrNull(() -> ws.accountName(op, null));
        return present(Parallel.map(op.accountFolderNames(), n -> {
            byte[] jwt = op.readListedAccount(n);
            return jwt == null ? null : entry(n, () -> op.decodeListedAccount(n, jwt), n.equals(current));
        }));
    }

    /** Users are read, decoded and verified on all cores; the rows keep the files' order. */
    public static List<Entry> users(Workspace ws, String operator, String account) {
        OperatorStore op = ws.operator(operator);
        String acc = ws.accountName(op, account);
        return values(Parallel.map(op.userNames(acc), n -> entry(n, () -> op.decodeListedUser(acc, n), false)));
    }

    private static <R> List<R> values(List<Parallel.Result<R>> results) {
        List<R> out = new ArrayList<>(results.size());
        for (Parallel.Result<R> r : results) {
            out.add(r.get());
        }
        return out;
    }

    /** The values that are not null, in order. */
    private static <R> List<R> present(List<Parallel.Result<R>> results) {
        List<R> out = new ArrayList<>(results.size());
        for (Parallel.Result<R> r : results) {
            R v = r.get();
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static Entry entry(String name, java.util.function.Supplier<Jwt.Decoded> load, boolean current) {
        try {
            Jwt.Decoded d = load.get();
            return new Entry(name, d.claims().name(), d.claims().subject(), null, current);
        } catch (RuntimeException e) {
            return new Entry(name, "", null, e.getMessage(), current);
        }
    }

    private static String currentOrNull(java.util.function.Supplier<String> s) {
        try {
            return s.get();
        } catch (OpsException | StoreException e) {
            return null;
        }
    }

    /**
     * Which keys list keys shows. With none of operator/accounts/users/curve, all kinds are shown.
     * {@code account} and {@code user} narrow the accounts and users (null: the current account, or
     * every account with {@code allAccounts}; every user); {@code filter} keeps keys containing it;
     * {@code notReferenced} shows instead the keystore's keys that none of those is.
     */
    public record KeyQuery(boolean operator, boolean accounts, boolean users, boolean curve, boolean allAccounts,
            String account, String user, String filter, boolean notReferenced) {
        public KeyQuery(boolean operator, boolean accounts, boolean users, boolean allAccounts) {
            this(operator, accounts, users, false, allAccounts, null, null, null, false);
        }
    }

    /**
     * A key row: {@code depth} 0 operator, 1 account, 2 user; {@code stored} when the seed is in the
     * keystore; {@code invalid} when the stored seed is unreadable or belongs to another key.
     */
    public record KeyRow(String name, String publicKey, String parent, KeyKind kind, boolean signing, int depth,
            boolean stored, boolean invalid, String keyPath) {
        /** The account's auth callout encryption target (a curve key), listed with the account's keys. */
        public boolean curve() {
            return kind == KeyKind.CURVE;
        }
    }

    public static List<KeyRow> keys(Workspace ws, KeyQuery q) {
        OperatorStore op = ws.operator(null);
        OperatorClaims oc = op.operator();
        Keystore ks = ws.keystore();
        List<KeyRow> rows = new ArrayList<>();
        rows.add(row(ks, op.name(), oc.subject(), "", KeyKind.OPERATOR, false, 0));
        for (String sk : oc.signingKeys()) {
            rows.add(row(ks, op.name(), sk, "", KeyKind.OPERATOR, true, 0));
        }
        List<String> accounts;
        String current = q.account() != null ? null : currentOrNull(() -> ws.accountName(op, null));
        if (q.account() != null) {
            if (!op.hasAccount(q.account())) {
                throw new OpsException("account \"" + q.account() + "\" does not exist in operator \"" + op.name() + "\"");
            }
            accounts = List.of(q.account());
        } else if (q.allAccounts() || current == null) {
            accounts = op.accountNames();
        } else {
            accounts = List.of(current);
        }
        // the JWTs are decoded and verified on all cores, then walked in order; the keystore is
        // looked at afterwards (a key derivation per stored seed), on all cores too. A failure
        // becomes a row of its own and ends the walk, so the command fails with what the first
        // failing step of a sequential walk would have reported.
        List<Parallel.Result<AccountClaims>> claims = Parallel.map(accounts, op::account);
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            String a = accounts.get(i);
            try {
                AccountClaims ac = claims.get(i).get();
                pending.add(new Pending(a, ac.subject(), oc.subject(), KeyKind.ACCOUNT, false, 1, null));
                for (SigningKey sk : ac.signingKeys()) {
                    pending.add(new Pending(a, sk.key(), oc.subject(), KeyKind.ACCOUNT, true, 1, null));
                }
                if (!ac.authXKey().isEmpty()) {
                    pending.add(new Pending(a, ac.authXKey(), "", KeyKind.CURVE, false, 1, null));
                }
                if (q.user() != null && !op.hasUser(a, q.user())) {
                    throw new OpsException("user \"" + q.user() + "\" does not exist in account \"" + a + "\"");
                }
                List<String> users = q.user() != null ? List.of(q.user()) : op.userNames(a);
                List<Parallel.Result<String>> subjects = Parallel.map(users, u -> op.user(a, u).subject());
                for (int j = 0; j < users.size(); j++) {
                    pending.add(new Pending(users.get(j), subjects.get(j).get(), ac.subject(), KeyKind.USER, false, 2,
                            null));
                }
            } catch (RuntimeException e) {
                pending.add(new Pending(null, null, null, null, false, 0, e));
                break;
            }
        }
        rows.addAll(values(Parallel.map(pending, p -> {
            if (p.failure() != null) {
                throw p.failure();
            }
            return row(ks, p.name(), p.pub(), p.parent(), p.kind(), p.signing(), p.depth());
        })));
        if (q.notReferenced()) {
            rows = unreferenced(ks, rows);
        }
        boolean everything = !q.operator() && !q.accounts() && !q.users() && !q.curve();
        String filter = q.filter() == null ? "" : q.filter().toUpperCase(java.util.Locale.ROOT);
        List<KeyRow> out = new ArrayList<>();
        for (KeyRow r : rows) {
            boolean kind = switch (r.kind()) {
                case OPERATOR -> q.operator();
                case ACCOUNT -> q.accounts();
                case USER -> q.users();
                case CURVE -> q.accounts() || q.curve();
                default -> false;
            };
            if ((everything || kind) && r.publicKey().contains(filter)) {
                out.add(r);
            }
        }
        return out;
    }

    /** A key row before the keystore is looked at, or the failure that ends the rows. */
    private record Pending(String name, String pub, String parent, KeyKind kind, boolean signing, int depth,
            RuntimeException failure) {
    }

    /** The keystore's keys that none of {@code referenced} is, as the Go nsc lists them: by kind, then key. */
    private static List<KeyRow> unreferenced(Keystore ks, List<KeyRow> referenced) {
        java.util.Set<String> known = new java.util.HashSet<>();
        for (KeyRow r : referenced) {
            known.add(r.publicKey());
        }
        List<Pending> pending = new ArrayList<>();
        java.util.Set<String> stored = new java.util.TreeSet<>(ks.publicKeys());
        for (KeyKind kind : new KeyKind[] {KeyKind.OPERATOR, KeyKind.ACCOUNT, KeyKind.USER, KeyKind.CURVE}) {
            for (String pub : stored) {
                if (KeyKind.fromLetter(pub.charAt(0)) == kind && !known.contains(pub)) {
                    int depth = kind == KeyKind.OPERATOR ? 0 : kind == KeyKind.USER ? 2 : 1;
                    pending.add(new Pending("?", pub, "", kind, false, depth, null));
                }
            }
        }
        return values(Parallel.map(pending, p -> row(ks, p.name(), p.pub(), p.parent(), p.kind(), p.signing(),
                p.depth())));
    }

    private static KeyRow row(Keystore ks, String name, String pub, String parent, KeyKind kind, boolean signing,
            int depth) {
        boolean stored = ks.hasSeed(pub);
        boolean invalid = false;
        if (stored) {
            try {
                NKey k = ks.read(pub);
                k.clear();
            } catch (StoreException e) {
                invalid = true;
            }
        }
        return new KeyRow(name, pub, parent, kind, signing, depth, stored, invalid, ks.keyPath(pub).toString());
    }
}
