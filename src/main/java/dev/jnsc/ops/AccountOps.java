package dev.jnsc.ops;

import dev.jnsc.fs.Disk;
import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.Names;
import dev.jnsc.store.OperatorStore;

/** add account. */
public final class AccountOps {
    private AccountOps() {
    }

    /** @param publicKey an existing account key (-k), or null to generate one */
    public record AddAccount(String name, String publicKey, String start, String expiry, String signer,
            AccountEdits limits, PermissionEdits defaultPermissions, java.util.List<String> tags) {
    }

    public static Report add(Workspace ws, AddAccount req) {
        OperatorStore op = ws.operator(null);
        String name = Names.check("account", req.name());
        // one lookup, not a scan: adding an account costs the same in a store of ten thousand
        if (op.hasAccount(name)) {
            throw new OpsException("the account \"" + name + "\" already exists in operator \"" + op.name() + "\"");
        }
        OperatorClaims oc = op.operator();
        long now = ws.now();
        AccountClaims ac = new AccountClaims();
        Report r = new Report();
        FileChanges changes = new FileChanges();
        Generic.applyTimes(ac, req.start(), req.expiry(), now, new Report());

        NKey key;
        if (req.publicKey() != null) {
            key = KeyArg.resolve(ws, req.publicKey(), KeyKind.ACCOUNT);
        } else {
            key = ws.newKey(KeyKind.ACCOUNT);
            r.ok("generated and stored account key \"" + key.publicKey() + "\"");
        }
        if (key.hasSeed()) {
            ws.keystore().stage(changes, key);
        }
        ac.name(name).subject(key.publicKey());
        if (req.limits() != null && !req.limits().isEmpty()) {
            // limit flags make add account what add account then edit account would write
            req.limits().apply(ac, false, r);
        }
        if (req.defaultPermissions() != null) {
            req.defaultPermissions().apply(ac.defaultPermissions(), r);
        }
        if (req.tags() != null) {
            Generic.applyTags(ac.tags(), req.tags(), java.util.List.of(), r);
        }
        op.stageAccount(changes, name, ManagedAccounts.sign(ws, op, oc, ac, key, req.signer(), r));
        ws.select(op.name(), name);
        ws.stageContext(changes);
        ws.commit(changes);
        if (key.hasSeed()) {
            // the Go nsc makes the keystore's creds folder with the first key it stores (an imported
            // operator stores none)
            java.nio.file.Path creds = ws.keystore().root().resolve("creds");
            if (!java.nio.file.Files.isDirectory(creds)) {
                try {
                    dev.jnsc.fs.Disk.makeDirs(creds, new java.util.ArrayList<>());
                } catch (java.io.IOException | RuntimeException e) {
                    r.warn("cannot create the empty folder " + creds + " (made when first needed): " + e.getMessage());
                }
            }
        }
        r.ok("added account \"" + name + "\"");
        return r;
    }

    /** edit signing-key: turns an account signing key into a scoped one and edits its template. */
    public record EditSigningKey(String account, String key, String role, String description, String signer,
            PermissionEdits permissions, LimitEdits limits) {
    }

    public static Report editSigningKey(Workspace ws, EditSigningKey req) {
        if (req.key() == null || req.key().isBlank()) {
            throw new OpsException("--sk is required: the signing key to edit");
        }
        OperatorStore op = ws.operator(null);
        String name = ws.accountName(op, req.account());
        OperatorClaims oc = op.operator();
        AccountClaims ac = op.account(name);
        String pub = KeyArg.resolve(ws, req.key(), KeyKind.ACCOUNT).publicKey();
        dev.jnsc.jwt.SigningKey sk = ac.signingKey(pub);
        if (sk == null) {
            throw new OpsException("\"" + pub + "\" is not a signing key of account \"" + name
                    + "\" - add it with \"nsc edit account --sk\"");
        }
        Report r = new Report();
        if (!sk.isScoped()) {
            if (req.role() == null || req.role().isBlank()) {
                throw new OpsException("--role is required to turn signing key " + pub + " into a scoped signing key");
            }
            dev.jnsc.jwt.SigningKey scoped = dev.jnsc.jwt.SigningKey.scoped(pub, req.role().trim());
            ac.signingKeys().set(ac.signingKeys().indexOf(sk), scoped);
            sk = scoped;
            r.ok("signing key " + pub + " is now scoped with role \"" + sk.role() + "\"");
        } else if (req.role() != null) {
            if (req.role().isBlank()) {
                throw new OpsException("--role cannot be empty");
            }
            sk.role(req.role().trim());
            r.ok("changed role to \"" + sk.role() + "\"");
        }
        for (dev.jnsc.jwt.SigningKey other : ac.signingKeys()) {
            if (other != sk && other.isScoped() && other.role().equals(sk.role())) {
                throw new OpsException("role \"" + sk.role() + "\" is already used by signing key " + other.key());
            }
        }
        if (req.description() != null) {
            sk.description(req.description());
            r.ok("changed description to \"" + req.description() + "\"");
        }
        (req.permissions() == null ? PermissionEdits.none() : req.permissions()).apply(sk.template().permissions(), r);
        (req.limits() == null ? LimitEdits.none() : req.limits()).applyEdit(sk.template(), r);
        UserOps.refuseBearer(ac, name, "the users of role \"" + sk.role() + "\" cannot be bearer users", req.limits());
        FileChanges changes = new FileChanges();
        op.stageAccount(changes, name, ManagedAccounts.sign(ws, op, oc, ac, null, req.signer(), r));
        ws.commit(changes);
        r.ok("edited signing key \"" + pub + "\"");
        r.change(Report.Change.of("updated", "signing_key").withName(sk.role()).withPublicKey(pub).withAccount(name));
        return r;
    }

    public record EditAccount(String name, String signer, AccountEdits limits, PermissionEdits defaultPermissions,
            java.util.List<String> signingKeys, java.util.List<String> rmSigningKeys, java.util.List<String> tags,
            java.util.List<String> rmTags, String start, String expiry, TraceEdits trace) {
        public boolean isEmpty() {
            return limits.isEmpty() && defaultPermissions.isEmpty() && signingKeys.isEmpty() && rmSigningKeys.isEmpty()
                    && tags.isEmpty() && rmTags.isEmpty() && start == null && expiry == null && trace.isEmpty();
        }
    }

    public static Report edit(Workspace ws, EditAccount req) {
        if (req.isEmpty()) {
            throw new OpsException("specify an edit option (see nsc edit account --help)");
        }
        OperatorStore op = ws.operator(null);
        String name = ws.accountName(op, req.name());
        OperatorClaims oc = op.operator();
        AccountClaims ac = op.account(name);
        long now = ws.now();
        Report r = new Report();
        FileChanges changes = new FileChanges();
        Generic.applyTimes(ac, req.start(), req.expiry(), now, r);
        Generic.applyTags(ac.tags(), req.tags(), req.rmTags(), r);
        req.limits().apply(ac, ac.subject().equals(oc.systemAccount()), r);
        req.defaultPermissions().apply(ac.defaultPermissions(), r);
        req.trace().apply(ac, r);
        if (ac.subject().equals(oc.systemAccount())
                && (ac.limits().jetStream().isEnabled() || !ac.limits().tiered().isEmpty())) {
            throw new OpsException("the system account cannot have JetStream limits - run \"nsc edit account " + name
                    + " --js-disable\" first");
        }
        for (String v : req.signingKeys()) {
            NKey sk = v.equalsIgnoreCase("generate") ? ws.newKey(KeyKind.ACCOUNT) : KeyArg.resolve(ws, v, KeyKind.ACCOUNT);
            if (sk.publicKey().equals(ac.subject())) {
                throw new OpsException("the account identity key cannot also be a signing key");
            }
            if (ac.signingKey(sk.publicKey()) == null) {
                ac.signingKeys().add(dev.jnsc.jwt.SigningKey.plain(sk.publicKey()));
            }
            if (sk.hasSeed()) {
                ws.keystore().stage(changes, sk);
            }
            r.ok("added signing key \"" + sk.publicKey() + "\"");
            r.change(Report.Change.of("created", "signing_key").withPublicKey(sk.publicKey()).withAccount(name));
        }
        for (String v : req.rmSigningKeys()) {
            String pub = KeyArg.resolve(ws, v, KeyKind.ACCOUNT).publicKey();
            if (!ac.signingKeys().removeIf(k -> k.key().equals(pub))) {
                throw new OpsException("account \"" + name + "\" has no signing key \"" + pub + "\"");
            }
            r.ok("removed signing key \"" + pub + "\"");
            r.change(Report.Change.of("deleted", "signing_key").withPublicKey(pub).withAccount(name));
        }
        op.stageAccount(changes, name, ManagedAccounts.sign(ws, op, oc, ac, null, req.signer(), r));
        ws.commit(changes);
        r.ok("edited account \"" + name + "\"");
        return r;
    }
}
