package dev.jnsc.ops;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.OperatorStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The system account nsc creates with {@code add operator --sys}: account "SYS" with a signing key
 * and the two monitoring exports, and user "sys" (signed by that signing key) with its creds.
 */
final class SystemAccount {
    static final String ACCOUNT = "SYS";
    static final String USER = "sys";
    private static final String DOCS = "https://docs.nats.io/nats-server/configuration/sys_accounts";

    record Created(String accountKey, String userKey, Path creds) {
    }

    private SystemAccount() {
    }

    /** Stages the account, its user and their keys; {@code operatorSigner} signs the account. */
    static Created stage(Workspace ws, FileChanges changes, OperatorStore op, NKey operatorSigner, long now) {
        NKey account = ws.newKey(KeyKind.ACCOUNT);
        NKey signingKey = ws.newKey(KeyKind.ACCOUNT);
        AccountClaims ac = new AccountClaims();
        ac.name(ACCOUNT).subject(account.publicKey());
        ac.signingKeys().add(SigningKey.plain(signingKey.publicKey()));
        ac.exports().add(export("account-monitoring-services", "$SYS.REQ.ACCOUNT.*.*", "service", "Stream", 4,
                "Request account specific monitoring services for: SUBSZ, CONNZ, LEAFZ, JSZ and INFO"));
        ac.exports().add(export("account-monitoring-streams", "$SYS.ACCOUNT.*.>", "stream", null, 3,
                "Account specific monitoring stream"));
        op.stageAccount(changes, ACCOUNT, Jwt.encode(ac, operatorSigner, now));

        NKey user = ws.newKey(KeyKind.USER);
        UserClaims uc = new UserClaims();
        uc.name(USER).subject(user.publicKey());
        uc.issuerAccount(account.publicKey());
        String userJwt = Jwt.encode(uc, signingKey, now);
        op.stageUser(changes, ACCOUNT, USER, userJwt);

        ws.keystore().stage(changes, account);
        ws.keystore().stage(changes, signingKey);
        ws.keystore().stage(changes, user);
        byte[] creds = Decorated.formatUserCreds(userJwt, user);
        ws.keystore().stageCreds(changes, op.name(), ACCOUNT, USER, creds);
        return new Created(account.publicKey(), user.publicKey(), ws.keystore().credsPath(op.name(), ACCOUNT, USER));
    }

    /** An export in the Go library's field order. */
    private static Map<String, Object> export(String name, String subject, String type, String responseType,
            long tokenPosition, String description) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", name);
        e.put("subject", subject);
        e.put("type", type);
        if (responseType != null) {
            e.put("response_type", responseType);
        }
        e.put("account_token_position", tokenPosition);
        e.put("description", description);
        e.put("info_url", DOCS);
        return e;
    }
}
