package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.ExportType;
import dev.jnsc.jwt.Import;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Checks;
import dev.jnsc.testing.ExportFixtures;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * add import and delete import: what they write, and every refusal (one error line, exit code,
 * no file changed). Account A exports; B and C import. The clock is fixed at {@link Nsc#START}.
 */
class ImportCommandsTest {
    @TempDir
    Path home;
    Nsc nsc;
    String a;
    String b;

    @BeforeEach
    void store() {
        nsc = new Nsc(home).tutorial();
        nsc.ok("add", "account", "B");
        nsc.ok("add", "account", "C");
        ExportFixtures.add(nsc, "A", ExportFixtures.stream("pub.>"), ExportFixtures.service("help"),
                ExportFixtures.service("svc.>").name("privsvc").tokenRequired(true),
                ExportFixtures.stream("priv.*").name("privstream").tokenRequired(true),
                ExportFixtures.stream("wild.*.*"), ExportFixtures.service("acct.*.svc").accountTokenPosition(2));
        a = key("A");
        b = key("B");
    }

    private String key(String account) {
        return Signing.subject(Nsc.read(nsc.accountJwt("O", account)));
    }

    private AccountClaims account(String name) {
        return Signing.account(Nsc.read(nsc.accountJwt("O", name)));
    }

    private List<Import> imports(String name) {
        return account(name).imports();
    }

    /** An activation from A for {@code account}, written by generate activation to a new file. */
    private Path token(String subject, String target, String... more) {
        Path f = home.resolve("tok-" + target + "-" + subject.replaceAll("[^a-z]", "_") + "-" + more.length + ".jwt");
        String[] args = new String[8 + more.length];
        System.arraycopy(new String[] {"generate", "activation", "-a", "A", "-s", subject, "-t", target}, 0, args, 0, 8);
        System.arraycopy(more, 0, args, 8, more.length);
        String[] withOut = java.util.Arrays.copyOf(args, args.length + 2);
        withOut[args.length] = "-o";
        withOut[args.length + 1] = f.toString();
        nsc.ok(withOut);
        return f;
    }

    private Path file(String name, String content) throws Exception {
        Path f = home.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    // --- public imports -------------------------------------------------------------------------

    @Test
    void publicStreamImportByKey() {
        Nsc.Result r = nsc.ok("add", "import", "-a", "B", "--src-account", a, "--remote-subject", "pub.>");
        assertEquals("[ OK ] added stream import \"pub.>\"\n", r.out());
        assertEquals("", r.err());
        List<Import> im = imports("B");
        assertEquals(1, im.size());
        Import i = im.get(0);
        assertEquals("pub.>", i.name(), "the name defaults to the remote subject");
        assertEquals("pub.>", i.subject());
        assertEquals(a, i.account());
        assertEquals(ExportType.STREAM, i.type());
        assertEquals("", i.localSubject());
        assertEquals("", i.token());
        assertFalse(i.allowTrace());
        assertEquals(Signing.subject(Nsc.read(nsc.operatorJwt("O"))), account("B").issuer(), "signed by the operator");
    }

    @Test
    void publicStreamImportByNameWithNameLocalSubjectAndTrace() {
        nsc.ok("add", "import", "-a", "B", "--src-account", "A", "--remote-subject", "pub.x", "-n", "named",
                "--local-subject", "mine.x", "--allow-trace");
        Import i = imports("B").get(0);
        assertEquals("named", i.name());
        assertEquals("pub.x", i.subject());
        assertEquals("mine.x", i.localSubject());
        assertEquals(a, i.account(), "an account name is read as its key, as the Go nsc does");
        assertTrue(i.allowTrace());
    }

    @Test
    void publicServiceImportWithShareAndReferences() {
        nsc.ok("add", "import", "-a", "B", "--src-account", a, "--remote-subject", "help", "--service", "--share");
        nsc.ok("add", "import", "-a", "B", "--src-account", a, "--remote-subject", "wild.*.*", "-s", "w.$2.$1");
        Nsc.Result r = nsc.ok("add", "import", "-a", "C", "--src-account", a, "--remote-subject", "acct." + key("C") + ".svc",
                "--service", "-s", "my.svc");
        assertEquals("[ OK ] added service import \"acct." + key("C") + ".svc\"\n", r.out(), "the account token is right");
        Import help = imports("B").stream().filter(i -> i.subject().equals("help")).findFirst().orElseThrow();
        assertEquals(ExportType.SERVICE, help.type());
        assertTrue(help.share());
        assertEquals("", help.localSubject(), "a public service import keeps an empty local subject, as in Go");
        Import wild = imports("B").stream().filter(i -> i.subject().equals("wild.*.*")).findFirst().orElseThrow();
        assertEquals("w.$2.$1", wild.localSubject());
    }

    @Test
    void anExportTheStoreAccountDoesNotHaveIsAcceptedWithAWarning() {
        Nsc.Result r = nsc.ok("add", "import", "-a", "B", "--src-account", "A", "--remote-subject", "none.x");
        assertEquals("[WARN] account \"A\" has no stream export that contains \"none.x\" - the import takes effect only"
                + " once it exports it\n[ OK ] added stream import \"none.x\"\n", r.out());
        r = nsc.ok("add", "import", "-a", "B", "--src-account", "A", "--remote-subject", "pub.y", "--service");
        assertTrue(r.out().startsWith("[WARN] account \"A\" has no service export that contains \"pub.y\" (it has a stream"
                + " export \"pub.>\": leave out --service)"), r.out());
        assertEquals(2, imports("B").size());
    }

    @Test
    void anAccountOutsideTheStoreIsAcceptedSilently() {
        String outside = NKey.generate(KeyKind.ACCOUNT).publicKey();
        Nsc.Result r = nsc.ok("add", "import", "-a", "B", "--src-account", outside, "--remote-subject", "x.>");
        assertEquals("[ OK ] added stream import \"x.>\"\n", r.out());
        assertEquals(outside, imports("B").get(0).account());
    }

    @Test
    void aWrongAccountTokenPositionIsAcceptedWithAWarning() {
        Nsc.Result r = nsc.ok("add", "import", "-a", "B", "--src-account", "A", "--remote-subject", "acct.*.svc",
                "--service", "-s", "x.*.svc");
        assertTrue(r.out().startsWith("[WARN] export \"acct.*.svc\" of account \"A\" puts the importing account's key at"
                + " token 2 of its subject"), r.out());
    }

    // --- private imports ------------------------------------------------------------------------

    @Test
    void privateServiceImportFromATokenFile() {
        Path t = token("svc.>", b);
        Nsc.Result r = nsc.ok("add", "import", "-a", "B", "--token", t.toString());
        assertEquals("[ OK ] added service import \"svc.>\"\n", r.out());
        Import i = imports("B").get(0);
        assertEquals("svc.>", i.name(), "the name is the activation's");
        assertEquals("svc.>", i.subject());
        assertEquals("svc.>", i.localSubject(), "a service import from a token maps to its own subject, as in Go");
        assertEquals(a, i.account());
        assertEquals(ExportType.SERVICE, i.type());
        ActivationClaims act = Jwt.decode(i.token()).as(ActivationClaims.class, "an activation");
        assertEquals(b, act.subject(), "the token itself is stored, not its file name");
    }

    @Test
    void privateStreamImportWithNameAndLocalSubject() {
        Path t = token("priv.x", "B");
        nsc.ok("add", "import", "-a", "B", "-u", t.toString(), "-n", "mine", "-s", "local.x", "--allow-trace");
        Import i = imports("B").get(0);
        assertEquals("mine", i.name());
        assertEquals("priv.x", i.subject());
        assertEquals("local.x", i.localSubject());
        assertEquals(ExportType.STREAM, i.type());
        assertTrue(i.allowTrace());
    }

    @Test
    void aTokenSignedByASigningKeyNamesTheExporter() {
        Nsc.Result sk = nsc.ok("edit", "account", "A", "--sk", "generate");
        String skKey = sk.out().replaceAll("(?s).*added signing key \"(A[A-Z2-7]{55})\".*", "$1");
        Path t = token("svc.a", "B", "-K", skKey);
        nsc.ok("add", "import", "-a", "B", "--token", t.toString(), "-s", "from.sk");
        assertEquals(a, imports("B").get(0).account(), "issuer_account, not the signing key");
    }

    @Test
    void aTokenFromAnHttpUrl() throws Exception {
        String token = Files.readString(token("svc.url", "B"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/act", ex -> {
            byte[] body = token.getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            fails(nsc, "--token: cannot load the activation token from " + base + "/missing: the server answered 404",
                    "add", "import", "-a", "B", "--token", base + "/missing");
            nsc.ok("add", "import", "-a", "B", "--token", base + "/act");
            assertEquals(Jwt.decode(token.lines().filter(l -> l.startsWith("ey")).findFirst().orElseThrow()).token(),
                    imports("B").get(0).token(), "the fetched token is stored, not the URL");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableTokenUrlIsOneClearError() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        fails(nsc, "--token: cannot reach http://127.0.0.1:" + port + "/x: connection refused",
                "add", "import", "-a", "B", "--token", "http://127.0.0.1:" + port + "/x");
    }

    @Test
    void describeAccountShowsTheImports() {
        nsc.ok("add", "import", "-a", "B", "--token", token("svc.>", "B", "--expiry", "2026-03-01").toString());
        nsc.ok("add", "import", "-a", "B", "--src-account", a, "--remote-subject", "pub.>", "--allow-trace");
        String out = nsc.ok("describe", "account", "B").out();
        assertTrue(out.contains("│ svc.> │ Service │ svc.>  │ svc.> │ 2026-03-01 00:00:00 UTC │ A            │ No     │ N/A  "),
                out);
        assertTrue(out.contains("│ pub.> │ Stream  │ pub.>  │       │                         │ A            │ Yes    │ Yes  "),
                out);
        assertFalse(Checks.hasRow(out, "Imports", ""), "no Imports row when there are imports, as in Go\n" + out);
        String wide = nsc.ok("describe", "account", "B", "-W").out();
        assertTrue(wide.contains("│ " + a + " │"), "-W shows keys\n" + wide);
        String json = nsc.ok("describe", "account", "B", "--json").out();
        assertTrue(json.contains("\"imports\": ["), json);
        Checks.assertRow(nsc.ok("describe", "account", "C").out(), "Imports", "None");
    }

    // --- refusals of add import -----------------------------------------------------------------

    @Test
    void flagsThatDoNotGoTogether() throws Exception {
        Path t = token("svc.>", "B");
        usage(nsc, "--token names the exporting account and subject itself: leave out --src-account",
                "add", "import", "-a", "B", "--token", t.toString(), "--src-account", a);
        usage(nsc, "leave out --src-account and --remote-subject",
                "add", "import", "-a", "B", "--token", t.toString(), "--src-account", a, "--remote-subject", "svc.>");
        usage(nsc, "an import needs --src-account <account> and --remote-subject <subject> (public exports), or --token",
                "add", "import", "-a", "B", "--remote-subject", "pub.>");
        usage(nsc, "an import needs --src-account", "add", "import", "-a", "B", "--src-account", a);
        fails(nsc, "--share is only for service imports", "add", "import", "-a", "B", "--src-account", a,
                "--remote-subject", "pub.>", "--share");
        fails(nsc, "--allow-trace is only for stream imports", "add", "import", "-a", "B", "--src-account", a,
                "--remote-subject", "help", "--service", "--allow-trace");
        Path stream = token("priv.a", "B");
        fails(nsc, "--service does not match the activation token \"" + stream + "\": it grants a stream",
                "add", "import", "-a", "B", "--token", stream.toString(), "--service");
    }

    @Test
    void aPrivateExportNeedsAToken() {
        fails(nsc, "service export \"privsvc\" of account \"A\" is private: importing it needs an activation token - create"
                + " one with \"nsc generate activation -a A -s svc.x -t " + b + " -o <file>\" and add the import with"
                + " --token <file>", "add", "import", "-a", "B", "--src-account", "A", "--remote-subject", "svc.x",
                "--service");
        fails(nsc, "stream export \"privstream\" of account \"A\" is private", "add", "import", "-a", "B", "--src-account",
                a, "--remote-subject", "priv.q");
    }

    @Test
    void badAccountsAndSubjects() {
        fails(nsc, "account \"A\" cannot import from itself", "add", "import", "-a", "A", "--src-account", "A",
                "--remote-subject", "pub.>");
        fails(nsc, "--src-account \"nosuch\" is neither an account public key nor the name of an account of operator"
                + " \"O\"", "add", "import", "-a", "B", "--src-account", "nosuch", "--remote-subject", "pub.>");
        String user = Signing.subject(Nsc.read(nsc.userJwt("O", "A", "U")));
        fails(nsc, "--src-account \"" + user + "\" is a user key, expected an account public key", "add", "import",
                "-a", "B", "--src-account", user, "--remote-subject", "pub.>");
        fails(nsc, "--remote-subject \"pub..x\" is not a valid subject", "add", "import", "-a", "B", "--src-account", a,
                "--remote-subject", "pub..x");
        fails(nsc, "--local-subject \"a b\" is not a valid subject", "add", "import", "-a", "B", "--src-account", a,
                "--remote-subject", "pub.>", "-s", "a b");
        fails(nsc, "account \"Z\" does not exist", "add", "import", "-a", "Z", "--src-account", a, "--remote-subject",
                "pub.>");
    }

    @Test
    void localSubjectsFollowTheJwtLibraryRules() {
        fails(nsc, "--local-subject \"x.y\" and the remote subject \"pub.>\" must both end in \">\" or both not",
                "add", "import", "-a", "B", "--src-account", a, "--remote-subject", "pub.>", "-s", "x.y");
        fails(nsc, "--local-subject \"w.$3.*\": $3 refers to a \"*\" of \"wild.*.*\" that does not exist (it has 2)",
                "add", "import", "-a", "B", "--src-account", a, "--remote-subject", "wild.*.*", "-s", "w.$3.*");
        fails(nsc, "--local-subject \"w.x\" must use each \"*\" of \"wild.*.*\" once, as \"*\" or as $1, $2 ... (it has 2,"
                + " the local subject 0)", "add", "import", "-a", "B", "--src-account", a, "--remote-subject", "wild.*.*",
                "-s", "w.x");
    }

    @Test
    void twiceTheSameImportOrOverlappingServices() {
        nsc.ok("add", "import", "-a", "B", "--src-account", a, "--remote-subject", "pub.>");
        fails(nsc, "account \"B\" already imports stream \"pub.>\" from " + a + " - delete that import first",
                "add", "import", "-a", "B", "--src-account", "A", "--remote-subject", "pub.>", "-n", "again");
        nsc.ok("add", "import", "-a", "B", "--src-account", a, "--remote-subject", "help", "--service", "-s", "q.x");
        fails(nsc, "service import \"svc.>\" would answer on \"q.>\", which overlaps the service import \"help\" (on"
                + " \"q.x\") of account \"B\"", "add", "import", "-a", "B", "--token", token("svc.>", "B").toString(),
                "-s", "q.>");
    }

    @Test
    void theImportsLimitOfTheAccount() {
        nsc.ok("edit", "account", "B", "--imports", "1");
        nsc.ok("add", "import", "-a", "B", "--src-account", a, "--remote-subject", "pub.>");
        fails(nsc, "account \"B\" may have at most 1 import (its --imports limit)", "add", "import", "-a", "B",
                "--src-account", a, "--remote-subject", "help", "--service");
    }

    @Test
    void tokensThatCannotWork() throws Exception {
        Path forC = token("svc.c", "C");
        fails(nsc, "the activation token \"" + forC + "\" is for account " + key("C") + ", not for account \"B\" (" + b
                + ")", "add", "import", "-a", "B", "--token", forC.toString());

        Path expiring = token("svc.e", "B", "--expiry", "1h");
        Path later = token("svc.l", "B", "--start", "1d");
        nsc.advance(Duration.ofHours(2));
        fails(nsc, "the activation token \"" + expiring + "\" expired at 2026-01-02 04:04:05 UTC - ask the exporter for a"
                + " new one", "add", "import", "-a", "B", "--token", expiring.toString());
        fails(nsc, "the activation token \"" + later + "\" is not valid before 2026-01-03 03:04:05 UTC", "add", "import",
                "-a", "B", "--token", later.toString());

        Path revoked = token("priv.r", "B");
        nsc.ok("revocations", "add_activation", "-a", "A", "-s", "priv.*", "-t", "B");
        fails(nsc, "the activation token \"" + revoked + "\" was revoked: account \"A\" revoked the activations of export"
                + " \"privstream\" issued before 2026-01-02 05:04:05 UTC", "add", "import", "-a", "B", "--token",
                revoked.toString());
    }

    @Test
    void tokensNscWouldNeverIssue() throws Exception {
        long now = nsc.nowSeconds();
        NKey aKey = Signing.stored(nsc, a);
        Path other = file("other.jwt", ExportFixtures.activation(aKey, "", b, ExportType.STREAM, "other.x", now, 0));
        fails(nsc, "the activation token \"" + other + "\" grants stream \"other.x\", but account \"A\" has no stream export"
                + " that contains it", "add", "import", "-a", "B", "--token", other.toString());

        NKey stranger = NKey.generate(KeyKind.ACCOUNT);
        Path forged = file("forged.jwt", ExportFixtures.activation(stranger, a, b, ExportType.SERVICE, "svc.f", now, 0));
        fails(nsc, "was signed by " + stranger.publicKey() + ", which is neither account \"A\" nor one of its signing keys",
                "add", "import", "-a", "B", "--token", forged.toString());

        NKey operator = Signing.operatorKey(nsc, "O");
        Path byOperator = file("op.jwt", ExportFixtures.activation(operator, "", b, ExportType.SERVICE, "svc.o", now, 0));
        fails(nsc, "was issued by " + operator.publicKey() + ", which is not an account", "add", "import", "-a", "B",
                "--token", byOperator.toString());

        fails(nsc, "is not a valid activation token: expected an activation JWT, found a JWT of type \"user\"",
                "add", "import", "-a", "B", "--token", nsc.userJwt("O", "A", "U").toString());
        fails(nsc, "is not a valid activation token: not a JWT: expected 3 chunks", "add", "import", "-a", "B", "--token",
                file("junk.txt", "hello\n").toString());
        fails(nsc, "holds no JWT: expected an activation token", "add", "import", "-a", "B", "--token",
                file("empty.jwt", "\n\n").toString());
        fails(nsc, "--token file " + home.resolve("nosuch.jwt") + " does not exist", "add", "import", "-a", "B",
                "--token", "nosuch.jwt");
        fails(nsc, "is a folder", "add", "import", "-a", "B", "--token", home.toString());
    }

    // --- delete import --------------------------------------------------------------------------

    @Test
    void deleteTheOnlyImportWithoutSubject() {
        nsc.ok("add", "import", "-a", "B", "--src-account", a, "--remote-subject", "pub.>");
        Nsc.Result r = nsc.ok("delete", "import", "-a", "B");
        assertEquals("[ OK ] deleted stream import \"pub.>\"\n", r.out());
        assertTrue(imports("B").isEmpty());
    }

    @Test
    void deleteBySubjectAndSourceAccount() {
        String c = key("C");
        nsc.ok("add", "import", "-a", "B", "--src-account", a, "--remote-subject", "pub.>");
        nsc.ok("add", "import", "-a", "B", "--src-account", c, "--remote-subject", "pub.>");
        nsc.ok("add", "import", "-a", "B", "--src-account", a, "--remote-subject", "help", "--service");
        fails(nsc, "-s/--subject is required: account \"B\" has 3 imports", "delete", "import", "-a", "B");
        fails(nsc, "more than one import \"pub.>\" found - specify --src-account with one of ", "delete", "import", "-a",
                "B", "-s", "pub.>");
        fails(nsc, "no import matching \"nope\" found in account \"B\"", "delete", "import", "-a", "B", "-s", "nope");
        fails(nsc, "no import matching \"help\" found from account " + c, "delete", "import", "-a", "B", "-s", "help",
                "--src-account", "C");
        Nsc.Result r = nsc.ok("delete", "import", "-a", "B", "-s", "pub.>", "--src-account", "C");
        assertEquals("[ OK ] deleted stream import \"pub.>\"\n", r.out());
        assertEquals(List.of(a, a), imports("B").stream().map(Import::account).toList());
        nsc.ok("delete", "import", "-a", "B", "--subject", "help");
        assertEquals(List.of("pub.>"), imports("B").stream().map(Import::subject).toList());
    }

    @Test
    void deleteFromAnAccountWithoutImports() {
        fails(nsc, "account \"C\" has no imports", "delete", "import", "-a", "C", "-s", "pub.>");
    }

    @Test
    void exportsAreKeptByImportEdits() {
        nsc.ok("add", "import", "-a", "A", "--src-account", "B", "--remote-subject", "b.>");
        List<Export> exports = account("A").exports();
        assertEquals(6, exports.size(), "an edit of A's imports keeps its exports");
    }
}
