package dev.jnsc.cli;

import dev.jnsc.fs.Disk;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.JsonWriter;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.ops.DescribeOps;
import dev.jnsc.ops.Report;
import dev.jnsc.ops.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** describe operator | account | user | jwt. */
final class DescribeCommands {
    private DescribeCommands() {
    }

    /** -J, -R, -F, -W, -o: how a JWT is shown. */
    static void format(Spec s) {
        s.flag("display the JWT body as JSON", "-J", "--json");
        s.flag("output the raw JWT", "-R", "--raw");
        s.value("path", "extract one value of the JWT body, e.g. nats.limits.conn or sub", "-F", "--field");
        s.flag("show full keys instead of friendly names", "-W", "--long-ids");
        s.value("file", "output file, '--' is stdout", "-o", "--output-file");
    }

    /** The format flags as read. */
    private static final class Format {
        final boolean json;
        final boolean raw;
        final String field;
        final boolean longIds;
        final String outputFile;

        Format(Args a) {
            json = a.flag("--json");
            raw = a.flag("--raw");
            field = a.str("--field");
            longIds = a.flag("--long-ids");
            outputFile = a.str("--output-file");
        }
    }

    abstract static class Base extends Leaf {
        Format format;

        Base(Cli cli) {
            super(cli);
        }

        abstract Jwt.Decoded load(Workspace ws, Args a);

        @Override
        int run(Args a) {
            format = new Format(a);
            Workspace ws = cli.workspace();
            Jwt.Decoded d = load(ws, a);
            String type = d.claims().type();
            String text;
            String what;
            if (format.raw) {
                // nsc writes jwt.DecorateJWT(token) + "\n" to a file
                text = OutputFile.isStdout(format.outputFile) ? d.token() + "\n" : Decorated.formatJwt(type, d.token()) + "\n";
                what = "jwt";
            } else if (format.field != null) {
                Object v = DescribeOps.field(d.payload(), format.field);
                text = JsonWriter.indented(" ").value(DescribeOps.sorted(v)).toString() + "\n";
                what = "field";
            } else if (format.json) {
                text = Json.pretty(DescribeOps.sorted(d.payload())) + "\n";
                what = "description";
            } else {
                text = Describer.describe(d.claims(), friendlyNames(ws, d)) + "\n";
                what = "description";
            }
            if (OutputFile.isStdout(format.outputFile)) {
                cli.out.print(text);
                cli.out.flush();
                return 0;
            }
            OutputFile.write(cli, format.outputFile, text.getBytes(StandardCharsets.UTF_8));
            return cli.report(new Report().ok("wrote " + type + " " + what + " to " + cli.env.quotedAsGiven(format.outputFile)));
        }

        Map<String, String> friendlyNames(Workspace ws, Jwt.Decoded decoded) {
            return Map.of();
        }
    }

    static final class Operator extends Base {
        Operator(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("operator", "Describe the operator (by name or public key)");
            Options.name(s, "operator");
            format(s);
        }

        @Override
        Jwt.Decoded load(Workspace ws, Args a) {
            return DescribeOps.operator(ws, Options.name(a));
        }

        @Override
        Map<String, String> friendlyNames(Workspace ws, Jwt.Decoded decoded) {
            Map<String, String> names = new HashMap<>();
            if (format.longIds) {
                return names;
            }
            String sys = ((dev.jnsc.jwt.OperatorClaims) decoded.claims()).systemAccount();
            if (!sys.isEmpty()) {
                // The system account is nearly always "SYS"; looking only there keeps describe
                // independent of how many accounts the store holds.
                try {
                    dev.jnsc.store.OperatorStore op = ws.stores().operator(decoded.claims().name());
                    byte[] token = op.hasAccount("SYS")
                            ? Disk.readIfExists(op.accountJwtPath("SYS")) : null;
                    if (token != null && dev.jnsc.jwt.Jwt.subjectOf(new String(token,
                            java.nio.charset.StandardCharsets.US_ASCII)).equals(sys)) {
                        names.put(sys, "SYS");
                    }
                } catch (RuntimeException e) {
                    // names are decoration only
                }
            }
            return names;
        }
    }

    static final class Account extends Base {
        Account(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("account", "Describe an account (by name or public key)");
            Options.name(s, "account");
            format(s);
        }

        @Override
        Jwt.Decoded load(Workspace ws, Args a) {
            return DescribeOps.account(ws, Options.name(a));
        }

        @Override
        Map<String, String> friendlyNames(Workspace ws, Jwt.Decoded decoded) {
            return format.longIds ? Map.of()
                    : dev.jnsc.ops.Exporters.exporterNames(ws, (dev.jnsc.jwt.AccountClaims) decoded.claims());
        }
    }

    static final class User extends Base {
        User(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("user", "Describe a user (by name or public key)");
            Options.name(s, "user");
            Options.account(s);
            format(s);
        }

        @Override
        Jwt.Decoded load(Workspace ws, Args a) {
            return DescribeOps.user(ws, a.str("--account"), Options.name(a));
        }
    }

    static final class JwtFile extends Base {
        JwtFile(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("jwt", "Describe a JWT, decorated JWT or creds file");
            s.value("file", "the file to describe", "-f", "--file");
            format(s);
        }

        @Override
        Jwt.Decoded load(Workspace ws, Args a) {
            return DescribeOps.file(ws, a.str("--file"));
        }
    }
}
