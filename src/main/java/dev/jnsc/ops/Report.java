package dev.jnsc.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a command did: the lines nsc prints with "[ OK ]", "[WARN]" or "[ERR ]", and as data what
 * it created or changed ({@link Change}) and what servers answered ({@link Reply}), which --json
 * prints. The entities behind the files a command writes (operator, account and user JWTs, keys,
 * creds) need no change here: the workspace knows each file it committed.
 */
public final class Report {
    public enum Status { OK, WARN, ERR }

    public record Line(Status status, String message) {
    }

    /**
     * Something a command created, changed or removed. {@code action} is a verb in the past
     * ("added", "edited", "deleted", "revoked", ...), {@code kind} the noun ("export", "import",
     * "mapping", "signing_key", "revocation", "activation", ...); the other fields are null when they
     * do not apply.
     */
    public record Change(String action, String kind, String name, String subject, String publicKey, String account,
            String operator, String path, String jwt) {
        public static Change of(String action, String kind) {
            return new Change(action, kind, null, null, null, null, null, null, null);
        }

        public Change withName(String v) {
            return new Change(action, kind, v, subject, publicKey, account, operator, path, jwt);
        }

        public Change withSubject(String v) {
            return new Change(action, kind, name, v, publicKey, account, operator, path, jwt);
        }

        public Change withPublicKey(String v) {
            return new Change(action, kind, name, subject, v, account, operator, path, jwt);
        }

        public Change withAccount(String v) {
            return new Change(action, kind, name, subject, publicKey, v, operator, path, jwt);
        }

        public Change withOperator(String v) {
            return new Change(action, kind, name, subject, publicKey, account, v, path, jwt);
        }

        public Change withPath(String v) {
            return new Change(action, kind, name, subject, publicKey, account, operator, v, jwt);
        }

        public Change withJwt(String v) {
            return new Change(action, kind, name, subject, publicKey, account, operator, path, v);
        }
    }

    /** One server's answer to a push or pull of one account (or a removal): its URL or name, ok, message. */
    public record Reply(String account, String server, boolean ok, String message) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<Reply> replies = new ArrayList<>();

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

    /** Records something the command created, changed or removed (see {@link Change}). */
    public Report change(Change c) {
        changes.add(c);
        return this;
    }

    /** Records a server's answer (see {@link Reply}). */
    public Report reply(Reply r) {
        replies.add(r);
        return this;
    }

    public Report addAll(Report other) {
        lines.addAll(other.lines);
        changes.addAll(other.changes);
        replies.addAll(other.replies);
        return this;
    }

    public List<Line> lines() {
        return Collections.unmodifiableList(lines);
    }

    public List<Change> changes() {
        return Collections.unmodifiableList(changes);
    }

    public List<Reply> replies() {
        return Collections.unmodifiableList(replies);
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
