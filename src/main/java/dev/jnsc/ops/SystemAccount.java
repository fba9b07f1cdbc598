package dev.jnsc.ops;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.OperatorStore;
import java.nio.file.Path;

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
        ac.exports().add(Export.service("$SYS.REQ.ACCOUNT.*.*").name("account-monitoring-services")
                .responseType(Export.STREAM_RESPONSE).accountTokenPosition(4)
                .description("Request account specific monitoring services for: SUBSZ, CONNZ, LEAFZ, JSZ and INFO")
                .infoUrl(DOCS));
        ac.exports().add(Export.stream("$SYS.ACCOUNT.*.>").name("account-monitoring-streams").accountTokenPosition(3)
                .description("Account specific monitoring stream").infoUrl(DOCS));
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
}
