package dev.jnsc.tools;

import io.nats.client.AuthHandler;

/**
 * Answers the server's nonce challenge with the user JWT and a signature made by our own Ed25519
 * ({@link dev.jnsc.nkeys.NKey#sign}), so jnats never sees the seed.
 */
final class NKeyAuth implements AuthHandler {
    private final Target target;

    NKeyAuth(Target target) {
        this.target = target;
    }

    @Override
    public byte[] sign(byte[] nonce) {
        return target.userKey().sign(nonce);
    }

    /** The user's public key: used by the server only for plain nkey auth, sent for completeness. */
    @Override
    public char[] getID() {
        return target.userKey().publicKey().toCharArray();
    }

    @Override
    public char[] getJWT() {
        return target.userJwt().toCharArray();
    }
}
