package dev.jnsc.cli;

import dev.jnsc.env.Environment;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;

/**
 * Builds the command line for one run. Only the commands on the path the arguments name are
 * created and registered (plus the children of the last group, so its help can list them):
 * building picocli's model of every command is the largest start-up cost.
 */
public final class CommandFactory {
    /** Group path → its subcommands, each "name" or "name|alias|alias". */
    private static final Map<String, String[]> GROUPS = Map.ofEntries(
            Map.entry("", new String[] {"account-server", "add|create", "batch", "completion", "delete", "describe", "edit", "env", "expirations", "export",
                "generate", "import", "init", "keys", "list", "load", "pub", "pull", "push", "reissue", "reply", "req", "revocations",
                "rtt", "select", "shell", "sub", "tool", "update", "validate"}),
            Map.entry("add", new String[] {"account", "export", "import", "mapping", "operator", "user"}),
            Map.entry("completion", new String[] {"bash", "fish", "powershell", "zsh"}),
            Map.entry("delete", new String[] {"account", "export", "import", "mapping", "user"}),
            Map.entry("describe", new String[] {"account", "jwt", "operator", "user"}),
            Map.entry("export", new String[] {"keys"}),
            Map.entry("import", new String[] {"account", "keys", "user"}),
            Map.entry("keys", new String[] {"migrate"}),
            Map.entry("edit", new String[] {"account", "authcallout", "export", "operator", "signing-key", "user"}),
            Map.entry("generate", new String[] {"activation", "config", "context", "creds", "diagram", "nkey", "profile"}),
            Map.entry("generate diagram", new String[] {"component", "object"}),
            Map.entry("list", new String[] {"accounts|account", "keys|key", "operators|operator", "users|user"}),
            Map.entry("revocations", new String[] {"add_activation|add-activation", "add-user|add_user",
                "delete_activation|delete-activation", "delete-user|delete_user", "list_activations|list-activations",
                "list-users|list_users"}),
            Map.entry("reissue", new String[] {"operator"}),
            Map.entry("select", new String[] {"account", "operator"}),
            Map.entry("tool", new String[] {"pub", "reply", "req", "rtt", "sub"}));

    /** Global options that take a value (so the path walk skips it). */
    static final java.util.Set<String> VALUE_OPTIONS = java.util.Set.of(
            "--config-dir", "--data-dir", "--keystore-dir", "-H", "--all-dirs", "-K", "--private-key", "--lock-timeout");

    private CommandFactory() {
    }

    public static int run(String[] args, Environment env, Clock clock, PrintWriter out, PrintWriter err) {
        return run(args, new Cli(env, clock, out, err));
    }

    /** As {@link #run(String[], Environment, Clock, PrintWriter, PrintWriter)}, reading standard input from {@code in}. */
    public static int run(String[] args, Environment env, Clock clock, java.io.InputStream in, PrintWriter out,
            PrintWriter err) {
        return run(args, new Cli(env, clock, out, err, in));
    }

    /** Runs one command line with the given run state. */
    static int run(String[] args, Cli cli) {
        return run(args, cli, null);
    }

    /**
     * Leaf command lines kept to run again (nsc batch): building a command's picocli model cost
     * more than parsing its line, and a batch runs the same few commands many times. Each is bound
     * to the one {@link Cli} its lines run with; picocli resets every option before each parse.
     */
    static final class Models {
        private final Map<String, CommandLine> leaves = new java.util.HashMap<>();
    }

    /**
     * Runs one command line with the given run state (nsc batch runs each of its lines so);
     * {@code models}, when not null, keeps the leaf command lines built for {@code cli} to use again.
     */
    static int run(String[] args, Cli cli, Models models) {
        PrintWriter out = cli.out;
        PrintWriter err = cli.err;
        int code;
        try {
            int first = firstWord(args);
            if (first < args.length && (args[first].equals("__complete") || args[first].equals("__completeNoDesc"))) {
                code = Completion.run(args, first, cli); // the shell's Tab callback (nsc completion)
            } else {
                Built built = build(args, cli, models);
                code = built.commandLine().execute(built.args());
            }
        } catch (RuntimeException | Error e) {
            // what picocli's handlers did not see (an Error, or a failure while building the model)
            code = new ErrorHandler(cli, java.util.Arrays.asList(args).contains("--verbose"))
                    .handleExecutionException(e instanceof Exception ? (Exception) e : new IllegalStateException(e), null, null);
        } finally {
            cli.close();
        }
        out.flush();
        err.flush();
        return code;
    }

    /** The command line to run and the arguments to give it. */
    record Built(CommandLine commandLine, String[] args) {
    }

    /**
     * A command that does something ("describe operator") runs alone: one picocli model named after
     * its whole path, with the global options added to it, parsing the arguments without the
     * command words. Each picocli model costs start-up time, so the root and the groups on the way
     * are built only when there is no such command (help, or a mistake).
     */
    static Built build(String[] args, Cli cli) {
        return build(args, cli, null);
    }

    private static Built build(String[] args, Cli cli, Models models) {
        String path = "";
        String unknown = null;
        boolean[] commandWord = new boolean[args.length];
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            }
            if (a.startsWith("-")) {
                if (VALUE_OPTIONS.contains(a)) {
                    i++;
                }
                continue;
            }
            String[] kids = GROUPS.get(path);
            if (kids == null) {
                break;
            }
            String[] entry = find(kids, a);
            if (entry == null) {
                unknown = a;
                break;
            }
            commandWord[i] = true;
            path = path.isEmpty() ? entry[0] : path + " " + entry[0];
        }
        if (unknown != null) {
            // a group takes no arguments: without this, "nsc nosuch --help" printed the root help and exited 0
            // (the Go nsc prints a group's help and exits 0 for an unknown word after a group: jnsc refuses it as at the root)
            java.util.List<String> names = new java.util.ArrayList<>();
            for (String k : GROUPS.get(path)) {
                names.add(k.split("\\|")[0]);
            }
            throw new UnknownCommandException(unknown, path.isEmpty() ? "nsc" : "nsc " + path, names);
        }
        if (!path.isEmpty() && !GROUPS.containsKey(path)) {
            CommandLine kept = models == null ? null : models.leaves.get(path);
            CommandSpec leaf;
            if (kept != null) {
                leaf = kept.getCommandSpec();
            } else {
                leaf = create(path, cli);
                leaf.name("nsc " + path);
                Root.addGlobals(leaf, cli, ScopeType.LOCAL);
            }
            java.util.List<String> rest = new java.util.ArrayList<>();
            boolean dashValue = false;
            for (int i = 0; i < args.length; i++) {
                if (!commandWord[i]) {
                    picocli.CommandLine.Model.OptionSpec o = args[i].startsWith("-") ? leaf.findOption(args[i]) : null;
                    if (o != null && o.arity().min() == 0 && o.arity().max() == 1 && o.fallbackValue() != null
                            && !o.fallbackValue().isEmpty()) {
                        // Go's flags with an optional value (--bearer, --allow-pub-response[=n]) take it only
                        // after "=": "--allow-pub-response 3" is the default 1 and an argument "3", which
                        // the Go nsc then ignores when -n names the entity; say so instead of guessing
                        String next = i + 1 < args.length ? args[i + 1] : "";
                        boolean looksLikeValue = o.type() == boolean.class || o.type() == Boolean.class
                                ? next.equalsIgnoreCase("true") || next.equalsIgnoreCase("false")
                                : next.matches("-?\\d+");
                        if (looksLikeValue) {
                            throw new UsageException(args[i] + " takes a value only after \"=\" (" + args[i] + "=" + next
                                    + "); \"" + next + "\" would be read as an argument");
                        }
                        rest.add(args[i] + "=" + o.fallbackValue());
                        continue;
                    }
                    rest.add(args[i]);
                    dashValue |= o != null && o.arity().min() >= 1 && i + 1 < args.length && args[i + 1].equals("--");
                }
            }
            CommandLine cl = configure(kept != null ? kept : new CommandLine(leaf), cli, args);
            if (models != null && kept == null) {
                models.leaves.put(path, cl);
            }
            // Go's flags take "--" as the value of a flag that needs one (-o -- is stdout); picocli
            // would read it as the end of the options (set each time: a kept command line runs again)
            cl.setEndOfOptionsDelimiter(dashValue ? "--\u0000" : "--");
            return new Built(cl, rest.toArray(new String[0]));
        }
        return new Built(tree(path, cli, args), args);
    }

    /**
     * A command as the tree lists it: without an own {@code --version} (update's), which would clash
     * with the -v/--version every command inherits there; the command itself runs alone, with it.
     */
    private static CommandSpec inTree(CommandSpec spec) {
        picocli.CommandLine.Model.OptionSpec own = spec.findOption("--version");
        if (own != null && !own.versionHelp()) {
            spec.remove(own);
        }
        return spec;
    }

    /** The index of the first word that is not a global option or its value (args.length if none). */
    private static int firstWord(String[] args) {
        int i = 0;
        while (i < args.length && args[i].startsWith("-") && !args[i].equals("--")) {
            i += VALUE_OPTIONS.contains(args[i]) ? 2 : 1;
        }
        return Math.min(i, args.length);
    }

    /** The root, the groups down to {@code path}, and the children of the last group. */
    private static CommandLine tree(String path, Cli cli, String[] args) {
        CommandLine root = configure(new CommandLine(new Root(cli).spec()), cli, args);
        CommandLine parent = root;
        String at = "";
        for (String word : path.isEmpty() ? new String[0] : path.split(" ")) {
            at = at.isEmpty() ? word : at + " " + word;
            CommandLine child = configure(new CommandLine(inTree(create(at, cli))), cli, args);
            parent.addSubcommand(word, child, aliases(find(GROUPS.get(parent == root ? "" : at.substring(0,
                    at.lastIndexOf(' '))), word)));
            parent = child;
        }
        String[] kids = GROUPS.get(path);
        if (kids != null) {
            for (String k : kids) {
                String[] entry = k.split("\\|");
                String childPath = path.isEmpty() ? entry[0] : path + " " + entry[0];
                if (!parent.getSubcommands().containsKey(entry[0])) {
                    parent.addSubcommand(entry[0], configure(new CommandLine(inTree(create(childPath, cli))), cli, args),
                            aliases(entry));
                }
            }
        }
        return root;
    }

    /** The subcommands of a group path ("name|alias" entries), or null when the path is not a group. */
    static String[] children(String path) {
        return GROUPS.get(path);
    }

    /** The entry ("name", aliases) of {@code kids} that {@code name} names, or null. */
    static String[] entry(String[] kids, String name) {
        return find(kids, name);
    }

    /** The model of one command (a group or a leaf), without the global options: for completion and docs. */
    static CommandSpec command(String path, Cli cli) {
        return create(path, cli);
    }

    private static String[] find(String[] kids, String name) {
        for (String k : kids) {
            String[] entry = k.split("\\|");
            for (String n : entry) {
                if (n.equals(name)) {
                    return entry;
                }
            }
        }
        return null;
    }

    private static String[] aliases(String[] entry) {
        return java.util.Arrays.copyOfRange(entry, 1, entry.length);
    }

    private static CommandLine configure(CommandLine cl, Cli cli, String[] args) {
        ErrorHandler handler = new ErrorHandler(cli, java.util.Arrays.asList(args).contains("--verbose"));
        cl.setOut(cli.out);
        cl.setErr(cli.err);
        cl.setOverwrittenOptionsAllowed(true);
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        return cl;
    }

    /**
     * The commands that change something: each gets a jnsc-only --json that prints its result as one
     * JSON object (see {@link JsonResult}), unless it has a --json of its own.
     */
    static final java.util.Set<String> CHANGING = java.util.Set.of("add operator", "add account", "add user",
            "add export", "add import", "add mapping", "edit operator", "edit account", "edit user", "edit export",
            "edit signing-key", "edit authcallout", "delete account", "delete user", "delete export", "delete import",
            "delete mapping", "generate activation", "generate config", "generate context", "generate creds",
            "generate nkey", "generate profile", "push", "pull", "revocations add-user", "revocations delete-user",
            "revocations add_activation", "revocations delete_activation", "reissue operator", "import account",
            "import user", "import keys", "export keys", "keys migrate", "init", "env", "load", "update",
            "select operator", "select account");

    /** The command model for a path, with --json for the commands that change something. */
    private static CommandSpec create(String path, Cli cli) {
        CommandSpec spec = model(path, cli);
        return CHANGING.contains(path) ? JsonResult.addFlag(spec) : spec;
    }

    /** The command model for a path; classes load only when their command runs. */
    private static CommandSpec model(String path, Cli cli) {
        switch (path) {
            case "add":
                return new Group("add", "Add assets such as operators, accounts and users").spec();
            case "add operator":
                return new AddOperatorCommand(cli).spec();
            case "add account":
                return new AddAccountCommand(cli).spec();
            case "add user":
                return new AddUserCommand(cli).spec();
            case "add export":
                return new ExportCommands.Add(cli).spec();
            case "add mapping":
                return new MappingCommands.Add(cli).spec();
            case "delete mapping":
                return new MappingCommands.Delete(cli).spec();
            case "validate":
                return new ValidateCommand(cli).spec();
            case "batch":
                return new BatchCommand(cli).spec();
            case "shell":
                return new ShellCommand(cli).spec();
            case "add import":
                return new ImportCommands.Add(cli).spec();
            case "edit":
                return new Group("edit", "Edit assets such as operators, accounts and users").spec();
            case "edit operator":
                return new EditOperatorCommand(cli).spec();
            case "edit account":
                return new EditAccountCommand(cli).spec();
            case "edit signing-key":
                return new EditSigningKeyCommand(cli).spec();
            case "edit authcallout":
                return new EditAuthCalloutCommand(cli).spec();
            case "edit user":
                return new EditUserCommand(cli).spec();
            case "edit export":
                return new ExportCommands.Edit(cli).spec();
            case "describe":
                return new Group("describe", "Describe operators, accounts, users and JWT files").spec();
            case "describe operator":
                return new DescribeCommands.Operator(cli).spec();
            case "describe account":
                return new DescribeCommands.Account(cli).spec();
            case "describe user":
                return new DescribeCommands.User(cli).spec();
            case "describe jwt":
                return new DescribeCommands.JwtFile(cli).spec();
            case "list":
                return new Group("list", "List operators, accounts, users and keys").spec();
            case "list operators":
                return new ListCommands.Operators(cli).spec();
            case "list accounts":
                return new ListCommands.Accounts(cli).spec();
            case "list users":
                return new ListCommands.Users(cli).spec();
            case "list keys":
                return new ListKeysCommand(cli).spec();
            case "completion":
                return new Group("completion", "Generate the autocompletion script for nsc for the specified shell").spec();
            case "completion bash":
            case "completion fish":
            case "completion powershell":
            case "completion zsh":
                return new CompletionCommands(cli, path.substring(path.indexOf(' ') + 1)).spec();
            case "delete":
                return new Group("delete", "Delete accounts and users").spec();
            case "delete user":
                return new DeleteCommands.User(cli).spec();
            case "delete account":
                return new DeleteCommands.Account(cli).spec();
            case "delete export":
                return new ExportCommands.Delete(cli).spec();
            case "delete import":
                return new ImportCommands.Delete(cli).spec();
            case "revocations":
                return new Group("revocations", "Revoke users of an account, and accounts from its exports").spec();
            case "revocations add-user":
                return new RevocationCommands.Add(cli).spec();
            case "revocations delete-user":
                return new RevocationCommands.Delete(cli).spec();
            case "revocations list-users":
                return new RevocationCommands.ListUsers(cli).spec();
            case "revocations add_activation":
                return new ActivationCommands.Add(cli).spec();
            case "revocations delete_activation":
                return new ActivationCommands.Delete(cli).spec();
            case "revocations list_activations":
                return new ActivationCommands.List(cli).spec();
            case "push":
                return new PushPullCommands.Push(cli).spec();
            case "pull":
                return new PushPullCommands.Pull(cli).spec();
            case "env":
                return new EnvCommand(cli).spec();
            case "account-server":
                return new AccountServerCommand(cli).spec();
            case "select":
                return new Group("select", "Set the current operator or account").spec();
            case "select operator":
                return new SelectCommands.Operator(cli).spec();
            case "select account":
                return new SelectCommands.Account(cli).spec();
            case "generate":
                return new Group("generate", "Generate activations, nats-cli contexts, credential files, configs, nkeys and diagrams").spec();
            case "generate config":
                return new GenerateConfigCommand(cli).spec();
            case "generate creds":
                return new GenerateCredsCommand(cli).spec();
            case "generate nkey":
                return new GenerateNkeyCommand(cli).spec();
            case "generate activation":
                return new ActivationCommands.Generate(cli).spec();
            case "export":
                return new Group("export", "Export assets such as nkeys").spec();
            case "export keys":
                return new KeyTransferCommands.Export(cli).spec();
            case "import":
                return new Group("import", "Import accounts, users or nkeys").spec();
            case "import account":
                return new JwtImportCommands.Account(cli).spec();
            case "import keys":
                return new KeyTransferCommands.Import(cli).spec();
            case "import user":
                return new JwtImportCommands.User(cli).spec();
            case "keys":
                return new Group("keys", "Manage keys for operators, accounts, and users").spec();
            case "keys migrate":
                return new KeyTransferCommands.Migrate(cli).spec();
            case "generate context":
                return new NatsCliCommands.Context(cli).spec();
            case "generate profile":
                return new NatsCliCommands.Profile(cli).spec();
            case "generate diagram":
                return new Group("diagram", "Generate diagrams for this store").spec();
            case "generate diagram component":
                return new DiagramCommands.Component(cli).spec();
            case "generate diagram object":
                return new DiagramCommands.Object(cli).spec();
            case "load":
                return new LoadCommand(cli).spec();
            case "tool":
                return new Group("tool", "NATS tools: pub, sub, req, reply, rtt").spec();
            case "pub":
            case "tool pub":
                return new ToolCommands.Pub(cli, !path.startsWith("tool")).spec();
            case "req":
            case "tool req":
                return new ToolCommands.Req(cli, !path.startsWith("tool")).spec();
            case "sub":
            case "tool sub":
                return new ListenCommands.Sub(cli, !path.startsWith("tool")).spec();
            case "reply":
            case "tool reply":
                return new ListenCommands.Reply(cli, !path.startsWith("tool")).spec();
            case "init":
                return new InitCommand(cli).spec();
            case "expirations":
                return new ExpirationsCommand(cli).spec();
            case "reissue":
                return new Group("reissue", "Re-issue objects with a new identity key").spec();
            case "reissue operator":
                return new ReissueOperatorCommand(cli).spec();
            case "update":
                return new UpdateCommand(cli).spec();
            case "rtt":
            case "tool rtt":
                return new RttCommand(cli, !path.startsWith("tool")).spec();
            default:
                throw new IllegalStateException("no command for \"" + path + "\"");
        }
    }
}
