package dev.jnsc.ops;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.NKey;
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

    public record DeleteAccount(String name, boolean rmCreds, boolean rmNkey) {
    }

    /**
     * Deletes the account folder. An account whose JWT cannot be read (garbage, truncated, another
     * kind of JWT) is deleted too, with a warning: its keys are then only known from its users'
     * JWTs (their issuer), so -D removes the seeds it can find that way.
     */
    public static Report account(Workspace ws, DeleteAccount req) {
        OperatorStore op = ws.operator(null);
        String name = req.name() == null ? ws.accountName(op, null) : req.name();
        op.requireAccount(name);
        Report r = new Report();
        AccountClaims ac = null;
        try {
            ac = op.account(name);
        } catch (StoreException | JwtException e) {
            r.warn("the JWT of account \"" + name + "\" could not be read (" + e.getMessage() + "); deleting it anyway");
        }
        Map<String, String> accountKeys = new LinkedHashMap<>();
        if (ac != null) {
            for (SigningKey sk : ac.signingKeys()) {
                accountKeys.put(sk.key(), "signing key");
            }
            accountKeys.put(ac.subject(), "account \"" + name + "\"");
        }
        FileChanges changes = new FileChanges();
        for (String user : op.userNames(name)) {
            UserClaims uc = null;
            try {
                uc = op.user(name, user);
            } catch (StoreException | JwtException e) {
                r.warn("the JWT of user \"" + user + "\" could not be read (" + e.getMessage() + ")");
            }
            changes.delete(op.userJwtPath(name, user));
            r.ok("deleted user \"" + user + "\"");
            if (req.rmCreds()) {
                deleteCreds(ws, changes, op.name(), name, user, r);
            }
            if (uc == null) {
                if (req.rmNkey()) {
                    r.warn("the seed of user \"" + user + "\" is not known: its JWT could not be read");
                }
                continue;
            }
            if (req.rmNkey()) {
                deleteKey(ws, changes, uc.subject(), "user \"" + user + "\"", r);
            }
            if (ac == null) {
                // the issuer is the account's identity key, or a signing key naming it as issuer_account
                if (uc.issuerAccount().isEmpty()) {
                    accountKeys.putIfAbsent(uc.issuer(), "account \"" + name + "\"");
                } else {
                    accountKeys.putIfAbsent(uc.issuer(), "signing key");
                    accountKeys.putIfAbsent(uc.issuerAccount(), "account \"" + name + "\"");
                }
            }
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
                deleteKey(ws, changes, k.getKey(), k.getValue(), r);
            }
            if (ac == null && accountKeys.isEmpty()) {
                r.warn("the keys of account \"" + name + "\" are not known (no readable JWT names them): their seeds stay"
                        + " in the keystore");
            }
        }
        // nsc.json keeps naming the deleted account, as with the Go nsc: a name no longer in the
        // store is not current, so the only account left (or none) is
        ws.commit(changes);
        r.ok("deleted account \"" + name + "\" - to remove it from nats-servers too, use \"nsc push --prune\""
                + (ac == null ? "" : " or \"nsc push -R " + ac.subject() + "\""));
        return r;
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
