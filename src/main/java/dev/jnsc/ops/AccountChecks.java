package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.AccountLimits;
import dev.jnsc.jwt.JetStreamLimits;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.jwt.WeightedMapping;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The checks of an account JWT on its own (the jwt library's {@code Account.Validate}, and the
 * mapping rules a server needs); its exports and imports by {@link ExchangeChecks}, and what the
 * imports mean against the exporters by {@link ValidateOps}.
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
        ExchangeChecks.imports(a, label, f);
        ExchangeChecks.exports(a, f);
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

    static void info(String description, String infoUrl, Findings f) {
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
