package dev.jnsc.ops;

import dev.jnsc.fs.Disk;
import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.Names;
import dev.jnsc.store.OperatorStore;
import java.util.List;
import java.util.Locale;

/** add operator, edit operator. */
public final class OperatorOps {
    private OperatorOps() {
    }

    /**
     * @param sys also create the system account SYS and its user sys (--sys)
     * @param identityKey -K: the operator's identity key (a seed, a seed file, or a public key whose
     *        seed is stored); as in the Go nsc it is not copied into the keystore. Null to generate one.
     */
    public record AddOperator(String name, boolean generateSigningKey, boolean sys, String start, String expiry,
            String identityKey) {
    }

    public static Report add(Workspace ws, AddOperator req) {
        String name = Names.check("operator", req.name());
        if (ws.stores().hasOperator(name)) {
            throw new OpsException("operator \"" + name + "\" already exists in " + ws.stores().dir());
        }
        long now = ws.now();
        OperatorClaims oc = new OperatorClaims();
        Generic.applyTimes(oc, req.start(), req.expiry(), now, new Report());

        boolean generated = req.identityKey() == null || req.identityKey().isBlank();
        if (!generated && req.generateSigningKey()) {
            // the Go nsc: "signing key can not be added when importing the operator"
            throw new OpsException("--generate-signing-key cannot be used with -K: an operator whose identity key is"
                    + " given gets its signing keys with \"nsc edit operator --sk generate\"");
        }
        NKey key = generated ? ws.newKey(KeyKind.OPERATOR) : KeyArg.resolve(ws, req.identityKey(), KeyKind.OPERATOR);
        if (!key.hasSeed()) {
            throw new OpsException("-K " + key.publicKey() + " has no seed in the keystore " + ws.keystore().root()
                    + ": give the operator's seed, or a file holding it");
        }
        oc.name(name).subject(key.publicKey());
        FileChanges changes = new FileChanges();
        if (generated) {
            ws.keystore().stage(changes, key);
        }
        NKey sysSigner = key;
        NKey signingKey = null;
        if (req.generateSigningKey()) {
            signingKey = ws.newKey(KeyKind.OPERATOR);
            oc.signingKeys().add(signingKey.publicKey());
            ws.keystore().stage(changes, signingKey);
            sysSigner = signingKey;
        }
        OperatorStore op = ws.stores().planned(name);
        SystemAccount.Created sys = null;
        if (req.sys()) {
            sys = SystemAccount.stage(ws, changes, op, sysSigner, now);
            oc.systemAccount(sys.accountKey());
        }
        op.stageMarker(changes, false);
        op.stageOperator(changes, Jwt.encode(oc, key, now));
        ws.select(name, sys == null ? null : SystemAccount.ACCOUNT);
        ws.stageContext(changes);
        ws.commit(changes);
        // the Go nsc's lines, in its order (it names a generated signing key only with --sys)
        Report r = new Report();
        emptyFolders(r, op.dir().resolve("accounts"), ws.keystore().root().resolve("creds"));
        if (generated) {
            r.ok("generated and stored operator key \"" + key.publicKey() + "\"");
        }
        r.ok("added operator \"" + name + "\"");
        r.ok("When running your own nats-server, make sure they run at least version 2.2.0");
        if (sys != null) {
            if (signingKey != null) {
                r.ok("created operator signing key: " + signingKey.publicKey());
            }
            r.ok("created system_account: name:" + SystemAccount.ACCOUNT + " id:" + sys.accountKey());
            r.ok("created system account user: name:" + SystemAccount.USER + " id:" + sys.userKey());
            r.ok("system account user creds file stored in " + ws.env().quoted(sys.creds()));
        }
        return r;
    }

    public record EditOperator(String signer, List<String> serviceUrls, List<String> rmServiceUrls,
            String accountServerUrl, boolean rmAccountServerUrl, List<String> signingKeys, List<String> rmSigningKeys,
            List<String> tags, List<String> rmTags, String start, String expiry, String systemAccount,
            Boolean requireSigningKeys) {

        public boolean isEmpty() {
            return serviceUrls.isEmpty() && rmServiceUrls.isEmpty() && accountServerUrl == null && !rmAccountServerUrl
                    && signingKeys.isEmpty() && rmSigningKeys.isEmpty() && tags.isEmpty() && rmTags.isEmpty()
                    && start == null && expiry == null && systemAccount == null && requireSigningKeys == null;
        }
    }

    /**
     * With strict signing key usage only signing keys may sign accounts and users: refused while an
     * account is signed by the operator's identity key or a user by its account's identity key.
     */
    private static void requireSigningKeys(OperatorStore op, OperatorClaims oc) {
        if (oc.signingKeys().isEmpty()) {
            throw new OpsException("operator \"" + op.name() + "\" needs at least one signing key first: "
                    + "nsc edit operator --sk generate");
        }
        for (String name : op.accountNames()) {
            dev.jnsc.jwt.AccountClaims ac = op.account(name);
            if (ac.issuer().equals(oc.subject())) {
                throw new OpsException("account \"" + name + "\" needs to be issued with a signing key first: "
                        + "nsc edit account " + name + " -K <operator signing key> ...");
            }
            for (String user : op.userNames(name)) {
                if (op.user(name, user).issuer().equals(ac.subject())) {
                    throw new OpsException("user \"" + user + "\" in account \"" + name
                            + "\" needs to be issued with a signing key first");
                }
            }
        }
    }

    /** An account name of this operator, or an account public key. */
    static String systemAccountKey(OperatorStore op, String nameOrKey) {
        String v = nameOrKey.trim();
        if (NKey.isValidPublicKey(v, KeyKind.ACCOUNT)) {
            return v;
        }
        if (!op.hasAccount(v)) {
            throw new OpsException("--system-account \"" + v + "\" is neither an account of operator \"" + op.name()
                    + "\" nor an account public key");
        }
        return op.account(v).subject();
    }

    public static Report edit(Workspace ws, EditOperator req) {
        if (req.isEmpty()) {
            throw new OpsException("specify an edit option (see nsc edit operator --help)");
        }
        OperatorStore op = ws.operator(null);
        OperatorClaims oc = op.operator();
        long now = ws.now();
        Report r = new Report();
        FileChanges changes = new FileChanges();
        boolean strictBefore = oc.strictSigningKeyUsage();
        List<String> signingKeysBefore = new java.util.ArrayList<>(oc.signingKeys());

        Generic.applyTimes(oc, req.start(), req.expiry(), now, r);
        Generic.applyTags(oc.tags(), req.tags(), req.rmTags(), r);
        for (String v : req.signingKeys()) {
            NKey sk = v.equalsIgnoreCase("generate") ? ws.newKey(KeyKind.OPERATOR) : KeyArg.resolve(ws, v, KeyKind.OPERATOR);
            if (sk.publicKey().equals(oc.subject())) {
                throw new OpsException("the operator identity key cannot also be a signing key");
            }
            if (!oc.signingKeys().contains(sk.publicKey())) {
                oc.signingKeys().add(sk.publicKey());
            }
            if (sk.hasSeed()) {
                ws.keystore().stage(changes, sk);
            }
            r.ok("added signing key \"" + sk.publicKey() + "\"");
            r.change(Report.Change.of("created", "signing_key").withPublicKey(sk.publicKey()).withOperator(op.name()));
        }
        for (String v : req.rmSigningKeys()) {
            String pub = KeyArg.resolve(ws, v, KeyKind.OPERATOR).publicKey();
            if (!oc.signingKeys().remove(pub)) {
                throw new OpsException("operator \"" + op.name() + "\" has no signing key \"" + pub + "\"");
            }
            r.ok("removed signing key \"" + pub + "\"");
            r.change(Report.Change.of("deleted", "signing_key").withPublicKey(pub).withOperator(op.name()));
        }
        if (req.accountServerUrl() != null) {
            oc.accountServerUrl(Urls.accountServerUrl(req.accountServerUrl()));
            r.ok("set account jwt server url to \"" + oc.accountServerUrl() + "\"");
        }
        if (req.rmAccountServerUrl()) {
            oc.accountServerUrl("");
            r.ok("removed account server url");
        }
        if (req.systemAccount() != null) {
            String key = systemAccountKey(op, req.systemAccount());
            if (!key.equals(oc.systemAccount())) {
                oc.systemAccount(key);
                r.ok("set system account \"" + key + "\"");
            }
        }
        for (String u : req.serviceUrls()) {
            String url = Urls.serviceUrl(u);
            if (!oc.serviceUrls().contains(url)) {
                oc.serviceUrls().add(url);
            }
            r.ok("added service url \"" + u + "\"");
        }
        for (String u : req.rmServiceUrls()) {
            String url = u.trim().toLowerCase(Locale.ROOT);
            if (!oc.serviceUrls().remove(url)) {
                throw new OpsException("operator \"" + op.name() + "\" has no service url \"" + u + "\"");
            }
            r.ok("removed service url \"" + u + "\"");
        }
        if (req.requireSigningKeys() != null && req.requireSigningKeys() != oc.strictSigningKeyUsage()) {
            if (req.requireSigningKeys()) {
                requireSigningKeys(op, oc);
            }
            oc.strictSigningKeyUsage(req.requireSigningKeys());
            r.ok("strict signing key usage set to: " + req.requireSigningKeys());
        }
        NKey signer;
        if (strictBefore && (req.signer() == null || req.signer().isBlank())) {
            // as the Go nsc: an operator that requires signing keys is re-signed by one of them (one it
            // had before this edit and still has); -K may still name the identity key
            List<String> kept = new java.util.ArrayList<>(signingKeysBefore);
            kept.retainAll(oc.signingKeys());
            signer = Signers.choose(ws, null, KeyKind.OPERATOR, "operator \"" + op.name() + "\"", oc.subject(), kept,
                    true, false);
        } else {
            signer = Signers.choose(ws, req.signer(), KeyKind.OPERATOR, "operator \"" + op.name() + "\"",
                    oc.subject(), oc.signingKeys(), false, true);
        }
        op.stageOperator(changes, Jwt.encode(oc, signer, now));
        ws.commit(changes);
        r.ok("edited operator \"" + op.name() + "\"");
        return r;
    }

    /**
     * The empty folders the Go nsc makes with a store: the store's accounts folder and the
     * keystore's creds folder. Made after the commit: they hold nothing, so a crash before them
     * loses nothing (jnsc makes them whenever it writes into them).
     */
    private static void emptyFolders(Report r, java.nio.file.Path... dirs) {
        for (java.nio.file.Path d : dirs) {
            try {
                Disk.makeDirs(d, new java.util.ArrayList<>());
            } catch (java.io.IOException | RuntimeException e) {
                r.warn("cannot create the empty folder " + d + " (made when first needed): " + e.getMessage());
            }
        }
    }
}
