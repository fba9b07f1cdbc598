package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.resolver.AccountServerClient;
import dev.jnsc.store.OperatorStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accounts of a managed operator (one imported from its JWT: its seed is someone else's), as the
 * Go nsc handles them: an account JWT is signed by a stored operator key when there is one, else
 * by the account itself, and every account JWT written is first posted to the operator's account
 * server ({@code <account server url>/accounts/<key>}) and read back from it, the server's copy
 * (signed by the operator) being what is stored.
 */
final class ManagedAccounts {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private ManagedAccounts() {
    }

    /**
     * The account JWT to store for {@code ac}: signed by the operator (-K or a stored operator key);
     * in a managed store possibly by the account itself and exchanged with the account server.
     *
     * @param newKey the key of an account being added (its seed not yet stored), else null
     */
    static String sign(Workspace ws, OperatorStore op, OperatorClaims oc, AccountClaims ac, NKey newKey,
            String override, Report r) {
        if (!op.isManaged()) {
            return Jwt.encode(ac, Signers.accountSigner(ws, op, oc, override), ws.now());
        }
        NKey signer = signer(ws, op, oc, ac, newKey, override);
        return exchange(oc, op.name(), ac, Jwt.encode(ac, signer, ws.now()), r);
    }

    /**
     * The key that signs {@code ac} in a managed store: -K (an operator key, or one of the account's
     * keys), else the first stored of the operator's keys and then the account's keys.
     *
     * @param newKey the key of an account being added (not yet stored), else null
     */
    static NKey signer(Workspace ws, OperatorStore op, OperatorClaims oc, AccountClaims ac, NKey newKey,
            String override) {
        List<String> operatorKeys = new ArrayList<>();
        if (!oc.strictSigningKeyUsage()) {
            operatorKeys.add(oc.subject());
        }
        operatorKeys.addAll(oc.signingKeys());
        List<String> accountKeys = new ArrayList<>();
        if (!oc.strictSigningKeyUsage()) {
            accountKeys.add(ac.subject());
        }
        for (dev.jnsc.jwt.SigningKey sk : ac.signingKeys()) {
            if (!sk.isScoped()) {
                accountKeys.add(sk.key());
            }
        }
        if (override != null && !override.isBlank()) {
            String v = override.trim();
            boolean account = v.startsWith("A") || v.startsWith("SA");
            NKey key = KeyArg.resolve(ws, v, account ? KeyKind.ACCOUNT : KeyKind.OPERATOR);
            if (newKey != null && key.publicKey().equals(newKey.publicKey()) && newKey.hasSeed()) {
                return newKey;
            }
            if (!(account ? accountKeys : operatorKeys).contains(key.publicKey())) {
                String pub = key.publicKey();
                key.clear();
                throw new OpsException("key " + pub + " may not sign account \"" + ac.name() + "\" of operator \""
                        + op.name() + "\" (expected one of " + String.join(", ", operatorKeys)
                        + (accountKeys.isEmpty() ? "" : ", or of the account: " + String.join(", ", accountKeys)) + ")");
            }
            if (!key.hasSeed()) {
                throw new OpsException("the seed of " + key.publicKey() + " is not in the keystore "
                        + ws.keystore().root() + " - pass the seed or a file holding it with -K");
            }
            return key;
        }
        for (String k : operatorKeys) {
            if (ws.keystore().hasSeed(k)) {
                return ws.keystore().read(k);
            }
        }
        if (newKey != null) {
            if (!newKey.hasSeed()) {
                throw new OpsException("account \"" + ac.name() + "\" of managed operator \"" + op.name() + "\" signs"
                        + " itself, but the seed of " + newKey.publicKey() + " is not in the keystore: give it with -k");
            }
            return newKey;
        }
        for (String k : accountKeys) {
            if (ws.keystore().hasSeed(k)) {
                return ws.keystore().read(k);
            }
        }
        throw new OpsException("no key that may sign account \"" + ac.name() + "\" of managed operator \"" + op.name()
                + "\" has its seed in the keystore " + ws.keystore().root() + " (looked for "
                + String.join(", ", operatorKeys) + (accountKeys.isEmpty() ? "" : ", " + String.join(", ", accountKeys))
                + ") - pass one with -K");
    }

    /**
     * Exchanges the account JWT {@code token} with the operator's account server and returns the
     * JWT to store: the server's copy when it serves one back, else {@code token} (with the Go nsc's
     * warnings). A push the server refuses, or cannot be made, fails the command: nothing is stored.
     */
    static String exchange(OperatorClaims oc, String operatorName, AccountClaims ac, String token, Report r) {
        String asu = oc.accountServerUrl() == null ? "" : oc.accountServerUrl().trim();
        String lower = asu.toLowerCase(Locale.ROOT);
        if (asu.isEmpty() || lower.startsWith("nats://") || lower.startsWith("tls://") || lower.startsWith("ws://")
                || lower.startsWith("wss://")) {
            r.warn("unable to push to \"" + operatorName + "\" - operator doesn't set an account server url or manual"
                    + " exchange necessary");
            r.warn("perform push/pull again or exchange self-signed JWT manually");
            return token;
        }
        AccountServerClient client = new AccountServerClient(asu, TIMEOUT);
        String key = ac.subject();
        AccountServerClient.Response push = client.push(Map.of(key, token)).get(key);
        if (push.status() == 0 || !push.ok()) {
            throw new OpsException("error pushing account \"" + ac.name() + "\" to the account server " + asu + ": "
                    + reason(push) + " - nothing was stored; try again when the account server takes it");
        }
        if (push.status() != 200) {
            // the Go nsc reads 201/202 as "accepted" (a warning) and then does not pull
            r.warn("push jwt to account server: pushed account jwt was accepted by the account server ("
                    + push.status() + ")");
            r.warn("perform push/pull again or exchange self-signed JWT manually");
            return token;
        }
        r.ok("push jwt to account server");
        AccountServerClient.Response pull = client.pull(key);
        if (!pull.ok()) {
            r.warn("error pulling account \"" + ac.name() + "\" from " + asu + ": " + reason(pull)
                    + " - stored the self-signed JWT");
            r.warn("perform push/pull again or exchange self-signed JWT manually");
            return token;
        }
        try {
            Jwt.Decoded d = Jwt.decode(Decorated.parse(pull.body().getBytes(StandardCharsets.UTF_8)).jwt().trim());
            AccountClaims back = d.as(AccountClaims.class, "an account");
            if (!back.subject().equals(key) || !back.name().equals(ac.name())) {
                r.warn("the account server " + asu + " served the JWT of another account for \"" + ac.name()
                        + "\" - stored the self-signed JWT");
                r.warn("perform push/pull again or exchange self-signed JWT manually");
                return token;
            }
            r.ok("pull jwt from account server");
            return d.token();
        } catch (JwtException | NullPointerException e) {
            r.warn("the account server " + asu + " served an unreadable JWT for \"" + ac.name() + "\" ("
                    + e.getMessage() + ") - stored the self-signed JWT");
            r.warn("perform push/pull again or exchange self-signed JWT manually");
            return token;
        }
    }

    private static String reason(AccountServerClient.Response res) {
        if (res.status() == 0) {
            return res.body();
        }
        String b = res.body().strip();
        int nl = b.indexOf('\n');
        b = nl < 0 ? b : b.substring(0, nl);
        return res.status() + (b.isEmpty() ? "" : " " + (b.length() > 200 ? b.substring(0, 200) + "..." : b));
    }
}
