package dev.jnsc.tools;

import dev.jnsc.nkeys.NKey;
import java.util.List;

/**
 * Where and as whom a tool connects: the server URLs, and a user's JWT with the key that signs the
 * server's nonce. Holds the user's seed (inside {@link NKey}); close it to clear the seed.
 */
public final class Target implements AutoCloseable {
    private final List<String> servers;
    private final String account;
    private final String user;
    private final String userJwt;
    private final NKey userKey;
    private final Tls tls;

    /** @param userKey the user's key with its seed; cleared by {@link #close()} */
    public Target(List<String> servers, String account, String user, String userJwt, NKey userKey) {
        this(servers, account, user, userJwt, userKey, Tls.none());
    }

    /** @param tls the TLS settings of the environment ({@link Tls#fromEnv}) */
    public Target(List<String> servers, String account, String user, String userJwt, NKey userKey, Tls tls) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no server URLs");
        }
        if (!userKey.hasSeed()) {
            throw new IllegalArgumentException("the key of user \"" + user + "\" has no seed");
        }
        this.servers = List.copyOf(servers);
        this.account = account;
        this.user = user;
        this.userJwt = userJwt;
        this.userKey = userKey;
        this.tls = tls;
    }

    Tls tls() {
        return tls;
    }

    public List<String> servers() {
        return servers;
    }

    public String account() {
        return account;
    }

    public String user() {
        return user;
    }

    String userJwt() {
        return userJwt;
    }

    NKey userKey() {
        return userKey;
    }

    /** The server URLs as one line, for messages. */
    String serverList() {
        return String.join(", ", servers);
    }

    @Override
    public void close() {
        userKey.clear();
    }
}
