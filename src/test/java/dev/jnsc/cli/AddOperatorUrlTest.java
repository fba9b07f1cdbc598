package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.OperatorAccountServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * add operator -u/--url (a JWT file, an http URL, a well-known operator name) and --force, and how
 * the managed operator it makes then behaves: accounts sign themselves and go through the
 * operator's account server, users are signed by their account, push sends them.
 */
class AddOperatorUrlTest {
    @TempDir
    Path home;
    @TempDir
    Path remoteHome;
    Nsc nsc;
    Nsc remote;
    OperatorAccountServer server;
    /** Account JWTs the test account server holds, by key; what it answers to a POST. */
    final AtomicInteger postStatus = new AtomicInteger(200);
    volatile String operatorToken;

    @BeforeEach
    void setUp() throws Exception {
        nsc = new Nsc(home);
        remote = new Nsc(remoteHome);
        server = new OperatorAccountServer(
                () -> Decorated.formatJwt("OPERATOR", operatorToken).getBytes(StandardCharsets.US_ASCII),
                this::remoteOperatorKey, postStatus::get);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String base() {
        return server.base();
    }

    /** The remote operator R (in its own home), optionally with an account server URL; its JWT file in our home. */
    private Path remoteOperator(String accountServerUrl) throws Exception {
        remote.ok("add", "operator", "R");
        if (accountServerUrl != null) {
            remote.ok("edit", "operator", "-u", accountServerUrl);
        }
        operatorToken = Nsc.read(remote.operatorJwt("R")).trim();
        Path file = home.resolve("r.jwt");
        Files.writeString(file, operatorToken);
        return file;
    }

    private NKey remoteOperatorKey() {
        String sub = Jwt.decode(operatorToken).claims().subject();
        return NKey.fromSeed(Nsc.read(remote.keyFile(sub)).trim().toCharArray());
    }

    private static <T extends dev.jnsc.jwt.Claims> T claims(Path p, Class<T> type) {
        return Jwt.decode(Nsc.read(p).trim()).as(type, "a claim");
    }

    private static final String IMPORTED = "[ OK ] imported operator \"R\"\n"
            + "[ OK ] When running your own nats-server, make sure they run at least version 2.2.0\n";

    @Test
    void fromAFileMakesAManagedStore() throws Exception {
        remoteOperator(null);
        Nsc.Result r = nsc.ok("add", "operator", "--url", "r.jwt");
        assertEquals(IMPORTED, r.out());
        assertEquals("", r.err());
        assertEquals(operatorToken, Nsc.read(nsc.operatorJwt("R")), "the JWT is stored as it is");
        Map<String, Object> marker = Json.parseObject(Nsc.read(nsc.stores().resolve("R/.nsc")).getBytes());
        assertEquals(Boolean.TRUE, marker.get("managed"));
        assertEquals("R", marker.get("name"));
        assertTrue(Files.isDirectory(nsc.stores().resolve("R/accounts")));
        assertEquals("rwx------", Nsc.mode(nsc.stores().resolve("R/accounts")));
        assertEquals("rw-------", Nsc.mode(nsc.operatorJwt("R")));
        assertFalse(Files.exists(nsc.keystore().resolve("keys")), "no operator seed: nothing in the keystore");
        assertTrue(Nsc.read(home.resolve(".nsc/nsc.json")).contains("\"operator\":\"R\""), "R is current");
    }

    @Test
    void aDecoratedFileAndTheNameFlag() throws Exception {
        remoteOperator(null);
        Files.writeString(home.resolve("r.txt"), Decorated.formatJwt("OPERATOR", operatorToken));
        Nsc.Result r = nsc.ok("add", "operator", "-u", home.resolve("r.txt").toString(), "-n", "Other");
        assertTrue(r.out().startsWith("[ OK ] imported operator \"Other\"\n"), r.out());
        assertEquals(operatorToken, Nsc.read(nsc.operatorJwt("Other")));
        assertFalse(Files.exists(nsc.stores().resolve("R")));
    }

    @Test
    void fromAnHttpUrl() throws Exception {
        remoteOperator(base());
        Nsc.Result r = nsc.ok("add", "operator", "--url", base() + "/operator");
        assertEquals(IMPORTED, r.out());
        assertEquals(operatorToken, Nsc.read(nsc.operatorJwt("R")), "the JWT without its decoration");
    }

    @Test
    void aWellKnownNameFromTheEnvironmentNamesTheOperator() throws Exception {
        remoteOperator(base());
        nsc.env("NSC_Local_OPERATOR", base() + "/operator");
        Nsc.Result r = nsc.ok("add", "operator", "--url", "local");
        assertTrue(r.out().startsWith("[ OK ] imported operator \"Local\"\n"), "the well-known name (as in the variable)"
                + " names the operator, as in the Go nsc\n" + r);
        assertEquals(operatorToken, Nsc.read(nsc.operatorJwt("Local")));
        // a URL on the well-known operator's host is named after it too
        nsc.ok("add", "operator", "--url", base() + "/operator", "--force");
        assertFalse(Files.exists(nsc.stores().resolve("R")));
    }

    @Test
    void aWellKnownOperatorNeedingTheNetworkFailsInOneLine() {
        // synadia's JWT is at https://api.synadia.io: no network here (or an answer that is not awaited)
        nsc.env("NSC_NOWHERE_OPERATOR", "http://127.0.0.1:1/jwt/v1/operator");
        Nsc.Result r = fails(nsc, "(the well-known operator \"nowhere\"): cannot reach http://127.0.0.1:1/jwt/v1/operator",
                "add", "operator", "--url", "nowhere");
        assertTrue(r.err().startsWith("Error: error reading `http://127.0.0.1:1/jwt/v1/operator`"), r.err());
    }

    @Test
    void refusalsChangeNothing() throws Exception {
        remoteOperator(null);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        Files.writeString(home.resolve("garbage.jwt"), "garbage\n");
        Files.writeString(home.resolve("empty.jwt"), "");
        Files.copy(nsc.accountJwt("O", "A"), home.resolve("account.jwt"));
        fails(nsc, "error reading `missing.jwt`: " + home.resolve("missing.jwt") + " does not exist", "add", "operator",
                "--url", "missing.jwt");
        fails(nsc, "error importing operator jwt from `account.jwt`: expected an operator JWT", "add", "operator",
                "--url", "account.jwt");
        fails(nsc, "error importing operator jwt from `garbage.jwt`: not a JWT", "add", "operator", "--url",
                "garbage.jwt");
        fails(nsc, "`empty.jwt` holds no JWT", "add", "operator", "--url", "empty.jwt");
        fails(nsc, "is a folder, expected an operator JWT file", "add", "operator", "--url", home.toString());
        fails(nsc, "is neither a file, an http(s) URL nor a well-known operator", "add", "operator", "--url", "nothing");
        fails(nsc, "cannot load the operator JWT from " + base() + "/missing: the server answered 404", "add",
                "operator", "--url", base() + "/missing");
        fails(nsc, "cannot reach http://127.0.0.1:1/op: connection refused", "add", "operator", "--url",
                "http://127.0.0.1:1/op");
        fails(nsc, "--force only works with -u/--url", "add", "operator", "X", "--force");
        fails(nsc, "importing an operator is not compatible with system account generation", "add", "operator",
                "--url", "r.jwt", "--sys");
        fails(nsc, "--expiry cannot be used with --url", "add", "operator", "--url", "r.jwt", "--expiry", "1y");
        fails(nsc, "--generate-signing-key cannot be used with --url", "add", "operator", "--url", "r.jwt",
                "--generate-signing-key");
        fails(nsc, "operator name", "add", "operator", "--url", "r.jwt", "-n", "a/b");
        // a tampered signature
        String[] parts = operatorToken.split("\\.");
        String sig = (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1);
        Files.writeString(home.resolve("tampered.jwt"), parts[0] + "." + parts[1] + "." + sig);
        fails(nsc, "error importing operator jwt from `tampered.jwt`", "add", "operator", "--url", "tampered.jwt");
        // present already
        nsc.ok("add", "operator", "--url", "r.jwt");
        fails(nsc, "operator named R exists already: inspect it, and use --force", "add", "operator", "--url", "r.jwt");
        fails(nsc, "operator named O exists already", "add", "operator", "--url", "r.jwt", "-n", "O");
        // a folder of that name that is not an operator
        Files.createDirectories(nsc.stores().resolve("Busy/stuff"));
        fails(nsc, "operator \"Busy\" already exists", "add", "operator", "--url", "r.jwt", "-n", "Busy", "--force");
    }

    @Test
    void forceReplacesTheJwtOnly() throws Exception {
        remoteOperator(null);
        nsc.ok("add", "operator", "--url", "r.jwt");
        Nsc.Result same = nsc.ok("add", "operator", "--url", "r.jwt", "--force");
        assertEquals(IMPORTED, same.out(), "the same operator: no warning");

        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        String marker = Nsc.read(nsc.stores().resolve("O/.nsc"));
        String account = Nsc.read(nsc.accountJwt("O", "A"));
        Nsc.Result r = nsc.ok("add", "operator", "--url", "r.jwt", "-n", "O", "--force");
        assertEquals("[WARN] existing and new operator represent different entities, forced to continue\n"
                + "[ OK ] imported operator \"O\"\n"
                + "[ OK ] When running your own nats-server, make sure they run at least version 2.2.0\n", r.out());
        assertEquals(operatorToken, Nsc.read(nsc.operatorJwt("O")));
        assertEquals(marker, Nsc.read(nsc.stores().resolve("O/.nsc")), "as in the Go nsc, .nsc stays as it was");
        assertEquals(account, Nsc.read(nsc.accountJwt("O", "A")), "accounts stay");
        assertTrue(Nsc.read(home.resolve(".nsc/nsc.json")).contains("\"operator\":\"O\",\"account\":\"A\""),
                "the current operator stays current with its account, as Go's SetOperator");
        nsc.ok("add", "operator", "--url", "r.jwt", "-n", "Fresh");
        assertTrue(Nsc.read(home.resolve(".nsc/nsc.json")).contains("\"operator\":\"Fresh\",\"account\":\"\""));
    }

    @Test
    void accountsOfAManagedOperatorWithoutAccountServerSignThemselves() throws Exception {
        remoteOperator(null);
        nsc.ok("add", "operator", "--url", "r.jwt");
        Nsc.Result r = nsc.ok("add", "account", "A");
        assertTrue(r.out().endsWith("[WARN] unable to push to \"R\" - operator doesn't set an account server url or"
                + " manual exchange necessary\n"
                + "[WARN] perform push/pull again or exchange self-signed JWT manually\n"
                + "[ OK ] added account \"A\"\n"), r.out());
        AccountClaims ac = claims(nsc.accountJwt("R", "A"), AccountClaims.class);
        assertEquals(ac.subject(), ac.issuer(), "self-signed");
        nsc.ok("add", "user", "U");
        assertEquals(ac.subject(), claims(nsc.userJwt("R", "A", "U"), UserClaims.class).issuer());
        assertTrue(Files.isRegularFile(nsc.creds("R", "A", "U")));
        nsc.ok("edit", "account", "A", "--conns", "7");
        AccountClaims edited = claims(nsc.accountJwt("R", "A"), AccountClaims.class);
        assertEquals(7, edited.limits().conn());
        assertEquals(ac.subject(), edited.issuer());
        nsc.ok("add", "export", "--subject", "x.>");
        assertEquals(ac.subject(), claims(nsc.accountJwt("R", "A"), AccountClaims.class).issuer());
        // a self-signed account JWT cannot be imported into a managed store (Go's message)
        Files.copy(nsc.accountJwt("R", "A"), home.resolve("self.jwt"));
        fails(nsc, "only a non managed store can import a self signed account", "import", "account", "--file",
                home.resolve("self.jwt").toString(), "--overwrite");
    }

    @Test
    void accountsGoThroughTheAccountServer() throws Exception {
        remoteOperator(base());
        nsc.ok("add", "operator", "--url", base() + "/operator");
        Nsc.Result r = nsc.ok("add", "account", "A");
        assertTrue(r.out().endsWith("[ OK ] push jwt to account server\n[ OK ] pull jwt from account server\n"
                + "[ OK ] added account \"A\"\n"), r.out());
        AccountClaims ac = claims(nsc.accountJwt("R", "A"), AccountClaims.class);
        assertEquals(remoteOperatorKey().publicKey(), ac.issuer(), "the operator-signed copy of the server is stored");
        assertEquals(server.accounts.get(ac.subject()), Nsc.read(nsc.accountJwt("R", "A")));
        nsc.ok("add", "user", "U");
        assertEquals(ac.subject(), claims(nsc.userJwt("R", "A", "U"), UserClaims.class).issuer());

        // the server takes it but does not serve it back (202): the self-signed JWT is kept, with Go's warnings
        postStatus.set(202);
        Nsc.Result accepted = nsc.ok("edit", "account", "A", "--conns", "3");
        assertTrue(accepted.out().contains("[WARN] push jwt to account server: pushed account jwt was accepted by the"
                + " account server (202)\n"), accepted.out());
        AccountClaims edited = claims(nsc.accountJwt("R", "A"), AccountClaims.class);
        assertEquals(ac.subject(), edited.issuer());
        assertEquals(3, edited.limits().conn());

        // push sends the accounts of a managed operator, self-signed or not
        postStatus.set(200);
        nsc.ok("push", "-A");
        assertEquals(3, Jwt.decode(server.accounts.get(ac.subject())).as(AccountClaims.class, "an account").limits().conn());

        // a refused push changes nothing (the Go nsc stores the JWT and exits 1)
        postStatus.set(400);
        fails(nsc, "error pushing account \"A\" to the account server " + base() + ": 400", "edit", "account", "A",
                "--conns", "4");
        fails(nsc, "error pushing account \"B\"", "add", "account", "B");
        server.close();
        fails(nsc, "error pushing account \"A\" to the account server " + base() + ": cannot reach", "edit", "account",
                "A", "--conns", "4");
    }

    @Test
    void aStoredOperatorKeySignsAccountsOfAnImportedOperator() throws Exception {
        // our own operator, imported into another home whose keystore holds its seed
        remoteOperator(null);
        Nsc shared = new Nsc(home);
        shared.env("NKEYS_PATH", remoteHome.resolve(".nkeys").toString());
        shared.ok("add", "operator", "--url", "r.jwt");
        shared.ok("add", "account", "A");
        AccountClaims ac = claims(shared.accountJwt("R", "A"), AccountClaims.class);
        assertEquals(remoteOperatorKey().publicKey(), ac.issuer(), "the operator key in the keystore signs, as in Go");
    }
}
