package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.ExportType;
import dev.jnsc.jwt.Import;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.ServiceLatency;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The exports and imports of an account JWT on their own, as the jwt library's {@code
 * Exports.Validate} and {@code Imports.Validate} check them (an import's activation token
 * included, its times not).
 */
final class ExchangeChecks {
    private ExchangeChecks() {
    }

    static void imports(AccountClaims a, Function<String, String> label, Findings f) {
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

    static void subject(String s, String what, Findings f) {
        String problem = Subjects.libraryProblem(s);
        if (problem != null) {
            f.error(what + ": " + problem);
        }
    }

    static void exports(AccountClaims a, Findings f) {
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
        AccountChecks.info(e.description(), e.infoUrl(), f);
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

}
