package dev.jnsc.ops;

import dev.jnsc.fs.Disk;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.nkeys.NKeyException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A key given on the command line (-K, --sk, -k): a seed, a public key (its seed then looked up
 * in the keystore), or the path of a file holding a seed. Messages never echo a seed.
 */
public final class KeyArg {
    private KeyArg() {
    }

    /** The key, with its seed when one was given or is stored; fails unless it is of {@code kind}. */
    public static NKey resolve(Workspace ws, String value, KeyKind kind) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw new OpsException(kind.withArticle() + " key is required, got an empty value");
        }
        NKey key;
        if (looksLikeSeed(v)) {
            try {
                key = NKey.fromSeed(v.toCharArray());
            } catch (NKeyException e) {
                throw new OpsException("the seed given is not valid: " + e.getMessage());
            }
        } else if (looksLikePublicKey(v)) {
            try {
                NKey.fromPublicKey(v);
            } catch (NKeyException e) {
                throw new OpsException(e.getMessage());
            }
            key = NKey.fromPublicKey(v);
            NKey stored = ws.keystore().read(v);
            if (stored != null) {
                key = stored;
            }
        } else {
            Path p = ws.env().path(v);
            if (!Files.isRegularFile(p)) {
                throw new OpsException("\"" + v + "\" is not " + kind.withArticle()
                        + " public key, a seed, or the path of a file holding a seed");
            }
            key = fromFile(p, kind);
        }
        if (key.kind() != kind) {
            String pub = key.publicKey();
            key.clear();
            throw new OpsException("\"" + pub + "\" is " + key.kind().withArticle() + " key, expected "
                    + kind.withArticle() + " key");
        }
        return key;
    }

    private static NKey fromFile(Path p, KeyKind kind) {
        byte[] data = Disk.readIfExists(p);
        if (data == null) {
            data = new byte[0];
        }
        Decorated.Parts parts = Decorated.parse(data);
        java.util.Arrays.fill(data, (byte) 0);
        try {
            if (parts.seed() != null) {
                try {
                    return NKey.fromSeed(parts.seed());
                } catch (NKeyException e) {
                    throw new OpsException("file " + p + " does not hold a valid seed: " + e.getMessage());
                }
            }
            if (NKey.isValidPublicKey(parts.jwt().trim())) {
                return NKey.fromPublicKey(parts.jwt().trim());
            }
            throw new OpsException("file " + p + " does not hold " + kind.withArticle() + " seed or public key");
        } finally {
            parts.clear();
        }
    }

    /** 56 base32 characters starting with a key letter: meant as a public key, even if damaged. */
    static boolean looksLikePublicKey(String v) {
        if (v.length() != 56 || dev.jnsc.nkeys.KeyKind.fromLetter(v.charAt(0)) == null) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) {
                return false;
            }
        }
        return true;
    }

    static boolean looksLikeSeed(String v) {
        return v.length() == 58 && v.charAt(0) == 'S';
    }
}
