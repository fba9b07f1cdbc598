package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.resolver.NatsResolverClient;
import dev.jnsc.tools.NKeyAuth;
import dev.jnsc.store.OperatorStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The system account user push and pull connect as: a stored user of the system account named with
 * --system-user, or a short-lived user (2 minutes, only the resolver subjects) minted in memory
 * and signed by a system account key from the keystore.
 */
final class SystemUser {
    static final String TEMP_NAME = "nsc temporary push user";

    private SystemUser() {
    }

    /** @param sysAccount a name or key overriding the operator's system account, or null */
    static NKeyAuth resolve(Workspace ws, OperatorStore op, OperatorClaims oc, String sysAccount, String systemUser) {
        String sysKey = sysAccount != null ? OperatorOps.systemAccountKey(op, sysAccount) : oc.systemAccount();
        if (sysKey == null || sysKey.isEmpty()) {
            throw new OpsException("operator \"" + op.name() + "\" has no system account: set one with \"nsc edit operator "
                    + "--system-account <name>\" or pass --system-account");
        }
        String sysName = accountName(op, sysAccount, sysKey);
        AccountClaims sys = op.account(sysName);
        if (systemUser != null) {
            dev.jnsc.jwt.Jwt.Decoded d = op.decodeUser(sysName, systemUser);
            UserClaims uc = d.as(UserClaims.class, "a user");
            NKey key = ws.keystore().read(uc.subject());
            if (key == null) {
                throw new OpsException("the seed of system user \"" + systemUser + "\" is not in the keystore "
                        + ws.keystore().root());
            }
            return new NKeyAuth(d.token(), key);
        }
        List<String> candidates = new ArrayList<>();
        boolean scopedOnly = false;
        for (SigningKey k : sys.signingKeys()) {
            if (!ws.keystore().hasSeed(k.key())) {
                continue;
            }
            if (k.isScoped()) {
                scopedOnly = true;
            } else {
                candidates.add(k.key());
            }
        }
        if (!oc.strictSigningKeyUsage() && ws.keystore().hasSeed(sys.subject())) {
            candidates.add(sys.subject());
        }
        if (candidates.isEmpty()) {
            throw new OpsException(scopedOnly
                    ? "the system account's stored signing keys are scoped (their users get the role's permissions): "
                            + "name a system account user with --system-user"
                    : "no key of system account \"" + sysName + "\" is in the keystore " + ws.keystore().root()
                            + " - name a system account user with --system-user");
        }
        NKey signer = ws.keystore().read(candidates.get(0));
        NKey user = ws.newKey(KeyKind.USER);
        UserClaims uc = new UserClaims();
        uc.name(TEMP_NAME).subject(user.publicKey());
        uc.expires(ws.now() + 120);
        uc.permissions().pub().allow().addAll(List.of(NatsResolverClient.UPDATE, NatsResolverClient.LIST,
                NatsResolverClient.PACK, NatsResolverClient.DELETE, NatsResolverClient.PING,
                "$SYS.REQ.ACCOUNT.*.CLAIMS.UPDATE"));
        uc.permissions().sub().allow().add("_INBOX.>");
        if (!signer.publicKey().equals(sys.subject())) {
            uc.issuerAccount(sys.subject());
        }
        String token = Jwt.encode(uc, signer, ws.now());
        signer.clear();
        return new NKeyAuth(token, user);
    }

    static String accountName(OperatorStore op, String given, String sysKey) {
        if (given != null && op.hasAccount(given.trim())) {
            return given.trim();
        }
        if (op.hasAccount(SystemAccount.ACCOUNT) && op.account(SystemAccount.ACCOUNT).subject().equals(sysKey)) {
            return SystemAccount.ACCOUNT;
        }
        String name = op.accountNameByKey(sysKey);
        if (name == null) {
            throw new OpsException("system account " + sysKey + " is not an account of operator \"" + op.name() + "\"");
        }
        return name;
    }
}
