package dev.jnsc.resolver;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Claims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.nkeys.NKeyException;
import java.time.Instant;

/**
 * Decides whether a JWT posted for an account may be stored, as nats-account-server does: it must
 * be a correctly signed account JWT for the key in the path, issued by the operator's identity
 * key (unless the operator demands signing keys) or one of its signing keys, and valid now.
 */
final class PostedJwtCheck {
    /** Why a posted JWT is refused; the message is sent back to the client. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private PostedJwtCheck() {
    }

    /** Returns the verified account claims, or throws {@link Refused} with the reason. */
    static AccountClaims check(String pathKey, String token, OperatorClaims operator, long nowSeconds) {
        if (token.isEmpty()) {
            throw new Refused("the request body is empty: post the account JWT");
        }
        Jwt.Decoded decoded;
        try {
            decoded = Jwt.decode(token);
        } catch (JwtException | NKeyException e) {
            throw new Refused("bad JWT: " + e.getMessage());
        }
        Claims claims = decoded.claims();
        if (!(claims instanceof AccountClaims)) {
            String type = claims.type().isEmpty() ? "without a type" : "of type \"" + claims.type() + "\"";
            throw new Refused("expected an account JWT, found a JWT " + type);
        }
        AccountClaims account = (AccountClaims) claims;
        String sub = account.subject();
        if (!NKey.isValidPublicKey(sub, KeyKind.ACCOUNT)) {
            throw new Refused("the JWT subject \"" + sub + "\" is not an account public key");
        }
        if (!sub.equals(pathKey)) {
            throw new Refused("the JWT is for account " + sub + " but was posted for " + pathKey);
        }
        checkIssuer(account.issuer(), operator);
        if (account.expires() > 0 && account.expires() <= nowSeconds) {
            throw new Refused("the JWT expired at " + Instant.ofEpochSecond(account.expires()));
        }
        if (account.notBefore() > nowSeconds) {
            throw new Refused("the JWT is not valid before " + Instant.ofEpochSecond(account.notBefore()));
        }
        return account;
    }

    private static void checkIssuer(String iss, OperatorClaims operator) {
        String op = "operator \"" + operator.name() + "\" (" + operator.subject() + ")";
        if (NKey.isValidPublicKey(iss, KeyKind.ACCOUNT)) {
            throw new Refused("the JWT is self-signed by account " + iss + "; it must be signed by " + op
                    + " or one of its signing keys");
        }
        if (!operator.didSign(iss)) {
            throw new Refused("the JWT issuer " + iss + " is neither " + op + " nor one of its signing keys");
        }
        if (operator.strictSigningKeyUsage() && iss.equals(operator.subject())) {
            throw new Refused(op + " requires account JWTs to be signed by one of its signing keys, not its identity key");
        }
    }
}
