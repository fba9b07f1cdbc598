package dev.jnsc.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@code validate} found about one operator, account or JWT: errors (the JWT, or part of
 * it, will not work as meant) and warnings (worth a look, but not broken). A view made with
 * {@link #about} adds a prefix such as {@code user "u": } to what is added through it.
 */
public final class Findings {
    public enum Severity { ERROR, WARNING }

    public record Finding(Severity severity, String message) {
    }

    private final List<Finding> list;
    private final String prefix;

    public Findings() {
        this(new ArrayList<>(), "");
    }

    private Findings(List<Finding> list, String prefix) {
        this.list = list;
        this.prefix = prefix;
    }

    /** A view adding to the same list, each message after {@code what + ": "}. */
    public Findings about(String what) {
        return new Findings(list, prefix + what + ": ");
    }

    public void error(String message) {
        list.add(new Finding(Severity.ERROR, prefix + message));
    }

    public void warn(String message) {
        list.add(new Finding(Severity.WARNING, prefix + message));
    }

    public List<Finding> list() {
        return Collections.unmodifiableList(list);
    }

    public boolean hasErrors() {
        for (Finding f : list) {
            if (f.severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
    }
}
