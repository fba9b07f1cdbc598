package dev.jnsc.cli;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.Import;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.ops.ExportValues;
import dev.jnsc.ops.OpsException;
import dev.jnsc.ops.Values;
import dev.jnsc.store.OperatorStore;
import java.util.ArrayList;
import java.util.List;

/**
 * -i for edit export and delete export | import | mapping, as the Go nsc's editexport.go,
 * deleteexport.go, deleteimport.go and deletemapping.go ask: the account, which entry (labelled as
 * Go labels them: "->" a stream, "<-" a service, "[!]" private), then for an edit its values with the
 * current ones as defaults, and the operator key that signs when several can.
 */
final class ExchangePrompts {
    private static final List<String> RESPONSE_TYPES = List.of(Export.SINGLETON, Export.STREAM_RESPONSE, Export.CHUNKED);

    private ExchangePrompts() {
    }

    /** Go's edit export -i (the subject is not asked: jnsc's edit export selects by subject and does not change it). */
    static void editExport(Prompter p, Args a, Cli cli) {
        OperatorStore op = EditPrompts.operator(cli);
        AccountClaims ac = op.account(EditPrompts.account(p, a, cli, a.str("--account"), "--account"));
        Export e = chooseExport(p, a, ac, "select export to edit");
        boolean service = p.select("export type", List.of("stream", "service"), toggled(a, "--service", e.isService())
                ? 1 : 0) == 1;
        setIfChanged(a, "--service", service, e.isService());
        EditPrompts.text(p, a, "name", "--name", e.name(), s -> { });
        if ("".equals(a.str("--name"))) {
            a.set("--name", (String) null); // as Go's length validator: an export keeps a name
        }
        String kind = service ? "service" : "stream";
        setIfChanged(a, "--private", p.confirm("private " + kind, toggled(a, "--private", e.tokenRequired())),
                e.tokenRequired());
        if (service) {
            latency(p, a, e);
            String rt = a.str("--response-type") != null ? ExportValues.responseType(a.str("--response-type"))
                    : e.responseType() == null ? Export.SINGLETON : e.responseType();
            String chosen = RESPONSE_TYPES.get(p.select("service response type", RESPONSE_TYPES, RESPONSE_TYPES.indexOf(rt)));
            a.set("--response-type", chosen.equals(e.responseType() == null ? Export.SINGLETON : e.responseType())
                    && a.str("--response-type") == null ? null : chosen);
            String current = duration(e.responseThresholdNanos());
            EditPrompts.text(p, a, "response threshold (0 disabled)", "--response-threshold", current,
                    ExportValues::threshold);
        }
        signer(p, cli, op, ac);
        EditPrompts.text(p, a, "Export Description", "--description", e.description(), s -> { });
        EditPrompts.text(p, a, "Info url", "--info-url", e.infoUrl(), s -> Values.url("--info-url", s));
    }

    /** Go's "track service latency": sampling and results subject; no removes the tracking there is. */
    private static void latency(Prompter p, Args a, Export e) {
        boolean tracked = e.latency() != null;
        // the Go nsc's default is no, which removes the tracking: here the default keeps what there is
        if (!p.confirm("track service latency", tracked || a.has("--sampling") || a.has("--latency"))) {
            a.set("--rm-latency-sampling", tracked);
            return;
        }
        String sampling = tracked ? (e.latency().isHeaders() ? "header" : Integer.toString(e.latency().sampling())) : "";
        EditPrompts.text(p, a, "sampling percentage [1-100] or `header`", "--sampling", sampling,
                s -> ExportValues.sampling(s, false));
        EditPrompts.text(p, a, "latency metrics subject", "--latency", tracked ? e.latency().results() : "",
                ExportValues::latencySubject);
    }

    /** Go's delete export -i: the account, "select export to delete", the operator key. */
    static void deleteExport(Prompter p, Args a, Cli cli) {
        OperatorStore op = EditPrompts.operator(cli);
        AccountClaims ac = op.account(EditPrompts.account(p, a, cli, a.str("--account"), "--account"));
        chooseExport(p, a, ac, "select export to delete");
        signer(p, cli, op, ac);
    }

    /** Go's delete import -i: the account, "select import to delete", the operator key. */
    static void deleteImport(Prompter p, Args a, Cli cli) {
        OperatorStore op = EditPrompts.operator(cli);
        String account = EditPrompts.account(p, a, cli, a.str("--account"), "--account");
        AccountClaims ac = op.account(account);
        List<Import> imports = ac.imports();
        if (imports.isEmpty()) {
            throw new OpsException("account \"" + account + "\" doesn't have imports");
        }
        List<String> labels = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < imports.size(); i++) {
            Import im = imports.get(i);
            String from = op.accountNameByKey(im.account());
            String subject = im.name() == null || im.name().equals(im.subject()) ? im.subject()
                    : "[" + im.name() + "] " + im.subject();
            labels.add((im.isService() ? "<- " : "-> ") + subject + (im.token() == null || im.token().isEmpty() ? ""
                    : " [!]") + " (" + (from != null ? from : im.account()) + ")");
            if (im.subject().equals(a.str("--subject")) && (a.str("--src-account") == null
                    || a.str("--src-account").equals(im.account()) || a.str("--src-account").equals(from))) {
                index = i;
            }
        }
        Import im = imports.get(p.select("select import to delete", labels, index));
        a.set("--subject", im.subject()).set("--src-account", im.account());
        signer(p, cli, op, ac);
    }

    /**
     * Go's delete mapping -i asks only for the account (and then needs -f); here, without -f, also
     * "select mapping to delete" among the account's mapped subjects.
     */
    static void deleteMapping(Prompter p, Args a, Cli cli) {
        OperatorStore op = EditPrompts.operator(cli);
        String account = EditPrompts.account(p, a, cli, a.str("--account"), "--account");
        List<String> from = new ArrayList<>(op.account(account).mappings().keySet());
        if (from.isEmpty()) {
            throw new OpsException("account \"" + account + "\" doesn't have mappings");
        }
        if (a.str("--from") == null) {
            a.set("--from", from.get(p.select("select mapping to delete", from, 0)));
        }
    }

    private static Export chooseExport(Prompter p, Args a, AccountClaims ac, String label) {
        List<Export> exports = ac.exports();
        if (exports.isEmpty()) {
            throw new OpsException("account \"" + ac.name() + "\" doesn't have exports");
        }
        List<String> labels = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < exports.size(); i++) {
            Export e = exports.get(i);
            String subject = e.name() == null || e.name().equals(e.subject()) ? e.subject()
                    : "[" + e.name() + "] " + e.subject();
            labels.add((e.isService() ? "<- " : "-> ") + subject + (e.tokenRequired() ? " [!]" : ""));
            if (e.subject().equals(a.str("--subject"))) {
                index = i;
            }
        }
        Export e = exports.get(p.select(label, labels, index));
        a.set("--subject", e.subject());
        return e;
    }

    private static void signer(Prompter p, Cli cli, OperatorStore op, AccountClaims ac) {
        OperatorClaims oc = op.operator();
        EditPrompts.signer(p, cli, null, KeyKind.OPERATOR, oc.subject(), oc.signingKeys(), oc.strictSigningKeyUsage(),
                ac.issuer());
    }

    /** A toggle's value: the flag when given, else the current one. */
    private static boolean toggled(Args a, String option, boolean current) {
        return a.has(option) ? a.flag(option) : current;
    }

    private static void setIfChanged(Args a, String option, boolean v, boolean current) {
        if (v != current || a.has(option)) {
            a.set(option, v);
        } else {
            a.set(option, (String) null);
        }
    }

    /** A threshold as a duration the flag takes: "0", whole seconds, or milliseconds. */
    private static String duration(long nanos) {
        if (nanos == 0) {
            return "0";
        }
        return nanos % 1_000_000_000L == 0 ? nanos / 1_000_000_000L + "s" : nanos / 1_000_000L + "ms";
    }
}
