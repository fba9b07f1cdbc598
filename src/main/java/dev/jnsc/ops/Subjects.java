package dev.jnsc.ops;

/** NATS subject rules: dot-separated non-empty tokens, "*" and ">" only as whole tokens, ">" last. */
public final class Subjects {
    private Subjects() {
    }

    /** Checks a subject (wildcards allowed); fails naming the flag, the value and the rule broken. */
    public static String check(String flag, String subject) {
        String s = subject == null ? "" : subject.trim();
        String problem = problem(s);
        if (problem != null) {
            throw new OpsException(flag + " \"" + subject + "\" is not a valid subject: " + problem);
        }
        return s;
    }

    /** A subscribe permission: a subject, optionally followed by one space and a queue name. */
    public static String checkWithQueue(String flag, String value) {
        String v = value == null ? "" : value.trim();
        int sp = v.indexOf(' ');
        if (sp < 0) {
            return check(flag, v);
        }
        String subject = v.substring(0, sp);
        String queue = v.substring(sp + 1).trim();
        if (queue.isEmpty() || queue.indexOf(' ') >= 0 || queue.indexOf('\t') >= 0) {
            throw new OpsException(flag + " \"" + value + "\" is not valid: expected \"<subject>\" or \"<subject> <queue>\"");
        }
        String problem = problem(queue);
        if (problem != null) {
            throw new OpsException(flag + " \"" + value + "\" has an invalid queue name: " + problem);
        }
        return check(flag, subject) + " " + queue;
    }

    static String problem(String s) {
        if (s.isEmpty()) {
            return "it is empty";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                return "it contains whitespace";
            }
        }
        String[] tokens = s.split("\\.", -1);
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.isEmpty()) {
                return "it has an empty token (check for \"..\" or a leading or trailing \".\")";
            }
            if (t.length() > 1 && (t.indexOf('*') >= 0 || t.indexOf('>') >= 0)) {
                return "wildcards '*' and '>' must be whole tokens";
            }
            if (t.equals(">") && i != tokens.length - 1) {
                return "'>' can only be the last token";
            }
        }
        return null;
    }
}
