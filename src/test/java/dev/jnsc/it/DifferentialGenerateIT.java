package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.jnsc.testing.Differential;
import dev.jnsc.testing.Executable;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate context, generate profile, generate diagram and load through target/nsc and the Go nsc
 * 2.11.1 (JNSC_REF_NSC): each in its own sandbox compared by {@link Differential} (context files in
 * the sandbox's natscli folder, profiles and diagrams written with -o out/...), and both binaries
 * on one and the same store, whose outputs must be equal byte for byte (but the diagram's date).
 */
class DifferentialGenerateIT {
    static final Path ref = Differential.reference();

    @TempDir
    Path dir;

    private Differential store() throws Exception {
        Differential d = Differential.orSkip(dir);
        d.run("add", "operator", "O");
        d.run("edit", "operator", "--service-url", "nats://localhost:4222", "--service-url", "nats://h2:4222");
        d.run("add", "account", "A");
        d.run("edit", "account", "A", "--description", "The A account, which exports the orders stream to everybody",
                "--info-url", "https://example.com/a");
        d.run("add", "export", "-a", "A", "-s", "orders.>", "-n", "orders stream");
        d.run("add", "export", "-a", "A", "-s", "*.public");
        d.run("add", "user", "-a", "A", "U", "--allow-pub", "a.>", "--allow-pub-response=3", "--response-ttl", "5s");
        d.run("add", "account", "B", "--deny-sub", "secret.>");
        d.run("add", "user", "-a", "B", "V");
        return d;
    }

    private static Map<String, String> known() {
        Map<String, String> known = DifferentialIT.identityGaps();
        return known;
    }

    /** The normalised contents of a file written by both, without its mode. */
    private static void sameContent(Differential d, String path) {
        String go = Differential.tree(d.go()).get(path);
        String java = Differential.tree(d.java()).get(path);
        assertTrue(go != null && java != null, path + " written by both: go " + go + ", jnsc " + java);
        assertEquals(go.substring(go.indexOf(' ') + 1), java.substring(java.indexOf(' ') + 1), path);
    }

    @Test
    void contextsProfilesAndDiagramsAreWrittenAsGoWritesThem() throws Exception {
        Differential d = store();
        Map<String, String> known = known();
        d.run("generate", "context", "--context", "c1", "-a", "A", "-u", "U");
        d.run("generate", "context", "--context", "c2.json", "-a", "B");
        // natscli's folder: Go leaves it to the umask (0755, files 0644); jnsc's rule is 0700/0600
        known.put("context/ differs", "jnsc writes the natscli context folder 0700 (Go: 0755)");
        known.put("context/c1.json differs", "jnsc writes context files 0600 (Go: 0644)");
        known.put("context/c2.json differs", "jnsc writes context files 0600 (Go: 0644)");
        d.assertOnly(known);
        sameContent(d, "context/c1.json");
        sameContent(d, "context/c2.json");
        // refused by both, nothing written
        d.run("generate", "context", "-a", "A", "-u", "U");
        d.run("generate", "context", "--context", "x/y", "-a", "A", "-u", "U");
        d.run("generate", "context", "--context", "c3", "-a", "A", "-u", "nosuch");
        d.assertOnly(known);

        List<String> profiles = List.of("nsc://O", "nsc://O/A", "nsc://O/A/U", "nsc://O/A/U?names&keys", "nsc://O/B/V?key",
                "nsc://O/A/U?seeds", "nsc://O/B/V?operatorSeed&accountKey&userName", "nsc://O/A/U?userSeed");
        for (int i = 0; i < profiles.size(); i++) {
            d.run("generate", "profile", profiles.get(i), "-o", "out/p" + i + ".json");
            known.put("out/p" + i + ".json differs", "jnsc writes -o files 0600 (Go: 0644); the content is compared below");
        }
        d.run("generate", "profile", "nsc://X");
        d.run("generate", "profile", "nsc://O/A/nosuch");
        d.run("generate", "profile", "http://O");
        d.run("generate", "diagram", "component", "-o", "out/c.puml");
        d.run("generate", "diagram", "component", "--detail", "-o", "out/cd.puml");
        d.run("generate", "diagram", "object", "-o", "out/o.puml");
        d.run("generate", "diagram", "object", "--users", "--show-keys", "--detail", "-o", "out/ou.puml");
        d.assertOnly(known);
        for (int i = 0; i < profiles.size(); i++) {
            sameContent(d, "out/p" + i + ".json");
        }
        assertTrue(Differential.tree(d.java()).get("out/p5.json").contains("seed of A:A"));
    }

    /** Both binaries on the Go side's store: the same bytes on stdout (but the diagram's date). */
    @Test
    void sameStoreSameOutput() throws Exception {
        Differential d = store();
        d.run("add", "import", "-a", "B", "--src-account", "A", "--remote-subject", "orders.>", "-s", "local.orders.>");
        d.run("add", "import", "-a", "B", "--src-account", "A", "--remote-subject", "*.public");
        Differential.Side go = d.go();
        String[] dirs = {"--config-dir", go.config().toString(), "--data-dir", go.stores().toString(), "--keystore-dir",
            go.keys().toString()};
        List<List<String>> commands = List.of(List.of("generate", "diagram", "component"),
                List.of("generate", "diagram", "component", "--detail"), List.of("generate", "diagram", "object"),
                List.of("generate", "diagram", "object", "--users", "--show-keys", "--detail"),
                List.of("generate", "diagram", "object", "--users"), List.of("generate", "profile", "nsc://O/A/U?names&keys"),
                List.of("generate", "profile", "nsc://O/B/V?seeds"), List.of("generate", "profile", "nsc://O"));
        for (List<String> c : commands) {
            Executable.Result g = new Executable(ref, go.home()).run(concat(dirs, c));
            Executable.Result j = new Executable(Executable.path(), go.home()).run(concat(dirs, c));
            assertEquals(0, g.code(), g.toString());
            assertEquals(0, j.code(), j.toString());
            assertEquals(withoutDate(g.out()), withoutDate(j.out()), String.join(" ", c));
            assertTrue(g.out().length() > 100, g.out());
        }
        // the context file both write for the same user, each in its own HOME
        Path hg = dir.resolve("hg");
        Path hj = dir.resolve("hj");
        List<String> ctx = List.of("generate", "context", "--context", "same", "-a", "A", "-u", "U");
        assertEquals(0, new Executable(ref, go.home()).env("XDG_CONFIG_HOME", hg.toString()).run(concat(dirs, ctx)).code());
        assertEquals(0, new Executable(Executable.path(), go.home()).env("XDG_CONFIG_HOME", hj.toString())
                .run(concat(dirs, ctx)).code());
        String text = Files.readString(hg.resolve("nats/context/same.json"));
        assertEquals(text, Files.readString(hj.resolve("nats/context/same.json")));
        assertTrue(text.startsWith("{\"nsc\":\"nsc://O/A/U\",\"url\":\"nats://localhost:4222\",\"creds\":\""), text);
    }

    private static String[] concat(String[] a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(List.of(a));
        all.addAll(b);
        return all.toArray(new String[0]);
    }

    private static String withoutDate(String s) {
        return s.replaceAll(" - date: [0-9: -]+ \n", " - date: <now> \n");
    }

    /**
     * load --profile of an operator named in NSC_<NAME>_OPERATOR, from an account server (a local
     * HTTP server serving a team's operator and account JWTs, and taking the Go nsc's push back).
     */
    @Test
    void loadFromAnAccountServer() throws Exception {
        assumeTrue(ref != null, Differential.SKIPPED);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwt/v1";
        Path team = dir.resolve("team");
        Executable teamNsc = new Executable(ref, team);
        Files.createDirectories(team);
        String[] tdirs = {"--all-dirs", team.resolve("nsc").toString()};
        assertEquals(0, teamNsc.run(concat(tdirs, List.of("add", "operator", "T"))).code());
        assertEquals(0, teamNsc.run(concat(tdirs, List.of("edit", "operator", "--service-url", "nats://localhost:4222",
                "--account-jwt-server-url", base))).code());
        assertEquals(0, teamNsc.run(concat(tdirs, List.of("add", "account", "TA"))).code());
        Path opJwt = team.resolve("nsc/T/T.jwt");
        Path accJwt = team.resolve("nsc/T/accounts/TA/TA.jwt");
        String accountKey = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(
                java.util.Base64.getUrlDecoder().decode(Files.readString(accJwt).trim().split("\\.")[1])).get("sub").asText();
        String seed;
        try (var s = Files.walk(team.resolve("nsc/keys"))) {
            seed = Files.readString(s.filter(p -> p.getFileName().toString().equals(accountKey + ".nk")).findFirst()
                    .orElseThrow()).trim();
        }
        server.createContext("/jwt/v1/", ex -> {
            String path = ex.getRequestURI().getPath();
            ex.getRequestBody().readAllBytes();
            byte[] body = new byte[0];
            int code = 404;
            if (path.equals("/jwt/v1/operator")) {
                body = Files.readAllBytes(opJwt);
                code = 200;
            } else if (path.equals("/jwt/v1/accounts/" + accountKey)) {
                body = ex.getRequestMethod().equals("POST") ? new byte[0] : Files.readAllBytes(accJwt);
                code = 200;
            }
            ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Differential d = new Differential(ref, Executable.path(), dir.resolve("load"));
            d.env("NSC_TEAM_OPERATOR", base + "/operator");
            Differential.Step s = d.run("load", "--profile", "nats://team?secret=" + seed + "&user=bob");
            assertEquals(0, s.go().code(), s.go().toString());
            Map<String, String> known = DifferentialIT.identityGaps();
            d.assertOnly(known);
            assertTrue(Differential.tree(d.java()).containsKey("stores/team/accounts/TA/users/bob.jwt"));
            assertNotEquals(-1, Differential.tree(d.java()).get("keys/creds/team/TA/bob.creds").indexOf("with a seed"));
            // the same again: the user is there, nothing changes
            d.run("load", "--profile", "nats://team?secret=" + seed + "&user=bob");
            // refused by both: an operator nobody knows, a user seed
            d.run("load", "--profile", "nats://nobody?secret=" + seed);
            d.run("load", "--url", base + "/operator");
            d.assertOnly(known);
            // the operator from --url, the account from --seed, a user named by --user, in new sandboxes:
            // the Go nsc 2.11.1 names the operator "" and fails (README), jnsc loads them
            Differential fresh = new Differential(ref, Executable.path(), dir.resolve("load-url"));
            Differential.Step u = fresh.run("load", "--url", base + "/operator", "--seed", seed, "--user", "alice");
            assertEquals(1, u.go().code(), u.go().toString());
            assertEquals(0, u.java().code(), u.java().toString());
            assertTrue(Differential.tree(fresh.java()).containsKey("stores/T/accounts/TA/users/alice.jwt"));
            assertTrue(!u.java().err().contains(seed) && !u.java().out().contains(seed));
            Map<String, String> loaded = new java.util.LinkedHashMap<>();
            loaded.put("exit code of \"load --url " + base + "/operator --seed", "deliberate: the Go nsc 2.11.1's load --url"
                    + " names the operator \"\" and fails (README)");
            for (String p : List.of("stores/T", "keys/")) {
                loaded.put("only jnsc wrote " + p, "what jnsc's load --url loaded");
            }
            loaded.put("cfg/nsc.json differs", "jnsc makes the loaded operator and account current; the Go nsc's are \"\"");
            for (String p : List.of("stores/.jwt", "stores/.nsc", "stores/accounts")) {
                loaded.put("only go wrote " + p, "the Go nsc's operator \"\" is the stores folder itself (README)");
            }
            fresh.assertOnly(loaded);
            // --seed must be an account seed: both refuse
            d.run("load", "--url", base + "/operator", "--seed", "SUAIBDPBAUTWCWBKIO6XHQNINK5FWJW4OHLXC3HQ2KFE4PEJUA44CNHTC4",
                    "--user", "carol");
            d.assertOnly(known);
            assertTrue(!s.java().err().contains(seed) && !s.java().out().contains(seed));
        } finally {
            server.stop(0);
        }
    }
}
