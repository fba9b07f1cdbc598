package dev.jnsc.env;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the process was started with: environment variables, home and working folders. Injected
 * everywhere instead of reading {@code System.getenv}, so tests run with their own.
 */
public final class Environment {
    private final Map<String, String> vars;
    private final Path home;
    private final Path cwd;
    /** True for the process's own environment: only then is the real stderr looked at. */
    private final boolean system;
    private Boolean stderrTerminal;

    public Environment(Map<String, String> vars, Path home, Path cwd) {
        this(vars, home, cwd, false);
    }

    private Environment(Map<String, String> vars, Path home, Path cwd, boolean system) {
        this.vars = Map.copyOf(vars);
        this.home = home.toAbsolutePath().normalize();
        this.cwd = cwd.toAbsolutePath().normalize();
        this.system = system;
    }

    /** The real process environment; the home folder is $HOME when set, as Go programs use it. */
    public static Environment system() {
        String home = System.getenv("HOME");
        if (home == null || home.isEmpty()) {
            home = System.getProperty("user.home");
        }
        return new Environment(System.getenv(), Path.of(home), Path.of(System.getProperty("user.dir")), true);
    }

    /**
     * Whether standard error is a terminal, so that long commands may show a progress line there.
     * {@code JNSC_PROGRESS=1} or {@code 0} says so outright (tests, or to silence it); else
     * {@code TERM=dumb} says no; else, for the process's own environment only, the launcher's
     * {@code -Djnsc.stderr.tty} (its shell's {@code [ -t 2 ]}) or, without it, where Linux's
     * /proc/self/fd/2 points. Anything else (an environment made by a test, no /proc) is no
     * terminal: then nothing is printed. Decided once, on first use.
     */
    public synchronized boolean stderrIsTerminal() {
        if (stderrTerminal == null) {
            stderrTerminal = detectStderrTerminal();
        }
        return stderrTerminal;
    }

    private boolean detectStderrTerminal() {
        String forced = get("JNSC_PROGRESS");
        if (forced != null) {
            return forced.equals("1") || forced.equalsIgnoreCase("true");
        }
        if ("dumb".equals(get("TERM")) || !system) {
            return false;
        }
        String fromLauncher = System.getProperty("jnsc.stderr.tty");
        if (fromLauncher != null) {
            return fromLauncher.equals("true");
        }
        try {
            String target = java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * Whether standard input and standard output are both a terminal (for -i/--interactive). Only
     * the process's own environment can be: the launcher's {@code -Djnsc.tty} (its shell's
     * {@code [ -t 0 ] && [ -t 1 ]}) says so, or, without it, Java's console (Java 17 has one exactly
     * when both are a terminal). An environment made by a test never is.
     */
    public boolean isTerminal() {
        if (!system) {
            return false;
        }
        String fromLauncher = System.getProperty("jnsc.tty");
        if (fromLauncher != null) {
            return fromLauncher.equals("true");
        }
        return System.console() != null;
    }

    /** Every variable (read-only), for lookups by pattern such as NSC_<name>_OPERATOR. */
    public Map<String, String> vars() {
        return vars;
    }

    /** The variable's value, or null when unset or empty. */
    public String get(String name) {
        String v = vars.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** The value of the variable whose name equals {@code name} in any case, or null when none is set. */
    public String getIgnoringCase(String name) {
        for (Map.Entry<String, String> e : vars.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isEmpty()) {
                return e.getValue();
            }
        }
        return null;
    }

    public boolean isSet(String name) {
        return get(name) != null;
    }

    public Path home() {
        return home;
    }

    public Path cwd() {
        return cwd;
    }

    /** Resolves a user-given path against the working folder, expanding a leading "~". */
    public Path path(String p) {
        if (p.equals("~")) {
            return home;
        }
        if (p.startsWith("~/")) {
            return home.resolve(p.substring(2)).normalize();
        }
        return cwd.resolve(p).toAbsolutePath().normalize();
    }

    /** A path as nsc prints it: under the home folder shown as "~/...". */
    public String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (abs.startsWith(home) && !abs.equals(home)) {
            return "~/" + home.relativize(abs);
        }
        return abs.toString();
    }

    /**
     * A path as the Go nsc prints it in its status lines ({@code %#q} of its AbbrevHomePaths):
     * between backticks, the home folder shown as "~".
     */
    public String quoted(Path p) {
        return backquote(display(p));
    }

    /**
     * A path the user gave (such as an -o file) as the Go nsc prints it: as given, a leading home
     * folder shown as "~", between backticks.
     */
    public String quotedAsGiven(String given) {
        String h = home.toString();
        return backquote(given.startsWith(h) ? "~" + given.substring(h.length()) : given);
    }

    /** Go's {@code %#q}: backticks when the text can be back-quoted, else a double-quoted string. */
    public static String backquote(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '`' || c == '\uFEFF' || (c < ' ' && c != '\t') || c == 0x7f) {
                return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            }
        }
        return "`" + s + "`";
    }
}
