package dev.jnsc.cli;

import dev.jnsc.jwt.GoQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A word that names no command of its group. Reported as the Go nsc (cobra) reports it, with the
 * group's visible commands within a Levenshtein distance of 2 of the word (letter case aside) or
 * starting with it, in name order:
 *
 * <pre>
 * Error: unknown command "ad" for "nsc"
 *
 * Did you mean this?
 * 	add
 * 	load
 *
 * Run 'nsc --help' for usage.
 * </pre>
 */
final class UnknownCommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** cobra's SuggestionsMinimumDistance default. */
    static final int DISTANCE = 2;
    /**
     * The root's commands left out of its help (the Go nsc's top-level pub, reply, req, rtt and sub,
     * see ToolCommands): not suggested, as cobra suggests only available commands.
     */
    static final Set<String> HIDDEN_AT_ROOT = Set.of("pub", "reply", "req", "rtt", "sub");

    private final String group;

    /**
     * @param word the word typed
     * @param group the group's command path ("nsc", "nsc add")
     * @param names the group's command names (no aliases: cobra does not suggest them)
     */
    UnknownCommandException(String word, String group, List<String> names) {
        super(text(word, group, names));
        this.group = group;
    }

    String group() {
        return group;
    }

    private static String text(String word, String group, List<String> names) {
        StringBuilder b = new StringBuilder("unknown command " + GoQuote.quote(word) + " for " + GoQuote.quote(group));
        List<String> near = suggestions(word, names, group.equals("nsc"));
        if (!near.isEmpty()) {
            b.append("\n\nDid you mean this?\n");
            for (String n : near) {
                b.append('\t').append(n).append('\n');
            }
        }
        return b.toString();
    }

    /** The names near {@code word}, in name order. */
    static List<String> suggestions(String word, List<String> names, boolean root) {
        String typed = word.toLowerCase(Locale.ROOT);
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        List<String> near = new ArrayList<>();
        for (String name : sorted) {
            if (root && HIDDEN_AT_ROOT.contains(name)) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (distance(typed, lower) <= DISTANCE || lower.startsWith(typed)) {
                near.add(name);
            }
        }
        return near;
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
