package dev.jnsc.ops;

import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the key that signs a JWT: the -K override when given, else, of the candidates (the
 * issuer's identity key unless signing keys are required, then its signing keys), the first whose
 * seed is in the keystore, as the Go nsc does; when several could sign, the workspace notes which
 * one did.
 */
public final class Signers {
    private Signers() {
    }

    /** The operator key that signs account JWTs: -K, or the only stored one that may (see {@link #choose}). */
    static NKey accountSigner(Workspace ws, dev.jnsc.store.OperatorStore op, dev.jnsc.jwt.OperatorClaims oc,
            String override) {
        return choose(ws, override, KeyKind.OPERATOR, "operator \"" + op.name() + "\"", oc.subject(), oc.signingKeys(),
                oc.strictSigningKeyUsage(), false);
    }

    /** Re-signs an account's claims with its operator and commits the JWT (an edit of the account alone). */
    static void resignAccount(Workspace ws, dev.jnsc.store.OperatorStore op, String account,
            dev.jnsc.jwt.AccountClaims ac, String override) {
        resignAccount(ws, op, account, ac, override, new Report());
    }

    /**
     * As {@link #resignAccount(Workspace, dev.jnsc.store.OperatorStore, String, dev.jnsc.jwt.AccountClaims, String)},
     * adding to {@code r} what the exchange with a managed operator's account server reports.
     */
    static void resignAccount(Workspace ws, dev.jnsc.store.OperatorStore op, String account,
            dev.jnsc.jwt.AccountClaims ac, String override, Report r) {
        dev.jnsc.fs.FileChanges changes = new dev.jnsc.fs.FileChanges();
        op.stageAccount(changes, account, ManagedAccounts.sign(ws, op, op.operator(), ac, null, override, r));
        ws.commit(changes);
    }

    /**
     * @param entity     how the issuer is named in messages, e.g. {@code operator "O"}
     * @param identity   the issuer's identity key
     * @param signingKeys the issuer's signing keys
     * @param strict     true when only signing keys may sign
     * @param preferIdentity use the identity key, when stored, over signing keys (self-signed JWTs)
     */
    public static NKey choose(Workspace ws, String override, KeyKind kind, String entity, String identity,
            List<String> signingKeys, boolean strict, boolean preferIdentity) {
        List<String> candidates = new ArrayList<>();
        if (!strict) {
            candidates.add(identity);
        }
        candidates.addAll(signingKeys);
        if (override != null && !override.isBlank()) {
            NKey key = KeyArg.resolve(ws, override, kind);
            if (!candidates.contains(key.publicKey())) {
                String pub = key.publicKey();
                key.clear();
                if (strict && pub.equals(identity)) {
                    throw new OpsException(entity + " requires signing keys: its identity key " + pub + " may not sign");
                }
                throw new OpsException("key " + pub + " is not " + (strict ? "a signing key" : "the identity or a signing key")
                        + " of " + entity);
            }
            if (!key.hasSeed()) {
                throw new OpsException("the seed of " + key.publicKey() + " is not in the keystore "
                        + ws.keystore().root() + " - pass the seed or a file holding it with -K");
            }
            return key;
        }
        if (preferIdentity && !strict && ws.keystore().hasSeed(identity)) {
            return ws.keystore().read(identity);
        }
        List<String> stored = new ArrayList<>();
        for (String c : candidates) {
            if (ws.keystore().hasSeed(c)) {
                stored.add(c);
            }
        }
        if (stored.size() == 1) {
            NKey key = ws.keystore().read(stored.get(0));
            if (key == null) {
                throw new OpsException("the seed of " + stored.get(0) + " disappeared from the keystore");
            }
            return key;
        }
        if (stored.isEmpty()) {
            if (candidates.isEmpty()) {
                throw new OpsException(entity + " requires signing keys but has none - add one first");
            }
            throw new OpsException("no key of " + entity + " has its seed in the keystore " + ws.keystore().root()
                    + " (looked for " + String.join(", ", candidates) + ") - pass one with -K");
        }
        // as the Go nsc without a terminal: the first stored key of [identity, signing keys...]
        String chosen = stored.get(0);
        NKey key = ws.keystore().read(chosen);
        if (key == null) {
            throw new OpsException("the seed of " + chosen + " disappeared from the keystore");
        }
        ws.noteSigner("signed by " + entity + " with " + (chosen.equals(identity) ? "its identity key " : "its signing key ")
                + chosen + " (" + (stored.size() - 1) + (stored.size() == 2 ? " other stored key" : " other stored keys")
                + " could sign: choose with -K)");
        return key;
    }
}
