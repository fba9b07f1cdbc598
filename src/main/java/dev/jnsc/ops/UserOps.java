package dev.jnsc.ops;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.Names;
import dev.jnsc.store.OperatorStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** add user, generate creds. */
public final class UserOps {
    private UserOps() {
    }

    /** @param publicKey an existing user key (-k), or null to generate one */
    public record AddUser(String account, String name, String publicKey, String start, String expiry, String signer,
            PermissionEdits permissions, LimitEdits limits, java.util.List<String> tags) {
    }

    public static Report add(Workspace ws, AddUser req) {
        OperatorStore op = ws.operator(null);
        String account = ws.accountName(op, req.account());
        String name = Names.check("user", req.name());
        if (op.hasUser(account, name)) {
            throw new OpsException("the user \"" + name + "\" already exists in account \"" + account + "\"");
        }
        OperatorClaims oc = op.operator();
        AccountClaims ac = op.account(account);
        long now = ws.now();
        Report r = new Report();
        FileChanges changes = new FileChanges();

        UserClaims uc = new UserClaims();
        Generic.applyTimes(uc, req.start(), req.expiry(), now, new Report());
        if (req.permissions() != null) {
            req.permissions().apply(uc.permissions().permissions(), r);
        }
        if (req.limits() != null) {
            req.limits().apply(uc.permissions(), r);
        }
        refuseBearer(ac, account, "user \"" + name + "\" cannot be a bearer user", req.limits());
        if (req.tags() != null) {
            Generic.applyTags(uc.tags(), req.tags(), java.util.List.of(), r);
        }
        NKey signer = accountSigner(ws, oc, ac, req.signer());
        SigningKey scope = ac.signingKey(signer.publicKey());
        if (scope != null && scope.isScoped() && !uc.permissions().hasNoPermissionsOrLimits()) {
            throw new OpsException("user \"" + name + "\" would be signed by the scoped signing key of role \""
                    + scope.role() + "\", which sets the permissions; remove the permission flags");
        }
        if (scope != null && scope.isScoped()) {
            uc.permissions().clearAll();
        }
        NKey key;
        if (req.publicKey() != null) {
            key = KeyArg.resolve(ws, req.publicKey(), KeyKind.USER);
        } else {
            key = ws.newKey(KeyKind.USER);
            r.ok("generated and stored user key \"" + key.publicKey() + "\"");
        }
        uc.name(name).subject(key.publicKey());
        if (!signer.publicKey().equals(ac.subject())) {
            uc.issuerAccount(ac.subject());
        }
        String token = Jwt.encode(uc, signer, now);
        op.stageUser(changes, account, name, token);
        if (key.hasSeed()) {
            ws.keystore().stage(changes, key);
            Path creds = ws.keystore().credsPath(op.name(), account, name);
            ws.keystore().stageCreds(changes, op.name(), account, name, Decorated.formatUserCreds(token, key));
            r.ok("generated user creds file " + ws.env().quoted(creds));
        } else {
            r.ok("skipped generating creds file - user private key is not available");
        }
        ws.commit(changes);
        r.ok("added user \"" + name + "\" to account \"" + account + "\"");
        return r;
    }

    public record EditUser(String account, String name, String signer, PermissionEdits permissions,
            LimitEdits limits, java.util.List<String> tags, java.util.List<String> rmTags, String start, String expiry) {
        public boolean isEmpty() {
            return (permissions == null || permissions.isEmpty()) && (limits == null || limits.isEmpty())
                    && tags.isEmpty() && rmTags.isEmpty() && start == null && expiry == null;
        }

        boolean setsPermissions() {
            return (permissions != null && !permissions.isEmpty()) || (limits != null && !limits.isEmpty());
        }
    }

    public static Report edit(Workspace ws, EditUser req) {
        if (req.isEmpty()) {
            throw new OpsException("specify an edit option (see nsc edit user --help)");
        }
        OperatorStore op = ws.operator(null);
        String account = ws.accountName(op, req.account());
        String name = req.name();
        if (name == null || name.isBlank()) {
            List<String> users = op.userNames(account);
            if (users.size() != 1) {
                throw new OpsException(users.isEmpty() ? "account \"" + account + "\" has no users"
                        : "user is required: account \"" + account + "\" has several users (" + String.join(", ", users) + ")");
            }
            name = users.get(0);
        }
        OperatorClaims oc = op.operator();
        AccountClaims ac = op.account(account);
        UserClaims uc = op.user(account, name);
        long now = ws.now();
        Report r = new Report();
        Generic.applyTimes(uc, req.start(), req.expiry(), now, r);
        Generic.applyTags(uc.tags(), req.tags(), req.rmTags(), r);
        // applied also when empty: the Go nsc sorts the subjects and source networks on every edit
        (req.permissions() == null ? PermissionEdits.none() : req.permissions()).apply(uc.permissions().permissions(), r);
        (req.limits() == null ? LimitEdits.none() : req.limits()).applyEdit(uc.permissions(), r);
        refuseBearer(ac, account, "user \"" + name + "\" cannot be a bearer user", req.limits());
        NKey signer = accountSigner(ws, oc, ac, req.signer());
        SigningKey scope = ac.signingKey(signer.publicKey());
        if (scope != null && scope.isScoped()) {
            if (req.setsPermissions()) {
                throw new OpsException("user \"" + name + "\" is signed by the scoped signing key of role \""
                        + scope.role() + "\", which sets the permissions; edit the role with \"nsc edit signing-key\"");
            }
            uc.permissions().clearAll();
        }
        uc.issuerAccount(signer.publicKey().equals(ac.subject()) ? "" : ac.subject());
        String token = Jwt.encode(uc, signer, now);
        FileChanges changes = new FileChanges();
        op.stageUser(changes, account, name, token);
        NKey key = ws.keystore().read(uc.subject());
        if (key != null) {
            Path creds = ws.keystore().credsPath(op.name(), account, name);
            byte[] content = Decorated.formatUserCreds(token, key);
            key.clear();
            ws.keystore().stageCreds(changes, op.name(), account, name, content);
            r.ok("generated user creds file " + ws.env().quoted(creds));
        } else {
            Path creds = ws.keystore().credsPath(op.name(), account, name);
            String missing = "the seed of user \"" + name + "\" (" + uc.subject() + ") is not in the keystore " + ws.env()
                    .display(ws.keystore().root()) + ": ";
            r.warn(java.nio.file.Files.isRegularFile(creds)
                    ? missing + "the creds file \"" + ws.env().display(creds) + "\" was not updated and still holds the old JWT"
                    : missing + "no creds file was written");
        }
        ws.commit(changes);
        r.ok("edited user \"" + name + "\"");
        return r;
    }

    /**
     * --bearer in an account with disallow_bearer: nats-server refuses such a user's JWT, so it
     * could never connect.
     */
    static void refuseBearer(AccountClaims ac, String account, String refused, LimitEdits limits) {
        if (limits != null && Boolean.TRUE.equals(limits.bearer()) && ac.limits().disallowBearer()) {
            throw new OpsException(refused + ": account \"" + account + "\" sets disallow_bearer and nats-server refuses"
                    + " bearer tokens of its users (to allow them: nsc edit account " + account + " --disallow-bearer=false)");
        }
    }

    /** The key that signs users of {@code ac}: -K, or the only stored identity/signing key. */
    static NKey accountSigner(Workspace ws, OperatorClaims oc, AccountClaims ac, String override) {
        List<String> sks = new ArrayList<>();
        String roleKey = null;
        for (SigningKey k : ac.signingKeys()) {
            sks.add(k.key());
            if (override != null && k.isScoped() && k.role().equals(override)) {
                roleKey = k.key();
            }
        }
        return Signers.choose(ws, roleKey != null ? roleKey : override, KeyKind.ACCOUNT,
                "account \"" + ac.name() + "\"", ac.subject(), sks, oc.strictSigningKeyUsage(), false);
    }

    public record GenerateCreds(String account, String user, String outputFile) {
    }

    /** The creds of a stored user: returned as bytes (stdout) or written to a new file. */
    public static byte[] creds(Workspace ws, GenerateCreds req) {
        OperatorStore op = ws.operator(null);
        String account = ws.accountName(op, req.account());
        String user = req.user();
        if (user == null || user.isBlank()) {
            List<String> users = op.userNames(account);
            if (users.size() != 1) {
                throw new OpsException(users.isEmpty() ? "account \"" + account + "\" has no users"
                        : "user is required (-n): account \"" + account + "\" has several users");
            }
            user = users.get(0);
        }
        Jwt.Decoded decoded = op.decodeUser(account, user);
        String subject = decoded.claims().subject();
        NKey key = ws.keystore().read(subject);
        if (key == null) {
            throw new OpsException("the seed of user \"" + user + "\" (" + subject + ") is not in the keystore "
                    + ws.keystore().root());
        }
        try {
            return Decorated.formatUserCreds(decoded.token(), key);
        } finally {
            key.clear();
        }
    }
}
