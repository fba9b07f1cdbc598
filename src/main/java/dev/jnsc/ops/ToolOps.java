package dev.jnsc.ops;

import dev.jnsc.fs.Disk;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.nkeys.NKeyException;
import dev.jnsc.store.OperatorStore;
import dev.jnsc.tools.PayloadCipher;
import dev.jnsc.tools.Target;
import dev.jnsc.tools.Tls;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Works out who the NATS tools (pub, sub, req, reply) connect as, and where to. */
public final class ToolOps {
    private ToolOps() {
    }

    /**
     * @param account the account name, or null for the current one
     * @param user the user name, or null for the account's only user
     * @param natsUrl the server URL, or null for the operator's service URLs
     * @param tls the TLS settings (flags and environment), or null for the environment's
     */
    public record TargetRequest(String account, String user, String natsUrl, Tls tls) {
    }

    /** The connection target: server URLs, the user's JWT and its key with the seed. Close it. */
    public static Target target(Workspace ws, TargetRequest req) {
        OperatorStore op = ws.operator(null);
        String account = ws.accountName(op, req.account());
        String user = userName(op, account, req.user());
        Jwt.Decoded decoded = op.decodeUser(account, user);
        UserClaims uc = decoded.as(UserClaims.class, "a user");
        List<String> servers = servers(op, req.natsUrl());
        NKey key = userKey(ws, op, account, user, uc.subject());
        return new Target(servers, account, user, decoded.token(), key,
                req.tls() != null ? req.tls() : Tls.fromEnv(ws.env()));
    }

    /**
     * The payload cipher of -E/--encrypt (tool req, tool sub): keyed with the seed of the account,
     * which must be in the keystore.
     */
    public static PayloadCipher cipher(Workspace ws, String account) {
        OperatorStore op = ws.operator(null);
        String publicKey = op.account(account).subject();
        NKey key = ws.keystore().read(publicKey);
        if (key == null || !key.hasSeed()) {
            throw new OpsException("unable to get the account private key to encrypt/decrypt the payload: the seed of account \""
                    + account + "\" (" + publicKey + ") is not in the keystore " + ws.keystore().root());
        }
        char[] seed = key.seed();
        try {
            return new PayloadCipher(seed);
        } finally {
            Arrays.fill(seed, '\0');
            key.clear();
        }
    }

    private static String userName(OperatorStore op, String account, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        List<String> users = op.userNames(account);
        if (users.size() == 1) {
            return users.get(0);
        }
        if (users.isEmpty()) {
            throw new OpsException("account \"" + account + "\" has no users - add one with \"nsc add user <name>\"");
        }
        throw new OpsException("user is required (-u): account \"" + account + "\" has several users ("
                + String.join(", ", users) + ")");
    }

    private static List<String> servers(OperatorStore op, String natsUrl) {
        if (natsUrl != null && !natsUrl.isBlank()) {
            return List.of(natsUrl.trim());
        }
        List<String> urls = op.operator().serviceUrls();
        if (urls.isEmpty()) {
            throw new OpsException("operator \"" + op.name() + "\" has no service URLs - pass --nats <url> or set one"
                    + " with \"nsc edit operator --service-url <url>\"");
        }
        return urls;
    }

    /** The user's key with its seed: from the keystore, else from the user's creds file. */
    private static NKey userKey(Workspace ws, OperatorStore op, String account, String user, String publicKey) {
        NKey key = ws.keystore().read(publicKey);
        if (key != null) {
            return key;
        }
        Path creds = ws.keystore().credsPath(op.name(), account, user);
        byte[] data = Disk.readIfExists(creds);
        if (data == null) {
            throw new OpsException("the seed of user \"" + user + "\" (" + publicKey + ") is neither in the keystore "
                    + ws.keystore().root() + " nor in a creds file at " + creds);
        }
        Decorated.Parts parts = Decorated.parse(data);
        try {
            if (parts.seed() == null) {
                throw new OpsException("creds file " + creds + " holds no seed");
            }
            NKey fromCreds = NKey.fromSeed(parts.seed());
            if (!fromCreds.publicKey().equals(publicKey)) {
                fromCreds.clear();
                throw new OpsException("creds file " + creds + " holds the seed of another user (" + fromCreds.publicKey()
                        + ", expected " + publicKey + ")");
            }
            return fromCreds;
        } catch (NKeyException e) {
            throw new OpsException("creds file " + creds + " holds an invalid seed: " + e.getMessage());
        } finally {
            parts.clear();
            Arrays.fill(data, (byte) 0);
        }
    }
}
