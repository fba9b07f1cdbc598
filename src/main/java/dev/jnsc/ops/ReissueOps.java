package dev.jnsc.ops;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.OperatorStore;

/**
 * reissue operator: gives the operator a new identity key and re-signs the accounts its old key
 * signed (nsc's cmd/reissueoperator.go), or keeps the old key as a signing key so that nothing
 * needs re-signing. The old key's seed stays in the keystore. One commit: on failure nothing
 * changes.
 */
public final class ReissueOps {
    private ReissueOps() {
    }

    /**
     * @param operator            the operator's name (-n), or null for the current one
     * @param convertToSigningKey keep the old identity key as a signing key
     * @param newKey              the new identity (-K: a seed, a file holding one, or a public key whose
     *                            seed is stored), or null to generate one
     */
    public record Reissue(String operator, boolean convertToSigningKey, String newKey) {
    }

    public static Report operator(Workspace ws, Reissue req) {
        OperatorStore op = ws.operator(req.operator());
        if (op.isManaged()) {
            throw new OpsException("resign is only supported in non managed stores: operator \"" + op.name()
                    + "\" came from its account server and its keys are not in this keystore");
        }
        OperatorClaims oc = op.operator();
        String old = oc.subject();
        boolean strict = oc.strictSigningKeyUsage() && !req.convertToSigningKey();
        if (strict && oc.signingKeys().isEmpty()) {
            throw new OpsException("resign of strict operator is only supported with signing keys present: operator \""
                    + op.name() + "\" requires signing keys for its accounts - add one with \"nsc edit operator --sk"
                    + " generate\", or use --convert-to-signing-key");
        }
        NKey accountSigner = strict ? storedSigningKey(ws, op, oc) : null;
        NKey key = req.newKey() == null ? ws.newKey(KeyKind.OPERATOR) : KeyArg.resolve(ws, req.newKey(), KeyKind.OPERATOR);
        if (!key.hasSeed()) {
            throw new OpsException("the seed of " + key.publicKey() + " is not in the keystore " + ws.keystore().root()
                    + " - pass the operator seed or a file holding it with -K");
        }
        if (key.publicKey().equals(old)) {
            key.clear();
            throw new OpsException("-K " + old + " is already the identity key of operator \"" + op.name()
                    + "\": give a new operator key, or leave -K out to generate one");
        }
        if (oc.signingKeys().contains(key.publicKey())) {
            key.clear();
            throw new OpsException("-K " + key.publicKey() + " is a signing key of operator \"" + op.name()
                    + "\": an identity key cannot also be a signing key - remove it first with \"nsc edit operator --rm-sk\"");
        }
        if (accountSigner == null) {
            accountSigner = key;
        }
        long now = ws.now();
        FileChanges changes = new FileChanges();
        Report r = new Report();
        oc.subject(key.publicKey());
        if (req.convertToSigningKey()) {
            oc.signingKeys().add(old);
        }
        ws.keystore().stage(changes, key);
        op.stageOperator(changes, Jwt.encode(oc, key, now));
        r.ok("operator \"" + oc.name() + "\" successfully changed identity to: " + key.publicKey());
        if (req.convertToSigningKey()) {
            r.ok("old operator key \"" + old + "\" turned into signing key");
        } else {
            for (String name : op.accountNames()) {
                Jwt.Decoded d = op.decodeAccount(name);
                if (!d.claims().issuer().equals(old)) {
                    r.ok("account \"" + name + "\" already signed properly");
                    continue;
                }
                AccountClaims ac = d.as(AccountClaims.class, "an account");
                op.stageAccount(changes, name, Jwt.encode(ac, accountSigner, now));
                r.ok("account \"" + name + "\" re-signed");
            }
        }
        ws.commit(changes);
        key.clear();
        return r;
    }

    /**
     * The signing key that re-signs the accounts of an operator that requires signing keys: the
     * first of its signing keys whose seed is stored.
     */
    private static NKey storedSigningKey(Workspace ws, OperatorStore op, OperatorClaims oc) {
        for (String sk : oc.signingKeys()) {
            NKey k = ws.keystore().read(sk);
            if (k != null) {
                return k;
            }
        }
        throw new OpsException("operator \"" + op.name() + "\" requires signing keys for its accounts, and the seed of"
                + " none of its signing keys (" + String.join(", ", oc.signingKeys()) + ") is in the keystore "
                + ws.keystore().root());
    }
}
