package dev.jnsc.cli;

import dev.jnsc.ops.OpsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The values a command was given, by option name. A value given empty is refused, never read as
 * "not given": {@code --tag ''} or {@code --allow-pub a,,b} are mistakes, not requests to do nothing.
 */
final class Args {
    /** Options where an empty value means something: it clears the field. */
    private static final Set<String> EMPTY_CLEARS = Set.of("--description", "--info-url", "--trace-context-subject");
    /**
     * Options that pick the entity a command changes: given twice with different values, the last
     * would silently win and the command would edit or delete what the user may not have meant.
     */
    private static final Set<String> SELECTORS = Set.of("--name", "--account");

    private final ParseResult result;
    /** Values answered at -i prompts, by option name (long form) or "#index" for a positional. */
    private final Map<String, Object> answered = new HashMap<>();

    Args(ParseResult result) {
        this.result = result;
    }

    /**
     * Sets an option as if it had been given (an answer at a -i prompt), so that run() reads flags
     * and answers alike; null forgets it. {@code name} is the long name run() reads it by.
     */
    Args set(String name, String value) {
        answered.put(name, value);
        return this;
    }

    /** Sets a boolean flag (see {@link #set}). */
    Args set(String name, boolean value) {
        answered.put(name, value);
        return this;
    }

    /** Sets a list option (see {@link #set}). */
    Args set(String name, List<String> values) {
        answered.put(name, List.copyOf(values));
        return this;
    }

    /** Sets the positional parameter at {@code index} (see {@link #set}). */
    Args setPositional(int index, String value) {
        answered.put("#" + index, value);
        return this;
    }

    /** The option's value, or null when it was not given; an empty value is refused. */
    String str(String name) {
        if (answered.containsKey(name)) {
            Object v = answered.get(name);
            return v == null ? null : v.toString();
        }
        OptionSpec o = result.matchedOption(name);
        if (o == null) {
            return null;
        }
        String v = result.matchedOptionValue(name, null);
        if (SELECTORS.contains(name)) {
            Set<String> given = new LinkedHashSet<>(o.originalStringValues());
            given.add(v == null ? "" : v);
            if (given.size() > 1) {
                throw new UsageException(o.longestName() + " was given more than once, with different values ("
                        + quoted(given) + "): give it once");
            }
        }
        if ((v == null || v.isBlank()) && !EMPTY_CLEARS.contains(o.longestName())) {
            throw empty(o, v);
        }
        return v;
    }

    boolean flag(String name) {
        if (answered.containsKey(name)) {
            return Boolean.TRUE.equals(answered.get(name));
        }
        Boolean b = result.matchedOptionValue(name, Boolean.FALSE);
        return b != null && b;
    }

    boolean has(String name) {
        if (answered.containsKey(name)) {
            return answered.get(name) != null;
        }
        return result.hasMatchedOption(name);
    }

    /**
     * Every value of a list option (comma lists and repeats), trimmed. An empty value, or an empty
     * item in a comma list ("a,,b", "a,"), is refused.
     */
    @SuppressWarnings("unchecked")
    List<String> list(String name) {
        if (answered.containsKey(name)) {
            Object v = answered.get(name);
            return v == null ? new ArrayList<>() : new ArrayList<>((List<String>) v);
        }
        OptionSpec o = result.matchedOption(name);
        if (o == null) {
            return new ArrayList<>();
        }
        List<String> originals = o.originalStringValues();
        if (originals.isEmpty()) {
            throw empty(o, "");
        }
        for (String raw : originals) {
            if (raw == null || raw.isBlank()) {
                throw empty(o, raw);
            }
            for (String item : raw.split(",", -1)) {
                if (item.isBlank()) {
                    throw new OpsException(o.longestName() + " \"" + raw + "\" has an empty item: expected a comma list of "
                            + o.paramLabel());
                }
            }
        }
        List<String> raw = result.matchedOptionValue(name, List.of());
        List<String> out = new ArrayList<>();
        for (String s : raw) {
            out.add(s.trim());
        }
        return out;
    }

    private static OpsException empty(OptionSpec o, String v) {
        return new OpsException(o.longestName() + " \"" + (v == null ? "" : v) + "\" is empty: expected "
                + o.paramLabel());
    }

    private static String quoted(Set<String> values) {
        StringBuilder sb = new StringBuilder();
        for (String s : values) {
            sb.append(sb.length() == 0 ? "" : ", ").append('"').append(s).append('"');
        }
        return sb.toString();
    }

    /** A long option value, or null; fails naming the flag when it is not a number. */
    Long number(String name) {
        String v = str(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new OpsException(name + " \"" + v + "\" is not a number");
        }
    }

    /** The description of the positional parameter at {@code index}, e.g. "user name". */
    String positionalHelp(int index) {
        for (PositionalParamSpec p : result.commandSpec().positionalParameters()) {
            if (p.index().min() == index && p.description().length > 0) {
                return p.description()[0];
            }
        }
        return "argument " + (index + 1);
    }

    /** The positional parameter at {@code index}, or null. */
    String positional(int index) {
        if (answered.containsKey("#" + index)) {
            return (String) answered.get("#" + index);
        }
        List<PositionalParamSpec> matched = result.matchedPositionals();
        for (PositionalParamSpec p : matched) {
            if (p.index().min() == index) {
                Object v = p.getValue();
                return v == null ? null : v.toString();
            }
        }
        return null;
    }
}
