package dev.jnsc.resolver;

import dev.jnsc.nkeys.NKey;
import io.nats.client.AuthHandler;

/** Authenticates a NATS connection as a user: presents its JWT and signs the server nonce with our NKey. */
public final class UserAuth implements AuthHandler {
    private final String jwt;
    private final NKey key;

    public UserAuth(String jwt, NKey key) {
        this.jwt = jwt;
        this.key = key;
    }

    @Override
    public byte[] sign(byte[] nonce) {
        return key.sign(nonce);
    }

    @Override
    public char[] getID() {
        return key.publicKey().toCharArray();
    }

    @Override
    public char[] getJWT() {
        return jwt.toCharArray();
    }
}
