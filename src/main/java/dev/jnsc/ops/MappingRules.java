package dev.jnsc.ops;

import dev.jnsc.jwt.WeightedMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes an account subject mapping usable, shared by {@code add mapping} (which refuses) and
 * {@code validate} (which reports). nats-server drops a mapping it cannot load without telling the
 * client (it ignores the error of {@code AddWeightedMappings}), so these rules are those of the
 * oldest server this project supports, 2.9.10 ({@code newTransform}, {@code
 * ValidateMappingDestination}), and of the jwt library's {@code Mapping.Validate}.
 */
public final class MappingRules {
    /** The mapping functions nats-server 2.9 knows, in the spelling its documentation uses. */
    private static final String[] FUNCTIONS = {"wildcard", "partition", "split", "splitFromLeft", "splitFromRight",
        "sliceFromLeft", "sliceFromRight"};
    private static final Pattern FUNCTION = Pattern.compile("\\{\\{([A-Za-z]+)\\((.*)\\)\\}\\}");

    private MappingRules() {
    }

    /**
     * Why {@code to} cannot be a destination of {@code from} (a valid subject), or null. References
     * ($1 or a mapping function such as {{wildcard(1)}}) must name one of the '*' tokens of
     * {@code from}, counted from 1. A '*' or '>' inside a token is a literal character to the server,
     * and passes here ({@link Subjects#check} refuses it).
     */
    public static String destinationProblem(String from, String to) {
        if (to.isEmpty()) {
            return "it is empty";
        }
        for (int i = 0; i < to.length(); i++) {
            if (Character.isWhitespace(to.charAt(i))) {
                return "it contains whitespace";
            }
        }
        String[] fromTokens = Subjects.tokens(from);
        int wildcards = Subjects.partialWildcardCount(from);
        boolean fromFull = fromTokens[fromTokens.length - 1].equals(">");
        String[] tokens = Subjects.tokens(to);
        int placeholders = 0;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.isEmpty()) {
                return "it has an empty token (check for \"..\" or a leading or trailing \".\")";
            }
            if (t.equals("*")) {
                return "'*' cannot be part of a destination: refer to the wildcards of the source subject with $1 or"
                        + " {{wildcard(1)}} instead";
            }
            if (t.equals(">")) {
                if (i != tokens.length - 1) {
                    return "'>' can only be the last token";
                }
                continue;
            }
            List<Long> refs;
            if (Subjects.isReference(t)) {
                refs = List.of(Long.parseLong(t.substring(1)));
            } else if (t.contains("{{") || t.contains("}}")) {
                Object parsed = function(t);
                if (parsed instanceof String) {
                    return (String) parsed;
                }
                @SuppressWarnings("unchecked")
                List<Long> r = (List<Long>) parsed;
                refs = r;
            } else {
                continue;
            }
            placeholders++;
            for (long n : refs) {
                if (n < 1 || n > wildcards) {
                    return "\"" + t + "\" refers to wildcard " + n + ", but \"" + from + "\" has "
                            + (wildcards == 0 ? "no '*' wildcards" : wildcards == 1 ? "only one '*' wildcard"
                                    : "only " + wildcards + " '*' wildcards") + " (they are counted from 1)";
                }
            }
        }
        boolean toFull = tokens[tokens.length - 1].equals(">");
        if (fromFull != toFull) {
            return fromFull ? "it must end in \">\" because \"" + from + "\" does"
                    : "it may end in \">\" only when the source subject does (\"" + from + "\" does not)";
        }
        if (placeholders < wildcards) {
            return "it has " + (placeholders == 0 ? "no reference" : placeholders == 1 ? "one reference"
                    : placeholders + " references") + " for " + (wildcards == 1 ? "the '*' wildcard" : "the "
                    + wildcards + " '*' wildcards") + " of \"" + from + "\": nats-server 2.9 ignores a mapping unless"
                    + " each '*' has its $n or {{wildcard(n)}} (or another function naming it)";
        }
        return null;
    }

    /** The wildcard numbers a mapping function token refers to, or a String saying what is wrong. */
    private static Object function(String token) {
        Matcher m = FUNCTION.matcher(token);
        if (!m.matches()) {
            return "\"" + token + "\" is not a mapping function: a function is a whole token, like {{wildcard(1)}}";
        }
        String name = null;
        for (String f : FUNCTIONS) {
            if (goSpelling(m.group(1), f)) {
                name = f;
            }
        }
        if (name == null) {
            return "\"" + token + "\" uses an unknown mapping function \"" + m.group(1) + "\" (nats-server 2.9 knows "
                    + String.join(", ", FUNCTIONS) + ")";
        }
        String[] args = m.group(2).split(",", -1);
        List<Long> refs = new ArrayList<>();
        switch (name) {
            case "wildcard":
                if (args.length != 1 || args[0].isEmpty()) {
                    return "\"" + token + "\": wildcard takes one argument, the number of a '*' wildcard";
                }
                return wildcardNumber(token, args[0], refs) ? refs : invalid(token, args[0]);
            case "partition":
                if (args.length < 2) {
                    return "\"" + token + "\": partition takes the number of partitions and at least one wildcard number";
                }
                Long n = goAtoi(args[0]);
                if (n == null || n < 1) {
                    return "\"" + token + "\": the number of partitions must be at least 1, found \"" + args[0] + "\"";
                }
                for (int i = 1; i < args.length; i++) {
                    if (!wildcardNumber(token, args[i], refs)) {
                        return invalid(token, args[i]);
                    }
                }
                return refs;
            case "split":
                if (args.length != 2) {
                    return "\"" + token + "\": split takes a wildcard number and a delimiter";
                }
                return wildcardNumber(token, args[0], refs) ? refs : invalid(token, args[0]);
            default:
                if (args.length != 2) {
                    return "\"" + token + "\": " + name + " takes a wildcard number and a position";
                }
                if (!wildcardNumber(token, args[0], refs)) {
                    return invalid(token, args[0]);
                }
                Long position = goAtoi(args[1]);
                if (position == null || position < 1) {
                    return "\"" + token + "\": the position must be a number of at least 1, found \"" + args[1] + "\"";
                }
                return refs;
        }
    }

    private static boolean wildcardNumber(String token, String arg, List<Long> refs) {
        Long n = goAtoi(arg);
        if (n == null) {
            return false;
        }
        refs.add(n);
        return true;
    }

    private static String invalid(String token, String arg) {
        return "\"" + token + "\": \"" + arg + "\" is not a wildcard number";
    }

    /** The server's regular expressions accept each word's first letter in either case: splitFromLeft, SplitfromLeft. */
    private static boolean goSpelling(String given, String canonical) {
        if (given.length() != canonical.length()) {
            return false;
        }
        for (int i = 0; i < given.length(); i++) {
            char c = canonical.charAt(i);
            char g = given.charAt(i);
            boolean free = i == 0 || Character.isUpperCase(c);
            if (free ? Character.toLowerCase(g) != Character.toLowerCase(c) : g != c) {
                return false;
            }
        }
        return true;
    }

    /** Go's strconv.Atoi: optional sign and decimal digits fitting 64 bits; null otherwise. */
    static Long goAtoi(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int i = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        if (i == s.length()) {
            return null;
        }
        for (int j = i; j < s.length(); j++) {
            if (s.charAt(j) < '0' || s.charAt(j) > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s.charAt(0) == '+' ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * What is wrong with the destinations of one source subject: a weight above 100, the same
     * destination twice (nats-server refuses that even in different clusters), and weights adding
     * up to more than 100% among the entries for every cluster or among those of one cluster. An
     * entry without weight counts as 100, as the server counts it.
     */
    public static List<String> weightProblems(String from, List<WeightedMapping> to) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (WeightedMapping m : to) {
            if (m.weight() > 100) {
                out.add("mapping \"" + from + "\" -> \"" + m.subject() + "\" has weight " + m.weight()
                        + ": a weight is 1 to 100 (percent)");
            }
            if (seen.merge(m.subject(), 1, Integer::sum) == 2) {
                out.add("mapping \"" + from + "\" has the destination \"" + m.subject() + "\" more than once:"
                        + " nats-server ignores such a mapping, even when the entries are for different clusters");
            }
        }
        for (Map.Entry<String, List<WeightedMapping>> g : byCluster(to).entrySet()) {
            int sum = 0;
            for (WeightedMapping m : g.getValue()) {
                sum += m.effectiveWeight();
            }
            if (sum > 100) {
                out.add("the weights of mapping \"" + from + "\"" + where(g.getKey()) + " add up to " + sum + "% ("
                        + shares(g.getValue()) + "): they may add up to 100% at most");
            }
        }
        return out;
    }

    /**
     * nats-server 2.9 adds the weights of every cluster together (2.10 and later add each cluster's
     * apart): a note when that sum is above 100 although each cluster's is not, or null.
     */
    public static String olderServerNote(String from, List<WeightedMapping> to) {
        Map<String, List<WeightedMapping>> groups = byCluster(to);
        if (groups.size() < 2) {
            return null;
        }
        int total = 0;
        for (WeightedMapping m : to) {
            total += m.effectiveWeight();
        }
        if (total <= 100) {
            return null;
        }
        for (List<WeightedMapping> g : groups.values()) {
            int sum = 0;
            for (WeightedMapping m : g) {
                sum += m.effectiveWeight();
            }
            if (sum > 100) {
                return null; // reported as an error already
            }
        }
        return "the weights of mapping \"" + from + "\" add up to " + total + "% over all clusters: nats-server 2.9"
                + " ignores the mapping (2.10 and later add up each cluster's weights apart)";
    }

    /** Entries by cluster ("" first when present), in the order they appear. */
    public static Map<String, List<WeightedMapping>> byCluster(List<WeightedMapping> to) {
        Map<String, List<WeightedMapping>> groups = new LinkedHashMap<>();
        for (WeightedMapping m : to) {
            if (m.cluster().isEmpty()) {
                groups.computeIfAbsent("", k -> new ArrayList<>()).add(m);
            }
        }
        for (WeightedMapping m : to) {
            if (!m.cluster().isEmpty()) {
                groups.computeIfAbsent(m.cluster(), k -> new ArrayList<>()).add(m);
            }
        }
        return groups;
    }

    private static String where(String cluster) {
        return cluster.isEmpty() ? "" : " in cluster \"" + cluster + "\"";
    }

    private static String shares(List<WeightedMapping> group) {
        StringBuilder sb = new StringBuilder();
        for (WeightedMapping m : group) {
            sb.append(sb.length() == 0 ? "" : ", ").append(m.subject()).append(' ').append(m.effectiveWeight()).append('%');
        }
        return sb.toString();
    }
}
