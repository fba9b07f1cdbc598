package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.ExportType;
import dev.jnsc.jwt.Import;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.nkeys.NKeyException;
import dev.jnsc.store.OperatorStore;
import java.util.ArrayList;
import java.util.List;

/**
 * add import | delete import: streams and services an account takes from other accounts. A
 * private export is imported with its activation token (read by {@link ActivationTokens}), a
 * public one with --src-account and --remote-subject. What the Go nsc's jwt library would reject
 * is refused here first, and so is what the store shows can never work (a private export without
 * a token, a token for another account, an expired or revoked one).
 */
public final class ImportOps {
    private ImportOps() {
    }

    /**
     * @param token the activation JWT (already read from its file or URL), or null for a public import
     * @param tokenSource where the token came from, for messages
     */
    public record AddImport(String account, String name, String srcAccount, String remoteSubject, String localSubject,
            boolean service, boolean share, boolean allowTrace, String token, String tokenSource, String signer) {
    }

    public static Report add(Workspace ws, AddImport req) {
        OperatorStore op = ws.operator(null);
        String account = ws.accountName(op, req.account());
        AccountClaims ac = op.account(account);
        Report r = new Report();
        Import im = req.token() != null ? fromToken(ws, op, ac, req, r) : fromFlags(op, ac, account, req, r);
        if (im.account().equals(ac.subject())) {
            throw new OpsException("account \"" + account + "\" cannot import from itself (" + ac.subject() + ")");
        }
        if (req.share() && !im.isService()) {
            throw new OpsException("--share is only for service imports: it shares the requester's details with the"
                    + " exporter's latency tracking");
        }
        if (req.allowTrace() && im.isService()) {
            throw new OpsException("--allow-trace is only for stream imports (a service export allows tracing itself)");
        }
        im.share(req.share()).allowTrace(req.allowTrace());
        if (req.localSubject() != null) {
            im.localSubject(Subjects.check("--local-subject", req.localSubject()));
        }
        String name = req.name() != null ? req.name().trim() : im.name().isEmpty() ? im.subject() : im.name();
        im.name(name);
        checkLocalSubject(im);
        checkAgainstOthers(ac, account, im);
        ac.imports().add(im);
        long max = ac.limits().imports();
        if (max >= 0 && ac.imports().size() > max) {
            throw new OpsException("account \"" + account + "\" may have at most " + max + " import" + (max == 1 ? "" : "s")
                    + " (its --imports limit): raise it with \"nsc edit account " + account + " --imports <n>\" first");
        }
        String kind = im.type().json();
        Signers.resignAccount(ws, op, account, ac, req.signer(), r);
        r.ok("added " + kind + " import \"" + im.subject() + "\"");
        return r.change(Report.Change.of("created", "import").withName(im.name()).withSubject(im.subject())
                .withAccount(account));
    }

    private static Import fromFlags(OperatorStore op, AccountClaims ac, String account, AddImport req, Report r) {
        String src = Exporters.accountKey(op, "--src-account", req.srcAccount(), false);
        String remote = Subjects.check("--remote-subject", req.remoteSubject());
        ExportType kind = req.service() ? ExportType.SERVICE : ExportType.STREAM;
        Import im = new Import().type(kind).account(src).subject(remote);
        Exporters.Exporter exporter = Exporters.find(op, src);
        if (exporter == null) {
            return im; // an account of another operator or not in this store: nothing to check against
        }
        Export e = exporter.containing(kind, remote);
        if (e == null) {
            Export other = exporter.containing(kind == ExportType.SERVICE ? ExportType.STREAM : ExportType.SERVICE, remote);
            String hint = other == null ? "" : " (it has a " + other.type().json() + " export \"" + other.subject() + "\""
                    + (kind == ExportType.STREAM ? ": add --service" : ": leave out --service") + ")";
            r.warn("account \"" + exporter.name + "\" has no " + kind.json() + " export that contains \"" + remote + "\""
                    + hint + " - the import takes effect only once it exports it");
            return im;
        }
        if (e.tokenRequired()) {
            throw new OpsException(kind.json() + " export \"" + label(e) + "\" of account \"" + exporter.name
                    + "\" is private: importing it needs an activation token - create one with \"nsc generate activation -a "
                    + exporter.name + " -s " + remote + " -t " + ac.subject() + " -o <file>\" and add the import with"
                    + " --token <file>");
        }
        int pos = e.accountTokenPosition();
        if (pos > 0 && !ac.subject().equals(Subjects.token(remote, pos))) {
            r.warn("export \"" + label(e) + "\" of account \"" + exporter.name + "\" puts the importing account's key at"
                    + " token " + pos + " of its subject: \"" + remote + "\" does not have " + ac.subject() + " there, so"
                    + " the server will not allow this import");
        }
        return im;
    }

    private static Import fromToken(Workspace ws, OperatorStore op, AccountClaims ac, AddImport req, Report r) {
        String src = req.tokenSource();
        ActivationClaims act;
        try {
            act = Jwt.decode(req.token()).as(ActivationClaims.class, "an activation");
        } catch (JwtException | NKeyException e) {
            throw new OpsException("--token \"" + src + "\" is not a valid activation token: " + e.getMessage());
        }
        if (!act.subject().equals(ac.subject())) {
            throw new OpsException("the activation token \"" + src + "\" is for account " + act.subject()
                    + ", not for account \"" + ac.name() + "\" (" + ac.subject() + ")");
        }
        if (act.importType() == null) {
            throw new OpsException("the activation token \"" + src + "\" has no import type (stream or service)");
        }
        String subjectProblem = act.importSubject().isEmpty() ? "it is empty" : Subjects.problem(act.importSubject());
        if (subjectProblem != null) {
            throw new OpsException("the activation token \"" + src + "\" grants subject \"" + act.importSubject()
                    + "\", which is not a valid subject: " + subjectProblem);
        }
        if (req.service() && act.importType() != ExportType.SERVICE) {
            throw new OpsException("--service does not match the activation token \"" + src + "\": it grants a stream");
        }
        String exporterKey = act.issuerAccount().isEmpty() ? act.issuer() : act.issuerAccount();
        if (!NKey.isValidPublicKey(exporterKey, KeyKind.ACCOUNT)) {
            throw new OpsException("the activation token \"" + src + "\" was issued by " + exporterKey
                    + ", which is not an account: activations come from the exporting account or its signing keys");
        }
        long now = ws.now();
        if (act.expires() != 0 && act.expires() <= now) {
            throw new OpsException("the activation token \"" + src + "\" expired at " + TimeSpec.format(act.expires())
                    + " - ask the exporter for a new one");
        }
        if (act.notBefore() > now) {
            throw new OpsException("the activation token \"" + src + "\" is not valid before "
                    + TimeSpec.format(act.notBefore()) + " - add the import once it is");
        }
        Exporters.Exporter exporter = Exporters.find(op, exporterKey);
        if (exporter != null) {
            checkWithExporter(exporter, act, src);
        }
        Import im = new Import().type(act.importType()).account(exporterKey).subject(act.importSubject())
                .token(req.token()).name(act.name());
        if (im.isService()) {
            im.localSubject(im.subject()); // as the Go nsc: a service import from a token maps to its own subject
        }
        return im;
    }

    /** What the exporting account in this store says about an activation: who may sign, what it exports, whom it revoked. */
    private static void checkWithExporter(Exporters.Exporter exporter, ActivationClaims act, String src) {
        AccountClaims ex = exporter.claims;
        if (!act.issuer().equals(ex.subject()) && ex.signingKey(act.issuer()) == null) {
            throw new OpsException("the activation token \"" + src + "\" was signed by " + act.issuer()
                    + ", which is neither account \"" + exporter.name + "\" nor one of its signing keys");
        }
        Export e = exporter.containing(act.importType(), act.importSubject());
        if (e == null) {
            throw new OpsException("the activation token \"" + src + "\" grants " + act.importType().json() + " \""
                    + act.importSubject() + "\", but account \"" + exporter.name + "\" has no " + act.importType().json()
                    + " export that contains it");
        }
        if (e.isRevoked(act.subject(), act.issuedAt())) {
            Long at = e.revocations().containsKey(act.subject()) ? e.revocations().get(act.subject()) : e.revocations().get("*");
            throw new OpsException("the activation token \"" + src + "\" was revoked: account \"" + exporter.name
                    + "\" revoked the activations of export \"" + label(e) + "\" issued before " + TimeSpec.format(at)
                    + " - ask the exporter for a new one");
        }
    }

    /** The jwt library's RenamingSubject rules for a local subject. */
    private static void checkLocalSubject(Import im) {
        String local = im.localSubject();
        if (local.isEmpty()) {
            return;
        }
        String remote = im.subject();
        boolean localFwc = local.equals(">") || local.endsWith(".>");
        boolean remoteFwc = remote.equals(">") || remote.endsWith(".>");
        if (localFwc != remoteFwc) {
            throw new OpsException("--local-subject \"" + local + "\" and the remote subject \"" + remote + "\" must both end"
                    + " in \">\" or both not");
        }
        int stars = Subjects.partialWildcardCount(remote);
        int refs = 0;
        for (String t : local.split("\\.")) {
            if (t.equals("*")) {
                refs++;
            } else if (Subjects.isReference(t)) {
                long n = Long.parseLong(t.substring(1));
                if (n < 1 || n > stars) {
                    throw new OpsException("--local-subject \"" + local + "\": " + t + " refers to a \"*\" of \"" + remote
                            + "\" that does not exist (it has " + stars + ")");
                }
                refs++;
            }
        }
        if (refs != stars) {
            throw new OpsException("--local-subject \"" + local + "\" must use each \"*\" of \"" + remote + "\" once, as \"*\" or"
                    + " as $1, $2 ... (it has " + stars + ", the local subject " + refs + ")");
        }
    }

    /** The same import twice, and service imports whose local subjects overlap (the jwt library's rule). */
    private static void checkAgainstOthers(AccountClaims ac, String account, Import im) {
        for (Import other : ac.imports()) {
            if (other.type() == im.type() && other.account().equals(im.account()) && other.subject().equals(im.subject())) {
                throw new OpsException("account \"" + account + "\" already imports " + im.type().json() + " \"" + im.subject()
                        + "\" from " + im.account() + " - delete that import first to change it");
            }
        }
        if (!im.isService()) {
            return;
        }
        String mine = serviceLocal(im);
        for (Import other : ac.imports()) {
            if (other.isService()) {
                String theirs = serviceLocal(other);
                if (Subjects.isContainedIn(mine, theirs) || Subjects.isContainedIn(theirs, mine)) {
                    throw new OpsException("service import \"" + im.subject() + "\" would answer on \"" + mine
                            + "\", which overlaps the service import \"" + other.subject() + "\" (on \"" + theirs
                            + "\") of account \"" + account + "\" - choose another --local-subject");
                }
            }
        }
    }

    private static String serviceLocal(Import i) {
        if (!i.to().isEmpty()) {
            return i.to();
        }
        return i.localSubject().isEmpty() ? i.subject() : Subjects.referencesAsWildcards(i.localSubject());
    }

    public record DeleteImport(String account, String subject, String srcAccount, String signer) {
    }

    public static Report delete(Workspace ws, DeleteImport req) {
        OperatorStore op = ws.operator(null);
        String account = ws.accountName(op, req.account());
        AccountClaims ac = op.account(account);
        List<Import> imports = ac.imports();
        if (imports.isEmpty()) {
            throw new OpsException("account \"" + account + "\" has no imports");
        }
        String subject = req.subject() == null ? null : req.subject().trim();
        if (subject == null) {
            if (imports.size() != 1) {
                throw new OpsException("-s/--subject is required: account \"" + account + "\" has " + imports.size()
                        + " imports (" + subjects(imports) + ")");
            }
            subject = imports.get(0).subject();
        }
        String src = req.srcAccount() == null ? null : Exporters.accountKey(op, "--src-account", req.srcAccount(), false);
        List<Import> matches = new ArrayList<>();
        for (Import i : imports) {
            if (i.subject().equals(subject) && (src == null || i.account().equals(src))) {
                matches.add(i);
            }
        }
        if (matches.isEmpty()) {
            throw new OpsException("no import matching \"" + subject + "\" found" + (src == null ? "" : " from account " + src)
                    + " in account \"" + account + "\"");
        }
        if (matches.size() > 1) {
            List<String> from = new ArrayList<>();
            for (Import i : matches) {
                from.add(i.account());
            }
            throw new OpsException("more than one import \"" + subject + "\" found - specify --src-account with one of "
                    + String.join(", ", from));
        }
        Import gone = matches.get(0);
        imports.remove(gone);
        Signers.resignAccount(ws, op, account, ac, req.signer());
        return new Report().ok("deleted " + (gone.type() == null ? "" : gone.type().json() + " ") + "import \""
                + gone.subject() + "\"").change(Report.Change.of("deleted", "import").withName(gone.name())
                .withSubject(gone.subject()).withAccount(account));
    }

    private static String subjects(List<Import> imports) {
        List<String> s = new ArrayList<>();
        for (Import i : imports) {
            s.add(i.subject());
        }
        return String.join(", ", s);
    }


    static String label(Export e) {
        return e.name().isEmpty() ? e.subject() : e.name();
    }
}
