package dev.jnsc.cli;

import dev.jnsc.ops.Durations;
import dev.jnsc.ops.OpsException;
import dev.jnsc.ops.Subjects;
import java.util.List;
import java.util.Locale;

/** The -i questions of add export and add mapping, as the Go nsc asks them (addexport.go). */
final class ExportPrompts {
    private static final List<String> TYPES = List.of("stream", "service");
    private static final List<String> RESPONSES = List.of("Singleton", "Stream", "Chunked");

    private ExportPrompts() {
    }

    /**
     * Go's add export -i: account, export type, subject, name, private, then for a service latency
     * tracking (sampling, subject), response type, response threshold and tracing; then the signer.
     */
    static void add(Prompter p, Args a, Cli cli) {
        PromptPicks.account(p, a, cli, "--account");
        boolean service = p.select("export type", TYPES, a.flag("--service") ? 1 : 0) == 1;
        a.set("--service", service);
        String subject = p.prompt("subject", a.str("--subject"), v -> Subjects.check("subject", v));
        a.set("--subject", subject);
        String name = a.str("--name");
        a.set("--name", p.prompt("name", name == null ? subject : name, ExportPrompts::notEmpty));
        a.set("--private", p.confirm("private " + TYPES.get(service ? 1 : 0), a.flag("--private")));
        if (service) {
            boolean track = a.has("--sampling") || a.has("--latency");
            if (p.confirm("track service latency", track)) {
                a.set("--sampling", p.prompt("sampling percentage [1-100] or `header`", a.str("--sampling"),
                        ExportPrompts::sampling));
                a.set("--latency", p.prompt("latency metrics subject", a.str("--latency"), ExportPrompts::latencySubject));
            } else {
                a.set("--sampling", (String) null);
                a.set("--latency", (String) null);
            }
            String given = a.str("--response-type");
            int type = 0;
            for (int i = 0; i < RESPONSES.size(); i++) {
                if (RESPONSES.get(i).equalsIgnoreCase(given)) {
                    type = i;
                }
            }
            a.set("--response-type", RESPONSES.get(p.select("service response type", RESPONSES, type)));
            String threshold = p.prompt("response threshold (0 disabled)", a.has("--response-threshold")
                    ? a.str("--response-threshold") : "0", v -> {
                        if (!v.equals("0")) {
                            Durations.parseNanos("response threshold", v);
                        }
                    });
            a.set("--response-threshold", threshold.equals("0") ? null : threshold);
            a.set("--allow-trace", p.confirm("allow tracing", a.flag("--allow-trace")));
        }
        PromptPicks.operatorSigner(p, cli);
    }

    /**
     * add mapping -i (the Go nsc asks nothing; these are its flags): account, from subject, to
     * subject, weight, cluster, then the signer.
     */
    static void mapping(Prompter p, Args a, Cli cli) {
        PromptPicks.account(p, a, cli, "--account");
        a.set("--from", p.prompt("map from subject", a.str("--from"), v -> Subjects.check("from subject", v)));
        a.set("--to", p.prompt("to subject", a.str("--to"), v -> Subjects.check("to subject", v)));
        String weight = p.prompt("weight in percent [1-100]", a.has("--weight") ? a.str("--weight") : "100", v -> {
            if (!isInt(v, 1, 100)) {
                throw new OpsException("weight \"" + v + "\" is invalid: expected a whole number from 1 to 100");
            }
        });
        a.set("--weight", weight);
        String cluster = p.prompt("cluster (Enter alone for every cluster)", a.str("--cluster"));
        a.set("--cluster", cluster.isEmpty() ? null : cluster);
        PromptPicks.operatorSigner(p, cli);
    }

    static void notEmpty(String v) {
        if (v.isBlank()) {
            throw new OpsException("a value is required");
        }
    }

    /** As the Go nsc's SamplingValidator: 1-100 or header. */
    static void sampling(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (!s.equals("header") && !s.equals("headers") && !isInt(s, 1, 100)) {
            throw new OpsException("sampling \"" + v + "\" is invalid: expected a percentage from 1 to 100, or header");
        }
    }

    /** A subject without wildcards. */
    static void latencySubject(String v) {
        Subjects.check("latency metrics subject", v);
        if (Subjects.hasWildcards(v.trim())) {
            throw new OpsException("latency metrics subject \"" + v + "\" is invalid: it cannot contain wildcards");
        }
    }

    static boolean isInt(String v, int min, int max) {
        try {
            int n = Integer.parseInt(v.trim());
            return n >= min && n <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
