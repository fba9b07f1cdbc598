package dev.jnsc.ops;

/**
 * NATS subject rules: dot-separated non-empty tokens, "*" and ">" only as whole tokens, ">" last;
 * and the comparisons exports, imports and mappings need, as nats-server and the jwt library make
 * them. The comparisons take subjects as they are (checked or not) and never throw.
 */
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

    /** True when {@link #check} would accept the subject. */
    public static boolean isValid(String subject) {
        return subject != null && problem(subject) == null;
    }

    /**
     * What the jwt library's {@code Subject.Validate} reports first, or null. The Go nsc checks
     * export, import and mapping subjects only this far: it accepts "a>b", "x*" and "a.>.b", which
     * {@link #check} refuses.
     */
    public static String libraryProblem(String subject) {
        if (subject == null || subject.isEmpty()) {
            return "subject cannot be empty";
        }
        if (subject.indexOf(' ') >= 0) {
            return "subject \"" + subject + "\" cannot have spaces";
        }
        if (subject.charAt(0) == '.' || subject.charAt(subject.length() - 1) == '.') {
            return "subject \"" + subject + "\" cannot start or end with a `.`";
        }
        if (subject.contains("..")) {
            return "subject \"" + subject + "\" cannot contain consecutive `.`";
        }
        return null;
    }

    /** True when a token is "*" or ">". */
    public static boolean hasWildcards(String subject) {
        for (String t : tokens(subject)) {
            if (isWildcard(t)) {
                return true;
            }
        }
        return false;
    }

    /** How many tokens are "*". */
    public static int partialWildcardCount(String subject) {
        int n = 0;
        for (String t : tokens(subject)) {
            if (t.equals("*")) {
                n++;
            }
        }
        return n;
    }

    public static int tokenCount(String subject) {
        return tokens(subject).length;
    }

    /** The token at a 1-based position, or null when the subject has fewer tokens. */
    public static String token(String subject, int position) {
        String[] t = tokens(subject);
        return position >= 1 && position <= t.length ? t[position - 1] : null;
    }

    /** True when the token at a 1-based position is "*": what an export's account token position must point at. */
    public static boolean isPartialWildcardAt(String subject, int position) {
        return "*".equals(token(subject, position));
    }

    /**
     * nats-server's {@code subjectIsSubsetMatch}: every literal subject that {@code subject} matches
     * is also matched by {@code test} ("foo.*" is a subset of "foo.>" and of "*.*", not of "foo.bar").
     * Like the server, a token that starts with '*' counts as a wildcard in {@code test}.
     */
    public static boolean isSubsetMatch(String subject, String test) {
        return isSubsetMatch(tokens(subject), tokens(test));
    }

    private static boolean isSubsetMatch(String[] tokens, String[] test) {
        for (int i = 0; i < test.length; i++) {
            if (i >= tokens.length) {
                return false;
            }
            String t2 = test[i];
            if (t2.isEmpty()) {
                return false;
            }
            if (t2.equals(">")) {
                return true;
            }
            String t1 = tokens[i];
            if (t1.isEmpty() || t1.equals(">")) {
                return false;
            }
            if (t1.equals("*")) {
                if (!t2.equals("*")) {
                    return false;
                }
                continue;
            }
            if (t2.charAt(0) != '*' && !t1.equals(t2)) {
                return false;
            }
        }
        return tokens.length == test.length;
    }

    /**
     * nats-server's {@code SubjectsCollide}: true when some literal subject matches both ("foo.*" and
     * "*.foo" collide at "foo.foo"; "foo.*" and "foo.*.bar.>" never do).
     */
    public static boolean collide(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String[] ta = tokens(a);
        String[] tb = tokens(b);
        boolean pwcA = contains(ta, "*");
        boolean fwcA = contains(ta, ">");
        boolean pwcB = contains(tb, "*");
        boolean fwcB = contains(tb, ">");
        boolean literalA = !pwcA && !fwcA;
        boolean literalB = !pwcB && !fwcB;
        if (literalA && literalB) {
            return false;
        }
        if (literalA) {
            return isSubsetMatch(ta, tb);
        }
        if (literalB) {
            return isSubsetMatch(tb, ta);
        }
        if (ta.length != tb.length) {
            // the shorter one reaches past its end only with a ">"
            if (ta.length < tb.length ? !fwcA : !fwcB) {
                return false;
            }
        }
        int stop = Math.min(ta.length, tb.length);
        for (int i = 0; i < stop; i++) {
            if (!tokensCanMatch(ta[i], tb[i])) {
                return false;
            }
        }
        return true;
    }

    /** As the server: any token starting with a wildcard character may match. */
    private static boolean tokensCanMatch(String t1, String t2) {
        if (t1.isEmpty() || t2.isEmpty()) {
            return false;
        }
        char c1 = t1.charAt(0);
        char c2 = t2.charAt(0);
        return c1 == '*' || c2 == '*' || c1 == '>' || c2 == '>' || t1.equals(t2);
    }

    /**
     * The jwt library's {@code Subject.IsContainedIn}, which export and import validation use:
     * token by token, a "*" in {@code other} takes any token of {@code subject} (a wildcard too) and a
     * final ">" takes the rest ("one.two.three" is in "one.*.three" and "one.>", "one" is not in "one.>").
     */
    public static boolean isContainedIn(String subject, String other) {
        String[] mine = tokens(subject);
        String[] theirs = tokens(other);
        boolean otherEndsWithFwc = theirs[theirs.length - 1].equals(">");
        if (mine.length < theirs.length || (mine.length > theirs.length && !otherEndsWithFwc)) {
            return false;
        }
        for (int i = 0; i < theirs.length; i++) {
            String tok = theirs[i];
            if (i == theirs.length - 1 && tok.equals(">")) {
                return true;
            }
            if (!tok.equals(mine[i]) && !tok.equals("*")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The jwt library's {@code RenamingSubject.ToSubject}: an import's local subject with its
     * "$1"-style references to the remote subject's "*" tokens turned into "*" ("acct.$1.>" gives
     * "acct.*.>"), the form import overlap checks compare.
     */
    public static String referencesAsWildcards(String localSubject) {
        if (localSubject.indexOf('$') < 0) {
            return localSubject;
        }
        String[] t = tokens(localSubject);
        StringBuilder sb = new StringBuilder(localSubject.length());
        for (int i = 0; i < t.length; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(isReference(t[i]) ? "*" : t[i]);
        }
        return sb.toString();
    }

    /** "$" followed by what Go's strconv.Atoi accepts: an optional sign and decimal digits that fit in 64 bits. */
    static boolean isReference(String token) {
        if (token.length() < 2 || token.charAt(0) != '$') {
            return false;
        }
        int i = 1;
        if (token.charAt(i) == '+' || token.charAt(i) == '-') {
            i++;
        }
        if (i == token.length()) {
            return false;
        }
        for (int j = i; j < token.length(); j++) {
            char c = token.charAt(j);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        try {
            Long.parseLong(token.substring(1));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isWildcard(String token) {
        return token.equals("*") || token.equals(">");
    }

    private static boolean contains(String[] tokens, String wildcard) {
        for (String t : tokens) {
            if (t.equals(wildcard)) {
                return true;
            }
        }
        return false;
    }

    /** The tokens between dots, empty ones included ("a..b" has three). */
    static String[] tokens(String subject) {
        int n = 1;
        for (int i = 0; i < subject.length(); i++) {
            if (subject.charAt(i) == '.') {
                n++;
            }
        }
        String[] out = new String[n];
        int start = 0;
        int k = 0;
        for (int i = 0; i < subject.length(); i++) {
            if (subject.charAt(i) == '.') {
                out[k++] = subject.substring(start, i);
                start = i + 1;
            }
        }
        out[k] = subject.substring(start);
        return out;
    }
}
