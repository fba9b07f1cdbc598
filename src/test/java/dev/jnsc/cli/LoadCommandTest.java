package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.jnsc.jwt.Claims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Nsc;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * load, against an account server played by a local HTTP server that serves the operator and
 * account JWTs of another nsc home (the operator's team).
 */
class LoadCommandTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private Nsc team;
    private Nsc nsc;
    private String base;
    private String accountSeed;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwt/v1";
        team = new Nsc(dir.resolve("team"));
        team.ok("add", "operator", "O");
        team.ok("edit", "operator", "--service-url", "nats://localhost:4222", "--account-jwt-server-url", base);
        team.ok("add", "account", "A");
        String a = subject(team.accountJwt("O", "A"));
        accountSeed = Nsc.read(team.keyFile(a)).trim();
        server.createContext("/jwt/v1/", ex -> {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
            String path = ex.getRequestURI().getPath();
            Path file = null;
            if (path.equals("/jwt/v1/operator")) {
                file = team.operatorJwt("O");
            } else if (path.startsWith("/jwt/v1/accounts/")) {
                String key = path.substring("/jwt/v1/accounts/".length());
                for (String name : List.of("A", "B")) {
                    if (Files.exists(team.accountJwt("O", name)) && subject(team.accountJwt("O", name)).equals(key)) {
                        file = team.accountJwt("O", name);
                    }
                }
            }
            byte[] body = file == null ? "not found".getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(file);
            ex.sendResponseHeaders(file == null ? 404 : 200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Files.createDirectories(dir.resolve("me"));
        nsc = new Nsc(dir.resolve("me"));
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private static String subject(Path jwt) {
        return Jwt.decode(Nsc.read(jwt).trim()).claims().subject();
    }

    @Test
    void loadsOperatorAccountAndUser() throws Exception {
        Nsc.Result r = nsc.ok("load", "--url", base + "/operator", "--seed", accountSeed);
        String a = subject(team.accountJwt("O", "A"));
        assertEquals(Nsc.read(team.operatorJwt("O")), Nsc.read(nsc.operatorJwt("O")));
        assertEquals(Nsc.read(team.accountJwt("O", "A")), Nsc.read(nsc.accountJwt("O", "A")));
        assertEquals("{\"managed\":true,\"name\":\"O\",\"kind\":\"operator\",\"version\":\"1\"}",
                Nsc.read(nsc.stores().resolve("O/.nsc")));
        Claims user = Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "default")).trim()).claims();
        assertEquals("default", user.name());
        assertEquals(a, user.issuer());
        assertEquals(accountSeed, Nsc.read(nsc.keyFile(a)).trim());
        assertTrue(Files.isRegularFile(nsc.keyFile(user.subject())));
        Path creds = nsc.creds("O", "A", "default");
        assertTrue(Nsc.read(creds).contains(Nsc.read(nsc.userJwt("O", "A", "default")).trim()));
        assertEquals("rw-------", Nsc.mode(creds));
        assertEquals("[ OK ] generated and stored user key \"" + user.subject() + "\"\n"
                + "[ OK ] generated and stored user credentials at \"" + creds + "\"\n"
                + "[ OK ] loaded operator \"O\", account \"A\" and user \"default\"\n", r.out());
        assertFalse((r.out() + r.err()).contains(accountSeed));
        // the loaded operator and account are current: nsc works on them at once
        assertTrue(nsc.ok("env").err().contains("A"));
        nsc.ok("generate", "context", "--context", "me");
        assertEquals(List.of("GET /jwt/v1/operator", "GET /jwt/v1/accounts/" + a), requests);
        // the user's JWT works with the account: describe reads it
        assertTrue(nsc.ok("describe", "user", "default").out().contains(user.subject()));
    }

    @Test
    void jsonNamesWhatWasLoaded() throws Exception {
        Nsc.Result r = nsc.ok("load", "--url", base + "/operator", "--seed", accountSeed, "--json");
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        List<String> changes = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode c : json.get("changes")) {
            changes.add(c.get("action").asText() + " " + c.get("kind").asText() + " " + (c.has("name") ? c.get("name").asText()
                    : c.get("public_key").asText()));
        }
        String a = subject(team.accountJwt("O", "A"));
        String u = subject(nsc.userJwt("O", "A", "default"));
        assertEquals(java.util.Set.of("created operator O", "created account A", "created user default", "created key " + a,
                "created key " + u, "created creds default"), new java.util.HashSet<>(changes));
        assertTrue(r.err().contains("[ OK ] loaded operator \"O\", account \"A\" and user \"default\""), r.err());
        assertFalse(r.out().contains(accountSeed));
    }

    @Test
    void loadsAgainWithoutChangingTheUser() {
        nsc.ok("load", "--url", base + "/operator", "--seed", accountSeed, "--user", "bob");
        var before = nsc.snapshot();
        Nsc.Result r = nsc.ok("load", "--url", base + "/operator", "--seed", accountSeed, "--user", "bob");
        assertEquals("[WARN] the user \"bob\" already exists\n"
                + "[ OK ] loaded operator \"O\", account \"A\" and user \"bob\"\n", r.out());
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void anExistingUserWithoutCredsIsRefused() throws Exception {
        nsc.ok("load", "--url", base + "/operator", "--seed", accountSeed, "--user", "bob");
        Files.delete(nsc.creds("O", "A", "bob"));
        fails(nsc, "the user \"bob\" already exists and its credentials are not at", "load", "--url", base + "/operator",
                "--seed", accountSeed, "--user", "bob");
    }

    @Test
    void profileNamesTheOperatorThroughTheEnvironment() {
        nsc.env("NSC_MyOp_OPERATOR", base + "/operator");
        nsc.ok("load", "--profile", "nats://myop?secret=" + accountSeed + "&user=alice");
        assertTrue(Files.isRegularFile(nsc.userJwt("myop", "A", "alice")));
        assertTrue(Files.isRegularFile(nsc.creds("myop", "A", "alice")));
        assertEquals(Nsc.read(team.operatorJwt("O")), Nsc.read(nsc.operatorJwt("myop")));
    }

    @Test
    void refusals() throws Exception {
        fails(nsc, "missing account server URL", "load", "--seed", accountSeed);
        fails(nsc, "expected account seed", "load", "--url", base + "/operator");
        String userSeed = new String(NKey.generate(KeyKind.USER).seed());
        fails(nsc, "expected account seed", "load", "--url", base + "/operator", "--seed", userSeed);
        Nsc.Result r = fails(nsc, "operator \"nobody\" not found", "load", "--profile", "nats://nobody?secret=" + accountSeed);
        assertFalse((r.out() + r.err()).contains(accountSeed), r.toString());
        fails(nsc, "answered 404", "load", "--url", base + "/nothing", "--seed", accountSeed);
        // an account the server does not have
        String other = new String(NKey.generate(KeyKind.ACCOUNT).seed());
        fails(nsc, "answered 404", "load", "--url", base + "/operator", "--seed", other);
        fails(nsc, "cannot reach", "load", "--url", "http://127.0.0.1:1/jwt/v1/operator", "--seed", accountSeed);
        fails(nsc, "user name", "load", "--url", base + "/operator", "--seed", accountSeed, "--user", "a\u200bb");
        // a different operator of the same name is already there
        nsc.ok("add", "operator", "O");
        fails(nsc, "a different operator named \"O\" already exists", "load", "--url", base + "/operator", "--seed",
                accountSeed);
    }

    @Test
    void operatorWithoutAccountServerIsRefused() {
        team.ok("edit", "operator", "--rm-account-jwt-server-url");
        fails(nsc, "doesn't define an account server url", "load", "--url", base + "/operator", "--seed", accountSeed);
    }
}
