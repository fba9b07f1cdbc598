package dev.jnsc.cli;

import dev.jnsc.jwt.WeightedMapping;
import dev.jnsc.ops.MappingOps;
import dev.jnsc.ops.MappingRules;
import java.util.List;
import java.util.Map;

/** add mapping, delete mapping, and the Mappings table of describe account. */
final class MappingCommands {
    private MappingCommands() {
    }

    static final class Add extends Leaf {
        Add(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("mapping", "Add (or modify) a mapping entry");
            Options.account(s);
            s.value("subject", "map from subject (required)", "-f", "--from");
            s.value("subject", "to subject (required); $1 or {{wildcard(1)}} refer to the first '*' of --from",
                    "-t", "--to");
            s.value("1-100", "weight in percent of this mapping entry (default: 100)", "--weight");
            s.value("name", "in which cluster this mapping should apply", "--cluster");
        }

        @Override
        void prompt(Prompter p, Args a) {
            ExportPrompts.mapping(p, a, cli);
        }

        @Override
        int run(Args a) {
            String from = a.str("--from");
            String to = a.str("--to");
            if (from == null || to == null) {
                throw new UsageException((from == null ? "--from" : "--to") + " is required: nsc add mapping -f <subject>"
                        + " -t <subject> [--weight 1-100] [--cluster <name>]");
            }
            return cli.report(MappingOps.add(cli.writer(), new MappingOps.AddMapping(a.str("--account"), from, to,
                    a.str("--weight"), a.str("--cluster"), cli.signer())));
        }
    }

    static final class Delete extends Leaf {
        Delete(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("mapping", "Delete a mapping");
            Options.account(s);
            s.value("subject", "map from subject (required)", "-f", "--from");
            s.value("subject", "to subject. When present, only that particular mapping is removed. Otherwise all"
                    + " mappings for from subject are.", "-t", "--to");
            s.value("name", "the cluster of the entries to remove", "--cluster");
        }

        /** Go's delete mapping -i: see {@link ExchangePrompts#deleteMapping}. */
        @Override
        void prompt(Prompter p, Args a) {
            ExchangePrompts.deleteMapping(p, a, cli);
        }

        @Override
        int run(Args a) {
            String from = a.str("--from");
            if (from == null) {
                throw new UsageException("--from is required: nsc delete mapping -f <subject> [-t <subject>]"
                        + " [--cluster <name>]");
            }
            return cli.report(MappingOps.delete(cli.writer(), new MappingOps.DeleteMapping(a.str("--account"), from,
                    a.str("--to"), a.str("--cluster"), cli.signer())));
        }
    }

    /**
     * The Mappings table of describe account, laid out as the Go nsc's: one row per destination and
     * a "sum=" row per subject. With clusters, a Cluster column and one sum per cluster (the Go nsc
     * shows neither, and adds up the weights of every cluster together).
     */
    static String table(Map<String, List<WeightedMapping>> mappings) {
        boolean clusters = false;
        for (List<WeightedMapping> to : mappings.values()) {
            for (WeightedMapping m : to) {
                clusters |= !m.cluster().isEmpty();
            }
        }
        Table t = new Table("Mappings");
        if (clusters) {
            t.headers("From", "To", "Weight (%)", "Cluster");
        } else {
            t.headers("From", "To", "Weight (%)");
        }
        for (Map.Entry<String, List<WeightedMapping>> e : mappings.entrySet()) {
            boolean first = true;
            for (WeightedMapping m : e.getValue()) {
                String from = first ? e.getKey() : "";
                first = false;
                String weight = Integer.toString(m.effectiveWeight());
                t.row(clusters ? new String[] {from, m.subject(), weight, m.cluster()} : new String[] {from, m.subject(), weight});
            }
            if (first) {
                t.row(clusters ? new String[] {e.getKey(), "", "sum=0", ""} : new String[] {e.getKey(), "", "sum=0"});
            }
            for (Map.Entry<String, List<WeightedMapping>> g : MappingRules.byCluster(e.getValue()).entrySet()) {
                int sum = 0;
                for (WeightedMapping m : g.getValue()) {
                    sum += m.effectiveWeight();
                }
                String total = "sum=" + sum;
                t.row(clusters ? new String[] {"", "", total, g.getKey()} : new String[] {"", "", total});
            }
        }
        return t.render();
    }
}
