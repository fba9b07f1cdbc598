package dev.jnsc;

import dev.jnsc.cli.CommandFactory;
import dev.jnsc.env.Environment;
import dev.jnsc.nkeys.VerifiedSignatures;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** The only place that exits the process. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // picocli registers converters for java.sql and java.time types by reflection for every
        // command line it builds; no option of ours has such a type, and skipping them saves start-up
        // (the pattern is matched only against those optional types, and compiled at each check)
        System.setProperty("picocli.converters.excludes", ".*");
        // the launcher names the file of signatures found valid before (lists verify thousands)
        String verified = System.getProperty("jnsc.verified");
        if (verified != null && !verified.isEmpty()) {
            VerifiedSignatures.useFile(Path.of(verified));
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), false);
        int code = run(args, Environment.system(), Clock.systemUTC(), out, err);
        VerifiedSignatures.save();
        out.flush();
        err.flush();
        System.exit(code);
    }

    public static int run(String[] args, Environment env, Clock clock, PrintWriter out, PrintWriter err) {
        return CommandFactory.run(args, env, clock, out, err);
    }

    /** As {@link #run(String[], Environment, Clock, PrintWriter, PrintWriter)}, with {@code in} as standard input. */
    public static int run(String[] args, Environment env, Clock clock, java.io.InputStream in, PrintWriter out,
            PrintWriter err) {
        return CommandFactory.run(args, env, clock, in, out, err);
    }
}
