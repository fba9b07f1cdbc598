package dev.jnsc.resolver;

import dev.jnsc.fs.Disk;
import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.nkeys.NKeyException;
import java.nio.file.Path;

/**
 * Activation tokens of the --dir account server: {@code <dir>/activations/<hash id>.jwt} (folder
 * 0700, files 0600, written atomically under the locks of {@link DirJwts#save}, with its rule: a
 * token never replaces one issued later). File names are built only from valid hash ids.
 */
final class DirActivations {
    static final String FOLDER = "activations";

    private final DirJwts jwts;
    private final Path dir;

    DirActivations(DirJwts jwts) {
        this.jwts = jwts;
        this.dir = jwts.dir().resolve(FOLDER);
    }

    /** The stored activation with this hash id, verified, or null when there is none. */
    AccountJwts.Stored load(String hashId) {
        Path file = fileOf(hashId);
        byte[] data = Disk.readIfExists(file);
        if (data == null) {
            return null;
        }
        String token = Tokens.utf8(data).trim();
        ActivationClaims c;
        try {
            c = Jwt.decode(token).as(ActivationClaims.class, "an activation");
        } catch (JwtException | NKeyException e) {
            throw new ResolverException("the activation in " + file + " is not valid: " + e.getMessage());
        }
        if (!c.hashId().equals(hashId)) {
            throw new ResolverException("the activation in " + file + " has hash id " + c.hashId() + ", not " + hashId);
        }
        return new AccountJwts.Stored(token, c.id());
    }

    /** Stores a checked activation under its hash id, unless the stored one was issued later. */
    DirJwts.Saved save(ActivationClaims claims, String token) {
        return jwts.saveIfNotOlder(fileOf(claims.hashId()), claims, token, () -> { });
    }

    private Path fileOf(String hashId) {
        if (!isHashId(hashId)) {
            throw new IllegalArgumentException("not an activation hash id");
        }
        return dir.resolve(hashId + ".jwt");
    }

    /**
     * True for a hash id in its one canonical spelling: 52 characters of the base32 alphabet, the
     * last of which carries only the final bit of the SHA-256 (so it is A or Q), then "====".
     */
    static boolean isHashId(String s) {
        if (s == null || s.length() != 56 || !s.endsWith("====")) {
            return false;
        }
        for (int i = 0; i < 52; i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) {
                return false;
            }
        }
        char last = s.charAt(51);
        return last == 'A' || last == 'Q';
    }
}
