package dev.jnsc.tools;

import dev.jnsc.nkeys.NKey;
import io.nats.client.AuthHandler;

/**
 * Answers a server's nonce challenge with a user JWT and a signature made by our own Ed25519
 * ({@link NKey#sign}), so jnats never sees the seed. Every NATS connection jnsc makes uses it.
 */
public final class NKeyAuth implements AuthHandler {
    private final String jwt;
    private final NKey key;

    /** @param key the user's key with its seed; cleared by {@link #clear()} */
    public NKeyAuth(String jwt, NKey key) {
        this.jwt = jwt;
        this.key = key;
    }

    @Override
    public byte[] sign(byte[] nonce) {
        return key.sign(nonce);
    }

    /** The user's public key: used by the server only for plain nkey auth, sent for completeness. */
    @Override
    public char[] getID() {
        return key.publicKey().toCharArray();
    }

    @Override
    public char[] getJWT() {
        return jwt.toCharArray();
    }

    public String userKey() {
        return key.publicKey();
    }

    /** Overwrites the seed; the handler cannot sign afterwards. */
    public void clear() {
        key.clear();
    }
}
