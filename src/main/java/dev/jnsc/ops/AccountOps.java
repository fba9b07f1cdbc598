package dev.jnsc.ops;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.Names;
import dev.jnsc.store.OperatorStore;

/** add account. */
public final class AccountOps {
    private AccountOps() {
    }

    /** @param publicKey an existing account key (-k), or null to generate one */
    public record AddAccount(String name, String publicKey, String start, String expiry, String signer) {
    }

    public static Report add(Workspace ws, AddAccount req) {
        OperatorStore op = ws.operator(null);
        String name = Names.check("account", req.name());
        // one lookup, not a scan: adding an account costs the same in a store of ten thousand
        if (op.hasAccount(name)) {
            throw new OpsException("the account \"" + name + "\" already exists in operator \"" + op.name() + "\"");
        }
        OperatorClaims oc = op.operator();
        long now = ws.now();
        AccountClaims ac = new AccountClaims();
        Report r = new Report();
        FileChanges changes = new FileChanges();
        Generic.applyTimes(ac, req.start(), req.expiry(), now, new Report());

        NKey key;
        if (req.publicKey() != null) {
            key = KeyArg.resolve(ws, req.publicKey(), KeyKind.ACCOUNT);
        } else {
            key = ws.newKey(KeyKind.ACCOUNT);
            r.ok("generated and stored account key \"" + key.publicKey() + "\"");
        }
        if (key.hasSeed()) {
            ws.keystore().stage(changes, key);
        }
        ac.name(name).subject(key.publicKey());
        NKey signer = Signers.choose(ws, req.signer(), KeyKind.OPERATOR, "operator \"" + op.name() + "\"",
                oc.subject(), oc.signingKeys(), oc.strictSigningKeyUsage(), false);
        op.stageAccount(changes, name, Jwt.encode(ac, signer, now));
        ws.select(op.name(), name);
        ws.stageContext(changes);
        changes.commit();
        r.ok("added account \"" + name + "\"");
        return r;
    }
}
