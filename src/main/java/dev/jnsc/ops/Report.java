package dev.jnsc.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a command did, as lines nsc prints with "[ OK ]", "[WARN]" or "[ERR ]". */
public final class Report {
    public enum Status { OK, WARN, ERR }

    public record Line(Status status, String message) {
    }

    private final List<Line> lines = new ArrayList<>();

    public Report ok(String message) {
        lines.add(new Line(Status.OK, message));
        return this;
    }

    public Report warn(String message) {
        lines.add(new Line(Status.WARN, message));
        return this;
    }

    public Report err(String message) {
        lines.add(new Line(Status.ERR, message));
        return this;
    }

    public Report addAll(Report other) {
        lines.addAll(other.lines);
        return this;
    }

    public List<Line> lines() {
        return Collections.unmodifiableList(lines);
    }

    public boolean hasErrors() {
        for (Line l : lines) {
            if (l.status() == Status.ERR) {
                return true;
            }
        }
        return false;
    }
}
