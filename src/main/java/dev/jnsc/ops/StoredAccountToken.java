package dev.jnsc.ops;

import dev.jnsc.fs.Disk;
import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.store.OperatorStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * An account JWT as stored, read for push without checking its signature: whoever receives it (the
 * nats-servers' resolver, an account server) verifies every JWT it is sent and refuses a bad one,
 * which push reports for that account. Verifying here first cost about 125 µs of CPU per account
 * on the launcher's C1-only JVM (1.3 s for 10,001, on the 2 cores the servers need for their own
 * checks of the same JWTs); what push decides from a JWT (its type, subject and issuer) is read
 * from the payload as before.
 */
record StoredAccountToken(String name, String subject, String issuer, String token) {

    static StoredAccountToken read(OperatorStore op, String name) {
        Path p = op.accountJwtPath(name);
        byte[] data = Disk.readIfExists(p);
        if (data == null) {
            throw new OpsException("account \"" + name + "\" does not exist in operator \"" + op.name() + "\"");
        }
        String token = new String(data, StandardCharsets.UTF_8).trim();
        try {
            Map<String, Object> payload = payload(token);
            String type = Json.str(payload, "type");
            if (type.isEmpty()) {
                Map<String, Object> nats = Json.map(payload, "nats");
                type = nats == null ? "" : Json.str(nats, "type");
            }
            if (!type.equals("account")) {
                throw new JwtException("expected an account JWT, found "
                        + (type.isEmpty() ? "a JWT without type" : "a JWT of type \"" + type + "\""));
            }
            String subject = Json.str(payload, "sub");
            if (subject.isEmpty()) {
                throw new JwtException("the JWT has no subject (sub)");
            }
            return new StoredAccountToken(name, subject, Json.str(payload, "iss"), token);
        } catch (JwtException e) {
            throw new OpsException("cannot load account \"" + name + "\" from " + p + ": " + e.getMessage());
        }
    }

    private static Map<String, Object> payload(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || token.indexOf('.', second + 1) >= 0) {
            throw new JwtException("not a JWT: expected 3 chunks separated by '.'");
        }
        String part = token.substring(first + 1, second);
        int pad = part.indexOf('=');
        try {
            return Json.parseObject(Base64.getUrlDecoder().decode(pad >= 0 ? part.substring(0, pad) : part));
        } catch (IllegalArgumentException e) {
            throw new JwtException("JWT payload is not valid base64url");
        }
    }
}
