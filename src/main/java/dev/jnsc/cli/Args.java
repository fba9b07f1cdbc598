package dev.jnsc.cli;

import dev.jnsc.ops.OpsException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/** The values a command was given, by option name. */
final class Args {
    private final ParseResult result;

    Args(ParseResult result) {
        this.result = result;
    }

    /** The option's value, or null when it was not given. */
    String str(String name) {
        return result.matchedOptionValue(name, null);
    }

    boolean flag(String name) {
        Boolean b = result.matchedOptionValue(name, Boolean.FALSE);
        return b != null && b;
    }

    boolean has(String name) {
        return result.hasMatchedOption(name);
    }

    /** Every value of a list option, trimmed, empty entries dropped. */
    List<String> list(String name) {
        List<String> raw = result.matchedOptionValue(name, List.of());
        List<String> out = new ArrayList<>();
        for (String s : raw) {
            if (s != null && !s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
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

    /** The positional parameter at {@code index}, or null. */
    String positional(int index) {
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
