package dev.jnsc.resolver;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/** Reading tokens from files: verified, or only peeked at. */
final class Tokens {
    private Tokens() {
    }

    /**
     * The {@code sub} of a token without verifying it (cheap: no signature check), or null when
     * the text is not a JWT. Used only to index files; a token is verified before it is served.
     */
    static String peekSubject(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            String p = parts[1];
            int pad = p.indexOf('=');
            Map<String, Object> payload = Json.parseObject(Base64.getUrlDecoder().decode(pad < 0 ? p : p.substring(0, pad)));
            Object sub = payload.get("sub");
            return sub instanceof String ? (String) sub : null;
        } catch (IllegalArgumentException | JwtException e) {
            return null;
        }
    }

    /** Verifies a stored account token; it must be the JWT of {@code accountKey}. */
    static AccountJwts.Stored verifiedAccount(String token, String accountKey, Path from) {
        AccountClaims c;
        try {
            c = Jwt.decode(token).as(AccountClaims.class, "an account");
        } catch (JwtException e) {
            throw new ResolverException("the JWT in " + from + " is not valid: " + e.getMessage());
        }
        if (!c.subject().equals(accountKey)) {
            throw new ResolverException("the JWT in " + from + " is for " + c.subject() + ", not " + accountKey);
        }
        return new AccountJwts.Stored(token, c.id());
    }

    /** Reads and verifies an operator JWT file (bare or decorated). */
    static Operator readOperator(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ResolverException("cannot read the operator JWT " + file + ": " + e.getMessage(), e);
        }
        String token = data.length > Jwt.MAX_TOKEN_BYTES ? "" : Decorated.parse(data).jwt().trim();
        if (token.isEmpty()) {
            throw new ResolverException(file + " holds no operator JWT");
        }
        try {
            OperatorClaims c = Jwt.decode(token).as(OperatorClaims.class, "an operator");
            if (!NKey.isValidPublicKey(c.subject(), KeyKind.OPERATOR)) {
                throw new ResolverException("the operator JWT in " + file + " has no operator key as subject");
            }
            return new Operator(c, new AccountJwts.Stored(token, c.id()));
        } catch (JwtException e) {
            throw new ResolverException("the operator JWT in " + file + " is not valid: " + e.getMessage());
        }
    }

    /** A verified operator JWT. */
    record Operator(OperatorClaims claims, AccountJwts.Stored stored) {
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
