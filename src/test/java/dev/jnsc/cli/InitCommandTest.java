package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.OperatorAccountServer;
import dev.jnsc.testing.StoreCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init: the files, claims, nsc.json and lines of the Go nsc's init; remote operators; refusals. */
class InitCommandTest {
    @TempDir
    Path home;

    private static <T extends dev.jnsc.jwt.Claims> T claims(Path p, Class<T> type) {
        return Jwt.decode(Nsc.read(p).trim()).as(type, "a JWT");
    }

    @Test
    void createsOperatorSystemAccountAccountAndUserInOneStep() {
        Nsc nsc = new Nsc(home);
        Nsc.Result r = nsc.ok("init", "-n", "demo");
        OperatorClaims oc = claims(nsc.operatorJwt("demo"), OperatorClaims.class);
        AccountClaims sys = claims(nsc.accountJwt("demo", "SYS"), AccountClaims.class);
        AccountClaims ac = claims(nsc.accountJwt("demo", "demo"), AccountClaims.class);
        UserClaims sysUser = claims(nsc.userJwt("demo", "SYS", "sys"), UserClaims.class);
        UserClaims uc = claims(nsc.userJwt("demo", "demo", "demo"), UserClaims.class);

        assertEquals("", r.err());
        assertEquals("[ OK ] created operator demo\n"
                + "[ OK ] created system_account: name:SYS id:" + sys.subject() + "\n"
                + "[ OK ] created system account user: name:sys id:" + sysUser.subject() + "\n"
                + "[ OK ] system account user creds file stored in `~/.nkeys/creds/demo/SYS/sys.creds`\n"
                + "[ OK ] created account demo\n"
                + "[ OK ] created user \"demo\"\n"
                + "[ OK ] project jwt files created in `~/.nsc/nats`\n"
                + "[ OK ] user creds file stored in `~/.nkeys/creds/demo/demo/demo.creds`\n"
                + "> to run a local server using this configuration, enter:\n"
                + ">   nsc generate config --mem-resolver --config-file <path/server.conf>\n"
                + "> then start a nats-server using the generated config:\n"
                + ">   nats-server -c <path/server.conf>\n", r.out());

        // the operator: self-signed, the local service URL, SYS as system account, no signing keys
        assertEquals("demo", oc.name());
        assertEquals(oc.subject(), oc.issuer());
        assertEquals(List.of("nats://localhost:4222"), oc.serviceUrls());
        assertEquals(sys.subject(), oc.systemAccount());
        assertTrue(oc.signingKeys().isEmpty());
        // SYS as add operator --sys makes it: a signing key that signs sys, the two monitoring exports
        assertEquals(oc.subject(), sys.issuer());
        assertEquals(List.of("$SYS.ACCOUNT.*.>", "$SYS.REQ.ACCOUNT.*.*"),
                sys.exports().stream().map(Export::subject).toList());
        assertEquals(sys.signingKeys().get(0).key(), sysUser.issuer());
        assertEquals(sys.subject(), sysUser.issuerAccount());
        // the account, signed by the operator; the user, by the account's identity key
        assertEquals("demo", ac.name());
        assertEquals(oc.subject(), ac.issuer());
        assertEquals("demo", uc.name());
        assertEquals(ac.subject(), uc.issuer());
        assertEquals("", uc.issuerAccount() == null ? "" : uc.issuerAccount());
        // every seed stored, creds with the user's JWT and seed, 0600
        for (String k : List.of(oc.subject(), sys.subject(), sys.signingKeys().get(0).key(), sysUser.subject(),
                ac.subject(), uc.subject())) {
            assertEquals(k, NKey.fromSeed(Nsc.read(nsc.keyFile(k)).trim().toCharArray()).publicKey());
            assertEquals("rw-------", Nsc.mode(nsc.keyFile(k)));
        }
        Decorated.Parts creds = Decorated.parse(Nsc.read(nsc.creds("demo", "demo", "demo")).getBytes(StandardCharsets.UTF_8));
        assertEquals(Nsc.read(nsc.userJwt("demo", "demo", "demo")).trim(), creds.jwt());
        assertEquals(uc.subject(), NKey.fromSeed(creds.seed()).publicKey());
        assertEquals("rw-------", Nsc.mode(nsc.creds("demo", "demo", "demo")));
        assertTrue(Files.isRegularFile(nsc.creds("demo", "SYS", "sys")));
        assertEquals(List.of(), StoreCheck.problems(nsc, "demo"));

        Map<String, Object> context = Json.parseObject(Nsc.read(home.resolve(".nsc/nsc.json")).getBytes());
        assertEquals(nsc.stores().toString(), context.get("store_root"));
        assertEquals("demo", context.get("operator"));
        assertEquals("demo", context.get("account"));
        Map<String, Object> marker = Json.parseObject(Nsc.read(nsc.stores().resolve("demo/.nsc")).getBytes());
        assertEquals(Boolean.FALSE, marker.get("managed"));

        // what the Go nsc's init is for: the next commands work on it as they are
        nsc.ok("add", "user", "second");
        assertEquals(ac.subject(), claims(nsc.userJwt("demo", "demo", "second"), UserClaims.class).issuer());
    }

    @Test
    void dirPutsTheStoresElsewhereAndRecordsItAsTheStoreRoot() {
        Nsc nsc = new Nsc(home).env("NSC_HOME", null);
        Path dir = home.resolve("projects/nats");
        Nsc.Result r = nsc.ok("init", "--name", "demo", "--dir", "projects/nats");
        assertTrue(r.out().contains("[ OK ] project jwt files created in `~/projects/nats`\n"), r::toString);
        assertTrue(Files.isRegularFile(dir.resolve("demo/demo.jwt")));
        assertTrue(Files.isRegularFile(dir.resolve("demo/accounts/demo/users/demo.jwt")));
        assertEquals("rwx------", Nsc.mode(dir.resolve("demo")));
        assertFalse(Files.exists(home.resolve("xdg-data/nats/nsc/stores/demo")), "nothing in the default stores folder");
        // the store root sticks: later commands find the operator there
        String described = nsc.ok("describe", "account", "--json").out();
        assertTrue(described.contains("\"name\": \"demo\""), described);
        nsc.ok("add", "account", "other");
        assertTrue(Files.isRegularFile(dir.resolve("demo/accounts/other/other.jwt")));
    }

    @Test
    void refusalsChangeNothing() {
        Nsc nsc = new Nsc(home);
        usage(nsc, "--name is required", "init");
        usage(nsc, "--url and --remote-operator both name the operator", "init", "-n", "x", "-u", "http://h/o",
                "-o", "synadia");
        fails(nsc, "operator name \"a/b\"", "init", "-n", "a/b");
        fails(nsc, "--name \"\"", "init", "-n", "");
        fails(nsc, "--url \"ftp://h/o\" is invalid: expected the http(s) URL of an operator JWT", "init", "-n", "x",
                "-u", "ftp://h/o");
        fails(nsc, "error operator \"nosuch\" was not found", "init", "-n", "x", "-o", "nosuch");
        fails(nsc, "--name \"SYS\" is the name of the system account init creates", "init", "-n", "SYS");
        nsc.ok("init", "-n", "demo");
        fails(nsc, "operator \"demo\" already exists in `" + nsc.stores() + "`", "init", "-n", "demo");
    }

    @Test
    void aWriteThatFailsLeavesNothingHalfWritten() throws Exception {
        Nsc nsc = new Nsc(home);
        // a file where the creds folder of operator demo must go: found only when the commit writes
        Files.createDirectories(nsc.keystore().resolve("creds"));
        Files.writeString(nsc.keystore().resolve("creds/demo"), "in the way");
        fails(nsc, "creds/demo", "init", "-n", "demo");
        assertFalse(Files.exists(nsc.stores().resolve("demo")));
    }

    @Test
    void aFolderInTheWayIsRefusedButAnEmptyOneIsUsed() throws Exception {
        Nsc nsc = new Nsc(home);
        Files.createDirectories(nsc.stores().resolve("busy"));
        Files.writeString(nsc.stores().resolve("busy/notes.txt"), "mine");
        fails(nsc, "operator \"busy\" already exists", "init", "-n", "busy");
        Files.createDirectories(nsc.stores().resolve("empty"));
        nsc.ok("init", "-n", "empty");
        assertTrue(Files.isRegularFile(nsc.operatorJwt("empty")));
    }

    /** Operator "remote" of another nsc home, with an account server URL (or none); its JWT. */
    private static String remoteOperator(Path otherHome, String accountServer) {
        Nsc other = new Nsc(otherHome);
        other.ok("add", "operator", "remote");
        if (accountServer != null) {
            other.ok("edit", "operator", "--account-jwt-server-url", accountServer);
        }
        return Nsc.read(other.operatorJwt("remote")).trim();
    }

    /** The remote operator's account server (see {@link OperatorAccountServer}), the operator JWT from {@code body}. */
    private static OperatorAccountServer serve(AtomicReference<String> body, AtomicReference<NKey> signer) throws Exception {
        return new OperatorAccountServer(() -> body.get().getBytes(StandardCharsets.US_ASCII), signer::get, () -> 201);
    }

    private static OperatorAccountServer serve(AtomicReference<String> body) throws Exception {
        return serve(body, new AtomicReference<>());
    }

    private static NKey operatorKey(Path otherHome, String token) {
        String sub = Jwt.decode(token).claims().subject();
        return NKey.fromSeed(Nsc.read(new Nsc(otherHome).keyFile(sub)).trim().toCharArray());
    }

    @Test
    void aRemoteOperatorFromItsUrl(@TempDir Path otherHome) throws Exception {
        AtomicReference<String> body = new AtomicReference<>();
        AtomicReference<NKey> signer = new AtomicReference<>();
        OperatorAccountServer server = serve(body, signer);
        try {
            String base = server.base();
            String url = base + "/operator";
            String token = remoteOperator(otherHome, base);
            body.set(Decorated.formatJwt("OPERATOR", token));
            signer.set(operatorKey(otherHome, token));
            Nsc nsc = new Nsc(home);
            Nsc.Result r = nsc.ok("init", "-n", "team", "-u", url);
            assertEquals("[ OK ] add managed operator remote\n"
                    + "[ OK ] synchronized account jwt with account server " + base + "\n"
                    + "[ OK ] created account team\n"
                    + "[ OK ] created user \"team\"\n"
                    + "[ OK ] project jwt files created in `~/.nsc/nats`\n"
                    + "[ OK ] user creds file stored in `~/.nkeys/creds/remote/team/team.creds`\n", r.out());
            assertEquals(token, Nsc.read(nsc.operatorJwt("remote")), "the operator JWT as served");
            Map<String, Object> marker = Json.parseObject(Nsc.read(nsc.stores().resolve("remote/.nsc")).getBytes());
            assertEquals(Boolean.TRUE, marker.get("managed"));
            assertFalse(Files.exists(nsc.accountJwt("remote", "SYS")), "no system account for a remote operator");
            AccountClaims ac = claims(nsc.accountJwt("remote", "team"), AccountClaims.class);
            assertEquals(Jwt.decode(token).claims().subject(), ac.issuer(), "the account as the server signed it");
            assertEquals(ac.subject(), claims(nsc.userJwt("remote", "team", "team"), UserClaims.class).issuer());
            assertTrue(Files.isRegularFile(nsc.creds("remote", "team", "team")));

            // again, with another name: the same operator is kept, the account added
            nsc.ok("init", "-n", "team2", "-u", url);
            assertTrue(Files.isRegularFile(nsc.accountJwt("remote", "team2")));
            // an account of that name is refused, as is another operator under the same name
            fails(nsc, "an account named \"team\" already exists", "init", "-n", "team", "-u", url);
            body.set(remoteOperator(home.resolve("third"), base));
            fails(nsc, "error a different operator named \"remote\" already exists -- specify --dir", "init", "-n",
                    "x", "-u", url);
            // managed operators are not reissued: their key is not ours
            fails(nsc, "resign is only supported in non managed stores", "reissue", "operator", "-n", "remote");
        } finally {
            server.close();
        }
    }

    @Test
    void anAccountServerThatCannotTakeTheAccountLeavesItSelfSigned(@TempDir Path otherHome) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        AtomicReference<String> body = new AtomicReference<>(remoteOperator(otherHome,
                "http://127.0.0.1:" + port + "/jwt/v1"));
        OperatorAccountServer server = serve(body);
        try {
            String url = server.root() + "/jwt/v1/operator";
            Nsc nsc = new Nsc(home);
            Nsc.Result r = nsc.ok("init", "-n", "team", "-u", url);
            assertTrue(r.out().contains("[WARN] error pushing account \"team\" to http://127.0.0.1:" + port
                    + "/jwt/v1: cannot reach http://127.0.0.1:" + port + "/jwt/v1: connection refused - perform push/pull"
                    + " again or exchange self-signed JWT manually\n"), r::toString);
            AccountClaims ac = claims(nsc.accountJwt("remote", "team"), AccountClaims.class);
            assertEquals(ac.subject(), ac.issuer(), "self-signed");

            // a resolver URL takes no account over HTTP: self-signed, with a warning
            body.set(remoteOperator(otherHome.resolve("nats"), "nats://127.0.0.1:4222"));
            Nsc second = new Nsc(home.resolve("second"));
            r = second.ok("init", "-n", "team", "-u", url);
            assertTrue(r.out().contains("[WARN] unable to push to \"remote\" - operator doesn't set an account server"
                    + " url or manual exchange necessary"), r::toString);
        } finally {
            server.close();
        }
    }

    /** jnsc's own account server (--dir) serves the operator and takes only operator-signed accounts. */
    @Test
    void aRemoteOperatorServedByJnscsAccountServer(@TempDir Path otherHome) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port + "/jwt/v1";
        remoteOperator(otherHome, base);
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (dev.jnsc.resolver.AccountServer server = new dev.jnsc.resolver.AccountServer(
                new dev.jnsc.resolver.AccountServer.Config(dev.jnsc.resolver.HostPort.parse("127.0.0.1:" + port),
                        dev.jnsc.resolver.DirJwts.open(otherHome.resolve("jwts"), new Nsc(otherHome).operatorJwt("remote")),
                        dev.jnsc.resolver.ClaimsNotifier.NONE, java.time.Clock.systemUTC(), log::add)).start()) {
            Nsc nsc = new Nsc(home).realClock();
            Nsc.Result r = nsc.ok("init", "-n", "team", "-u", base + "/operator");
            assertTrue(r.out().startsWith("[ OK ] add managed operator remote\n[WARN] error pushing account \"team\" to "
                    + base + ": 400 "), r::toString);
            assertTrue(r.out().contains("must be signed by operator"), r::toString);
            AccountClaims ac = claims(nsc.accountJwt("remote", "team"), AccountClaims.class);
            assertEquals(ac.subject(), ac.issuer(), "the self-signed JWT is kept");
            assertTrue(log.stream().anyMatch(l -> l.contains("GET /jwt/v1/operator 200")), log::toString);
        }
    }

    @Test
    void aWellKnownOperatorFromTheEnvironment(@TempDir Path otherHome) throws Exception {
        AtomicReference<String> body = new AtomicReference<>(remoteOperator(otherHome, "nats://127.0.0.1:4222"));
        OperatorAccountServer server = serve(body);
        try {
            String url = server.root() + "/jwt/v1/operator";
            Nsc nsc = new Nsc(home).env("NSC_Local_OPERATOR", url);
            nsc.ok("init", "-n", "team", "-o", "local");
            // named as the well-known operator, as the Go nsc names it after the URL's host
            assertTrue(Files.isRegularFile(nsc.operatorJwt("Local")));
            assertTrue(Files.isRegularFile(nsc.accountJwt("Local", "team")));
        } finally {
            server.close();
        }
    }

    @Test
    void remoteOperatorsThatCannotBeUsedAreRefused(@TempDir Path otherHome) throws Exception {
        AtomicReference<String> body = new AtomicReference<>(remoteOperator(otherHome, null));
        OperatorAccountServer server = serve(body);
        Nsc nsc = new Nsc(home);
        try {
            String base = server.root();
            fails(nsc, "error importing operator \"remote\" - it doesn't define an account server url", "init", "-n",
                    "x", "-u", base + "/jwt/v1/operator");
            fails(nsc, "error reading response from \"" + base + "/missing\": 404", "init", "-n", "x", "-u",
                    base + "/missing");
            body.set("not a jwt");
            fails(nsc, "error importing operator jwt from " + base + "/jwt/v1/operator", "init", "-n", "x", "-u",
                    base + "/jwt/v1/operator");
            // an account JWT is not an operator
            Nsc other = new Nsc(otherHome);
            other.ok("add", "account", "A");
            body.set(Nsc.read(other.accountJwt("remote", "A")).trim());
            fails(nsc, "error importing operator jwt from", "init", "-n", "x", "-u", base + "/jwt/v1/operator");
        } finally {
            server.close();
        }
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        fails(nsc, "error loading \"http://127.0.0.1:" + port + "/o\": ", "init", "-n", "x", "-u",
                "http://127.0.0.1:" + port + "/o");
    }

    @Test
    void nameRulesOfOperatorsAccountsAndUsersAllApply() {
        Nsc nsc = new Nsc(home);
        String longName = "n".repeat(245); // fits an operator and an account, not a user (244 bytes)
        fails(nsc, "user name", "init", "-n", longName);
        nsc.ok("init", "-n", "n".repeat(244));
    }

    @Test
    void theGlobalFolderFlagsAfterInit() {
        Nsc nsc = new Nsc(home).env("NSC_HOME", null).env("NKEYS_PATH", null);
        Path d = home.resolve("data");
        nsc.ok("init", "-n", "demo", "--data-dir", d.toString(), "--keystore-dir", home.resolve("k").toString(),
                "--config-dir", home.resolve("c").toString());
        assertTrue(Files.isRegularFile(d.resolve("demo/accounts/demo/users/demo.jwt")), "-d defaults to --data-dir");
        assertTrue(Files.isRegularFile(home.resolve("k/creds/demo/demo/demo.creds")));
        assertTrue(Nsc.read(home.resolve("c/nsc.json")).contains("\"store_root\":\"" + d + "\""));

        nsc.ok("init", "-n", "other", "-H", home.resolve("all").toString(), "--config-dir", home.resolve("c").toString());
        assertTrue(Files.isRegularFile(home.resolve("all/other/other.jwt")));
        assertTrue(Files.isRegularFile(home.resolve("all/creds/other/other/other.creds")));
        assertTrue(Files.isRegularFile(home.resolve("all/nsc.json")), "-H wins over --config-dir, as in the Go nsc");
    }

    @Test
    void initRefusesPrivateKey() {
        Nsc nsc = new Nsc(home);
        NKey key = NKey.generate(dev.jnsc.nkeys.KeyKind.OPERATOR);
        fails(nsc, "-K/--private-key is not used by init", "init", "-n", "demo", "-K", new String(key.seed()));
        fails(nsc, "-K/--private-key is not used by init", "-K", new String(key.seed()), "init", "-n", "demo");
    }
}
