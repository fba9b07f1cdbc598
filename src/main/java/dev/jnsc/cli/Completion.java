package dev.jnsc.cli;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.store.OperatorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * The hidden {@code __complete} command the shell scripts of {@code nsc completion} call on every
 * Tab: given the words typed so far (the last one being completed, maybe empty), it prints the
 * candidates one a line ("value", a tab and a description unless {@code __completeNoDesc}), then
 * ":" and the directive bits of cobra's protocol, which the Go nsc's scripts speak too.
 *
 * <p>It builds the picocli model of the one command the words name (as running it would), and
 * reads the store only for the value asked for: names of operators, accounts, users, roles.
 */
final class Completion {
    static final int NO_SPACE = 2;
    static final int NO_FILES = 4;
    static final int DIRS = 16;
    static final int KEEP_ORDER = 32;

    /** One candidate; the description may be empty. */
    record Candidate(String value, String description) {
    }

    /** The candidates and the directive for the shell. */
    record Answer(List<Candidate> candidates, int directive) {
    }

    private final Cli cli;
    private final List<String> words;
    private String path = "";
    private CommandSpec leaf;
    private int positionals;
    /** The values given on the line so far, by the option's longest name. */
    private final java.util.Map<String, String> given = new java.util.HashMap<>();

    private Completion(Cli cli, List<String> words) {
        this.cli = cli;
        this.words = words;
    }

    /**
     * Runs {@code __complete} or {@code __completeNoDesc}, which is {@code args[at]}; the global
     * options before it (the dirs) count as if typed on the line being completed.
     */
    static int run(String[] args, int at, Cli cli) {
        boolean descriptions = args[at].equals("__complete");
        List<String> words = new ArrayList<>(List.of(args).subList(at + 1, args.length));
        if (words.isEmpty()) {
            words.add("");
        }
        Answer a;
        try {
            Completion c = new Completion(cli, words);
            for (int i = 0; i + 1 < at; i++) {
                OptionSpec o = c.globals().findOption(args[i]);
                if (o != null && takesValue(o)) {
                    c.remember(o.longestName(), args[++i]);
                }
            }
            a = c.answer();
        } catch (RuntimeException e) {
            // a broken store or a bad flag on the line: nothing to offer, and no noise on the prompt
            a = new Answer(List.of(), 1);
        }
        for (Candidate c : a.candidates()) {
            cli.out.println(descriptions && !c.description().isEmpty() ? c.value() + "\t" + c.description() : c.value());
        }
        cli.out.println(":" + a.directive());
        return 0;
    }

    /** The answer for the words after {@code __complete}, the last being the one to complete. */
    static Answer complete(Cli cli, List<String> words) {
        return new Completion(cli, words).answer();
    }

    private Answer answer() {
        String pending = null;
        boolean endOfOptions = false;
        int last = words.size() - 1;
        for (int i = 0; i < last; i++) {
            String w = words.get(i);
            if (pending != null) {
                remember(pending, w);
                pending = null;
            } else if (!endOfOptions && w.equals("--")) {
                endOfOptions = true;
            } else if (!endOfOptions && w.startsWith("-") && w.length() > 1) {
                int eq = w.indexOf('=');
                OptionSpec o = option(eq > 0 ? w.substring(0, eq) : w);
                if (o != null && takesValue(o)) {
                    if (eq > 0) {
                        remember(o.longestName(), w.substring(eq + 1));
                    } else {
                        pending = o.longestName();
                    }
                } else if (o != null) {
                    given.put(o.longestName(), "true");
                }
            } else if (leaf == null) {
                String[] kids = CommandFactory.children(path);
                String[] entry = kids == null ? null : CommandFactory.entry(kids, w);
                if (entry == null) {
                    return new Answer(List.of(), NO_FILES);
                }
                path = path.isEmpty() ? entry[0] : path + " " + entry[0];
                if (CommandFactory.children(path) == null) {
                    leaf = CommandFactory.command(path, cli);
                    Root.addGlobals(leaf, cli, ScopeType.LOCAL);
                }
            } else {
                positionals++;
            }
        }
        String current = words.get(last);
        if (pending != null) {
            return values(pending, current, "");
        }
        if (!endOfOptions && current.startsWith("-")) {
            int eq = current.indexOf('=');
            if (eq > 0) {
                OptionSpec o = option(current.substring(0, eq));
                return o != null && takesValue(o) ? values(o.longestName(), current.substring(eq + 1), "")
                        : new Answer(List.of(), NO_FILES);
            }
            return options(current);
        }
        if (leaf == null) {
            return commands(current);
        }
        return positional(current);
    }

    private void remember(String option, String value) {
        given.put(option, value);
        if (option.equals("--config-dir") || option.equals("--data-dir") || option.equals("--keystore-dir")
                || option.equals("--all-dirs")) {
            // the dirs on the line being completed choose the store the values come from
            cli.globals.set(option.equals("--config-dir") ? GlobalOptions.CONFIG_DIR
                    : option.equals("--data-dir") ? GlobalOptions.DATA_DIR
                    : option.equals("--keystore-dir") ? GlobalOptions.KEYSTORE_DIR : GlobalOptions.ALL_DIRS, value);
        }
    }

    private OptionSpec option(String name) {
        if (leaf != null) {
            return leaf.findOption(name);
        }
        return globals().findOption(name);
    }

    private CommandSpec globalsSpec;

    private CommandSpec globals() {
        if (globalsSpec == null) {
            globalsSpec = new Root(cli).spec();
        }
        return globalsSpec;
    }

    private static boolean takesValue(OptionSpec o) {
        return o.arity().min() >= 1;
    }

    private Answer options(String prefix) {
        CommandSpec spec = leaf != null ? leaf : globals();
        List<Candidate> out = new ArrayList<>();
        boolean longOnly = prefix.startsWith("--");
        for (OptionSpec o : spec.options()) {
            if (o.hidden() || (given.containsKey(o.longestName()) && !o.isMultiValue())) {
                continue;
            }
            String description = firstLine(o.description());
            for (String n : o.names()) {
                if ((!longOnly || n.startsWith("--")) && n.startsWith(prefix)) {
                    out.add(new Candidate(n, description));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Candidate::value, (a, b) -> {
            // long names first, then short ones, each alphabetically (as cobra lists them)
            boolean la = a.startsWith("--");
            boolean lb = b.startsWith("--");
            return la == lb ? a.compareTo(b) : la ? -1 : 1;
        }));
        return new Answer(out, NO_FILES);
    }

    private Answer commands(String prefix) {
        String[] kids = CommandFactory.children(path);
        List<Candidate> out = new ArrayList<>();
        for (String k : kids) {
            String[] entry = k.split("\\|");
            String match = null;
            for (String n : entry) {
                if (n.startsWith(prefix)) {
                    match = n;
                    break;
                }
            }
            if (match == null) {
                continue;
            }
            CommandSpec spec = CommandFactory.command(path.isEmpty() ? entry[0] : path + " " + entry[0], cli);
            if (!spec.usageMessage().hidden()) {
                out.add(new Candidate(match, firstLine(spec.usageMessage().description())));
            }
        }
        return new Answer(out, NO_FILES);
    }

    private Answer positional(String current) {
        List<PositionalParamSpec> params = leaf.positionalParameters();
        PositionalParamSpec p = null;
        for (PositionalParamSpec q : params) {
            if (q.index().contains(positionals)) {
                p = q;
                break;
            }
        }
        if (p == null) {
            return new Answer(List.of(), NO_FILES);
        }
        String label = p.paramLabel().replaceAll("[<>]", "");
        if (label.equals("name") || label.equals("account")) {
            return values(path.equals("edit authcallout") ? "--account" : "--name", current, label);
        }
        return new Answer(List.of(), NO_FILES);
    }

    /** Values for an option (its longest name), or for the positional name. */
    private Answer values(String option, String prefix, String label) {
        OptionSpec o = leaf != null ? leaf.findOption(option) : globals().findOption(option);
        String kind = o != null ? o.paramLabel().replaceAll("[<>]", "") : label;
        switch (option) {
            case "--config-dir":
            case "--data-dir":
            case "--keystore-dir":
            case "--all-dirs":
            case "--dir":
                return new Answer(List.of(), DIRS);
            case "--private-key":
                return new Answer(roles(prefix), 0);
            case "--conn-type":
            case "--rm-conn-type":
                return fixed(prefix, true, new TreeSet<>(dev.jnsc.ops.Values.CONNECTION_TYPES).toArray(new String[0]));
            case "--response-type":
                return fixed(prefix, false, dev.jnsc.jwt.Export.SINGLETON, dev.jnsc.jwt.Export.STREAM_RESPONSE,
                        dev.jnsc.jwt.Export.CHUNKED);
            case "--account":
            case "--src-account":
            case "--target-account":
            case "--system-account":
            case "--sys-account":
                return names(prefix, accounts());
            case "--operator":
                return path.equals("account-server") ? new Answer(List.of(), 0) : names(prefix, operators());
            case "--user":
                return path.equals("load") ? new Answer(List.of(), NO_FILES) : names(prefix, users());
            case "--name":
                return names(prefix, existingByPath());
            case "--subject":
                return names(prefix, subjects());
            case "--from":
                return path.equals("delete mapping") ? names(prefix, new ArrayList<>(account().mappings().keySet()))
                        : new Answer(List.of(), NO_FILES);
            default:
                break;
        }
        if (kind.equals("dir")) {
            return new Answer(List.of(), DIRS);
        }
        if (kind.startsWith("file") || kind.equals("path") || kind.startsWith("user-jwt") || kind.equals("account-jwt")) {
            return new Answer(List.of(), 0);
        }
        return new Answer(List.of(), NO_FILES);
    }

    /** The entities a -n/--name or positional name of this command must name, or none (it names a new one). */
    private List<String> existingByPath() {
        switch (path) {
            case "describe operator":
            case "select operator":
            case "reissue operator":
                return operators();
            case "describe account":
            case "edit account":
            case "delete account":
            case "select account":
            case "edit authcallout":
                return accounts();
            case "describe user":
            case "edit user":
            case "delete user":
            case "generate creds":
            case "revocations add-user":
            case "revocations delete-user":
                return users();
            default:
                return List.of();
        }
    }

    private static Answer fixed(String prefix, boolean commaList, String... values) {
        int comma = commaList ? prefix.lastIndexOf(',') : -1;
        String head = prefix.substring(0, comma + 1);
        String tail = prefix.substring(comma + 1).toLowerCase(Locale.ROOT);
        List<Candidate> out = new ArrayList<>();
        for (String v : values) {
            if (v.toLowerCase(Locale.ROOT).startsWith(tail)) {
                out.add(new Candidate(head + v, ""));
            }
        }
        return new Answer(out, NO_FILES);
    }

    private static Answer names(String prefix, List<String> names) {
        List<Candidate> out = new ArrayList<>();
        for (String n : names) {
            if (n.startsWith(prefix)) {
                out.add(new Candidate(n, ""));
            }
        }
        return new Answer(out, NO_FILES);
    }

    private List<String> operators() {
        return cli.workspace().stores().operatorNames();
    }

    private OperatorStore operator() {
        return cli.workspace().operator(path.equals("env") || path.equals("list keys") || path.equals("export keys")
                ? given.get("--operator") : null);
    }

    private List<String> accounts() {
        return operator().accountNames();
    }

    /** Users of the account on the line (-a), else of the current one. */
    private List<String> users() {
        OperatorStore op = operator();
        return op.userNames(cli.workspace().accountName(op, given.get("--account")));
    }

    /** The chosen (-a) or current account's claims. */
    private AccountClaims account() {
        OperatorStore op = operator();
        return op.account(cli.workspace().accountName(op, given.get("--account")));
    }

    /** For -s/--subject: the subjects of the account's exports, or of its imports for delete import. */
    private List<String> subjects() {
        List<String> out = new ArrayList<>();
        switch (path) {
            case "edit export":
            case "delete export":
            case "generate activation":
            case "revocations add_activation":
            case "revocations delete_activation":
            case "revocations list_activations":
                for (dev.jnsc.jwt.Export e : account().exports()) {
                    out.add(e.subject());
                }
                break;
            case "delete import":
                for (dev.jnsc.jwt.Import i : account().imports()) {
                    out.add(i.subject());
                }
                break;
            default:
                break;
        }
        return new ArrayList<>(new TreeSet<>(out));
    }

    /** The roles of the account's scoped signing keys, for -K of the commands that sign users. */
    private List<Candidate> roles(String prefix) {
        if (!path.equals("add user") && !path.equals("edit user")) {
            return List.of();
        }
        List<Candidate> out = new ArrayList<>();
        for (SigningKey k : account().signingKeys()) {
            if (k.isScoped() && k.role() != null && !k.role().isEmpty() && k.role().startsWith(prefix)) {
                out.add(new Candidate(k.role(), "scoped signing key " + k.key()));
            }
        }
        return out;
    }

    private static String firstLine(String[] description) {
        if (description.length == 0) {
            return "";
        }
        String d = description[0];
        int nl = d.indexOf('\n');
        return nl >= 0 ? d.substring(0, nl) : d;
    }
}
