package dev.jnsc.ops;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.resolver.AccountServerClient;
import dev.jnsc.store.OperatorStore;
import dev.jnsc.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** delete user, delete account: they remove exactly what their flags say, all or nothing. */
public final class DeleteOps {
    private DeleteOps() {
    }

    /**
     * @param revoke also revoke the users in the account JWT (re-signed), so servers refuse them
     * @param rmCreds also delete their creds files
     * @param rmNkey also delete their seeds from the keystore
     */
    public record DeleteUsers(String account, List<String> names, boolean revoke, boolean rmCreds, boolean rmNkey,
            String signer) {
    }

    public static Report users(Workspace ws, DeleteUsers req) {
        if (req.names().isEmpty()) {
            throw new OpsException("name the users to delete (-n <name>, repeatable)");
        }
        OperatorStore op = ws.operator(null);
        String account = ws.accountName(op, req.account());
        AccountClaims ac = op.account(account);
        Report r = new Report();
        FileChanges changes = new FileChanges();
        long now = ws.now();
        for (String name : req.names()) {
            UserClaims uc = op.user(account, name);
            if (req.revoke()) {
                ac.revocations().put(uc.subject(), now);
                r.ok("revoked user \"" + name + "\" (" + uc.subject() + ")");
            }
            changes.delete(op.userJwtPath(account, name));
            r.ok("deleted user \"" + name + "\"");
            if (req.rmCreds()) {
                deleteCreds(ws, changes, op.name(), account, name, r);
            }
            if (req.rmNkey()) {
                deleteKey(ws, changes, uc.subject(), "user \"" + name + "\"", r);
            }
        }
        if (req.revoke()) {
            OperatorClaims oc = op.operator();
            NKey signer = Signers.accountSigner(ws, op, oc, req.signer());
            op.stageAccount(changes, account, Jwt.encode(ac, signer, now));
            r.ok("re-signed account \"" + account + "\" with the revocations - push it so that servers refuse the users");
        }
        ws.commit(changes);
        return r;
    }

    /**
     * @param revoke  revoke the users in the account JWT before it is expired (the Go nsc's default)
     * @param force   needed for an operator that is managed (its {@code .nsc} says so)
     * @param signer  -K: the operator key (or, in a managed store, the account key) to sign with
     */
    public record DeleteAccount(String name, boolean revoke, boolean rmCreds, boolean rmNkey, boolean force,
            String signer) {
    }

    /** How long the JWT of a deleted account stays valid, as the Go nsc expires it. */
    static final long EXPIRE_AFTER_SECONDS = 60;

    /**
     * Deletes the account folder, as the Go nsc 2.11.1 does: its users are revoked (unless
     * {@code revoke} is false) and the account JWT set to expire in a minute, signed by the
     * operator; in a managed store that JWT goes to the operator's account server before the folder
     * is removed, so the servers it feeds drop the account. An account whose JWT cannot be read is
     * deleted too, with a warning and without the JWT step: its keys are then only known from its
     * users' JWTs (their issuer), so -D removes the seeds it can find that way.
     */
    public static Report account(Workspace ws, DeleteAccount req) {
        OperatorStore op = ws.operator(null);
        String name = req.name() == null ? ws.accountName(op, null) : req.name();
        op.requireAccount(name);
        boolean managed = op.isManaged();
        if (managed && !req.force()) {
            throw new OpsException("managed accounts may require the account JWT or nkeys to cancel a service, specify"
                    + " the --force to override");
        }
        Report r = new Report();
        AccountClaims ac = null;
        try {
            ac = op.account(name);
        } catch (StoreException | JwtException e) {
            r.warn("the JWT of account \"" + name + "\" could not be read (" + e.getMessage() + "); deleting it anyway");
        }
        long now = ws.now();
        NKey signer = null;
        if (ac != null) {
            signer = signerFor(ws, op, ac, managed, req.signer());
        }
        Map<String, String> accountKeys = new LinkedHashMap<>();
        if (ac != null) {
            for (SigningKey sk : ac.signingKeys()) {
                accountKeys.put(sk.key(), "signing key");
            }
            accountKeys.put(ac.subject(), "account");
        }
        FileChanges changes = new FileChanges();
        List<String> userKeys = new ArrayList<>();
        for (String user : op.userNames(name)) {
            UserClaims uc = null;
            try {
                uc = op.user(name, user);
            } catch (StoreException | JwtException e) {
                r.warn("the JWT of user \"" + user + "\" could not be read (" + e.getMessage() + ")");
            }
            if (uc != null) {
                userKeys.add(uc.subject());
            }
            List<String> details = new ArrayList<>();
            if (uc != null && req.revoke() && ac != null) {
                Long at = ac.revocations().get(uc.subject());
                if (at == null || at == 0) {
                    ac.revocations().put(uc.subject(), now);
                    details.add("revoked user");
                } else {
                    details.add("user is already revoked");
                }
            }
            changes.delete(op.userJwtPath(name, user));
            details.add("user deleted");
            if (req.rmNkey()) {
                if (uc == null) {
                    r.warn("the seed of user \"" + user + "\" is not known: its JWT could not be read");
                } else {
                    Path key = ws.keystore().keyPath(uc.subject());
                    if (Files.isRegularFile(key)) {
                        changes.delete(key);
                        details.add("deleted private key");
                    } else {
                        details.add("private key is not stored");
                    }
                }
            }
            if (req.rmCreds()) {
                Path creds = ws.keystore().credsPath(op.name(), name, user);
                if (Files.isRegularFile(creds)) {
                    changes.delete(creds);
                    details.add("removed creds file");
                } else {
                    details.add("creds file is not stored");
                }
            }
            StringBuilder line = new StringBuilder("user " + user + (uc == null ? "" : " [" + uc.subject() + "]") + ":");
            for (String d : details) {
                line.append("\n       [ OK ] ").append(d);
            }
            r.ok(line.toString());
            if (uc != null && ac == null) {
                // the issuer is the account's identity key, or a signing key naming it as issuer_account
                if (uc.issuerAccount().isEmpty()) {
                    accountKeys.putIfAbsent(uc.issuer(), "account");
                } else {
                    accountKeys.putIfAbsent(uc.issuer(), "signing key");
                    accountKeys.putIfAbsent(uc.issuerAccount(), "account");
                }
            }
        }
        String expired = null;
        if (ac != null) {
            ac.expires(now + EXPIRE_AFTER_SECONDS);
            expired = Jwt.encode(ac, signer, now);
            if (managed) {
                pushToAccountServer(op, ac, expired, r);
            }
            r.ok("expired account \"" + name + "\"");
        }
        Path users = op.accountDir(name).resolve("users");
        if (Files.isDirectory(users)) {
            changes.delete(users);
        }
        changes.delete(op.accountJwtPath(name));
        changes.delete(op.accountDir(name));
        if (req.rmCreds()) {
            Path dir = ws.keystore().credsPath(op.name(), name, "x").getParent();
            if (Files.isDirectory(dir) && isEmptyAfter(dir, changes)) {
                changes.delete(dir);
            }
        }
        if (req.rmNkey()) {
            if (ac == null) {
                keepKeysOfOtherAccounts(op, name, accountKeys, r);
            }
            for (Map.Entry<String, String> k : accountKeys.entrySet()) {
                Path key = ws.keystore().keyPath(k.getKey());
                boolean stored = Files.isRegularFile(key);
                if (stored) {
                    changes.delete(key);
                }
                if (k.getValue().equals("signing key")) {
                    r.ok((stored ? "deleted signing key \"" : "signing key \"") + k.getKey() + "\""
                            + (stored ? "" : " is not stored"));
                } else {
                    r.ok((stored ? "deleted private key \"" : "private key \"") + k.getKey() + "\""
                            + (stored ? "" : " is not stored"));
                }
            }
            if (ac == null && accountKeys.isEmpty()) {
                r.warn("the keys of account \"" + name + "\" are not known (no readable JWT names them): their seeds stay"
                        + " in the keystore");
            }
        }
        if (req.rmNkey()) {
            // as the Go keystore does: a key's two-letter folder goes with its last key
            java.util.Set<Path> shards = new java.util.TreeSet<>();
            for (String k : accountKeys.keySet()) {
                shards.add(ws.keystore().keyPath(k).getParent());
            }
            for (String user : userKeys) {
                shards.add(ws.keystore().keyPath(user).getParent());
            }
            for (Path shard : shards) {
                if (Files.isDirectory(shard) && isEmptyAfter(shard, changes)) {
                    changes.delete(shard);
                }
            }
        }
        // nsc.json keeps naming the deleted account, as with the Go nsc: a name no longer in the
        // store is not current, so the only account left (or none) is
        ws.commit(changes);
        r.ok("deleted account");
        r.ok("deleted account directory");
        if (!managed) {
            r.ok("nats-servers that hold account \"" + name + "\" keep it until it is removed from them: \"nsc push"
                    + " --prune\" (or \"nsc push -R " + (ac == null ? "<account public key>" : ac.subject())
                    + "\") removes it from servers with a nats resolver that allows deletes");
        }
        return r;
    }

    /**
     * The operator key that re-signs the expired account; in a managed store, where the operator's
     * seed is usually elsewhere, the account's own key when the operator's is not stored (the
     * account server signs it), as the Go nsc allows there.
     */
    private static NKey signerFor(Workspace ws, OperatorStore op, AccountClaims ac, boolean managed, String override) {
        OperatorClaims oc = op.operator();
        if (!managed) {
            return Signers.accountSigner(ws, op, oc, override);
        }
        try {
            return Signers.accountSigner(ws, op, oc, override);
        } catch (OpsException | StoreException e) {
            List<String> none = List.of();
            return Signers.choose(ws, override, dev.jnsc.nkeys.KeyKind.ACCOUNT, "account \"" + ac.name() + "\"",
                    ac.subject(), none, false, true);
        }
    }

    /** A managed store hands the expired JWT to the operator's account server, as the Go nsc does. */
    private static void pushToAccountServer(OperatorStore op, AccountClaims ac, String token, Report r) {
        String url = op.operator().accountServerUrl();
        if (url.isEmpty() || !(url.startsWith("http://") || url.startsWith("https://"))) {
            r.warn("unable to push to \"" + op.name() + "\" - operator doesn't set an account server url or manual"
                    + " exchange necessary");
            r.warn("perform push/pull again or exchange self-signed JWT manually");
            return;
        }
        AccountServerClient.Response res = new AccountServerClient(url, java.time.Duration.ofSeconds(5))
                .push(Map.of(ac.subject(), token)).get(ac.subject());
        if (res.ok()) {
            r.ok("pushed the expired account JWT to " + url);
        } else {
            r.err("error pushing account \"" + ac.name() + "\": " + res.status() + " " + res.body().strip());
        }
    }

    /**
     * Keys learnt from user JWTs alone are not proven to be this account's: a key that another
     * account of the operator uses is kept.
     */
    private static void keepKeysOfOtherAccounts(OperatorStore op, String name, Map<String, String> keys, Report r) {
        for (String other : op.accountNames()) {
            if (other.equals(name) || keys.isEmpty()) {
                continue;
            }
            AccountClaims oc;
            try {
                oc = op.account(other);
            } catch (StoreException | JwtException e) {
                continue;
            }
            List<String> used = new ArrayList<>();
            used.add(oc.subject());
            for (SigningKey sk : oc.signingKeys()) {
                used.add(sk.key());
            }
            for (String k : used) {
                if (keys.remove(k) != null) {
                    r.warn("kept the seed of " + k + ": it is a key of account \"" + other + "\"");
                }
            }
        }
    }

    private static boolean isEmptyAfter(Path dir, FileChanges changes) {
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!changes.deletes(p)) {
                    return false;
                }
            }
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void deleteCreds(Workspace ws, FileChanges changes, String op, String account, String user,
            Report r) {
        Path creds = ws.keystore().credsPath(op, account, user);
        if (Files.isRegularFile(creds)) {
            changes.delete(creds);
            r.ok("deleted creds file \"" + ws.env().display(creds) + "\"");
        } else {
            r.ok("no creds file stored for \"" + user + "\"");
        }
    }

    private static void deleteKey(Workspace ws, FileChanges changes, String pub, String what, Report r) {
        Path key = ws.keystore().keyPath(pub);
        if (Files.isRegularFile(key)) {
            changes.delete(key);
            r.ok("deleted the seed of " + what + " (" + pub + ")");
        } else {
            r.ok("the seed of " + what + " (" + pub + ") is not stored");
        }
    }
}
