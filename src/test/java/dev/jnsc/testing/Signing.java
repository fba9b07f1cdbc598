package dev.jnsc.testing;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.nkeys.NKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Making account JWTs by hand for the account server tests: re-signed, forged, tampered. */
public final class Signing {
    private Signing() {
    }

    /** The key of a stored entity, with its seed, from the test keystore. */
    public static NKey stored(Nsc nsc, String publicKey) {
        return NKey.fromSeed(Nsc.read(nsc.keyFile(publicKey)).trim());
    }

    /** The operator identity key of a store's operator, with its seed. */
    public static NKey operatorKey(Nsc nsc, String operator) {
        return stored(nsc, subject(Nsc.read(nsc.operatorJwt(operator))));
    }

    public static String subject(String token) {
        return Jwt.decode(token).claims().subject();
    }

    public static AccountClaims account(String token) {
        return Jwt.decode(token).as(AccountClaims.class, "an account");
    }

    /** A fresh account JWT for {@code accountKey}, signed by {@code signer}. */
    public static String accountJwt(String accountKey, String name, NKey signer, long iat) {
        AccountClaims c = new AccountClaims();
        c.subject(accountKey);
        c.name(name);
        return Jwt.encode(c, signer, iat);
    }

    /** The same account re-signed with another issue time and description: a new jti. */
    public static String resign(String token, NKey signer, long iat, String description) {
        AccountClaims c = account(token);
        c.description(description);
        return Jwt.encode(c, signer, iat);
    }

    /** The token with its payload changed ("name" renamed) and the old signature kept. */
    public static String tamper(String token) {
        String[] p = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8);
        String changed = payload.replaceFirst("\"name\":\"", "\"name\":\"X");
        if (changed.equals(payload)) {
            throw new IllegalArgumentException("no name to change");
        }
        return p[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
                + "." + p[2];
    }
}
