package dev.jnsc.cli;

import dev.jnsc.env.Environment;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the command line for one run. Only the commands on the path the arguments name are
 * created and registered (plus the children of the last group, so its help can list them):
 * building picocli's model of every command is the largest start-up cost.
 */
public final class CommandFactory {
    /** Group path → its subcommands, each "name" or "name|alias|alias". */
    private static final Map<String, String[]> GROUPS = Map.of(
            "", new String[] {"account-server", "add|create", "describe", "edit", "env", "generate", "list", "select"},
            "add", new String[] {"account", "operator", "user"},
            "describe", new String[] {"account", "jwt", "operator", "user"},
            "edit", new String[] {"operator"},
            "generate", new String[] {"creds", "nkey"},
            "list", new String[] {"accounts|account", "keys|key", "operators|operator", "users|user"},
            "select", new String[] {"account", "operator"});

    /** Global options that take a value (so the path walk skips it). */
    private static final java.util.Set<String> VALUE_OPTIONS = java.util.Set.of(
            "--config-dir", "--data-dir", "--keystore-dir", "-H", "--all-dirs", "-K", "--private-key");

    private CommandFactory() {
    }

    public static int run(String[] args, Environment env, Clock clock, PrintWriter out, PrintWriter err) {
        Cli cli = new Cli(env, clock, out, err);
        CommandLine cl = build(args, cli);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine build(String[] args, Cli cli) {
        CommandLine root = configure(new CommandLine(new Root(cli).spec()), cli, args);
        String path = "";
        CommandLine parent = root;
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
                break;
            }
            String childPath = path.isEmpty() ? entry[0] : path + " " + entry[0];
            CommandLine child = configure(new CommandLine(create(childPath, cli)), cli, args);
            parent.addSubcommand(entry[0], child, aliases(entry));
            parent = child;
            path = childPath;
        }
        String[] kids = GROUPS.get(path);
        if (kids != null) {
            for (String k : kids) {
                String[] entry = k.split("\\|");
                String childPath = path.isEmpty() ? entry[0] : path + " " + entry[0];
                if (!parent.getSubcommands().containsKey(entry[0])) {
                    parent.addSubcommand(entry[0], configure(new CommandLine(create(childPath, cli)), cli, args),
                            aliases(entry));
                }
            }
        }
        return root;
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

    /** The command model for a path; classes load only when their command runs. */
    private static CommandSpec create(String path, Cli cli) {
        switch (path) {
            case "add":
                return new Group("add", "Add assets such as operators, accounts and users").spec();
            case "add operator":
                return new AddOperatorCommand(cli).spec();
            case "add account":
                return new AddAccountCommand(cli).spec();
            case "add user":
                return new AddUserCommand(cli).spec();
            case "edit":
                return new Group("edit", "Edit assets such as operators, accounts and users").spec();
            case "edit operator":
                return new EditOperatorCommand(cli).spec();
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
                return new Group("generate", "Generate creds files, nkeys and server configurations").spec();
            case "generate creds":
                return new GenerateCredsCommand(cli).spec();
            case "generate nkey":
                return new GenerateNkeyCommand(cli).spec();
            default:
                throw new IllegalStateException("no command for \"" + path + "\"");
        }
    }
}
