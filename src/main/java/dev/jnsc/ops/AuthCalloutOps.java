package dev.jnsc.ops;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.OperatorStore;
import java.util.ArrayList;
import java.util.List;

/**
 * edit authcallout: the account's auth callout settings (claims field {@code authorization}: the
 * users the callout service connects as, the accounts it may place users in, and the curve key
 * the server encrypts requests for), as the Go nsc 2.11.1 edits them.
 *
 * @param curve a curve public key, seed or seed file, or "generate" (stored in the keystore)
 */
public final class AuthCalloutOps {
    private AuthCalloutOps() {
    }

    public record Edit(String account, String signer, List<String> authUsers, List<String> rmAuthUsers,
            List<String> allowedAccounts, List<String> rmAllowedAccounts, String curve, boolean rmCurve,
            boolean disable) {
        boolean isEmpty() {
            return authUsers.isEmpty() && rmAuthUsers.isEmpty() && allowedAccounts.isEmpty()
                    && rmAllowedAccounts.isEmpty() && curve == null && !rmCurve && !disable;
        }
    }

    public static Report edit(Workspace ws, Edit req) {
        if (req.isEmpty()) {
            throw new OpsException("please specify some options: --auth-user, --allowed-account, --curve, their --rm-"
                    + " forms, or --disable");
        }
        if (req.disable() && (!req.authUsers().isEmpty() || !req.rmAuthUsers().isEmpty()
                || !req.allowedAccounts().isEmpty() || !req.rmAllowedAccounts().isEmpty() || req.curve() != null
                || req.rmCurve())) {
            throw new OpsException("--disable is exclusive of all other options");
        }
        OperatorStore op = ws.operator(null);
        String name = ws.accountName(op, req.account());
        AccountClaims ac = op.account(name);
        FileChanges changes = new FileChanges();
        Report r = new Report();
        if (req.disable()) {
            ac.authorization(List.of(), List.of(), "");
            r.ok("removed external authorization configuration");
        } else {
            List<String> users = ac.authUsers();
            List<String> accounts = ac.allowedAccounts();
            String xkey = ac.authXKey();
            List<String> addUsers = keys(ws, "--auth-user", req.authUsers(), KeyKind.USER);
            List<String> rmUsers = keys(ws, "--rm-auth-user", req.rmAuthUsers(), KeyKind.USER);
            List<String> addAccounts = keys(ws, "--allowed-account", req.allowedAccounts(), KeyKind.ACCOUNT);
            List<String> rmAccounts = keys(ws, "--rm-allowed-account", req.rmAllowedAccounts(), KeyKind.ACCOUNT);
            List<String> userLines = new ArrayList<>();
            List<String> accountLines = new ArrayList<>();
            for (String u : addUsers) {
                userLines.add(users.contains(u) ? "skipped adding user \"" + u + "\" - as it's already set"
                        : "added user \"" + u + "\"");
                if (!users.contains(u)) {
                    users.add(u);
                }
            }
            for (String a : addAccounts) {
                accountLines.add(accounts.contains(a) ? "skipped adding account \"" + a + "\" - as it's already set"
                        : "added account \"" + a + "\"");
                if (!accounts.contains(a)) {
                    accounts.add(a);
                }
            }
            for (String u : rmUsers) {
                userLines.add(users.remove(u) ? "deleted user \"" + u + "\""
                        : "skipping user \"" + u + "\" - as it's not currently set");
            }
            for (String a : rmAccounts) {
                accountLines.add(accounts.remove(a) ? "deleted account \"" + a + "\""
                        : "skipping account \"" + a + "\" - as it's not currently set");
            }
            userLines.forEach(r::ok);
            accountLines.forEach(r::ok);
            if (req.rmCurve()) {
                r.ok(xkey.isEmpty() ? "remove curve key didn't do anything as the curve key was not set"
                        : "removed " + xkey + " curve key");
                xkey = "";
            }
            if (req.curve() != null) {
                NKey x;
                if (req.curve().trim().equals("generate")) {
                    x = ws.newKey(KeyKind.CURVE);
                    ws.keystore().stage(changes, x);
                } else {
                    x = KeyArg.resolve(ws, req.curve(), KeyKind.CURVE);
                }
                xkey = x.publicKey();
                x.clear();
                r.ok("set curve key " + xkey);
            }
            check(users, accounts);
            ac.authorization(users, accounts, xkey);
        }
        if (ac.trace() != null && ac.traceSampling() == 0) {
            // the Go nsc validates the claims here, and the jwt library's validation sets an unset
            // sampling to its meaning, 100
            ac.trace(ac.traceDestination(), 100);
        }
        op.stageAccount(changes, name, ManagedAccounts.sign(ws, op, op.operator(), ac, null, req.signer(), r));
        ws.commit(changes);
        r.ok("edited account \"" + name + "\"");
        return r;
    }

    /** Public keys of the given kind ("*" too for accounts), from public keys, seeds or seed files. */
    private static List<String> keys(Workspace ws, String flag, List<String> values, KeyKind kind) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String t = v == null ? "" : v.trim();
            if (kind == KeyKind.ACCOUNT && t.equals("*")) {
                out.add(t);
                continue;
            }
            NKey k;
            try {
                k = KeyArg.resolve(ws, t, kind);
            } catch (OpsException e) {
                throw new OpsException(flag + " \"" + redact(t) + "\" is not a valid " + kind.label() + " key: "
                        + e.getMessage());
            }
            out.add(k.publicKey());
            k.clear();
        }
        return out;
    }

    /** A seed given as a value is never echoed. */
    private static String redact(String v) {
        return v.startsWith("S") && v.length() == 58 ? "<seed>" : v;
    }

    /** The jwt library's rules for the callout settings, checked before anything is written. */
    private static void check(List<String> users, List<String> accounts) {
        if (!accounts.isEmpty() && users.isEmpty()) {
            throw new OpsException("External authorization cannot have accounts without users specified: add an auth "
                    + "user with --auth-user");
        }
        if (accounts.contains("*") && accounts.size() > 1) {
            throw new OpsException("AllowedAccounts can only be a list of accounts or \"*\": remove \"*\" or the account"
                    + " keys with --rm-allowed-account");
        }
    }
}
