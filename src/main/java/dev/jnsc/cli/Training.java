package dev.jnsc.cli;

import dev.jnsc.Main;
import dev.jnsc.env.Environment;
import dev.jnsc.nkeys.VerifiedSignatures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The launcher runs this once, with -XX:ArchiveClassesAtExit, to record a class-data sharing
 * archive of what common commands load. It runs them in a throwaway home and deletes it.
 */
public final class Training {
    private Training() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("picocli.converters.excludes", ".*");
        Path home = Files.createTempDirectory("jnsc-training");
        try (TrainingNatsServer nats = new TrainingNatsServer()) {
            Environment env = new Environment(Map.of("NSC_HOME", home.resolve("nsc").toString(),
                    "NKEYS_PATH", home.resolve("keys").toString()), home, home);
            String[][] script = {
                {"add", "operator", "O", "--generate-signing-key"},
                {"edit", "operator", "--service-url", "nats://localhost:4222", "--tag", "t"},
                {"add", "operator", "P"},
                {"add", "account", "A"},
                {"add", "user", "U", "--allow-pub", "a.>", "--allow-sub", "b"},
                {"describe", "operator"},
                {"describe", "operator", "P"},
                {"describe", "account", "-J"},
                {"describe", "account", "-F", "nats.limits.conn"},
                {"describe", "user", "U", "-R"},
                {"describe", "user"},
                {"describe", "jwt", "-f", home.resolve("keys/creds/P/A/U.creds").toString()},
                {"list", "keys", "-A"},
                {"list", "accounts"},
                {"list", "users"},
                {"env"},
                {"generate", "creds", "-n", "U"},
                {"generate", "nkey", "-u"},
                {"select", "account", "A"},
                {"--help"},
                {"add", "--help"},
                {"describe", "nothing"},
                // the shells' Tab callback (nsc completion): commands, flags, store values
                {"__complete", ""},
                {"__complete", "add", "user", "--"},
                {"__complete", "edit", "user", "-a", "A", ""},
                // push over jnats (last: it needs an operator with a system account)
                {"add", "operator", "S", "--sys"},
                {"add", "account", "B"},
                {"push", "-A", "-u", nats.url()},
            };
            // past a handful of verifications, lists look up and record signatures in this file
            VerifiedSignatures.useFile(home.resolve("verified-signatures"));
            for (String[] cmd : script) {
                StringWriter sink = new StringWriter();
                Main.run(cmd, env, Clock.systemUTC(), new PrintWriter(sink), new PrintWriter(sink));
            }
            VerifiedSignatures.save();
            VerifiedSignatures.useFile(null);
        } finally {
            try (Stream<Path> s = Files.walk(home)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
