package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.ExportType;
import dev.jnsc.jwt.JsonWriter;
import dev.jnsc.jwt.ServiceLatency;
import dev.jnsc.store.OperatorStore;
import java.util.ArrayList;
import java.util.List;

/**
 * add, edit and delete export: the streams and services an account offers. Every value is checked
 * first, then the export against the account (its limits and its other exports), and only then is
 * the account JWT re-signed by the operator and written.
 */
public final class ExportOps {
    private ExportOps() {
    }

    /** Values as given on the command line; null (or false) when not given. */
    public record AddExport(String account, String subject, String name, boolean service, boolean isPrivate,
            String responseType, String responseThreshold, String latency, String sampling, String accountTokenPosition,
            boolean allowTrace, boolean advertise, String signer) {
    }

    public static Report add(Workspace ws, AddExport req) {
        String subject = Subjects.check("--subject", req.subject());
        Export e = req.service() ? Export.service(subject) : Export.stream(subject);
        e.name(req.name() == null ? subject : req.name()).tokenRequired(req.isPrivate()).advertise(req.advertise());
        if (req.service()) {
            String rt = ExportValues.responseType(req.responseType());
            e.responseType(rt == null ? Export.SINGLETON : rt);
            if (req.responseThreshold() != null) {
                e.responseThresholdNanos(ExportValues.threshold(req.responseThreshold()));
            }
            if (req.sampling() != null && req.latency() == null) {
                throw new OpsException("--sampling \"" + req.sampling() + "\" needs --latency <subject>: the subject the"
                        + " latency measurements are published to");
            }
            if (req.latency() != null) {
                String results = ExportValues.latencySubject(req.latency());
                int sampling = req.sampling() == null ? ServiceLatency.HEADERS : ExportValues.sampling(req.sampling(), false);
                e.latency(new ServiceLatency(sampling, results));
            }
            e.allowTrace(req.allowTrace());
        } else {
            ExportValues.refuseOnStream("--response-type", req.responseType());
            ExportValues.refuseOnStream("--response-threshold", req.responseThreshold());
            ExportValues.refuseOnStream("--latency", req.latency());
            ExportValues.refuseOnStream("--sampling", req.sampling());
            ExportValues.refuseOnStream("--allow-trace", req.allowTrace() ? "true" : null);
        }
        if (req.accountTokenPosition() != null) {
            e.accountTokenPosition(ExportValues.position(req.accountTokenPosition()));
        }
        ExportValues.checkPosition(e, "--account-token-position \"" + e.accountTokenPosition() + "\"");

        OperatorStore op = ws.operator(null);
        String account = ws.accountName(op, req.account());
        AccountClaims ac = op.account(account);
        if (!ac.limits().wildcards() && Subjects.hasWildcards(subject)) {
            throw new OpsException("--subject \"" + subject + "\" has wildcards, which account \"" + account
                    + "\" does not allow in exports (its limits set wildcards to false: see nsc edit account"
                    + " --wildcard-exports)");
        }
        long max = ac.limits().exports();
        if (max >= 0 && ac.exports().size() >= max) {
            throw new OpsException("account \"" + account + "\" may have at most " + max + " exports and has "
                    + ac.exports().size() + " - raise the limit with nsc edit account --exports");
        }
        checkOverlap(ac, account, e, null, "--subject \"" + subject + "\"");
        ac.exports().add(e);
        Report r = new Report();
        Signers.resignAccount(ws, op, account, ac, req.signer(), r);
        r.ok("added " + (e.tokenRequired() ? "private" : "public") + " " + e.type().json() + " export \"" + e.name()
                + "\"");
        return r.change(change("created", e, account));
    }

    /** Values as given; null when not given. The export is the one with {@code subject}. */
    public record EditExport(String account, String subject, String name, Boolean service, Boolean isPrivate,
            String responseType, String responseThreshold, String latency, String sampling, boolean rmLatency,
            String description, String infoUrl, Boolean allowTrace, String accountTokenPosition, Boolean advertise,
            String signer) {
        public boolean isEmpty() {
            return name == null && service == null && isPrivate == null && responseType == null
                    && responseThreshold == null && latency == null && sampling == null && !rmLatency
                    && description == null && infoUrl == null && allowTrace == null && accountTokenPosition == null
                    && advertise == null;
        }
    }

    public static Report edit(Workspace ws, EditExport req) {
        if (req.isEmpty()) {
            throw new OpsException("specify an edit option (see nsc edit export --help)");
        }
        // the values first, so that a bad one is reported whatever the store holds
        String rt = ExportValues.responseType(req.responseType());
        Long threshold = req.responseThreshold() == null ? null : ExportValues.threshold(req.responseThreshold());
        String results = req.latency() == null ? null : ExportValues.latencySubject(req.latency());
        Integer sampling = req.sampling() == null ? null : ExportValues.sampling(req.sampling(), true);
        Integer position = req.accountTokenPosition() == null ? null : ExportValues.position(req.accountTokenPosition());
        String infoUrl = req.infoUrl() == null || req.infoUrl().isEmpty() ? req.infoUrl()
                : Values.url("--info-url", req.infoUrl());
        ExportValues.checkDescription(req.description());
        if (req.rmLatency() && (results != null || sampling != null)) {
            throw new OpsException("--rm-latency-sampling cannot be combined with --latency or --sampling: give one");
        }

        OperatorStore op = ws.operator(null);
        String account = ws.accountName(op, req.account());
        AccountClaims ac = op.account(account);
        Export e = select(ac, account, req.subject(), req.service());
        boolean service = req.service() != null ? req.service() : e.isService();
        if (!service) {
            boolean madeStream = req.service() != null && e.isService();
            ExportValues.refuseOnStream("--response-type", req.responseType(), e, madeStream);
            ExportValues.refuseOnStream("--response-threshold", req.responseThreshold(), e, madeStream);
            ExportValues.refuseOnStream("--latency", req.latency(), e, madeStream);
            ExportValues.refuseOnStream("--sampling", req.sampling(), e, madeStream);
            ExportValues.refuseOnStream("--rm-latency-sampling", req.rmLatency() ? "true" : null, e, madeStream);
            ExportValues.refuseOnStream("--allow-trace", Boolean.TRUE.equals(req.allowTrace()) ? "true" : null, e, madeStream);
        }
        Report r = new Report();
        String typeBefore = e.type() == null ? "" : e.type().json();
        if (req.name() != null && !req.name().equals(e.name())) {
            e.name(req.name());
            r.ok("changed export name to " + e.name());
        }
        if (req.isPrivate() != null && req.isPrivate() != e.tokenRequired()) {
            e.tokenRequired(req.isPrivate());
            if (e.tokenRequired()) {
                r.warn("changed export to be private - this will break importers");
            } else {
                r.ok("changed export to be public");
            }
        }
        if (service != e.isService() || e.type() == null) {
            changeType(e, service, r);
        }
        if (service && sampling != null && results == null && e.latency() == null
                && sampling != ExportValues.SAMPLING_OFF) {
            throw new OpsException("--sampling \"" + req.sampling() + "\" needs --latency <subject>: export \""
                    + e.subject() + "\" does not track latency yet");
        }
        if (service) {
            editService(e, rt, threshold, results, sampling, req.rmLatency(), req.allowTrace(), r);
        }
        if (req.description() != null && !req.description().equals(e.description())) {
            e.description(req.description());
            r.ok("changed description to " + quoted(e.description()));
        }
        if (infoUrl != null && !infoUrl.equals(e.infoUrl())) {
            e.infoUrl(infoUrl);
            r.ok("changed info url to " + quoted(e.infoUrl()));
        }
        if (position != null && position != e.accountTokenPosition()) {
            e.accountTokenPosition(position);
            r.ok(position == 0 ? "removed the account token position" : "changed account token position to " + position);
        }
        if (req.advertise() != null && req.advertise() != e.advertise()) {
            e.advertise(req.advertise());
            r.ok("changed advertise to " + e.advertise());
        }
        if (position != null) {
            ExportValues.checkPosition(e, "--account-token-position \"" + position + "\"");
        } else if (Boolean.TRUE.equals(req.isPrivate()) && e.accountTokenPosition() > 0) {
            throw new OpsException("--private: export \"" + e.subject() + "\" has account token position "
                    + e.accountTokenPosition() + ", which only public exports may have - remove it with"
                    + " --account-token-position 0");
        }
        if (!typeBefore.equals(e.type().json())) {
            checkOverlap(ac, account, e, e, "--service: the " + e.type().json() + " export \"" + e.subject() + "\"");
        }
        Signers.resignAccount(ws, op, account, ac, req.signer(), r);
        r.ok("edited " + e.type().json() + " export \"" + e.name() + "\"");
        return r.change(change("updated", e, account));
    }

    public record DeleteExport(String account, String subject, String signer) {
    }

    public static Report delete(Workspace ws, DeleteExport req) {
        OperatorStore op = ws.operator(null);
        String account = ws.accountName(op, req.account());
        AccountClaims ac = op.account(account);
        Export e = select(ac, account, req.subject(), null);
        ac.exports().remove(e);
        Report r = new Report();
        Signers.resignAccount(ws, op, account, ac, req.signer(), r);
        return r.ok("deleted " + (e.type() == null ? "" : e.type().json()) + " export \"" + e.subject() + "\"")
                .change(change("deleted", e, account));
    }

    private static Report.Change change(String action, Export e, String account) {
        return Report.Change.of(action, "export").withName(e.name()).withSubject(e.subject()).withAccount(account);
    }

    private static void changeType(Export e, boolean service, Report r) {
        if (service) {
            e.type(ExportType.SERVICE).responseType(Export.SINGLETON);
        } else {
            List<String> dropped = new ArrayList<>();
            if (!e.responseType().isEmpty() && !e.responseType().equals(Export.SINGLETON)) {
                dropped.add("response type " + e.responseType());
            }
            if (e.responseThresholdNanos() != 0) {
                dropped.add("response threshold " + Durations.format(e.responseThresholdNanos()));
            }
            if (e.latency() != null) {
                dropped.add("latency tracking");
            }
            if (e.allowTrace()) {
                dropped.add("allow trace");
            }
            e.type(ExportType.STREAM).responseType("").responseThresholdNanos(0).latency(null)
                    .allowTrace(false);
            if (!dropped.isEmpty()) {
                r.warn("removed the service settings a stream cannot have: " + String.join(", ", dropped));
            }
        }
        r.warn("changed export type to \"" + e.type().json() + "\" - this will break importers");
    }

    private static void editService(Export e, String rt, Long threshold, String results, Integer sampling, boolean rm,
            Boolean allowTrace, Report r) {
        ServiceLatency old = e.latency();
        if (rm || (sampling != null && sampling == ExportValues.SAMPLING_OFF)) {
            e.latency(null);
            r.ok(old != null ? "removed latency tracking" : "no need to remove latency tracking as it was not set");
        } else if (results != null || sampling != null) {
            ServiceLatency now = new ServiceLatency(sampling != null ? sampling : old != null ? old.sampling()
                    : ServiceLatency.HEADERS, results != null ? results : old.results());
            if (old == null || old.sampling() != now.sampling()) {
                r.ok("changed service latency to " + ExportValues.samplingText(now.sampling()));
            }
            if (old != null && !old.results().equals(now.results())) {
                r.ok("changed service latency subject to " + now.results());
                r.warn("changed latency subject will break consumers of the report");
            }
            e.latency(now);
        }
        if (threshold != null && threshold != e.responseThresholdNanos()) {
            e.responseThresholdNanos(threshold);
            r.ok("changed response threshold to " + Durations.format(threshold));
        }
        if (rt != null) {
            String before = e.responseType().isEmpty() ? Export.SINGLETON : e.responseType();
            e.responseType(rt);
            if (!before.equals(rt)) {
                r.ok("changed response type to " + rt);
            }
        }
        if (allowTrace != null && allowTrace != e.allowTrace()) {
            e.allowTrace(allowTrace);
            r.ok("changed allowed trace to " + allowTrace);
        }
    }

    /**
     * The export with {@code subject}; without one, the account's only export. When a stream and a
     * service share the subject, {@code service} (when given) picks the kind, else the first is taken.
     */
    private static Export select(AccountClaims ac, String account, String subject, Boolean service) {
        List<Export> all = ac.exports();
        if (all.isEmpty()) {
            throw new OpsException("account \"" + account + "\" has no exports");
        }
        if (subject == null) {
            if (all.size() == 1) {
                return all.get(0);
            }
            List<String> subjects = new ArrayList<>();
            for (Export e : all) {
                subjects.add(e.subject() + (e.isService() ? " (service)" : " (stream)"));
            }
            throw new OpsException("--subject is required: account \"" + account + "\" has " + all.size() + " exports ("
                    + String.join(", ", subjects) + ")");
        }
        Export found = null;
        for (Export e : all) {
            if (e.subject().equals(subject)) {
                if (found == null || (service != null && e.isService() == service && found.isService() != service)) {
                    found = e;
                }
            }
        }
        if (found == null) {
            throw new OpsException("account \"" + account + "\" has no export with subject \"" + subject + "\"");
        }
        return found;
    }

    /**
     * The jwt library's rule: no export may contain another of the same kind (a stream and a
     * service may share a subject).
     */
    private static void checkOverlap(AccountClaims ac, String account, Export e, Export self, String what) {
        for (Export o : ac.exports()) {
            if (o == self || o.isService() != e.isService()) {
                continue;
            }
            String kind = e.isService() ? "service" : "stream";
            if (o.subject().equals(e.subject())) {
                throw new OpsException(what + ": account \"" + account + "\" already has a " + kind + " export with"
                        + " subject \"" + o.subject() + "\"" + (o.name().equals(o.subject()) ? "" : " (\"" + o.name() + "\")"));
            }
            if (Subjects.isContainedIn(e.subject(), o.subject()) || Subjects.isContainedIn(o.subject(), e.subject())) {
                throw new OpsException(what + " overlaps the " + kind + " export \"" + o.subject() + "\" of account \""
                        + account + "\" (one contains the other): exports of one kind may not overlap");
            }
        }
    }

    /** A value in double quotes with escapes (as nsc's %q), so that a status line stays one line. */
    private static String quoted(String s) {
        return JsonWriter.indented(" ").value(s).toString();
    }
}
