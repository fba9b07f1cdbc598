package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.AccountLimits;
import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.ExportType;
import dev.jnsc.jwt.Import;
import dev.jnsc.jwt.JetStreamLimits;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.ServiceLatency;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.jwt.WeightedMapping;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The checks of an account JWT on its own (the jwt library's {@code Account.Validate}, and the
 * mapping rules a server needs); what its imports mean against the exporters is checked by
 * {@link ValidateOps}.
 */
final class AccountChecks {
    private static final int MAX_INFO = 8 * 1024;

    private AccountChecks() {
    }

    /**
     * @param nats  the JWT's {@code nats} object as parsed, for the parts the claims keep untyped
     * @param label how to name an account key in messages (its name when known)
     */
    static void account(AccountClaims a, Map<String, Object> nats, long now, Function<String, String> label, Findings f) {
        ClaimChecks.times(a, now, f);
        imports(a, label, f);
        exports(a, f);
        limits(a.limits(), f);
        ClaimChecks.permissions(a.defaultPermissions(), f.about("default permissions"));
        for (Map.Entry<String, List<WeightedMapping>> e : a.mappings().entrySet()) {
            mapping(e.getKey(), e.getValue(), f);
        }
        authorization(a.authorization(), f);
        trace(nats, f);
        for (SigningKey k : a.signingKeys()) {
            if (!NKey.isValidPublicKey(k.key(), KeyKind.ACCOUNT)) {
                f.error("signing key \"" + k.key() + "\" is not an account public key");
            }
        }
        info(a.description(), a.infoUrl(), f);
        String ct = a.clusterTraffic();
        if (!ct.isEmpty() && !ct.equals("system") && !ct.equals("owner")) {
            f.error("cluster_traffic \"" + ct + "\" is unknown (expected system or owner)");
        }
        if (NKey.isValidPublicKey(a.issuer(), KeyKind.ACCOUNT) && !isEmpty(a.limits())) {
            f.warn("a self-signed account JWT should not contain operator limits");
        }
    }

    /**
     * Errors for what nats-server refuses; a warning for '*' or '>' inside a token, which the server
     * takes as a literal character but is most likely a mistake (add mapping refuses it).
     */
    static void mapping(String from, List<WeightedMapping> to, Findings f) {
        String problem = Subjects.problem(from);
        if (problem != null) {
            if (!isServerSubject(from)) {
                f.error("mapping \"" + from + "\" is not a valid subject: " + problem);
                return;
            }
            f.warn("mapping \"" + from + "\": " + problem + " ('*' and '>' inside a token are literal characters)");
        }
        for (WeightedMapping m : to) {
            String p = MappingRules.destinationProblem(from, m.subject());
            if (p != null) {
                f.error("mapping \"" + from + "\" -> \"" + m.subject() + "\": " + p);
            } else if ((p = Subjects.problem(m.subject())) != null) {
                f.warn("mapping \"" + from + "\" -> \"" + m.subject() + "\": " + p + " ('*' and '>' inside a token are"
                        + " literal characters)");
            }
        }
        for (String p : MappingRules.weightProblems(from, to)) {
            f.error(p);
        }
        String note = MappingRules.olderServerNote(from, to);
        if (note != null) {
            f.warn(note);
        }
    }

    private static void imports(AccountClaims a, Function<String, String> label, Findings f) {
        List<String> services = new ArrayList<>();
        for (Import i : a.imports()) {
            Findings about = f.about("import \"" + i.subject() + "\"" + (i.account().isEmpty() ? ""
                    : " from " + label.apply(i.account())));
            importItself(i, a.subject(), about);
            if (i.isService()) {
                String local = !i.to().isEmpty() ? i.to() : !i.localSubject().isEmpty()
                        ? Subjects.referencesAsWildcards(i.localSubject()) : i.subject();
                for (String other : services) {
                    if (Subjects.isContainedIn(local, other) || Subjects.isContainedIn(other, local)) {
                        f.error("service imports overlap: \"" + local + "\" and \"" + other + "\"");
                    }
                }
                services.add(local);
            }
        }
    }

    /** The jwt library's {@code Import.Validate}: the import and its activation token, without times. */
    private static void importItself(Import i, String importer, Findings f) {
        if (i.type() == null) {
            f.error("has no type (expected stream or service)");
        }
        if (i.isService() && i.allowTrace()) {
            f.error("allow_trace is only for stream imports");
        }
        if (i.account().isEmpty()) {
            f.error("names no account to import from");
        }
        if (!i.to().isEmpty()) {
            f.warn("uses the deprecated field \"to\" (local_subject replaces it)");
        }
        subject(i.subject(), "its subject", f);
        if (!i.localSubject().isEmpty()) {
            localSubject(i.localSubject(), i.subject(), f);
            if (!i.to().isEmpty()) {
                f.error("has both local_subject and to: local_subject replaces to");
            }
        }
        if (i.share() && !i.isService()) {
            f.error("share (latency tracking) is only for service imports");
        }
        if (i.token().isEmpty() || isUrl(i.token())) {
            return;
        }
        ActivationClaims act;
        try {
            act = Jwt.decode(i.token()).as(ActivationClaims.class, "an activation");
        } catch (JwtException e) {
            f.error("its activation token cannot be used: " + e.getMessage());
            return;
        }
        if (!act.issuer().equals(i.account()) && !act.issuerAccount().equals(i.account())) {
            f.error("its activation token is issued by " + act.issuer() + ", not by the exporting account");
        }
        if (!act.subject().equals(importer)) {
            f.error("its activation token is for account " + act.subject() + ", not for this account");
        }
        if (act.importType() != i.type()) {
            f.error("its activation token is for a " + kind(act.importType()) + ", the import is a " + kind(i.type()));
        }
        ClaimChecks.activation(act, 0, false, f);
        String subj = i.isService() && !i.to().isEmpty() ? i.to() : i.subject();
        if (!act.importSubject().isEmpty() && !Subjects.isContainedIn(subj, act.importSubject())) {
            f.error("its activation token grants \"" + act.importSubject() + "\", which does not cover \"" + subj + "\"");
        }
    }

    /** nats-server's IsValidSubject: no empty token, no whitespace, '>' only last. */
    private static boolean isServerSubject(String s) {
        if (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        String[] t = Subjects.tokens(s);
        for (int i = 0; i < t.length; i++) {
            if (t[i].isEmpty() || (t[i].equals(">") && i != t.length - 1)) {
                return false;
            }
        }
        return true;
    }

    static boolean isUrl(String token) {
        String t = token.toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("http://") || t.startsWith("https://");
    }

    static String kind(ExportType t) {
        return t == null ? "import of no type" : t.json();
    }

    /** The jwt library's {@code RenamingSubject.Validate}. */
    private static void localSubject(String local, String subject, Findings f) {
        subject(local, "its local subject", f);
        if (endsWithFull(local) != endsWithFull(subject)) {
            f.error("its local subject \"" + local + "\" and its subject \"" + subject + "\" must both end in \">\" or"
                    + " neither");
        }
        int wildcards = Subjects.partialWildcardCount(subject);
        int refs = 0;
        for (String t : Subjects.tokens(local)) {
            if (t.equals("*")) {
                refs++;
            } else if (Subjects.isReference(t)) {
                long n = Long.parseLong(t.substring(1));
                if (n > wildcards) {
                    f.error("its local subject \"" + local + "\" refers to $" + n + ", but \"" + subject + "\" has "
                            + wildcards + " '*' wildcard(s)");
                } else {
                    refs++;
                }
            }
        }
        if (refs != wildcards) {
            f.error("its local subject \"" + local + "\" needs one '*' or $n reference for each '*' of \"" + subject + "\"");
        }
    }

    private static boolean endsWithFull(String s) {
        return s.equals(">") || s.endsWith(".>");
    }

    private static void subject(String s, String what, Findings f) {
        String problem = Subjects.libraryProblem(s);
        if (problem != null) {
            f.error(what + ": " + problem);
        }
    }

    private static void exports(AccountClaims a, Findings f) {
        List<String> services = new ArrayList<>();
        List<String> streams = new ArrayList<>();
        for (Export e : a.exports()) {
            export(e, f.about((e.type() == null ? "export" : e.type().json() + " export") + " \"" + e.subject() + "\""));
            (e.isService() ? services : streams).add(e.subject());
            if (!a.limits().wildcards() && Subjects.hasWildcards(e.subject())) {
                f.error("export \"" + e.subject() + "\" has wildcards, which the account's limits do not allow");
            }
        }
        overlaps("service", services, f);
        overlaps("stream", streams, f);
        long max = a.limits().exports();
        if (max >= 0 && a.exports().size() > max) {
            f.error("the account has " + a.exports().size() + " exports, more than its limit of " + max);
        }
        max = a.limits().imports();
        if (max >= 0 && a.imports().size() > max) {
            f.error("the account has " + a.imports().size() + " imports, more than its limit of " + max);
        }
    }

    /** The jwt library's {@code Export.Validate}. */
    private static void export(Export e, Findings f) {
        if (e.type() == null) {
            f.error("has no type (expected stream or service)");
        }
        if (e.isService() && !e.isSingleResponse() && !e.isStreamResponse() && !e.isChunkedResponse()) {
            f.error("has an unknown response type \"" + e.responseType() + "\" (expected Singleton, Stream or Chunked)");
        }
        if (e.isStream() && !e.responseType().isEmpty()) {
            f.error("is a stream but has a response type");
        }
        if (e.isStream() && e.allowTrace()) {
            f.error("allow_trace is only for service exports");
        }
        ServiceLatency l = e.latency();
        if (l != null) {
            if (!e.isService()) {
                f.error("latency tracking is only for services");
            }
            if (!l.isHeaders() && (l.sampling() < 1 || l.sampling() > 100)) {
                f.error("latency sampling " + l.sampling() + " is not between 1 and 100");
            }
            subject(l.results(), "its latency results subject", f);
            if (Subjects.hasWildcards(l.results())) {
                f.error("its latency results subject \"" + l.results() + "\" has wildcards");
            }
        }
        if (e.responseThresholdNanos() < 0) {
            f.error("has a negative response threshold");
        }
        if (e.responseThresholdNanos() > 0 && !e.isService()) {
            f.error("a response threshold is only for services");
        }
        subject(e.subject(), "its subject", f);
        int pos = e.accountTokenPosition();
        if (pos > 0) {
            if (!Subjects.hasWildcards(e.subject())) {
                f.error("account token position " + pos + " needs a subject with wildcards");
            } else if (pos > Subjects.tokenCount(e.subject())) {
                f.error("account token position " + pos + " is past the end of the subject");
            } else if (!Subjects.isPartialWildcardAt(e.subject(), pos)) {
                f.error("account token position " + pos + " is \"" + Subjects.token(e.subject(), pos)
                        + "\", but must be a '*'");
            }
        }
        info(e.description(), e.infoUrl(), f);
    }

    private static void overlaps(String kind, List<String> subjects, Findings f) {
        for (int i = 0; i < subjects.size(); i++) {
            for (int j = 0; j < subjects.size(); j++) {
                if (i != j && Subjects.isContainedIn(subjects.get(i), subjects.get(j))
                        && (j < i || !Subjects.isContainedIn(subjects.get(j), subjects.get(i)))) {
                    f.error(kind + " export \"" + subjects.get(j) + "\" already exports \"" + subjects.get(i) + "\"");
                }
            }
        }
    }

    private static void limits(AccountLimits l, Findings f) {
        if (!l.tiered().isEmpty()) {
            if (!isEmpty(l.jetStream())) {
                f.error("the account has JetStream limits both with and without tiers: they exclude each other");
            }
            if (l.tiered().containsKey("")) {
                f.error("the account has a JetStream tier without a name");
            }
        }
    }

    private static boolean isEmpty(JetStreamLimits j) {
        return j.memStorage() == 0 && j.diskStorage() == 0 && j.streams() == 0 && j.consumer() == 0
                && j.maxAckPending() == 0 && j.memMaxStreamBytes() == 0 && j.diskMaxStreamBytes() == 0
                && !j.maxBytesRequired();
    }

    /** All limits zero: what the jwt library calls empty operator limits. */
    private static boolean isEmpty(AccountLimits l) {
        return l.subs() == 0 && l.data() == 0 && l.payload() == 0 && l.imports() == 0 && l.exports() == 0
                && !l.wildcards() && !l.disallowBearer() && l.conn() == 0 && l.leaf() == 0 && isEmpty(l.jetStream())
                && l.tiered().isEmpty();
    }

    private static void authorization(Map<String, Object> auth, Findings f) {
        List<?> users = auth.get("auth_users") instanceof List ? (List<?>) auth.get("auth_users") : List.of();
        List<?> accounts = auth.get("allowed_accounts") instanceof List ? (List<?>) auth.get("allowed_accounts") : List.of();
        Findings about = f.about("authorization");
        if (!accounts.isEmpty() && users.isEmpty()) {
            about.error("allowed accounts are named, but no auth users");
        }
        for (Object u : users) {
            if (!(u instanceof String) || !NKey.isValidPublicKey((String) u, KeyKind.USER)) {
                about.error("auth user \"" + u + "\" is not a user public key");
            }
        }
        for (Object acc : accounts) {
            if ("*".equals(acc)) {
                if (accounts.size() > 1) {
                    about.error("allowed accounts are either \"*\" alone or a list of account keys");
                }
            } else if (!(acc instanceof String) || !NKey.isValidPublicKey((String) acc, KeyKind.ACCOUNT)) {
                about.error("allowed account \"" + acc + "\" is not an account public key");
            }
        }
        Object x = auth.get("xkey");
        if (x != null && !"".equals(x) && !(x instanceof String && ClaimChecks.isCurveKey((String) x))) {
            about.error("xkey \"" + x + "\" is not a curve (X...) public key");
        }
    }

    private static void trace(Map<String, Object> nats, Findings f) {
        if (!(nats.get("trace") instanceof Map)) {
            return;
        }
        Map<?, ?> t = (Map<?, ?>) nats.get("trace");
        String dest = t.get("dest") instanceof String ? (String) t.get("dest") : "";
        String problem = Subjects.libraryProblem(dest);
        if (problem != null) {
            f.error("trace destination: " + problem);
        } else if (Subjects.hasWildcards(dest)) {
            f.error("trace destination \"" + dest + "\" has wildcards");
        }
        if (t.get("sampling") instanceof Number) {
            long s = ((Number) t.get("sampling")).longValue();
            if (s < 0 || s > 100) {
                f.error("trace sampling " + s + " is not between 1 and 100");
            }
        }
    }

    private static void info(String description, String infoUrl, Findings f) {
        if (utf8Length(description) > MAX_INFO) {
            f.error("the description is longer than " + MAX_INFO + " bytes");
        }
        if (!infoUrl.isEmpty()) {
            if (utf8Length(infoUrl) > MAX_INFO) {
                f.error("the info url is longer than " + MAX_INFO + " bytes");
            }
            try {
                URI u = new URI(infoUrl);
                if (u.getScheme() == null || u.getHost() == null) {
                    f.error("info url \"" + infoUrl + "\" has no protocol or host");
                }
            } catch (URISyntaxException e) {
                f.error("info url \"" + infoUrl + "\" cannot be parsed: " + e.getReason());
            }
        }
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
