package dev.jnsc.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one harness that compares jnsc with the Go nsc (the reference build named by
 * {@code JNSC_REF_NSC}): every command runs through both binaries, each in its own sandbox (its
 * own config, stores and keystore folders, given as global flags, and its own HOME), and what
 * they leave on disk is compared after normalising what must differ: public keys become labels
 * named after their entity ({@code A:B} for account B, {@code U:B/u} for its user u, signing
 * keys by the order in which the commands printed them), {@code jti} and {@code iat} go, and other
 * times become offsets from {@code iat}. JWTs compare as their decoded claims (decorated ones and
 * the activation tokens inside imports too), creds files as their JWT and whose seed they hold,
 * seeds as whose seed they are; modes compare too. Besides the three folders, files written with
 * {@code -o out/<name>} (relative to the sandbox's HOME, where commands run) are compared.
 */
public final class Differential {
    private static final Pattern KEY = Pattern.compile("\\b[OACUNX][A-Z2-7]{55}\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One binary in its sandbox. */
    public static final class Side {
        final String name;
        final Path exe;
        final Path root;
        /** Keys in the order the commands first printed them. */
        final List<String> printed = new ArrayList<>();
        /** Variables both binaries get besides the sandbox's (see {@link Differential#env}). */
        final Map<String, String> extraEnv = new LinkedHashMap<>();
        /** Keys entities had before a command gave them new ones (see {@link #rememberIdentities}). */
        final Map<String, String> former = new LinkedHashMap<>();

        Side(String name, Path exe, Path root) {
            this.name = name;
            this.exe = exe;
            this.root = root;
        }

        public Path stores() {
            return root.resolve("stores");
        }

        public Path keys() {
            return root.resolve("keys");
        }

        public Path config() {
            return root.resolve("cfg");
        }

        /** Where commands run ({@code HOME} too): relative -o paths and --token files land here. */
        public Path home() {
            return root.resolve("home");
        }

        /** Files commands write with {@code -o out/<name>}: compared like the three folders. */
        public Path output() {
            return home().resolve("out");
        }

        /** natscli's context folder under the sandbox's XDG_CONFIG_HOME (generate context writes there). */
        public Path natsContexts() {
            return home().resolve("xdg-config").resolve("nats").resolve("context");
        }

        Executable.Result run(String... args) throws IOException, InterruptedException {
            Executable.Result r = executable().run(argv(args));
            remember(r);
            return r;
        }

        /** Starts the command; its stdout and stderr go to the two files. */
        Process start(Path out, Path err, String... args) throws IOException {
            return executable().start(out, err, argv(args));
        }

        private Executable executable() throws IOException {
            Files.createDirectories(output());
            return new Executable(exe, home()).env("NSC_HOME", null).env("NKEYS_PATH", null).env(extraEnv);
        }

        private String[] argv(String[] args) {
            List<String> all = new ArrayList<>(List.of("--config-dir", config().toString(), "--data-dir",
                    stores().toString(), "--keystore-dir", keys().toString()));
            all.addAll(List.of(args));
            return all.toArray(new String[0]);
        }

        /** Keys the command printed, in order (see {@link #printed}). */
        void remember(Executable.Result r) {
            Matcher m = KEY.matcher(r.out() + "\n" + r.err());
            while (m.find()) {
                if (!printed.contains(m.group())) {
                    printed.add(m.group());
                }
            }
        }
    }

    /** What both did for one command. */
    public record Step(String command, Executable.Result go, Executable.Result java) {
    }

    private final Side go;
    private final Side java;
    private final List<Step> steps = new ArrayList<>();

    /** The Go nsc reference build, or null when {@code JNSC_REF_NSC} does not name an executable file. */
    public static Path reference() {
        String p = System.getenv("JNSC_REF_NSC");
        if (p == null || p.isBlank()) {
            p = System.getProperty("jnsc.ref.nsc");
        }
        if (p == null || p.isBlank() || !Files.isExecutable(Path.of(p))) {
            return null;
        }
        return Path.of(p).toAbsolutePath();
    }

    /** Why a differential test is skipped: the reference build is not there. */
    public static final String SKIPPED = "skipped: JNSC_REF_NSC does not name the Go nsc reference build (.ci/run sets it)";

    /**
     * The harness for target/nsc against the reference build, in {@code dir}; the test is reported
     * skipped, saying why, when the reference build is not there.
     */
    public static Differential orSkip(Path dir) {
        Path ref = reference();
        org.junit.jupiter.api.Assumptions.assumeTrue(ref != null, SKIPPED);
        return new Differential(ref, Executable.path(), dir);
    }

    public Differential(Path goExe, Path javaExe, Path dir) {
        this.go = new Side("go", goExe, dir.resolve("go"));
        this.java = new Side("jnsc", javaExe, dir.resolve("jnsc"));
    }

    public Side go() {
        return go;
    }

    public Side java() {
        return java;
    }

    public List<Step> steps() {
        return steps;
    }

    /** Sets an environment variable for the commands of both binaries from here on (null: unsets it). */
    public Differential env(String name, String value) {
        go.extraEnv.put(name, value);
        java.extraEnv.put(name, value);
        return this;
    }

    /**
     * Runs the command through both binaries, each with {@code @last} in an argument replaced by
     * the last key that side printed (a signing key it just generated, say).
     */
    public Step runWithLastKey(String... args) throws IOException, InterruptedException {
        Step s = new Step(String.join(" ", args), go.run(withLast(go, args)), java.run(withLast(java, args)));
        steps.add(s);
        record(s, args);
        return s;
    }

    private static String[] withLast(Side side, String[] args) {
        String last = side.printed.isEmpty() ? "" : side.printed.get(side.printed.size() - 1);
        String[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i].replace("@last", last);
        }
        return out;
    }

    /**
     * A command running in the background through both binaries at once (a {@code tool sub} or
     * {@code tool reply} waiting for messages that later commands send): {@link #await} waits for a
     * line in both outputs, {@link #finish} for both ends, and logs the step. Closing it ends
     * whatever still runs.
     */
    public final class Background implements AutoCloseable {
        private final String[] args;
        private final Process goProcess;
        private final Process javaProcess;
        private final Path[] files;

        private Background(String[] args, Path[] files) throws IOException {
            this.args = args;
            this.files = files;
            this.goProcess = go.start(files[0], files[1], args);
            this.javaProcess = java.start(files[2], files[3], args);
        }

        /** Waits (at most 30 s) until both sides printed {@code text} (on stdout or stderr); false if not. */
        public boolean await(String text) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                boolean goHas = (text(files[0]) + text(files[1])).contains(text);
                boolean javaHas = (text(files[2]) + text(files[3])).contains(text);
                if (goHas && javaHas) {
                    return true;
                }
                if ((!goHas && !goProcess.isAlive()) || (!javaHas && !javaProcess.isAlive())) {
                    return false;
                }
                Thread.sleep(50);
            }
            return false;
        }

        private static String text(Path file) throws IOException {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        }

        /** Waits for both to end (at most a minute each), logs the step like {@link #run} and returns it. */
        public Step finish() throws IOException, InterruptedException {
            String what = String.join(" ", args);
            Executable.Result g = Executable.finish(goProcess, files[0], files[1], what);
            Executable.Result j = Executable.finish(javaProcess, files[2], files[3], what);
            go.remember(g);
            java.remember(j);
            Step s = new Step(what, g, j);
            steps.add(s);
            record(s, args);
            return s;
        }

        @Override
        public void close() {
            goProcess.destroyForcibly();
            javaProcess.destroyForcibly();
        }
    }

    private int backgrounds;

    /** Starts the command through both binaries at once, in the background (see {@link Background}). */
    public Background start(String... args) throws IOException {
        int n = ++backgrounds;
        Path[] files = new Path[4];
        int i = 0;
        for (Side side : List.of(go, java)) {
            Files.createDirectories(side.root);
            files[i++] = side.root.resolve("background-" + n + ".out");
            files[i++] = side.root.resolve("background-" + n + ".err");
        }
        return new Background(args, files);
    }

    /** Runs the command through both binaries, and logs whether it did the same in both (see {@link #log}). */
    public Step run(String... args) throws IOException, InterruptedException {
        Step s = new Step(String.join(" ", args), go.run(args), java.run(args));
        steps.add(s);
        record(s, args);
        return s;
    }

    /** Each side's files after the previous step: what a step changed is what differs from these. */
    private Map<String, String> goBefore = Map.of();
    private Map<String, String> javaBefore = Map.of();

    /**
     * Where every compared command is logged, one line each ({@code target/differential/steps.tsv}
     * unless {@code jnsc.differential.log} names another file): the test class, whether both did the
     * same, and the arguments. {@link DifferentialReport} counts commands and flags from it.
     */
    public static Path log() {
        String p = System.getProperty("jnsc.differential.log");
        return Path.of(p == null || p.isBlank() ? "target/differential/steps.tsv" : p);
    }

    /** One log line: the step is the same when the exits agree and so does every file either side changed. */
    private void record(Step s, String[] args) throws IOException {
        Map<String, String> g = tree(go);
        Map<String, String> j = tree(java);
        List<String> why = sameness(s, args, g, j);
        goBefore = g;
        javaBefore = j;
        String caller = StackWalker.getInstance().walk(frames -> frames.map(f -> f.getClassName())
                .filter(c -> !c.equals(Differential.class.getName())).findFirst().orElse("?"));
        StringBuilder line = new StringBuilder(caller.substring(caller.lastIndexOf('.') + 1)).append('\t')
                .append(why.isEmpty() ? "same" : "differs").append('\t');
        for (int i = 0; i < args.length; i++) {
            line.append(i == 0 ? "" : "\u001f").append(args[i].replace('\t', ' ').replace('\n', ' '));
        }
        line.append('\t').append(String.join(" | ", why).replace('\t', ' ').replace('\n', ' ')).append('\n');
        Path log = log().toAbsolutePath();
        Files.createDirectories(log.getParent());
        synchronized (Differential.class) {
            Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** Why a step did not do the same in both (empty when it did): exit, changed files, --json output. */
    private List<String> sameness(Step s, String[] args, Map<String, String> g, Map<String, String> j) {
        List<String> why = new ArrayList<>();
        if ((s.go().code() == 0) != (s.java().code() == 0)) {
            why.add("exit go " + s.go().code() + ", jnsc " + s.java().code());
        }
        TreeSet<String> changed = new TreeSet<>();
        changed(goBefore, g, changed);
        changed(javaBefore, j, changed);
        for (String p : changed) {
            if (!(g.containsKey(p) && j.containsKey(p) ? same(g.get(p), j.get(p)) : Objects.equals(g.get(p), j.get(p)))) {
                why.add(g.containsKey(p) && j.containsKey(p) ? p + " differs" : "only " + (g.containsKey(p) ? "go" : "jnsc") + " has " + p);
            }
        }
        if (comparesJson(s.command()) && s.go().code() == 0 && s.java().code() == 0
                && !same(jsonOutput(paths(go, s.go().out()), labels(go)), jsonOutput(paths(java, s.java().out()), labels(java)))) {
            why.add("--json output differs");
        }
        return why;
    }

    private static void changed(Map<String, String> before, Map<String, String> after, TreeSet<String> into) {
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String p : paths) {
            if (!Objects.equals(before.get(p), after.get(p))) {
                into.add(p);
            }
        }
    }

    /** False once a test compares --json outputs itself (see {@link #ownJsonComparison}). */
    private boolean jsonCompared = true;

    /** The test compares --json outputs itself (outputs with times of the run, such as expirations). */
    public Differential ownJsonComparison() {
        jsonCompared = false;
        return this;
    }

    /** A command whose standard output is its --json result (not a file named with -o). */
    private boolean comparesJson(String command) {
        List<String> words = List.of(command.split(" "));
        if (!jsonCompared) {
            return false;
        }
        return words.contains("--json") && !words.contains("-o") && !words.contains("--output-file");
    }

    private static final Pattern RELATIVE = Pattern.compile("iat([+-]\\d+|±0)|(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ)");

    /**
     * Two normalised contents are the same when they are equal except for times relative to
     * {@code iat} that are at most 15 s apart: the binaries do not run in the same second, so an
     * expiry of "10y" lands a second or two apart.
     */
    static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        Matcher x = RELATIVE.matcher(a);
        Matcher y = RELATIVE.matcher(b);
        int ax = 0;
        int by = 0;
        while (true) {
            boolean fx = x.find();
            boolean fy = y.find();
            if (fx != fy) {
                return false;
            }
            if (!fx) {
                return a.substring(ax).equals(b.substring(by));
            }
            if (!a.substring(ax, x.start()).equals(b.substring(by, y.start())) || (x.group(1) == null) != (y.group(1) == null)
                    || Math.abs(offset(x) - offset(y)) > 15) {
                return false;
            }
            ax = x.end();
            by = y.end();
        }
    }

    /** A relative time in seconds, or an RFC 3339 time (expirations --json) in seconds since the epoch. */
    private static long offset(Matcher m) {
        if (m.group(1) == null) {
            return Instant.parse(m.group(2)).getEpochSecond();
        }
        String s = m.group(1);
        return s.equals("±0") ? 0 : Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
    }

    /** A command's --json output with keys labelled, times relative to iat and jti gone. */
    static String jsonOutput(String out, Map<String, String> labels) {
        String text = out.strip();
        try {
            JsonNode n = JSON.readTree(text);
            if (n instanceof ObjectNode o && o.has("iat")) {
                long iat = o.get("iat").asLong();
                o.put("jti", "*");
                o.put("iat", "*");
                for (String t : List.of("exp", "nbf")) {
                    if (o.has(t)) {
                        o.put(t, "iat" + signed(o.get(t).asLong() - iat));
                    }
                }
            }
            return relabel(n, labels).toString();
        } catch (IOException e) {
            return relabel(text, labels);
        }
    }

    /**
     * Runs a command whose arguments differ per side, such as a folder inside the side's sandbox
     * ({@code init -d <stores>}); the step is named after the Go side's arguments.
     */
    public Step runEach(java.util.function.Function<Side, String[]> args) throws IOException, InterruptedException {
        String[] g = args.apply(go);
        Step s = new Step(String.join(" ", g).replace(go.root.toString(), "<sandbox>"), go.run(g), java.run(args.apply(java)));
        steps.add(s);
        record(s, g);
        return s;
    }

    /**
     * Before a command that gives entities new identity keys (reissue operator): their current keys
     * keep their label with a prime ({@code O:demo'}) once the store no longer names them.
     */
    public void rememberIdentities() {
        for (Side s : List.of(go, java)) {
            storeLabels(s).forEach((k, v) -> s.former.putIfAbsent(k, v + "'"));
        }
    }

    /**
     * A command's output as it compares: keys as labels (as in the files), the side's sandbox
     * folders as {@code <stores>}, {@code <keys>}, {@code <config>} and {@code <sandbox>}.
     */
    public static String normalise(Side side, String text) {
        return relabel(paths(side, text), labels(side));
    }

    /** The side's sandbox folders in a text as {@code <stores>}, {@code <keys>}, {@code <config>} and {@code <sandbox>}. */
    static String paths(Side side, String text) {
        return text.replace(side.stores().toString(), "<stores>").replace(side.keys().toString(), "<keys>")
                .replace(side.config().toString(), "<config>").replace(side.root.toString(), "<sandbox>");
    }

    /**
     * Fails unless the differences are exactly the known ones: each known difference is the start
     * of a difference line (the longest such start counts) and must still occur (a fixed one is
     * taken off the list).
     */
    public void assertOnly(Map<String, String> known) {
        List<String> diffs = differences();
        List<String> unexpected = new ArrayList<>();
        List<String> unused = new ArrayList<>(known.keySet());
        for (String d : diffs) {
            String match = null;
            for (String k : known.keySet()) {
                if (d.startsWith(k) && (match == null || k.length() > match.length())) {
                    match = k; // the longest: the known map's order is not defined
                }
            }
            if (match == null) {
                unexpected.add(d);
            } else {
                unused.remove(match);
            }
        }
        if (!unexpected.isEmpty() || !unused.isEmpty()) {
            throw new AssertionError("jnsc and the Go nsc differ where they should not:\n" + String.join("\n", unexpected)
                    + (unused.isEmpty() ? "" : "\nknown differences that no longer occur (take them off the list): " + unused));
        }
    }

    /** Every difference between the two sandboxes, one line each (empty when they agree). */
    public List<String> differences() {
        List<String> out = new ArrayList<>();
        for (Step s : steps) {
            if ((s.go().code() == 0) != (s.java().code() == 0)) {
                out.add("exit code of \"" + s.command() + "\": go " + s.go().code() + ", jnsc " + s.java().code()
                        + (s.java().code() != 0 ? " (" + s.java().err().strip() + ")" : " (go: " + s.go().err().strip() + ")"));
            }
        }
        Map<String, String> goLabels = labels(go);
        Map<String, String> javaLabels = labels(java);
        for (Step s : steps) {
            if (comparesJson(s.command()) && s.go().code() == 0 && s.java().code() == 0) {
                String g = jsonOutput(paths(go, s.go().out()), goLabels);
                String j = jsonOutput(paths(java, s.java().out()), javaLabels);
                if (!same(g, j)) {
                    out.add("--json output of \"" + s.command() + "\" differs:\n  go:   " + g + "\n  jnsc: " + j);
                }
            }
        }
        Map<String, String> g = tree(go);
        Map<String, String> j = tree(java);
        for (String path : new TreeSet<>(g.keySet())) {
            if (!j.containsKey(path)) {
                out.add("only go wrote " + path);
            } else if (!same(g.get(path), j.get(path))) {
                out.add(path + " differs:\n  go:   " + g.get(path) + "\n  jnsc: " + j.get(path));
            }
        }
        for (String path : new TreeSet<>(j.keySet())) {
            if (!g.containsKey(path)) {
                out.add("only jnsc wrote " + path);
            }
        }
        return out;
    }

    /** Normalised files of a sandbox: relative path (keys as labels) → mode and normalised content. */
    public static Map<String, String> tree(Side side) {
        Map<String, String> labels = labels(side);
        Map<String, String> out = new TreeMap<>();
        for (Path base : List.of(side.stores(), side.keys(), side.config(), side.output(), side.natsContexts())) {
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(base)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    String name = p.getFileName().toString();
                    if (name.equals(".jnsc.lock")) {
                        continue; // jnsc's store lock: its own, documented
                    }
                    String rel = base.getFileName() + "/" + relabel(base.relativize(p).toString(), labels);
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                    out.put(rel, mode + " " + (Files.isDirectory(p) ? "dir" : content(side, p, labels)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static String content(Side side, Path p, Map<String, String> labels) throws IOException {
        String name = p.getFileName().toString();
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (name.endsWith(".jwt")) {
            // a decorated JWT (generate activation -o) compares as its token
            Matcher decorated = Pattern.compile("-----BEGIN NATS \\w+ JWT-----\\s*(\\S+)").matcher(text);
            return (decorated.find() ? "decorated " + claims(decorated.group(1), labels) : claims(text.trim(), labels))
                    .toString();
        }
        if (name.endsWith(".creds")) {
            Matcher jwt = Pattern.compile("-----BEGIN NATS USER JWT-----\\s*(\\S+)\\s*------END NATS USER JWT------")
                    .matcher(text);
            String seed = text.contains("-----BEGIN USER NKEY SEED-----") ? "with a seed" : "without a seed";
            return "creds " + (jwt.find() ? claims(jwt.group(1), labels) : "(no JWT)") + " " + seed;
        }
        if (name.endsWith(".nk")) {
            return "seed of " + relabel(name.substring(0, name.length() - 3), labels);
        }
        if (name.equals("nsc.json")) {
            ObjectNode n = (ObjectNode) JSON.readTree(text);
            String root = n.path("store_root").asText("");
            n.put("store_root", root.isEmpty() ? "" : root.equals(side.stores().toString()) ? "<stores>" : "<elsewhere>");
            n.remove("last_update");
            return n.toString();
        }
        // paths into the sandbox (creds paths in contexts and profiles, the store of a diagram), seeds
        // (profiles that ask for them) as whose seed they are, and the times of diagrams
        text = text.replace(side.root.toString(), "<sandbox>");
        Matcher seed = SEED.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (seed.find()) {
            seed.appendReplacement(sb, Matcher.quoteReplacement("seed of " + publicKeyOf(seed.group())));
        }
        seed.appendTail(sb);
        text = sb.toString();
        if (name.endsWith(".puml")) {
            text = text.replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d", "<time>");
            // ids such as <key>_permissions: a space lets the key be labelled
            text = text.replaceAll("\\b([OACUNX][A-Z2-7]{55})_", "$1 _");
        }
        if (name.endsWith(".json") && text.contains("\"iat\"")) {
            return jsonOutput(text, labels); // a JWT's claims (describe --json -o)
        }
        // JWTs inside other files (server configurations) compare as their claims
        Matcher token = JWT.matcher(text);
        sb = new StringBuilder();
        while (token.find()) {
            token.appendReplacement(sb, Matcher.quoteReplacement(claims(token.group(), labels).toString()));
        }
        token.appendTail(sb);
        return preloadSorted(relabel(sb.toString(), labels));
    }

    /**
     * A server configuration's preloaded accounts sorted by their text: both write them sorted by
     * public key, and the keys differ between the sandboxes.
     */
    static String preloadSorted(String text) {
        int start = text.indexOf("resolver_preload: {\n");
        int end = start < 0 ? -1 : text.indexOf("\n}", start);
        if (end < 0) {
            return text;
        }
        int body = start + "resolver_preload: {\n".length();
        String entries = text.substring(body, end);
        String trailing = entries.substring(entries.stripTrailing().length());
        List<String> sorted = new ArrayList<>(List.of(entries.stripTrailing().split("\n\n")));
        sorted.sort(null);
        return text.substring(0, body) + String.join("\n\n", sorted) + trailing + text.substring(end);
    }

    private static final Pattern JWT = Pattern.compile("eyJ[\\w-]+\\.eyJ[\\w-]+\\.[\\w-]+");

    private static final Pattern SEED = Pattern.compile("\\bS[OACUNX][A-Z2-7]{56}\\b");

    /** The public key of a seed, by jnats (independent of jnsc's nkeys). */
    private static String publicKeyOf(String seed) {
        try {
            return new String(io.nats.client.NKey.fromSeed(seed.toCharArray()).getPublicKey());
        } catch (java.security.GeneralSecurityException | IOException | IllegalArgumentException e) {
            return "(not a seed)";
        }
    }

    /** The decoded claims of a token with keys labelled and times made relative. */
    static JsonNode claims(String token, Map<String, String> labels) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return TextNode.valueOf("(not a JWT: " + token.length() + " characters)");
        }
        try {
            ObjectNode n = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long iat = n.path("iat").asLong();
            n.put("jti", "*");
            n.put("iat", "*");
            for (String t : List.of("exp", "nbf")) {
                if (n.has(t)) {
                    n.put(t, "iat" + signed(n.get(t).asLong() - iat));
                }
            }
            JsonNode nats = n.get("nats");
            if (nats instanceof ObjectNode o && o.get("revocations") instanceof ObjectNode rev) {
                relativeTimes(rev, iat);
            }
            if (nats instanceof ObjectNode o && o.get("imports") instanceof ArrayNode imports) {
                // activation tokens of private imports compare as their claims
                for (JsonNode i : imports) {
                    if (i instanceof ObjectNode io && io.get("token") instanceof TextNode t && t.asText().contains(".")) {
                        io.set("token", claims(t.asText(), labels));
                    }
                }
            }
            if (nats instanceof ObjectNode o && o.get("exports") instanceof ArrayNode exports) {
                for (JsonNode e : exports) {
                    if (e.get("revocations") instanceof ObjectNode rev) {
                        relativeTimes(rev, iat);
                    }
                }
            }
            return relabel(n, labels);
        } catch (IOException | IllegalArgumentException e) {
            return TextNode.valueOf("(undecodable JWT: " + e.getMessage() + ")");
        }
    }

    private static void relativeTimes(ObjectNode times, long iat) {
        for (Iterator<Map.Entry<String, JsonNode>> it = times.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            e.setValue(TextNode.valueOf("iat" + signed(e.getValue().asLong() - iat)));
        }
    }

    /**
     * A time relative to {@code iat}; times set "now" by an earlier command (a revocation) count as
     * {@code iat} when they are within a quarter minute of it: on a loaded machine the two binaries
     * take different times between the command that set one and the one that signed the JWT.
     */
    private static String signed(long d) {
        return Math.abs(d) <= 15 ? "±0" : d > 0 ? "+" + d : String.valueOf(d);
    }

    /** Replaces keys in every string and field name; lists made only of keys are sorted afterwards. */
    private static JsonNode relabel(JsonNode n, Map<String, String> labels) {
        if (n.isTextual()) {
            return TextNode.valueOf(relabel(n.asText(), labels));
        }
        if (n instanceof ArrayNode a) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            boolean allKeys = a.size() > 0;
            List<JsonNode> items = new ArrayList<>();
            for (JsonNode x : a) {
                // signing key lists mix keys and scopes ({"key": ...}): both sorted by key in both
                JsonNode k = x.isObject() && x.has("key") ? x.get("key") : x;
                allKeys &= k.isTextual() && KEY.matcher(k.asText()).matches();
                items.add(relabel(x, labels));
            }
            if (allKeys) {
                items.sort((x, y) -> (x.has("key") ? x.get("key") : x).asText()
                        .compareTo((y.has("key") ? y.get("key") : y).asText()));
            }
            out.addAll(items);
            return out;
        }
        if (n instanceof ObjectNode o) {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            boolean keyed = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                keyed |= KEY.matcher(e.getKey()).matches();
                fields.put(relabel(e.getKey(), labels), relabel(e.getValue(), labels));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            // maps keyed by public keys (revocations) are sorted by key in both: sort by label
            (keyed ? new TreeMap<>(fields) : fields).forEach(out::set);
            return out;
        }
        return n;
    }

    private static String relabel(String s, Map<String, String> labels) {
        Matcher m = KEY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String label = labels.getOrDefault(m.group(), "?" + m.group().charAt(0));
            m.appendReplacement(sb, Matcher.quoteReplacement(label));
        }
        m.appendTail(sb);
        // sharded key folders (keys/A/BC/<key>.nk): the two letters come from the key
        return sb.toString().replaceAll("keys/([OACUNX])/[A-Z2-7]{2}(/|$)", "keys/$1/**$2");
    }

    /**
     * Labels for the keys of a sandbox: identity keys after their entity's name (from the JWTs in
     * the store), every other key after the order in which the commands first printed it.
     */
    static Map<String, String> labels(Side side) {
        Map<String, String> labels = storeLabels(side);
        side.former.forEach(labels::putIfAbsent);
        int n = 0;
        for (String k : side.printed) {
            if (!labels.containsKey(k)) {
                labels.put(k, k.charAt(0) + "#" + ++n);
            }
        }
        return labels;
    }

    /** Identity keys after their entity's name, from the JWTs in the side's store. */
    private static Map<String, String> storeLabels(Side side) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (Files.isDirectory(side.stores())) {
            try (Stream<Path> s = Files.walk(side.stores())) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (p.getFileName().toString().endsWith(".jwt")) {
                        JsonNode c = rawClaims(Files.readString(p).trim());
                        String sub = c.path("sub").asText();
                        String name = c.path("name").asText();
                        String type = c.path("nats").path("type").asText();
                        String label = switch (type) {
                            case "operator" -> "O:" + name;
                            case "account" -> "A:" + name;
                            case "user" -> "U:" + p.getParent().getParent().getFileName() + "/" + name;
                            default -> null;
                        };
                        if (label != null && !sub.isEmpty()) {
                            labels.putIfAbsent(sub, label);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return labels;
    }

    private static JsonNode rawClaims(String token) throws IOException {
        String[] parts = token.split("\\.");
        return parts.length == 3 ? JSON.readTree(Base64.getUrlDecoder().decode(parts[1])) : JSON.createObjectNode();
    }
}
