package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.ExportType;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.OperatorStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * generate activation, and the revocations of activations (revocations add_activation |
 * delete_activation | list_activations): an exporting account grants, and takes back, imports of
 * its private exports.
 */
public final class ActivationOps {
    private ActivationOps() {
    }

    /** @param target the importing account: a public key or the name of an account of the operator */
    public record Generate(String account, String subject, String target, String start, String expiry, String signer) {
    }

    /** A signed activation: the token, its claims (iss set) and what to print. */
    public record Generated(String token, ActivationClaims claims, String exportName, Report report) {
    }

    public static Generated generate(Workspace ws, Generate req) {
        OperatorStore op = ws.operator(null);
        String account = ws.accountName(op, req.account());
        AccountClaims ac = op.account(account);
        if (ac.exports().isEmpty()) {
            throw new OpsException("account \"" + account + "\" doesn't have exports");
        }
        List<Export> privateExports = new ArrayList<>();
        for (Export e : ac.exports()) {
            if (e.tokenRequired()) {
                privateExports.add(e);
            }
        }
        if (privateExports.isEmpty()) {
            throw new OpsException("account \"" + account + "\" doesn't have exports that require an activation token"
                    + " (private exports)");
        }
        String subject = req.subject();
        if (subject == null) {
            if (privateExports.size() != 1) {
                throw new OpsException("-s/--subject is required: account \"" + account + "\" has "
                        + privateExports.size() + " private exports (" + subjects(privateExports) + ")");
            }
            subject = privateExports.get(0).subject();
        }
        subject = Subjects.check("--subject", subject);
        ActivationClaims claims = new ActivationClaims();
        long now = ws.now();
        Generic.applyTimes(claims, req.start(), req.expiry(), now, new Report());
        if (req.target() == null) {
            throw new OpsException("-t/--target-account is required: the public key (or name) of the importing account");
        }
        String target = Exporters.accountKey(op, "--target-account", req.target(), false);
        if (target.equals(ac.subject())) {
            throw new OpsException("--target-account is account \"" + account + "\" itself: an account cannot import its"
                    + " own exports");
        }
        Export export = null;
        for (Export e : privateExports) {
            if (Subjects.isContainedIn(subject, e.subject())) {
                export = e;
                break;
            }
        }
        if (export == null) {
            throw new OpsException("a private export for \"" + subject + "\" was not found in account \"" + account
                    + "\" (its private exports: " + subjects(privateExports) + ")");
        }
        if (export.type() == null) {
            throw new OpsException("export \"" + ImportOps.label(export) + "\" of account \"" + account
                    + "\" has no type (stream or service)");
        }
        if (export.isRevoked(target, now)) {
            Long at = export.revocations().containsKey(target) ? export.revocations().get(target)
                    : export.revocations().get("*");
            throw new OpsException("account " + target + " is revoked from export \"" + ImportOps.label(export)
                    + "\" until " + TimeSpec.format(at) + ": an activation issued now would be refused - delete the"
                    + " revocation first (nsc revocations delete_activation)");
        }
        claims.subject(target);
        claims.name(subject);
        claims.importSubject(subject).importType(export.type());
        OperatorClaims oc = op.operator();
        NKey signer = UserOps.accountSigner(ws, oc, ac, req.signer());
        if (!signer.publicKey().equals(ac.subject())) {
            claims.issuerAccount(ac.subject());
        }
        String token = Jwt.encode(claims, signer, now);
        signer.clear();
        Report r = new Report();
        r.ok("generated \"" + export.name() + "\" activation for account \"" + target + "\"");
        r.change(Report.Change.of("created", "activation").withName(export.name()).withSubject(subject)
                .withPublicKey(claims.subject()).withJwt(token));
        if (claims.notBefore() > 0) {
            r.ok("token valid " + TimeSpec.format(claims.notBefore()));
        }
        if (claims.expires() > 0) {
            r.ok("token expires " + TimeSpec.format(claims.expires()));
        }
        return new Generated(token, claims, export.name(), r);
    }

    /**
     * Pushes a generated activation to the operator's account server (http or https only, as the
     * Go nsc) and reads it back; returns where it is served.
     */
    public static Report push(Workspace ws, Generated g, Duration timeout) {
        OperatorClaims oc = ws.operator(null).operator();
        String url = oc.accountServerUrl();
        if (url.isEmpty()) {
            throw new OpsException("operator \"" + oc.name() + "\" doesn't have an account server url configured - set"
                    + " one with \"nsc edit operator --account-jwt-server-url http://host:9090/jwt/v1\"");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new OpsException("activation push is only supported for http(s) account servers, not for the nats"
                    + " resolver at " + url + " - give the token to the importer instead (-o <file>)");
        }
        String at;
        try {
            at = new dev.jnsc.resolver.ActivationClient(timeout).push(url, g.token(), g.claims().hashId());
        } catch (dev.jnsc.resolver.ResolverException e) {
            throw new OpsException("push failed: " + e.getMessage());
        }
        return new Report().ok("pushed activation \"" + g.claims().importSubject() + "\" to " + url)
                .ok("activation accessible at \"" + at + "\"").reply(new Report.Reply(null, url, true, at));
    }

    /**
     * Selects an export for the revocation commands as the Go nsc does: among the exports of the
     * kind (--service or not), the first that contains the subject; the only one when no subject.
     * @param target an account key or name, "*", or null (list)
     */
    public record Revocation(String account, String subject, boolean service, String target, String at, String signer) {
    }

    /** The export the revocations belong to and its revocations, for list_activations. */
    public record Revocations(String account, ExportType kind, String exportName, Map<String, Long> revocations) {
    }

    public static Report revoke(Workspace ws, Revocation req) {
        Selected s = select(ws, req, true);
        long at = RevocationOps.at(req.at(), ws.now());
        Report r = new Report();
        Long before = s.export.revocations().get(s.target);
        s.export.revokeAt(s.target, at);
        if (!s.export.tokenRequired()) {
            r.warn(s.kind() + " export \"" + ImportOps.label(s.export) + "\" is public: its importers need no"
                    + " activation, so this revocation has no effect while the export stays public");
        }
        if (before != null && before > at) {
            r.warn(s.targetLabel() + " is already revoked from export \"" + ImportOps.label(s.export) + "\" until "
                    + TimeSpec.format(before) + ", which is later: nothing changed");
            return r;
        }
        if (s.target.equals("*")) {
            r.ok("revoked all activations for \"" + s.export.name() + "\" issued before " + TimeSpec.format(at));
        } else {
            r.ok("revoked activation \"" + s.export.name() + "\" for account " + s.target + " issued before "
                    + TimeSpec.format(at));
        }
        save(ws, s, req.signer(), r);
        return r.change(activationRevocation("created", s));
    }

    private static Report.Change activationRevocation(String action, Selected s) {
        return Report.Change.of(action, "activation_revocation").withName(s.export.name())
                .withSubject(s.export.subject()).withPublicKey(s.target).withAccount(s.account);
    }

    public static Report unrevoke(Workspace ws, Revocation req) {
        Selected s = select(ws, req, true);
        if (s.export.revocations().remove(s.target) == null) {
            throw new OpsException("there is no revocation for " + s.targetLabel() + " in " + s.kind() + " export \""
                    + ImportOps.label(s.export) + "\" of account \"" + s.account + "\"");
        }
        Report r = new Report().ok("deleted " + s.kind() + " " + s.export.name() + " revocation for "
                + (s.target.equals("*") ? "all accounts" : "account " + s.target));
        save(ws, s, req.signer(), r);
        return r.change(activationRevocation("deleted", s));
    }

    public static Revocations list(Workspace ws, Revocation req) {
        Selected s = select(ws, req, false);
        String name = s.export.name().isEmpty() ? s.export.subject() : s.export.name();
        return new Revocations(s.account, s.export.type(), name, new LinkedHashMap<>(s.export.revocations()));
    }

    private static final class Selected {
        OperatorStore op;
        String account;
        AccountClaims ac;
        Export export;
        String target;

        String kind() {
            return export.type().json();
        }

        String targetLabel() {
            return target.equals("*") ? "every account (*)" : "account " + target;
        }
    }

    private static Selected select(Workspace ws, Revocation req, boolean needsTarget) {
        Selected s = new Selected();
        s.op = ws.operator(null);
        s.account = ws.accountName(s.op, req.account());
        s.ac = s.op.account(s.account);
        if (s.ac.exports().isEmpty()) {
            throw new OpsException("account \"" + s.account + "\" doesn't have exports");
        }
        ExportType kind = req.service() ? ExportType.SERVICE : ExportType.STREAM;
        List<Export> candidates = new ArrayList<>();
        List<Export> others = new ArrayList<>();
        for (Export e : s.ac.exports()) {
            (e.type() == kind ? candidates : others).add(e);
        }
        String otherHint = others.isEmpty() ? "" : " (it has " + (kind == ExportType.STREAM ? "service" : "stream")
                + " exports: " + subjects(others) + (kind == ExportType.STREAM ? " - add --service" : " - leave out --service")
                + ")";
        if (candidates.isEmpty()) {
            throw new OpsException("account \"" + s.account + "\" doesn't have " + kind.json() + " exports" + otherHint);
        }
        String subject = req.subject();
        if (subject == null) {
            if (candidates.size() != 1) {
                throw new OpsException("-s/--subject is required: account \"" + s.account + "\" has " + candidates.size()
                        + " " + kind.json() + " exports (" + subjects(candidates) + ")");
            }
            subject = candidates.get(0).subject();
        }
        subject = subject.trim();
        if (needsTarget) {
            if (req.target() == null) {
                throw new OpsException("-t/--target-account is required: the public key or name of the importing account,"
                        + " or * for every account");
            }
            s.target = Exporters.accountKey(s.op, "--target-account", req.target(), true);
        }
        for (Export e : candidates) {
            if (Subjects.isContainedIn(subject, e.subject())) {
                s.export = e;
                break;
            }
        }
        if (s.export == null) {
            throw new OpsException("account \"" + s.account + "\" has no " + kind.json() + " export containing \"" + subject
                    + "\"" + otherHint);
        }
        return s;
    }

    private static void save(Workspace ws, Selected s, String signerArg, Report r) {
        Signers.resignAccount(ws, s.op, s.account, s.ac, signerArg);
        r.ok("edited account \"" + s.account + "\" - push it so that servers apply the change");
    }

    private static String subjects(List<Export> exports) {
        List<String> out = new ArrayList<>();
        for (Export e : exports) {
            out.add(e.subject());
        }
        return String.join(", ", out);
    }
}
