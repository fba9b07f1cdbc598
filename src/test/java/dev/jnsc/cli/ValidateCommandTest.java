package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.fs.StoreLock;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Claims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.ExportType;
import dev.jnsc.jwt.Import;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.jwt.WeightedMapping;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate against stores broken on purpose: JWTs are written with the project's own encoder
 * (signed by the keys of the test keystore, or by fresh ones) where no command makes the case.
 * The clock of {@link Nsc} is fixed at {@link Nsc#START}.
 */
class ValidateCommandTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path home;
    Nsc nsc;
    long now;

    @BeforeEach
    void store() {
        nsc = new Nsc(home).tutorial();
        now = nsc.nowSeconds();
    }

    private <T extends Claims> T claims(Path file, Class<T> type) {
        return Jwt.decode(Nsc.read(file)).as(type, "a");
    }

    /** Edits the JWT in {@code file} and signs it again with {@code signer}. */
    private <T extends Claims> void rewrite(Path file, Class<T> type, NKey signer, Consumer<T> edit) {
        T c = claims(file, type);
        edit.accept(c);
        write(file, Jwt.encode(c, signer, now - 60));
    }

    private static void write(Path file, String token) {
        try {
            Files.writeString(file, token);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private NKey operatorKey() {
        return Signing.operatorKey(nsc, "O");
    }

    private NKey accountKey(String account) {
        return Signing.stored(nsc, claims(nsc.accountJwt("O", account), AccountClaims.class).subject());
    }

    private String accountPub(String account) {
        return claims(nsc.accountJwt("O", account), AccountClaims.class).subject();
    }

    /** Runs validate, which must exit {@code code} and change no file; returns its stderr. */
    private String validate(int code, String... args) {
        Map<String, String> before = nsc.snapshot();
        List<String> all = new ArrayList<>(List.of("validate"));
        all.addAll(List.of(args));
        Nsc.Result r = nsc.run(all.toArray(new String[0]));
        assertEquals(code, r.code(), r::toString);
        assertEquals("", r.out(), "validate prints on stderr, as the Go nsc");
        assertEquals(before, nsc.snapshot(), "validate writes nothing");
        if (code == 1) {
            assertTrue(r.err().endsWith("\nError: validation found errors\n"), r.err());
        }
        return r.err();
    }

    /** The row of an error ("!") finding with exactly this text. */
    private static void assertError(String out, String message) {
        assertTrue(hasFinding(out, "!", message), () -> "no error finding \"" + message + "\" in\n" + out);
    }

    private static void assertWarning(String out, String message) {
        assertTrue(hasFinding(out, "", message), () -> "no warning finding \"" + message + "\" in\n" + out);
    }

    private static boolean hasFinding(String out, String mark, String message) {
        for (String line : out.split("\n")) {
            String[] cells = line.split("│", -1);
            if (cells.length == 5 && cells[1].trim().matches("\\d+") && cells[2].trim().equals(mark)
                    && cells[3].trim().equals(message)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aHealthyStoreHasNoIssues() {
        String err = validate(0);
        assertEquals(String.join("\n",
                "╭─────────────────╮",
                "│  Operator \"O\"   │",
                "├─────────────────┤",
                "│ No issues found │",
                "╰─────────────────╯",
                "",
                "╭─────────────────╮",
                "│   Account \"A\"   │",
                "├─────────────────┤",
                "│ No issues found │",
                "╰─────────────────╯",
                "", ""), err);
        nsc.ok("add", "account", "C");
        nsc.ok("add", "account", "B");
        err = validate(0, "-A");
        assertTrue(err.indexOf("Account \"A\"") < err.indexOf("Account \"B\"")
                && err.indexOf("Account \"B\"") < err.indexOf("Account \"C\""), err);
        err = validate(0, "--account", "A");
        assertFalse(err.contains("Account \"C\""), err);
        assertTrue(err.contains("Account \"A\""), err);
        err = validate(0, "--all-accounts");
        assertTrue(err.contains("Account \"C\""), err);
    }

    @Test
    void flagsExcludeEachOther() throws IOException {
        Path f = Files.writeString(home.resolve("jwts"), Nsc.read(nsc.operatorJwt("O")));
        usage(nsc, "specify only one of --account or --all-accounts", "validate", "-a", "A", "-A");
        usage(nsc, "specify only one of --account or --all-accounts or --file", "validate", "-f", f.toString(), "-A");
        usage(nsc, "specify only one of --account or --all-accounts or --file", "validate", "-f", f.toString(), "-a", "A");
        fails(nsc, "account \"Z\" does not exist in operator \"O\"", "validate", "-a", "Z");
        fails(nsc, "cannot read " + home.resolve("nope") + ": no such file", "validate", "-f", "nope");
        Files.writeString(home.resolve("empty"), "\n\n");
        fails(nsc, "holds no JWT: expected one JWT a line", "validate", "-f", "empty");
    }

    @Test
    void readsWithoutTheStoreLock() throws Exception {
        try (StoreLock held = StoreLock.acquire(List.of(nsc.stores(), nsc.keystore()), Duration.ZERO, f -> { })) {
            validate(0, "-A", "--lock-timeout", "0");
        }
    }

    @Test
    void mappingWeightsAbove100AndDestinationsTheServerRefuses() {
        rewrite(nsc.accountJwt("O", "A"), AccountClaims.class, operatorKey(), a -> {
            a.mappings().put("m", new ArrayList<>(List.of(new WeightedMapping("n").weight(60), new WeightedMapping("o").weight(50))));
            a.mappings().put("x.*", new ArrayList<>(List.of(new WeightedMapping("y.*"))));
            a.mappings().put("c", new ArrayList<>(List.of(new WeightedMapping("c.e").cluster("east"),
                    new WeightedMapping("c.w").cluster("east").weight(10), new WeightedMapping("c.r").weight(50))));
            a.mappings().put("d", new ArrayList<>(List.of(new WeightedMapping("e").weight(30),
                    new WeightedMapping("e").cluster("k").weight(30), new WeightedMapping("f").weight(150))));
            a.mappings().put("q.a>b", new ArrayList<>(List.of(new WeightedMapping("r"))));
        });
        String err = validate(1);
        assertError(err, "the weights of mapping \"m\" add up to 110% (n 60%, o 50%): they may add up to 100% at most");
        assertError(err, "mapping \"x.*\" -> \"y.*\": '*' cannot be part of a destination: refer to the wildcards of the"
                + " source subject with $1 or {{wildcard(1)}} instead");
        // a weight left out counts as 100 in its cluster too (the jwt library counts it as 0 there)
        assertError(err, "the weights of mapping \"c\" in cluster \"east\" add up to 110% (c.e 100%, c.w 10%): they may"
                + " add up to 100% at most");
        assertError(err, "mapping \"d\" has the destination \"e\" more than once: nats-server ignores such a mapping, even"
                + " when the entries are for different clusters");
        assertError(err, "mapping \"d\" -> \"f\" has weight 150: a weight is 1 to 100 (percent)");
        assertWarning(err, "mapping \"q.a>b\": wildcards '*' and '>' must be whole tokens ('*' and '>' inside a token"
                + " are literal characters)");
    }

    @Test
    void olderServersAddUpTheClustersAWarningOnly() {
        nsc.ok("add", "mapping", "-f", "c", "-t", "c.local", "--cluster", "east", "--weight", "100");
        nsc.ok("add", "mapping", "-f", "c", "-t", "c.rest", "--weight", "70");
        assertWarning(validate(0), "the weights of mapping \"c\" add up to 170% over all clusters: nats-server 2.9"
                + " ignores the mapping (2.10 and later add up each cluster's weights apart)");
    }

    @Test
    void expiredAndNotYetValidJwts() {
        nsc.ok("edit", "user", "U", "--expiry", "1d");
        nsc.ok("edit", "account", "A", "--expiry", "2d");
        nsc.ok("edit", "operator", "--expiry", "2d");
        validate(0);
        nsc.ok("add", "user", "later", "--start", "3d");
        assertError(validate(1), "user \"later\": the JWT is not valid before 2026-01-05 03:04:05 UTC");
        nsc.advance(Duration.ofDays(1).plusSeconds(1));
        String err = validate(1);
        assertError(err, "user \"U\": the JWT expired at 2026-01-03 03:04:05 UTC");
        assertError(err, "user \"later\": the JWT is not valid before 2026-01-05 03:04:05 UTC");
        nsc.advance(Duration.ofDays(1));
        err = validate(1);
        assertError(err, "the JWT expired at 2026-01-04 03:04:05 UTC");
        assertTrue(err.startsWith("╭────────────────────────────────────────────────────╮\n│                    Operator \"O\""),
                err);
    }

    @Test
    void userSignedByAKeyTheAccountNoLongerLists() {
        nsc.ok("edit", "account", "A", "--sk", "generate");
        String sk = claims(nsc.accountJwt("O", "A"), AccountClaims.class).signingKeys().get(0).key();
        nsc.ok("add", "user", "V", "-K", sk);
        validate(0);
        nsc.ok("edit", "account", "A", "--rm-sk", sk);
        String err = validate(1);
        assertError(err, "user \"V\": signed by " + sk + ", which is neither the identity key nor a signing key of account"
                + " \"A\": servers refuse it");
        // signed by a signing key, but without issuer_account: servers look for the key among the account's own
        nsc.ok("edit", "account", "A", "--sk", sk);
        rewrite(nsc.userJwt("O", "A", "V"), UserClaims.class, Signing.stored(nsc, sk), u -> u.issuerAccount(""));
        assertError(validate(1), "user \"V\": signed by a signing key of account \"A\", but its issuer_account is not set:"
                + " servers refuse it");
    }

    @Test
    void scopedSigningKeyUsersCarryNoPermissions() {
        nsc.ok("edit", "account", "A", "--sk", "generate");
        String sk = claims(nsc.accountJwt("O", "A"), AccountClaims.class).signingKeys().get(0).key();
        nsc.ok("edit", "signing-key", "--sk", sk, "--role", "svc", "--allow-pub", "svc.>");
        nsc.ok("add", "user", "S", "-K", "svc");
        validate(0);
        rewrite(nsc.userJwt("O", "A", "S"), UserClaims.class, Signing.stored(nsc, sk),
                u -> u.permissions().pub().allow().add(">"));
        assertError(validate(1), "user \"S\": signed by the scoped signing key " + sk + " (role \"svc\"), but it carries"
                + " permissions or limits of its own: servers refuse it");
    }

    @Test
    void strictOperatorRefusesIdentitySignedAccountsAndUsers() {
        nsc.ok("edit", "operator", "--sk", "generate");
        // the Go nsc's edit operator refuses --require-signing-keys here; the JWT is written by hand
        rewrite(nsc.operatorJwt("O"), OperatorClaims.class, operatorKey(), o -> o.strictSigningKeyUsage(true));
        String err = validate(1);
        assertError(err, "the account JWT is signed by the identity key of operator \"O\", which requires signing keys:"
                + " servers refuse it - re-sign it with an operator signing key");
        assertError(err, "user \"U\": signed by the identity key of account \"A\", but the operator requires signing keys:"
                + " servers refuse it");
    }

    @Test
    void accountsNotSignedByTheOperator() {
        NKey other = NKey.generate(KeyKind.OPERATOR, RANDOM);
        rewrite(nsc.accountJwt("O", "A"), AccountClaims.class, other, a -> { });
        assertError(validate(1), "the account JWT is signed by " + other.publicKey() + ", which is neither the identity key"
                + " nor a signing key of operator \"O\"");
        rewrite(nsc.accountJwt("O", "A"), AccountClaims.class, accountKey("A"), a -> { });
        String err = validate(1);
        assertError(err, "the account JWT is self-signed: only operator \"O\" or its signing keys can sign it");
        // as the jwt library: the limits of a new account (-1s) are limits all the same
        assertWarning(err, "a self-signed account JWT should not contain operator limits");
    }

    @Test
    void systemAccountWithJetStream() {
        nsc.ok("edit", "account", "A", "--js-enable", "0");
        rewrite(nsc.operatorJwt("O"), OperatorClaims.class, operatorKey(), o -> o.systemAccount(accountPub("A")));
        assertError(validate(1), "JetStream is enabled for the system account");
    }

    @Test
    void unreadableJwtsAreFindingsAndTheRestIsStillChecked() throws IOException {
        nsc.ok("add", "user", "V", "--expiry", "1d");
        Files.writeString(nsc.userJwt("O", "A", "U"), "garbage");
        nsc.advance(Duration.ofDays(2));
        String err = validate(1);
        assertTrue(err.contains("│ 1 │ ! │ cannot load user \"U\" from " + nsc.userJwt("O", "A", "U")), err);
        assertError(err, "user \"V\": the JWT expired at 2026-01-03 03:04:05 UTC");
    }

    @Test
    void revokedUsersAreAWarning() {
        nsc.ok("revocations", "add-user", "-n", "U");
        String err = validate(0);
        assertWarning(err, "user \"U\": revoked by account \"A\" (revocation of 2026-01-02 03:04:05 UTC): servers refuse"
                + " it");
    }

    /** Account E exports; the tests make A import from it. */
    private String exporter(Consumer<AccountClaims> exports) {
        nsc.ok("add", "account", "E");
        nsc.ok("select", "account", "A"); // validate with no flags checks the current account
        rewrite(nsc.accountJwt("O", "E"), AccountClaims.class, operatorKey(), exports);
        return accountPub("E");
    }

    private void imports(Import... imports) {
        rewrite(nsc.accountJwt("O", "A"), AccountClaims.class, operatorKey(), a -> a.imports().addAll(List.of(imports)));
    }

    private String activation(NKey signer, String target, String subject, ExportType type, Consumer<ActivationClaims> edit) {
        ActivationClaims c = new ActivationClaims();
        c.subject(target);
        c.name(subject);
        c.importSubject(subject);
        c.importType(type);
        edit.accept(c);
        return Jwt.encode(c, signer, now - 60);
    }

    @Test
    void importOfAnExportThatNoLongerExists() {
        String e = exporter(a -> a.exports().add(Export.stream("events.>")));
        imports(Import.stream(e, "events.a"), Import.stream(e, "gone.>"), Import.service(e, "events.b"));
        String err = validate(1);
        assertError(err, "import \"gone.>\" from account \"E\": account \"E\" has no stream export that covers \"gone.>\"");
        assertError(err, "import \"events.b\" from account \"E\": account \"E\" has no service export that covers"
                + " \"events.b\"");
        assertFalse(err.contains("import \"events.a\""), err);
        validate(0, "-a", "E");
    }

    @Test
    void privateExportNeedsAToken() {
        String e = exporter(a -> {
            a.exports().add(Export.service("svc.>").tokenRequired(true));
            a.exports().add(Export.stream("s.>").tokenRequired(true));
        });
        String token = activation(accountKey("E"), accountPub("A"), "svc.>", ExportType.SERVICE, c -> { });
        imports(Import.service(e, "svc.a").token(token), Import.stream(e, "s.x"));
        String err = validate(1);
        assertError(err, "import \"s.x\" from account \"E\": the export \"s.>\" is private, but the import has no"
                + " activation token");
        assertFalse(err.contains("import \"svc.a\""), err);
    }

    @Test
    void expiredAndNotYetValidActivationTokens() {
        String e = exporter(a -> a.exports().add(Export.service("svc.>").tokenRequired(true)));
        String me = accountPub("A");
        NKey ek = accountKey("E");
        imports(Import.service(e, "svc.old").token(activation(ek, me, "svc.old", ExportType.SERVICE, c -> c.expires(now - 1))),
                Import.service(e, "svc.new").token(activation(ek, me, "svc.new", ExportType.SERVICE,
                        c -> c.notBefore(now + 3600))),
                Import.service(e, "svc.ok").token(activation(ek, me, "svc.ok", ExportType.SERVICE,
                        c -> c.expires(now + 3600))));
        String err = validate(1);
        assertError(err, "import \"svc.old\" from account \"E\": its activation token expired at 2026-01-02 03:04:04 UTC");
        assertError(err, "import \"svc.new\" from account \"E\": its activation token is not valid before 2026-01-02"
                + " 04:04:05 UTC");
        assertFalse(err.contains("import \"svc.ok\""), err);
    }

    @Test
    void revokedActivationTokens() {
        String me = accountPub("A");
        String e = exporter(a -> a.exports().add(Export.stream("s.>").tokenRequired(true).revokeAt(me, now - 60)));
        imports(Import.stream(e, "s.a").token(activation(accountKey("E"), me, "s.>", ExportType.STREAM, c -> { })));
        assertError(validate(1), "import \"s.a\" from account \"E\": its activation token was revoked by account \"E\"");
        // a token issued after the revocation is good
        rewrite(nsc.accountJwt("O", "E"), AccountClaims.class, operatorKey(),
                a -> a.exports().get(0).revocations().put(me, now - 61));
        validate(0);
    }

    @Test
    void tokensForAnotherAccountSubjectOrKind() {
        String e = exporter(a -> {
            a.exports().add(Export.service("svc.>").tokenRequired(true));
            a.exports().add(Export.stream("s.>").tokenRequired(true));
        });
        NKey ek = accountKey("E");
        String me = accountPub("A");
        String stranger = NKey.generate(KeyKind.ACCOUNT, RANDOM).publicKey();
        imports(Import.service(e, "svc.a").token(activation(ek, stranger, "svc.a", ExportType.SERVICE, c -> { })),
                Import.service(e, "svc.b").token(activation(ek, me, "svc.c", ExportType.SERVICE, c -> { })),
                Import.stream(e, "s.a").token(activation(ek, me, "s.a", ExportType.SERVICE, c -> { })),
                Import.stream(e, "s.b").token(activation(NKey.generate(KeyKind.ACCOUNT, RANDOM), me, "s.b",
                        ExportType.STREAM, c -> { })));
        String err = validate(1);
        assertError(err, "import \"svc.a\" from account \"E\": its activation token is for account " + stranger
                + ", not for this account");
        assertError(err, "import \"svc.b\" from account \"E\": its activation token grants \"svc.c\", which does not"
                + " cover \"svc.b\"");
        assertError(err, "import \"s.a\" from account \"E\": its activation token is for a service, the import is a"
                + " stream");
        assertTrue(err.contains("import \"s.b\" from account \"E\": its activation token is issued by A"), err);
    }

    @Test
    void tokenSignedByASigningKeyTheExporterRemoved() {
        String e = exporter(a -> a.exports().add(Export.service("svc.>").tokenRequired(true)));
        nsc.ok("edit", "account", "E", "--sk", "generate");
        String sk = claims(nsc.accountJwt("O", "E"), AccountClaims.class).signingKeys().get(0).key();
        imports(Import.service(e, "svc.a").token(activation(Signing.stored(nsc, sk), accountPub("A"), "svc.>",
                ExportType.SERVICE, c -> c.issuerAccount(e))));
        validate(0);
        nsc.ok("edit", "account", "E", "--rm-sk", sk);
        assertError(validate(1), "import \"svc.a\" from account \"E\": its activation token is signed by " + sk
                + ", which is no signing key of account \"E\" (any more)");
    }

    @Test
    void accountTokenPositionMustHoldTheImportersKey() {
        String me = accountPub("A");
        String e = exporter(a -> a.exports().add(Export.stream("acc.*.>").accountTokenPosition(2)));
        imports(Import.stream(e, "acc." + me + ".>"), Import.stream(e, "acc.other.x"));
        String err = validate(1);
        assertError(err, "import \"acc.other.x\" from account \"E\": the export \"acc.*.>\" takes the importing"
                + " account's key at token 2, but the import has \"other\" there (expected " + me + ")");
        assertFalse(err.contains("import \"acc." + me), err);
    }

    @Test
    void importsFromAccountsOutsideTheStoreAreAWarning() {
        String stranger = NKey.generate(KeyKind.ACCOUNT, RANDOM).publicKey();
        imports(Import.stream(stranger, "x.>"), Import.stream(stranger, "y.>").token("https://example.com/act.jwt"));
        String err = validate(0);
        assertWarning(err, "import \"x.>\" from account " + stranger + ": the account is not in this store: the import"
                + " cannot be checked against its exports");
        assertWarning(err, "import \"y.>\" from account " + stranger + ": its activation token is a URL, which validate"
                + " does not fetch");
    }

    @Test
    void whatTheJwtLibraryChecksToo() {
        rewrite(nsc.accountJwt("O", "A"), AccountClaims.class, operatorKey(), a -> {
            a.imports().add(Import.stream("", "a..b"));
            a.exports().add(Export.service("svc.>"));
            a.exports().add(Export.service("svc.a"));
            a.limits().exports(1);
            a.defaultPermissions().pub().allow().add("x q");
            a.infoUrl("nohost");
        });
        String err = validate(1);
        assertError(err, "import \"a..b\": names no account to import from");
        assertError(err, "import \"a..b\": its subject: subject \"a..b\" cannot contain consecutive `.`");
        assertError(err, "service export \"svc.>\" already exports \"svc.a\"");
        assertError(err, "the account has 2 exports, more than its limit of 1");
        assertError(err, "default permissions: publish permission \"x q\" has a queue, which only subscribe permissions"
                + " may have");
        assertError(err, "info url \"nohost\" has no protocol or host");
    }

    /** A file of JWTs needs no store: checked in an empty home. */
    @Test
    void fileOfJwtsOfAnyKind() throws IOException {
        nsc.ok("edit", "user", "U", "--expiry", "1d");
        String op = Nsc.read(nsc.operatorJwt("O"));
        String acc = Nsc.read(nsc.accountJwt("O", "A"));
        String user = Nsc.read(nsc.userJwt("O", "A", "U"));
        Nsc other = new Nsc(home.resolve("elsewhere")).advance(Duration.ofDays(2));
        Path f = Files.writeString(home.resolve("jwts.txt"), op + "\n\n" + accountPub("A") + "|" + acc + "\n  " + user
                + "  \nnot-a-jwt\n");
        Nsc.Result r = other.run("validate", "-f", f.toString());
        assertEquals(1, r.code(), r::toString);
        String err = r.err();
        assertTrue(err.contains("Operator \"O\" (" + Signing.subject(op) + ")"), err);
        assertTrue(err.contains("Account \"A\" (" + accountPub("A") + ")"), err);
        assertError(err, "the JWT expired at 2026-01-03 03:04:05 UTC");
        assertTrue(err.contains("Line 5"), err);
        assertTrue(err.contains("│ 1 │ ! │ not a valid JWT: not a JWT: expected 3 chunks separated by '.', found 1 │"), err);
        assertTrue(err.contains("Summary of all 4 JWTs"), err);
        assertError(err, "the JWT expired at 2026-01-03 03:04:05 UTC (1 occurrence)");
        assertFalse(Files.exists(home.resolve("elsewhere").resolve(".nsc")), "no store was made or read");
        // all good: each JWT has no issues
        Files.writeString(f, op + "\n" + acc + "\n");
        r = new Nsc(home.resolve("elsewhere")).run("validate", "--file", f.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals(3, r.err().split("No issues found", -1).length - 1, r.err());
    }

    @Test
    void fileJwtsAreCheckedAgainstEachOther() throws IOException {
        nsc.ok("edit", "account", "A", "--sk", "generate");
        String sk = claims(nsc.accountJwt("O", "A"), AccountClaims.class).signingKeys().get(0).key();
        nsc.ok("add", "user", "V", "-K", sk);
        String user = Nsc.read(nsc.userJwt("O", "A", "V"));
        nsc.ok("edit", "account", "A", "--rm-sk", sk);
        NKey stranger = NKey.generate(KeyKind.OPERATOR, RANDOM);
        rewrite(nsc.accountJwt("O", "A"), AccountClaims.class, stranger, a -> { });
        Path f = Files.writeString(home.resolve("jwts.txt"), Nsc.read(nsc.operatorJwt("O")) + "\n"
                + Nsc.read(nsc.accountJwt("O", "A")) + "\n" + user + "\n");
        String err = nsc.run("validate", "-f", f.toString()).err();
        assertError(err, "the account JWT is signed by " + stranger.publicKey() + ", which is neither the identity key nor"
                + " a signing key of the operator in the file");
        assertError(err, "signed by " + sk + ", which is neither the identity key nor a signing key of account \"A\":"
                + " servers refuse it");
    }
}
