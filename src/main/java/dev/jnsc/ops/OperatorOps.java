package dev.jnsc.ops;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.Names;
import dev.jnsc.store.OperatorStore;
import java.util.List;
import java.util.Locale;

/** add operator, edit operator. */
public final class OperatorOps {
    private OperatorOps() {
    }

    public record AddOperator(String name, boolean generateSigningKey, String start, String expiry) {
    }

    public static Report add(Workspace ws, AddOperator req) {
        String name = Names.check("operator", req.name());
        if (ws.stores().hasOperator(name)) {
            throw new OpsException("operator \"" + name + "\" already exists in " + ws.stores().dir());
        }
        long now = ws.now();
        long start = req.start() == null ? 0 : TimeSpec.parse("--start", req.start(), now);
        long expiry = req.expiry() == null ? 0 : TimeSpec.parse("--expiry", req.expiry(), now);

        NKey key = ws.newKey(KeyKind.OPERATOR);
        OperatorClaims oc = new OperatorClaims();
        oc.name(name).subject(key.publicKey());
        oc.notBefore(start).expires(expiry);
        FileChanges changes = new FileChanges();
        Report r = new Report();
        r.ok("generated and stored operator key \"" + key.publicKey() + "\"");
        ws.keystore().stage(changes, key);
        if (req.generateSigningKey()) {
            NKey sk = ws.newKey(KeyKind.OPERATOR);
            oc.signingKeys().add(sk.publicKey());
            ws.keystore().stage(changes, sk);
            r.ok("generated and stored operator signing key \"" + sk.publicKey() + "\"");
        }
        OperatorStore op = ws.stores().planned(name);
        op.stageMarker(changes, false);
        op.stageOperator(changes, Jwt.encode(oc, key, now));
        ws.select(name, null);
        ws.stageContext(changes);
        changes.commit();
        r.ok("added operator \"" + name + "\"");
        return r;
    }

    public record EditOperator(String signer, List<String> serviceUrls, List<String> rmServiceUrls,
            String accountServerUrl, boolean rmAccountServerUrl, List<String> signingKeys, List<String> rmSigningKeys,
            List<String> tags, List<String> rmTags, String start, String expiry) {

        boolean isEmpty() {
            return serviceUrls.isEmpty() && rmServiceUrls.isEmpty() && accountServerUrl == null && !rmAccountServerUrl
                    && signingKeys.isEmpty() && rmSigningKeys.isEmpty() && tags.isEmpty() && rmTags.isEmpty()
                    && start == null && expiry == null;
        }
    }

    public static Report edit(Workspace ws, EditOperator req) {
        if (req.isEmpty()) {
            throw new OpsException("specify an edit option (see nsc edit operator --help)");
        }
        OperatorStore op = ws.operator(null);
        OperatorClaims oc = op.operator();
        long now = ws.now();
        Report r = new Report();
        FileChanges changes = new FileChanges();

        Generic.applyTimes(oc, req.start(), req.expiry(), now, r);
        Generic.applyTags(oc.tags(), req.tags(), req.rmTags(), r);
        for (String v : req.signingKeys()) {
            NKey sk = v.equalsIgnoreCase("generate") ? ws.newKey(KeyKind.OPERATOR) : KeyArg.resolve(ws, v, KeyKind.OPERATOR);
            if (sk.publicKey().equals(oc.subject())) {
                throw new OpsException("the operator identity key cannot also be a signing key");
            }
            if (!oc.signingKeys().contains(sk.publicKey())) {
                oc.signingKeys().add(sk.publicKey());
            }
            if (sk.hasSeed()) {
                ws.keystore().stage(changes, sk);
            }
            r.ok("added signing key \"" + sk.publicKey() + "\"");
        }
        for (String v : req.rmSigningKeys()) {
            String pub = KeyArg.resolve(ws, v, KeyKind.OPERATOR).publicKey();
            if (!oc.signingKeys().remove(pub)) {
                throw new OpsException("operator \"" + op.name() + "\" has no signing key \"" + pub + "\"");
            }
            r.ok("removed signing key \"" + pub + "\"");
        }
        if (req.accountServerUrl() != null) {
            oc.accountServerUrl(Urls.accountServerUrl(req.accountServerUrl()));
            r.ok("set account jwt server url to \"" + oc.accountServerUrl() + "\"");
        }
        if (req.rmAccountServerUrl()) {
            oc.accountServerUrl("");
            r.ok("removed account server url");
        }
        for (String u : req.serviceUrls()) {
            String url = Urls.serviceUrl(u);
            if (!oc.serviceUrls().contains(url)) {
                oc.serviceUrls().add(url);
            }
            r.ok("added service url \"" + u + "\"");
        }
        for (String u : req.rmServiceUrls()) {
            String url = u.trim().toLowerCase(Locale.ROOT);
            if (!oc.serviceUrls().remove(url)) {
                throw new OpsException("operator \"" + op.name() + "\" has no service url \"" + u + "\"");
            }
            r.ok("removed service url \"" + u + "\"");
        }
        NKey signer = Signers.choose(ws, req.signer(), KeyKind.OPERATOR, "operator \"" + op.name() + "\"",
                oc.subject(), oc.signingKeys(), false, true);
        op.stageOperator(changes, Jwt.encode(oc, signer, now));
        changes.commit();
        r.ok("edited operator \"" + op.name() + "\"");
        return r;
    }
}
