package dev.jnsc.resolver;

import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.nkeys.NKeyException;
import dev.jnsc.tools.NKeyAuth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a creds file into the handler that authenticates a jnats connection with it: a user JWT
 * and the seed of that same user. The seed is held only inside an {@link NKey}; it never appears
 * in messages.
 */
final class CredsAuth {
    private CredsAuth() {
    }

    /** Reads and checks a creds file: a user JWT and the seed of that same user. */
    static NKeyAuth load(Path creds) {
        byte[] content;
        try {
            content = Files.readAllBytes(creds);
        } catch (IOException e) {
            throw new ResolverException("cannot read the creds file " + creds + ": " + e.getMessage(), e);
        }
        Decorated.Parts parts = Decorated.parse(content);
        Arrays.fill(content, (byte) 0);
        NKey key = null;
        try {
            if (parts.jwt().isEmpty() || parts.seed() == null) {
                throw new ResolverException(creds + " is not a creds file: it needs a user JWT and a user seed");
            }
            key = NKey.fromSeed(parts.seed());
            if (key.kind() != KeyKind.USER) {
                throw new ResolverException("the seed in " + creds + " is " + key.kind().withArticle()
                        + " seed, expected a user seed");
            }
            UserClaims user = Jwt.decode(parts.jwt()).as(UserClaims.class, "a user");
            if (!user.subject().equals(key.publicKey())) {
                throw new ResolverException("the seed in " + creds + " does not belong to its user JWT ("
                        + user.subject() + ")");
            }
            NKeyAuth auth = new NKeyAuth(parts.jwt(), key);
            key = null;
            return auth;
        } catch (JwtException | NKeyException e) {
            throw new ResolverException("cannot use the creds file " + creds + ": " + e.getMessage());
        } finally {
            parts.clear();
            if (key != null) {
                key.clear();
            }
        }
    }
}
