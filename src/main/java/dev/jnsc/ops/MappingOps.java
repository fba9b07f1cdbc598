package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.WeightedMapping;
import dev.jnsc.store.OperatorStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** add mapping, delete mapping: the subject mappings of an account, re-signed by the operator. */
public final class MappingOps {
    private MappingOps() {
    }

    /**
     * @param weight  --weight as given, or null for none (the entry then carries no weight: 100%)
     * @param cluster --cluster, or null for an entry that applies in every cluster
     */
    public record AddMapping(String account, String from, String to, String weight, String cluster, String signer) {
    }

    public static Report add(Workspace ws, AddMapping req) {
        if (req.from() == null) {
            throw new OpsException("--from is required: the subject to map");
        }
        if (req.to() == null) {
            throw new OpsException("--to is required: the subject to map --from to");
        }
        String from = Subjects.check("--from", req.from());
        String to = req.to().trim();
        String problem = MappingRules.destinationProblem(from, to);
        if (problem == null) {
            problem = Subjects.problem(to);
        }
        if (problem != null) {
            throw new OpsException("--to \"" + req.to() + "\" is not a valid destination for --from \"" + from + "\": "
                    + problem);
        }
        int weight = weight(req.weight());
        String cluster = cluster(req.cluster());
        OperatorStore op = ws.operator(null);
        String name = ws.accountName(op, req.account());
        AccountClaims ac = op.account(name);
        List<WeightedMapping> list = ac.mappings().computeIfAbsent(from, k -> new ArrayList<>());
        WeightedMapping existing = null;
        for (WeightedMapping m : list) {
            if (m.subject().equals(to) && m.cluster().equals(cluster)) {
                existing = m;
            } else if (m.subject().equals(to)) {
                throw new OpsException("\"" + to + "\" is already a destination of \"" + from + "\" " + where(m.cluster())
                        + ": nats-server ignores a mapping with the same destination twice, even for different clusters"
                        + " - delete that one first (nsc delete mapping -f " + from + " -t " + to
                        + (m.cluster().isEmpty() ? "" : " --cluster " + m.cluster()) + ")");
            }
        }
        int was = existing == null ? -1 : existing.effectiveWeight();
        if (existing == null) {
            existing = new WeightedMapping(to).cluster(cluster);
            list.add(existing);
        }
        existing.weight(weight);
        List<String> problems = MappingRules.weightProblems(from, list);
        if (!problems.isEmpty()) {
            throw new OpsException(problems.get(0) + " - lower --weight, or change or delete the others first");
        }
        Report r = new Report();
        String what = "mapping " + from + " -> " + to + ", weight " + existing.effectiveWeight() + "%"
                + (cluster.isEmpty() ? "" : " in cluster " + cluster);
        r.ok(was < 0 ? "added " + what : "changed " + what + " (was " + was + "%)");
        r.change(Report.Change.of(was < 0 ? "created" : "updated", "mapping").withName(to).withSubject(from).withAccount(name));
        String note = MappingRules.olderServerNote(from, list);
        if (note != null) {
            r.warn(note);
        }
        Signers.resignAccount(ws, op, name, ac, req.signer(), r);
        return r;
    }

    /**
     * @param to      one destination to delete, or null for all of {@code from} (of {@code cluster} when given)
     * @param cluster the cluster of the entries to delete; null for entries without cluster (with
     *                {@code to}) or for every entry (without {@code to})
     */
    public record DeleteMapping(String account, String from, String to, String cluster, String signer) {
    }

    public static Report delete(Workspace ws, DeleteMapping req) {
        if (req.from() == null) {
            throw new OpsException("--from is required: the subject whose mappings to delete");
        }
        String from = req.from().trim();
        OperatorStore op = ws.operator(null);
        String name = ws.accountName(op, req.account());
        AccountClaims ac = op.account(name);
        List<WeightedMapping> list = ac.mappings().get(from);
        if (list == null) {
            throw new OpsException("account \"" + name + "\" has no mapping from \"" + from + "\"");
        }
        String cluster = req.cluster() == null ? null : req.cluster().trim();
        Report r = new Report();
        if (req.to() == null && cluster == null) {
            ac.mappings().remove(from);
            r.ok("deleted all mapping for " + from);
            r.change(Report.Change.of("deleted", "mapping").withSubject(from).withAccount(name));
        } else {
            String to = req.to() == null ? null : req.to().trim();
            String inCluster = cluster == null ? "" : cluster;
            int removed = 0;
            for (Iterator<WeightedMapping> it = list.iterator(); it.hasNext();) {
                WeightedMapping m = it.next();
                if ((to == null || m.subject().equals(to)) && m.cluster().equals(inCluster)) {
                    it.remove();
                    removed++;
                }
            }
            if (removed == 0) {
                throw new OpsException(notFound(name, from, to, cluster, list));
            }
            if (list.isEmpty()) {
                ac.mappings().remove(from);
            }
            r.ok(to == null ? "deleted all mapping in cluster " + cluster + " for " + from
                    : "deleted mapping " + from + " -> " + to + (cluster == null ? "" : " in cluster " + cluster));
            r.change(Report.Change.of("deleted", "mapping").withName(to).withSubject(from).withAccount(name));
        }
        Signers.resignAccount(ws, op, name, ac, req.signer(), r);
        return r;
    }


    /** --weight: 1 to 100; none given is 0 in the JWT, which means 100. */
    private static int weight(String v) {
        if (v == null) {
            return 0;
        }
        Long n = MappingRules.goAtoi(v.trim());
        if (n == null || n < 1 || n > 100) {
            throw new OpsException("--weight \"" + v + "\" is not valid: expected a whole number from 1 to 100 (percent)");
        }
        return n.intValue();
    }

    private static String cluster(String v) {
        if (v == null) {
            return "";
        }
        String c = v.trim();
        for (int i = 0; i < c.length(); i++) {
            if (Character.isWhitespace(c.charAt(i)) || Character.isISOControl(c.charAt(i))) {
                throw new OpsException("--cluster \"" + v + "\" is not a valid cluster name: it contains whitespace"
                        + " or control characters, which nats-server refuses in cluster names");
            }
        }
        return c;
    }

    private static String notFound(String account, String from, String to, String cluster, List<WeightedMapping> list) {
        String what = "account \"" + account + "\" has no mapping " + (to == null ? "from \"" + from + "\""
                : "\"" + from + "\" -> \"" + to + "\"");
        if (cluster != null) {
            return what + " in cluster \"" + cluster + "\"";
        }
        for (WeightedMapping m : list) {
            if (m.subject().equals(to)) {
                return what + " for every cluster (it has one in cluster \"" + m.cluster() + "\": add --cluster "
                        + m.cluster() + ")";
            }
        }
        return what;
    }

    private static String where(String cluster) {
        return cluster.isEmpty() ? "for every cluster" : "in cluster \"" + cluster + "\"";
    }
}
