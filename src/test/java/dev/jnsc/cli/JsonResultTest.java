package dev.jnsc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.testing.Nsc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * --json of every command that changes something: stdout is one JSON object (parsed with Jackson)
 * whose changes and files match what is on disk; the [ OK ] lines are on stderr; seeds appear only
 * where the command prints them without --json too.
 */
class JsonResultTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SEED = Pattern.compile("(?<![A-Z2-7])S[OAUNCX][A-Z2-7]{56}(?![A-Z2-7])");

    @TempDir
    Path home;

    /**
     * One command: {@code run} prepares the tutorial store (operator O, account A, user U) and
     * returns the arguments (without --json); {@code expect} lists "action kind [name]" changes.
     */
    record Case(String command, Function<Nsc, String[]> run, List<String> expect, boolean seeds) {
        @Override
        public String toString() {
            return command;
        }
    }

    static Case c(String command, Function<Nsc, String[]> run, String... expect) {
        return new Case(command, run, List.of(expect), false);
    }

    static Case seeds(String command, Function<Nsc, String[]> run, String... expect) {
        return new Case(command, run, List.of(expect), true);
    }

    static String[] a(String... args) {
        return args;
    }

    static String key(Path jwt) {
        return Jwt.decode(Nsc.read(jwt).trim()).claims().subject();
    }

    /** Account B with a private service export svc.x and a public stream export pub.x. */
    static String exporter(Nsc nsc) {
        nsc.ok("add", "account", "B");
        nsc.ok("add", "export", "-a", "B", "--subject", "svc.x", "--service", "--private");
        nsc.ok("add", "export", "-a", "B", "--subject", "pub.x");
        return key(nsc.accountJwt("O", "B"));
    }

    static Stream<Case> commands() {
        return Stream.of(
                c("add operator", n -> a("add", "operator", "O2"), "created operator O2", "created key"),
                c("add account", n -> a("add", "account", "B"), "created account B", "created key"),
                c("add user", n -> a("add", "user", "V"), "created user V", "created key", "created creds V"),
                c("add export", n -> a("add", "export", "--subject", "a.b"), "created export a.b", "updated account A"),
                c("add import", n -> a("add", "import", "-a", "A", "--src-account", exporter(n), "--remote-subject", "pub.x"),
                        "created import pub.x", "updated account A"),
                c("add mapping", n -> a("add", "mapping", "--from", "m", "--to", "m.eu"), "created mapping m.eu",
                        "updated account A"),
                c("edit operator", n -> a("edit", "operator", "--tag", "t"), "updated operator O"),
                c("edit operator --sk", n -> a("edit", "operator", "--sk", "generate"), "created signing_key",
                        "created key", "updated operator O"),
                c("edit account", n -> a("edit", "account", "--tag", "t"), "updated account A"),
                c("edit user", n -> a("edit", "user", "-n", "U", "--tag", "t"), "updated user U"),
                c("edit export", n -> {
                    n.ok("add", "export", "--subject", "a.b");
                    return a("edit", "export", "--subject", "a.b", "--description", "d");
                }, "updated export a.b", "updated account A"),
                c("edit signing-key", n -> {
                    JsonNode sk = change(result(n.ok("edit", "account", "--sk", "generate", "--json")), "signing_key");
                    return a("edit", "signing-key", "-a", "A", "--sk", sk.get("public_key").asText(), "--role", "admin");
                }, "updated signing_key admin", "updated account A"),
                c("edit authcallout", n -> a("edit", "authcallout", "-a", "A", "--auth-user", key(n.userJwt("O", "A", "U")),
                        "--allowed-account", "*"), "updated account A"),
                c("delete account", n -> {
                    n.ok("add", "account", "B");
                    return a("delete", "account", "B");
                }, "deleted account B"),
                c("delete user", n -> a("delete", "user", "U"), "deleted user U"),
                c("delete export", n -> {
                    n.ok("add", "export", "--subject", "a.b");
                    return a("delete", "export", "--subject", "a.b");
                }, "deleted export a.b", "updated account A"),
                c("delete import", n -> {
                    n.ok("add", "import", "-a", "A", "--src-account", exporter(n), "--remote-subject", "pub.x");
                    return a("delete", "import", "-a", "A", "--subject", "pub.x");
                }, "deleted import pub.x", "updated account A"),
                c("delete mapping", n -> {
                    n.ok("add", "mapping", "--from", "m", "--to", "m.eu");
                    return a("delete", "mapping", "--from", "m");
                }, "deleted mapping", "updated account A"),
                c("generate activation", n -> {
                    exporter(n);
                    return a("generate", "activation", "-a", "B", "-s", "svc.x", "-t", key(n.accountJwt("O", "A")));
                }, "created activation svc.x"),
                c("generate config", n -> a("generate", "config", "--mem-resolver", "--config-file", "server.conf")),
                c("generate context", n -> a("generate", "context", "--context", "dev", "-a", "A", "-u", "U")),
                seeds("generate creds", n -> a("generate", "creds", "-n", "U")),
                seeds("generate nkey", n -> a("generate", "nkey", "-u")),
                c("generate profile", n -> a("generate", "profile", "nsc://O")),
                c("revocations add-user", n -> a("revocations", "add-user", "-n", "U"), "created revocation U",
                        "updated account A"),
                c("revocations delete-user", n -> {
                    n.ok("revocations", "add-user", "-n", "U");
                    return a("revocations", "delete-user", "-n", "U");
                }, "deleted revocation U", "updated account A"),
                c("revocations add_activation", n -> {
                    exporter(n);
                    return a("revocations", "add_activation", "-a", "B", "-s", "svc.x", "--service", "-t",
                            key(n.accountJwt("O", "A")));
                }, "created activation_revocation svc.x", "updated account B"),
                c("revocations delete_activation", n -> {
                    exporter(n);
                    n.ok("revocations", "add_activation", "-a", "B", "-s", "svc.x", "--service", "-t", "*");
                    return a("revocations", "delete_activation", "-a", "B", "-s", "svc.x", "--service", "-t", "*");
                }, "deleted activation_revocation svc.x", "updated account B"),
                c("reissue operator", n -> a("reissue", "operator"), "updated operator O", "created key"),
                c("import account", n -> a("import", "account", "--file", copy(n, n.accountJwt("O", "A"), "a.jwt"),
                        "--overwrite"), "updated account A"),
                c("import user", n -> {
                    String f = copy(n, n.userJwt("O", "A", "U"), "u.jwt");
                    n.ok("delete", "user", "U");
                    return a("import", "user", "--file", f);
                }, "created user U"),
                c("export keys", n -> a("export", "keys", "--dir", "out")),
                c("import keys", n -> {
                    n.ok("export", "keys", "--dir", "out");
                    return a("import", "keys", "--dir", "out");
                }),
                c("keys migrate", n -> a("keys", "migrate")),
                c("init", n -> a("init", "-n", "demo"), "created operator demo", "created account demo",
                        "created user demo"),
                c("env", n -> {
                    n.ok("add", "account", "B");
                    return a("env", "-a", "B");
                }),
                c("select operator", n -> a("select", "operator", "O")),
                c("select account", n -> a("select", "account", "A")));
    }

    static String copy(Nsc nsc, Path from, String name) {
        try {
            return Files.copy(from, nsc.home().resolve(name)).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The one JSON object on stdout. */
    static JsonNode result(Nsc.Result r) {
        List<String> lines = r.out().lines().toList();
        assertEquals(1, lines.size(), "one line on stdout:\n" + r);
        try {
            JsonNode n = MAPPER.readTree(lines.get(0));
            assertTrue(n.isObject(), r.toString());
            return n;
        } catch (IOException e) {
            throw new AssertionError("stdout is not JSON: " + r, e);
        }
    }

    static JsonNode change(JsonNode result, String kind) {
        for (JsonNode c : result.get("changes")) {
            if (c.get("kind").asText().equals(kind)) {
                return c;
            }
        }
        throw new AssertionError("no " + kind + " change in " + result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void printsOneObjectThatMatchesTheDisk(Case k) throws IOException {
        Nsc nsc = new Nsc(home).tutorial();
        List<String> args = new ArrayList<>(List.of(k.run().apply(nsc)));
        args.add("--json");
        Nsc.Result r = nsc.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), k + ": " + r);
        JsonNode json = result(r);
        assertEquals(List.of("ok", "command", "exit_code", "messages", "changes", "replies", "files"),
                fieldNames(json).subList(0, 7), "fixed field order");
        assertTrue(json.get("ok").asBoolean());
        assertEquals(k.command().replace(" --sk", ""), json.get("command").asText());
        assertEquals(0, json.get("exit_code").asInt());
        for (JsonNode m : json.get("messages")) {
            String prefix = Cli.prefix(dev.jnsc.ops.Report.Status.valueOf(m.get("status").asText().toUpperCase()));
            assertTrue(r.err().contains(prefix + m.get("text").asText()), "message on stderr: " + m + "\n" + r);
        }
        assertFalse(r.out().contains("[ OK ]") && !json.has("output"), "status lines are not on stdout");
        for (JsonNode f : json.get("files").get("written")) {
            assertTrue(Files.exists(Path.of(f.asText())), "written " + f);
        }
        for (JsonNode f : json.get("files").get("deleted")) {
            assertFalse(Files.exists(Path.of(f.asText())), "deleted " + f);
        }
        List<String> seen = new ArrayList<>();
        for (JsonNode c : json.get("changes")) {
            String action = c.get("action").asText();
            assertTrue(List.of("created", "updated", "deleted").contains(action), c.toString());
            seen.add(action + " " + c.get("kind").asText() + (c.has("name") ? " " + c.get("name").asText() : ""));
            if (c.has("path") && !action.equals("deleted")) {
                Path p = Path.of(c.get("path").asText());
                assertTrue(Files.exists(p), c.toString());
                if (c.has("jwt")) {
                    assertEquals(Nsc.read(p).trim(), c.get("jwt").asText(), "the JWT on disk");
                    assertEquals(key(p), c.get("public_key").asText());
                }
                if (c.get("kind").asText().equals("key")) {
                    assertEquals(c.get("public_key").asText() + ".nk", p.getFileName().toString());
                }
            }
            if (c.has("path") && action.equals("deleted")) {
                assertFalse(Files.exists(Path.of(c.get("path").asText())), c.toString());
            }
        }
        for (String e : k.expect()) {
            assertTrue(seen.stream().anyMatch(s -> s.equals(e) || s.startsWith(e + " ")), "expected \"" + e + "\" in " + seen);
        }
        assertEquals(k.seeds(), SEED.matcher(r.out()).find(), k + ": seeds on stdout only where the command prints them anyway\n" + r);
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void dataTheCommandPrintsIsTheOutputField() {
        Nsc nsc = new Nsc(home).tutorial();
        exporter(nsc);
        nsc.ok("select", "account", "A");
        String creds = nsc.ok("generate", "creds", "-n", "U").out();
        assertEquals(creds, result(nsc.ok("generate", "creds", "-n", "U", "--json")).get("output").asText());
        JsonNode activation = result(nsc.ok("generate", "activation", "-a", "B", "-s", "svc.x", "-t",
                key(nsc.accountJwt("O", "A")), "--json"));
        String token = change(activation, "activation").get("jwt").asText();
        assertTrue(activation.get("output").asText().contains(token), "the token printed is the JWT of the change");
        assertEquals(key(nsc.accountJwt("O", "A")), Jwt.decode(token).claims().subject());
    }

    @Test
    void writtenFilesAreListedWithTheEntities() {
        Nsc nsc = new Nsc(home).tutorial();
        JsonNode json = result(nsc.ok("add", "user", "V", "--json"));
        JsonNode user = change(json, "user");
        assertEquals("A", user.get("account").asText());
        assertEquals("O", user.get("operator").asText());
        assertEquals(nsc.userJwt("O", "A", "V").toString(), user.get("path").asText());
        List<String> written = new ArrayList<>();
        json.get("files").get("written").forEach(f -> written.add(f.asText()));
        assertTrue(written.contains(nsc.userJwt("O", "A", "V").toString()), written.toString());
        assertTrue(written.contains(nsc.creds("O", "A", "V").toString()), written.toString());
        assertTrue(written.contains(nsc.keyFile(user.get("public_key").asText()).toString()), written.toString());
        assertEquals(nsc.creds("O", "A", "V").toString(), change(json, "creds").get("path").asText());
        JsonNode out = result(nsc.ok("generate", "creds", "-n", "V", "-o", "v.creds", "--json"));
        assertEquals(List.of(home.resolve("v.creds").toString()), List.of(out.get("files").get("written").get(0).asText()));
    }

    @Test
    void aFailedCommandLeavesStdoutEmptyAndTheFilesAsTheyWere() {
        Nsc nsc = new Nsc(home).tutorial();
        Map<String, String> before = nsc.snapshot();
        Nsc.Result r = nsc.run("add", "user", "U", "--json");
        assertEquals(1, r.code(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("Error: "), r.err());
        assertEquals(before, nsc.snapshot());
        Nsc.Result usage = nsc.run("add", "user", "V", "--json", "--nosuch");
        assertEquals(2, usage.code(), usage.toString());
        assertEquals("", usage.out());
    }

    @Test
    void withoutJsonNothingChanges() {
        Nsc nsc = new Nsc(home).tutorial();
        assertEquals("[ OK ] added mapping m -> m.eu, weight 100%\n", nsc.ok("add", "mapping", "--from", "m", "--to", "m.eu").out());
    }

    @Test
    void commandsWithTheirOwnJsonKeepIt() {
        Nsc nsc = new Nsc(home).tutorial();
        JsonNode account = readTree(nsc.ok("describe", "account", "--json").out());
        assertEquals(key(nsc.accountJwt("O", "A")), account.get("sub").asText(), "describe --json is the JWT body");
        assertTrue(readTree(nsc.ok("list", "accounts", "--json").out()).isArray());
        assertFalse(nsc.ok("describe", "account", "--help").out().contains("one JSON object"));
        assertTrue(nsc.ok("add", "user", "--help").out().contains("--json"));
        assertFalse(nsc.ok("validate", "--help").out().contains("--json"), "validate changes nothing");
    }

    @Test
    void aBatchLineWithJsonPrintsItsObject() {
        Nsc nsc = new Nsc(home).tutorial();
        Nsc.Result r = nsc.runWithInput("add user b1 --json\nadd user b2\n", "batch");
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        JsonNode first = readTree(lines.get(0));
        assertEquals("b1", change(first, "user").get("name").asText());
        assertTrue(lines.get(1).startsWith("[ OK ]"), r.out());

        Nsc.Result wrapped = nsc.runWithInput("add user b3 --json\n", "batch", "--json");
        JsonNode line = readTree(wrapped.out().lines().findFirst().orElseThrow());
        JsonNode inner = readTree(line.get("stdout").asText());
        assertEquals(key(nsc.userJwt("O", "A", "b3")), change(inner, "user").get("public_key").asText());
    }

    @Test
    void aShellLineWithJsonPrintsItsObject() {
        Nsc nsc = new Nsc(home).tutorial();
        Nsc.Result r = nsc.runWithInput("add user s1 --json\n", "shell");
        assertEquals(0, r.code(), r.toString());
        JsonNode json = readTree(r.out().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
        assertEquals(key(nsc.userJwt("O", "A", "s1")), change(json, "user").get("public_key").asText());
    }

    @Test
    void aStoredNkeyIsAKeyChangeAndItsSeedOnlyTheOutput() {
        Nsc nsc = new Nsc(home).tutorial();
        Nsc.Result r = nsc.ok("generate", "nkey", "-a", "--store", "--json");
        JsonNode json = result(r);
        String pub = change(json, "key").get("public_key").asText();
        assertTrue(Files.isRegularFile(nsc.keyFile(pub)));
        String seed = Nsc.read(nsc.keyFile(pub)).trim();
        assertTrue(json.get("output").asText().contains(pub), json.toString());
        json.get("changes").forEach(c -> assertFalse(c.toString().contains(seed), "no seed in a change"));
    }

    static JsonNode readTree(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }
}
